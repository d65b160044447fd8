"""Building the dictionaries cheaply in a fresh process changes nothing they find.

The cue regexes are compiled the first time a text reaches their cue (not all at load), actor
keys are tokenised with ``findall``; an edited dictionary file or a damaged kept copy of its
parsed data is read afresh.
"""
import os
import pickle
import re

import pytest

from korea_analysis import actors, events

SENTENCES = [
    "Japan strongly condemned the missile launch and praised the talks.",
    "Seoul and Washington agreed to deepen cooperation, officials said on Monday.",
    "The ministry did not threaten sanctions against Pyongyang over the tests.",
    "Beijing criticised the drills; Tokyo urged both sides to resume dialogue.",
    "No one praised anything here, and nothing was signed.",
]


def _eager(book: events.CueBook) -> events.CueBook:
    """The same book with every regex compiled up front, as it was built before."""
    regexes = [re.compile(events._compile_pattern(c.pattern), re.I) for c in book.cues]
    return events.CueBook(book.path, book.cues, regexes, book.exact, book.prefix,
                          book.negations, book.window, book.factor)


def _fresh_book() -> events.CueBook:
    book = events.load_cues()
    return events.CueBook(book.path, book.cues, events.Patterns(book.regexes.sources),
                          book.exact, book.prefix, book.negations, book.window, book.factor)


def test_cue_regexes_are_the_ones_compiled_up_front():
    book = _fresh_book()
    assert len(book.regexes) == len(book.cues) > 0
    assert all(r is None for r in book.regexes.compiled)  # nothing compiled at load
    for i, cue in enumerate(book.cues):
        r = book.regexes[i]
        assert r.pattern == events._compile_pattern(cue.pattern) and r.flags & re.I
        assert book.regexes[i] is r  # compiled once


def test_lazy_cues_find_what_eager_ones_find_and_compile_only_what_is_reached():
    lazy, eager = _fresh_book(), _eager(events.load_cues())
    for s in SENTENCES:
        assert events.find_cues(s, 0, len(s), lazy) == events.find_cues(s, 0, len(s), eager)
    compiled = sum(r is not None for r in lazy.regexes.compiled)
    assert 0 < compiled < len(lazy.cues)


def test_a_pickled_book_is_sent_as_sources_and_finds_the_same():
    book = _fresh_book()
    s = SENTENCES[0]
    before = events.find_cues(s, 0, len(s), book)
    copy = pickle.loads(pickle.dumps(book))
    assert all(r is None for r in copy.regexes.compiled)
    assert events.find_cues(s, 0, len(s), copy) == before


@pytest.mark.parametrize("surface", ["South Korea", "Kim Jong-un's", "U.S.-ROK", "  a  b ",
                                     "Moon Jae-in", "“Quoted” name", "x", "", "10 Downing St."])
def test_actor_key_is_the_words_of_tokens(surface):
    assert actors._key(surface) == tuple(t for t, _, _ in actors.tokens(surface))


ACTORS_V1 = "actors:\n  KOR:\n    name: South Korea\n    names: [South Korea]\n"
ACTORS_V2 = ACTORS_V1 + "  JPN:\n    name: Japan\n    names: [Japan, Nippon]\n"
CUES_V1 = "cues:\n  - {cameo: '051', label: praise, quad: 1, goldstein: 3.4, patterns: [lauded]}\n"
CUES_V2 = CUES_V1 + ("  - {cameo: '111', label: criticise, quad: 3, goldstein: -2, "
                     "patterns: [slammed]}\n")


def _write(path, text, bump):
    path.write_text(text, encoding="utf-8")
    st = path.stat()  # a later modification time even on a coarse clock
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + bump * 1_000_000_000))


def test_edited_dictionaries_are_built_afresh(tmp_path, monkeypatch):
    monkeypatch.setenv("KOREA_ANALYSIS_CACHE", str(tmp_path / "cache"))
    a, c = tmp_path / "actors.yaml", tmp_path / "cues.yaml"
    _write(a, ACTORS_V1, 0)
    _write(c, CUES_V1, 0)
    assert set(actors.load_actors(a).actors) == {"KOR"}
    assert [x.label for x in events.load_cues(c).cues] == ["praise"]
    _write(a, ACTORS_V2, 5)
    _write(c, CUES_V2, 5)
    d = actors.load_actors(a)
    assert set(d.actors) == {"KOR", "JPN"} and d.entries[("Nippon",)].actors == ("JPN",)
    book = events.load_cues(c)
    assert [x.label for x in book.cues] == ["praise", "criticise"]
    s = "Tokyo slammed the plan."
    assert [x.label for _, _, x in events.find_cues(s, 0, len(s), book)] == ["criticise"]


def test_a_damaged_kept_copy_is_not_trusted(tmp_path, monkeypatch):
    monkeypatch.setenv("KOREA_ANALYSIS_CACHE", str(tmp_path / "cache"))
    a, c = tmp_path / "actors.yaml", tmp_path / "cues.yaml"
    _write(a, ACTORS_V2, 0)
    _write(c, CUES_V2, 0)
    first = actors.load_actors(a), events.load_cues(c)
    kept = sorted((tmp_path / "cache" / "dictionaries").glob("*.json"))
    assert len(kept) >= 2  # the bundled affiliations too, when not yet read in this process
    for f in kept:
        f.write_bytes(b'{"actors": {"XXX": ')  # cut short
    actors._cached.cache_clear()  # as a fresh process
    again = actors.load_actors(a), events.load_cues(c)
    assert again[0] is not first[0]
    assert again[0].entries == first[0].entries and again[0].actors == first[0].actors
    assert again[1].cues == first[1].cues
    assert again[1].regexes.sources == first[1].regexes.sources
