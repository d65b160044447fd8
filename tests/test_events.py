"""Cooperation/conflict events: cues, direction, negation, quotes, and the bundled dyads."""
import pytest

import korea_analysis as ka
from korea_analysis.actors import load_actors
from korea_analysis.events import find_cues, find_events, load_cues
from korea_analysis.mentions import find_mentions
from korea_analysis.text import sentences


@pytest.fixture(scope="module")
def book():
    return load_cues()


@pytest.fixture(scope="module")
def actors():
    return load_actors()


def events(text, actors, book, speakers=None, polarity=None):
    ss = sentences(text)
    ms = find_mentions(text, ss, actors)
    return [(e["source"], e["target"], e["cue"], e["cameo"], e["score"]) for e in
            find_events(text, ss, ms, cues=book, speakers=speakers, polarity=polarity)]


def test_cue_with_gap_and_longest_match(book):
    t = "Putin and Kim signed a comprehensive strategic partnership agreement."
    (a, b, cue), = find_cues(t, 0, len(t), book)
    assert t[a:b] == "signed a comprehensive strategic partnership agreement"
    assert (cue.cameo, cue.goldstein, cue.quad) == ("057", 8.0, 1)


def test_directed_conflict_and_sanction_value(actors, book):
    got = events("The United Nations Security Council imposed new sanctions on North Korea.",
                 actors, book)
    assert got == [("IGOUNO", "PRK", "sanctions", "163", -0.8)]


def test_coordinated_subjects_act_together(actors, book):
    got = events("North Korea and Russia have strengthened their ties.", actors, book)
    assert got == [("PRK", "RUS", "strengthened their ties", "058", 0.5)]


def test_co_subjects_of_a_denial_are_not_in_conflict(actors, book):
    # they deny together: no target, so no event between them
    assert events("Both Pyongyang and Moscow have denied any arms transactions.", actors,
                  book) == []


def test_absence_and_negation_reverse_at_half_strength(actors, book):
    got = events("The United States has no diplomatic relations with North Korea.", actors, book)
    assert got == [("USA", "PRK", "diplomatic relations", "050", -0.175)]
    got = events("Seoul did not condemn Tokyo.", actors, book)
    assert got == [("KOR", "JPN", "condemn", "111", 0.1)]
    got = events("Moon hopes to end the rivalry between South Korea and North Korea.", actors,
                 book)
    assert got == [("KOR", "PRK", "rivalry", "160", 0.2)]


def test_source_after_from(actors, book):
    got = events("America helps South Korea counter any aggression from North Korea.", actors,
                 book)
    assert ("PRK", "KOR", "aggression", "180", -0.9) in got


def test_topic_is_not_a_partner(actors, book):
    got = events("Japan and South Korea held talks on North Korea.", actors, book)
    assert [(s, t) for s, t, *_ in got] == [("JPN", "KOR")]


def test_governing_cue_takes_the_next_ones_target(actors, book):
    got = events("North Korea is resisting any formal nuclear talks with the United States.",
                 actors, book)
    assert got == [("PRK", "USA", "resisting", "120", -0.4)]


def test_quote_counts_for_its_speaker(actors, book):
    t = "“Sanctions on North Korea should stay put,” Park Won-gon said."
    assert events(t, actors, book) == []  # only one actor without the speaker
    assert events(t, actors, book, speakers={0: "KOR"}) == [
        ("KOR", "PRK", "Sanctions", "163", -0.8)]


def test_polarity_only_where_no_cue_fires(actors, book):
    t = "South Korea and Japan are wonderful neighbours."
    assert events(t, actors, book) == []
    assert events(t, actors, book, polarity=lambda s: 0.6) == [("KOR", "JPN", "", "", 0.6)]


def test_cue_inside_an_organisation_name_is_ignored(actors, book):
    t = "China hosted the Shanghai Cooperation Organisation meeting with Russia."
    assert all(cue != "Cooperation" for *_, cue, _c, _s in
               [(a, b, c, d, e) for a, b, c, d, e in events(t, actors, book)])


@pytest.fixture(scope="module")
def bundled():
    return ka.annotate(ka.load_corpus(), cache=False, backend="textblob-plain")


def dyad(ann, a, b):
    a, b = sorted((a, b))
    row = ann.dyads[(ann.dyads.actor_a == a) & (ann.dyads.actor_b == b)]
    return row.iloc[0]


def test_bundled_dyads_a_reader_would_agree_with(bundled):
    assert dyad(bundled, "PRK", "RUS").score > 0.3      # partnership, support, ties
    assert dyad(bundled, "KOR", "USA").score > 0.1      # alliance, support, talks
    assert dyad(bundled, "PRK", "USA").score < -0.1     # deterrence, accusations, resisting
    assert dyad(bundled, "KOR", "PRK").score < -0.2     # deterrence, sanctions, aggression
    assert dyad(bundled, "JPN", "KOR").score > 0        # the Camp David security cooperation
    assert dyad(bundled, "CHN", "PRK").score > 0        # the Chinese delegation's trip


def test_bundled_evidence_sentences(bundled):
    e = bundled.events.merge(bundled.sentences[["article_id", "sentence_id", "text"]],
                             on=["article_id", "sentence_id"])
    row = e[(e.cameo == "057") & (e.source == "RUS") & (e.target == "PRK")].iloc[0]
    assert row.text.startswith("This visit is part of a broader strengthening of ties between "
                               "Moscow and Pyongyang")
    row = e[(e.cameo == "163")].iloc[0]
    assert (row.source, row.target, row.score) == ("KOR", "PRK", -0.8)  # Park's quote
    assert row.text.startswith("“But sanctions on North Korea should stay put,” Park noted")
    row = e[(e.cameo == "112")].iloc[0]  # the US accused North Korea of supplying Russia
    assert (row.source, row.target) == ("USA", "PRK")


def test_bad_cue_file_is_a_clear_error(tmp_path):
    from korea_analysis.events import CueDictionaryError

    f = tmp_path / "cues.yaml"
    f.write_text("cues:\n  - {cameo: '057', quad: 7, goldstein: 8, patterns: [sign]}\n")
    with pytest.raises(CueDictionaryError, match=r"cues\[0\].*quad must be 1-4"):
        load_cues(f)
    f.write_text("cues: [unclosed\n")
    with pytest.raises(CueDictionaryError, match="not valid YAML"):
        load_cues(f)


def test_history_is_flagged_and_left_out_of_dyads(actors, book):
    t = ("Between 1950 and 1953, North Korea fought against South Korea. Since 1953 the US has "
         "backed South Korea.")
    ss = sentences(t)
    rows = find_events(t, ss, find_mentions(t, ss, actors), cues=book, published_year=2021)
    assert [(r["source"], r["target"], r["historical"]) for r in rows] == [
        ("PRK", "KOR", True), ("USA", "KOR", False)]  # "since 1953" is the present


def test_bundled_war_history_is_not_current_conflict(bundled):
    hist = bundled.events[bundled.events.historical]
    assert set(hist.sentence_id[hist.article_id == "tensions-increasing-north-korea"]) == {9}
    pairs = set(zip(bundled.dyads.actor_a, bundled.dyads.actor_b, strict=True))
    assert ("CHN", "KOR") not in pairs  # only the 1950-53 war sentence linked them
