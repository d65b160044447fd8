"""Syndicated copies: found on word shingles, counted once by select(), kept on request."""
import numpy as np
import pandas as pd

from korea_analysis import duplicates
from korea_analysis.selection import select

# A wire story of our own, and the ways outlets republish it.
WIRE = (
    "SEOUL, March 3 (Wire) - North Korea fired two short-range ballistic missiles into the sea "
    "off its east coast on Tuesday, South Korea's military said, days after Pyongyang warned "
    "of a strong response to joint drills by Seoul and Washington. The missiles flew about "
    "three hundred kilometres before falling outside Japan's exclusive economic zone, the "
    "Joint Chiefs of Staff said in a statement. Japan's defence ministry said it was "
    "analysing the launch and lodged a protest through diplomatic channels in Beijing. "
    "Officials in Washington said the launch did not pose an immediate threat to American "
    "personnel or territory, but called on Pyongyang to return to talks without conditions. "
    "Analysts said the timing suggested a message aimed at the allies' spring exercises, "
    "which are due to run for eleven days and involve thousands of troops.")
OTHER = (
    "South Korea and Japan agreed on Friday to resume regular visits by their leaders after a "
    "gap of twelve years, as both governments sought closer ties in the face of a more "
    "assertive China. The two foreign ministers met in Tokyo for three hours and said they "
    "would set up a working group on export controls. North Korea fired two short-range "
    "ballistic missiles into the sea off its east coast on Tuesday. Business groups in both "
    "countries welcomed the agreement and said trade could grow by a fifth within two years.")


def corpus(rows):
    df = pd.DataFrame(rows, columns=["article_id", "source", "text"])
    df["published"] = pd.NaT
    df["date_precision"] = None
    df["title"] = None
    return df


def republished():
    return corpus([
        ("daily-1", "The Daily", "Missiles fired\n\nBy Wire staff\n\n" + WIRE),
        ("other-1", "The Daily", OTHER),
        ("herald-1", "The Herald", WIRE.replace(" - ", " — ").replace("'", "\u2019")
         + "\n\nCopyright Wire. All rights reserved."),
        ("times-1", "The Times", WIRE.upper()),
        ("post-1", "The Post", WIRE),
    ])


def test_copies_of_one_wire_story_point_at_the_first_in_corpus_order():
    found = duplicates.find_duplicates(republished())
    assert list(found.article_id) == ["herald-1", "times-1", "post-1"]
    assert set(found.duplicate_of) == {"daily-1"}
    # case, dashes and curly quotes do not matter: the Times copy is the same word sequence
    by_id = found.set_index("article_id").similarity
    assert by_id["times-1"] == 1.0 and by_id["post-1"] == 1.0
    # the Daily's added headline and byline, the Herald's copyright line: still above 0.8
    assert duplicates.THRESHOLD <= by_id["herald-1"] < 1.0


def test_a_different_story_sharing_one_sentence_is_not_a_copy():
    found = duplicates.find_duplicates(corpus([("a", "X", WIRE), ("b", "Y", OTHER)]))
    assert found.empty and list(found.columns) == ["article_id", "duplicate_of", "similarity"]


def test_similarity_is_the_jaccard_of_the_shingle_sets():
    # 20 distinct words; the copy drops the last 2: 16 shingles shared of 16 and 14
    words = [f"w{k}" for k in range(20)]
    a, b = " ".join(words), " ".join(words[:18])
    found = duplicates.find_duplicates(corpus([("a", "X", a), ("b", "Y", b)]), threshold=0.8)
    assert list(found.similarity) == [round(14 / 16, 4)]


def test_shingles_ignore_case_and_punctuation_and_stay_within_an_article():
    h, off = duplicates.shingle_hashes(["North Korea, fired two missiles today.",
                                        "north korea fired TWO missiles -- today",
                                        "Four words only here", "one two three four five"])
    assert list(off) == [0, 2, 4, 4, 5]  # 6 words: 2 shingles; under 5 words: none
    assert list(h[0:2]) == list(h[2:4])
    assert len(set(h.tolist())) == 3


def test_identical_short_texts_are_copies_different_ones_are_not():
    found = duplicates.find_duplicates(corpus([("a", "X", "Talks resume."), ("b", "Y", "Drills."),
                                               ("c", "Z", "Talks resume.")]))
    assert found.values.tolist() == [["c", "a", 1.0]]


