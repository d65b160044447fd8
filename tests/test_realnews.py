"""Patterns found in real peninsula news (issue 12), on sentences of our own: speakers from
appositions after a description, reported clauses after a time or an occasion, and speaker
names cleaned of dates and title words."""
import datetime as dt

from speaker_rows import decided


def rows(text, actors, published=dt.date(2024, 5, 1)):
    """(kind, quote, speaker, country) of each quote that is not scare quotes."""
    return [(q.kind, q.quote, q.speaker, code) for q, code, _ in decided(text, actors, published)]


def test_description_then_titled_name_with_portfolio(actors):
    t = ("The host of the forum, Chinese Vice Minister of Foreign Affairs Wu Dawei, read out "
         "a note saying “all sides will meet again in the spring.”")
    assert [(r[2], r[3]) for r in rows(t, actors, dt.date(2007, 3, 1))] == [
        ("Wu Dawei", "CHN")]


def test_said_then_a_time_or_an_occasion_then_that(actors):
    t = ("The navy said over the weekend that it had tracked two drones near the coast. "
         "Ms Lindqvist said at the closing session of the annual fisheries forum in Bergen "
         "on Tuesday that quotas must fall.")
    got = rows(t, actors)
    assert [(r[0], r[1]) for r in got] == [
        ("indirect", "it had tracked two drones near the coast"),
        ("indirect", "quotas must fall")]


def test_clause_before_a_cue_followed_by_an_occasion(actors):
    t = ("The energy ministry plans to close three coal plants by 2030, it said Friday during "
         "a briefing for the cabinet.\n\n"
         "Exports are rising again, Finance Minister Olga Petrova told reporters after the "
         "Meeting of Budget Representatives in Oslo.\n\n"
         "“Our ties are strong,” she said.")
    got = rows(t, actors)
    assert [r[1] for r in got] == [
        "The energy ministry plans to close three coal plants by 2030",
        "Exports are rising again", "Our ties are strong,"]
    # the plural "Budget Representatives" is not the woman "she" refers to
    assert [r[2] for r in got[1:]] == ["Olga Petrova", "Olga Petrova"]


def test_a_time_after_the_cue_is_not_the_reported_clause(actors):
    t = "The coast guard said Monday it had rescued nine fishermen off the island."
    assert [(r[0], r[1]) for r in rows(t, actors)] == [
        ("indirect", "it had rescued nine fishermen off the island")]
    t = "The coast guard said Friday during a visit to the port."
    assert rows(t, actors) == []


def test_speaker_name_without_its_date(actors):
    t = ("President Yoon Suk Yeol on March 3 called the drills “a grave threat to peace,” "
         "while adding, “We will answer firmly.”")
    assert {(r[2], r[3]) for r in rows(t, actors, dt.date(2023, 3, 4))} == {
        ("Yoon Suk Yeol", "KOR")}


def test_title_word_before_a_resolved_name_and_an_ing_apposition(actors):
    t = ("Pyongyang, May 2 (KCNA) -- A spokesman for the DPRK Foreign Ministry answered a "
         "question about remarks by U.S. Special Envoy for Human Rights Policy Tom Hadley:\n\n"
         "A week ago he, visiting towns near the DPRK, said that the talks would be "
         "a waste of time.")
    got = rows(t, actors, dt.date(2012, 5, 2))
    assert [(r[2], r[3]) for r in got if r[0] == "indirect"] == [("Tom Hadley", "USA")]


def test_unnamed_spokesperson_speaks_for_the_ministry(actors):
    t = ("The navy's patrols are \"a reckless gamble\", a North Korean defence ministry "
         "spokesman was quoted as saying by state media.\n\n"
         "\"Their plan will fail,\" the spokesman said. \"We are ready,\" the spokesman added.")
    got = rows(t, actors, dt.date(2021, 6, 1))
    assert {(r[2], r[3]) for r in got if r[0] == "direct"} == {("Defence Ministry", "PRK")}


def test_a_number_between_dashes_is_no_speaker(actors):
    t = ("Senator Ruth Okafor said the bill had \"a record\" number of sponsors — 61 of them — "
         "and warned that a veto would be overturned.")
    got = rows(t, actors)
    warned = [r for r in got if r[0] == "indirect" and r[1].startswith("a veto")]
    assert [r[2] for r in warned] == ["Ruth Okafor"]


def test_its_official_media_is_the_owner_states_outlet(actors):
    t = ("SEOUL (Yonhap) -- North Korea said Tuesday it had launched a new satellite.\n\n"
         "Its official media said the launch was \"a great success\" for the nation.\n\n"
         "The Korean Central News Agency said the rocket flew south.")
    got = rows(t, actors, dt.date(2023, 11, 22))
    assert (got[1][2], got[1][3]) == ("Korean Central News Agency", "PRK")
    t = ("North Korea said Tuesday it had launched a new satellite.\n\n"
         "Its official media said the launch was a great success for the nation.")
    got = rows(t, actors, dt.date(2023, 11, 22))
    assert (got[1][2], got[1][3]) == ("North Korea’s official media", "PRK")



def test_according_to_a_name_then_the_clause(actors):
    t = "According to Petrova, trade has grown fast since the two countries signed a deal."
    assert [(r[0], r[1], r[2]) for r in rows(t, actors)] == [
        ("indirect", "trade has grown fast since the two countries signed a deal", "Petrova")]