def test_select_counts_a_syndicated_story_once_unless_asked():
    chosen, info = select(republished())
    assert list(chosen.article_id) == ["daily-1", "other-1"]
    assert info["duplicates_dropped"] == 3 and info["n_articles"] == 2 and info["n_loaded"] == 5
    assert list(info["duplicates"].article_id) == ["herald-1", "times-1", "post-1"]
    assert info["outlets"] == [("The Daily", 2)]
    kept, info = select(republished(), keep_duplicates=True)
    assert len(kept) == 5 and info["duplicates_dropped"] == 0 and info["keep_duplicates"]
    assert len(info["duplicates"]) == 3  # still reported


def test_many_articles_with_copies_scattered():
    rng = np.random.default_rng(0)
    vocab = np.array([f"word{k}" for k in range(5000)])
    texts = [" ".join(rng.choice(vocab, 120)) for _ in range(300)]
    rows = [(f"a{k}", "X", t) for k, t in enumerate(texts)]
    rows += [(f"copy{k}", "Y", texts[k] + " Reporting by Wire.") for k in (7, 150, 299)]
    found = duplicates.find_duplicates(corpus(rows))
    assert found[["article_id", "duplicate_of"]].values.tolist() == [
        ["copy7", "a7"], ["copy150", "a150"], ["copy299", "a299"]]


def test_duplicates_found_once_are_read_back_from_the_cache(tmp_path, monkeypatch):
    from korea_analysis import selection

    monkeypatch.setenv("KOREA_ANALYSIS_CACHE", str(tmp_path))
    first = selection.duplicates_of(republished())
    assert len(list((tmp_path / "duplicates").glob("*.parquet"))) == 1
    calls = []
    monkeypatch.setattr(selection, "find_duplicates", lambda a: calls.append(a) or first)
    again = selection.duplicates_of(republished())
    assert calls == [] and again.equals(first)
    changed = republished()
    changed.loc[4, "text"] = OTHER + " A new last sentence for this copy."
    selection.duplicates_of(changed)  # other texts: found afresh
    assert len(calls) == 1


def test_bands_and_rows_are_those_datasketch_chooses():
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=duplicates.LSH_THRESHOLD, num_perm=duplicates.NUM_PERM)
    assert (lsh.b, lsh.r) == (duplicates.BANDS, duplicates.ROWS)


def test_candidate_pairs_are_those_of_datasketchs_lsh_index():
    from datasketch import LeanMinHash, MinHashLSH

    rng = np.random.default_rng(1)
    n = 400
    sig = rng.integers(0, 50, size=(n, duplicates.NUM_PERM)).astype(np.uint32)
    for k in range(0, n - 1, 3):  # near copies: a few values changed, some bands left whole
        changed = rng.choice(duplicates.NUM_PERM, size=int(rng.integers(2, 40)), replace=False)
        sig[k + 1] = sig[k]
        sig[k + 1, changed] = rng.integers(0, 50, size=len(changed))
    sig[5:9, :duplicates.ROWS] = 7  # a bucket of several articles in the first band
    has = np.ones(n, dtype=bool)
    has[[20, 21]] = False  # not indexed (no shingles)
    lsh = MinHashLSH(threshold=duplicates.LSH_THRESHOLD, num_perm=duplicates.NUM_PERM)
    for i in np.flatnonzero(has).tolist():
        lsh.insert(i, LeanMinHash(seed=1, hashvalues=sig[i], scheme="affine32"))
    expected = set()
    for i in np.flatnonzero(has).tolist():
        expected |= {(min(i, j), max(i, j)) for j in lsh.query(
            LeanMinHash(seed=1, hashvalues=sig[i], scheme="affine32")) if j != i}
    for floor in (0.0, 0.5):
        pairs = duplicates.candidate_pairs(sig, has, floor)
        est = duplicates.estimated_similarity(sig, np.array(sorted(expected)))
        want = {p for p, e in zip(sorted(expected), est, strict=True) if e >= floor}
        assert {tuple(p) for p in pairs.tolist()} == want
    assert len(want) > 50 and {(5, 6), (5, 8)} <= expected
