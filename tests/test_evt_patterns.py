"""Event patterns of news English added for the real-news dev misses (sentences of our own)."""

from korea_analysis.events import find_events
from korea_analysis.mentions import find_mentions
from korea_analysis.text import sentences


def pairs(text, actors, book, **kw):
    """(source, target, sign) of each event, in order."""
    ss = sentences(text)
    rows = find_events(text, ss, find_mentions(text, ss, actors), cues=book, **kw)
    return [(r["source"], r["target"], 1 if r["score"] > 0 else -1) for r in rows]


def test_talks_in_a_place_on_a_day_with_a_partner(actors, book):
    t = "Japan held talks in Beijing on Monday with China's top envoy on the nuclear issue."
    assert ("JPN", "CHN", 1) in pairs(t, actors, book)
    # the topic still comes last: no partner
    assert pairs("Japan and South Korea held talks on North Korea.", actors, book) == [
        ("JPN", "KOR", 1)]


def test_both_officials_and_the_2_countries_are_the_last_pair(actors, book):
    t = ("Seoul and Tokyo held talks on Friday. "
         "Both officials strongly condemned North Korea's latest missile launch.")
    got = pairs(t, actors, book)
    assert ("KOR", "PRK", -1) in got and ("JPN", "PRK", -1) in got
    t = ("Canada's envoy agreed with his Australian counterpart that the 2 nations would "
         "cooperate closely.")
    got = pairs(t, actors, book)
    assert ("CAN", "AUS", 1) in got or ("AUS", "CAN", 1) in got


def test_leaders_signed_a_declaration(actors, book):
    t = "Putin met Kim in Moscow. The two leaders signed a declaration on friendship."
    got = pairs(t, actors, book)
    assert ("PRK", "RUS", 1) in got or ("RUS", "PRK", 1) in got


def test_commitment_to_and_deplored(actors, book):
    t = "The minister reaffirmed the firm Japanese commitment to Australia's defence."
    assert pairs(t, actors, book) == [("JPN", "AUS", 1)]
    t = "The UN Security Council deplored North Korea's rocket launch."
    assert pairs(t, actors, book) == [("IGOUNO", "PRK", -1)]


def test_passive_condemnation_by_several(actors, book):
    t = "North Korea's nuclear test was condemned by the US, Japan and Russia."
    got = pairs(t, actors, book)
    assert {("USA", "PRK", -1), ("JPN", "PRK", -1), ("RUS", "PRK", -1)} <= set(got)


def test_a_name_inside_a_compound_word_is_no_object(actors, book):
    t = "Russia fired Iranian-made missiles at Ukraine."
    got = pairs(t, actors, book)
    assert ("RUS", "UKR", -1) in got and ("RUS", "IRN", -1) not in got
    t = "Moscow has been waging its war on Ukraine for years."
    assert pairs(t, actors, book) == [("RUS", "UKR", -1)]


def test_epithet_is_the_voice_toward_the_actor_it_names(actors, book):
    t = "Traitor Lee Myung Bak now heads the slander drive aimed at the DPRK."
    assert ("PRK", "KOR", -1) in pairs(t, actors, book, voice="PRK")
    t = "Nobody believes the balderdash of south Korean authorities on the DPRK."
    assert ("PRK", "KOR", -1) in pairs(t, actors, book, voice="PRK")


def test_reciprocal_fire_and_accusations(actors, book):
    got = pairs("China and Japan accused each other of provocations.", actors, book)
    assert set(got) == {("CHN", "JPN", -1), ("JPN", "CHN", -1)}


def test_calls_on_alarm_handshakes_and_onward_travel(actors, book):
    assert pairs("Canberra called on Pyongyang to stop its missile tests.", actors, book)[0] == (
        "AUS", "PRK", -1)
    assert pairs("Canada is expressing alarm at Iran's missile program.", actors, book) == [
        ("CAN", "IRN", -1)]
    assert pairs("Putin shook hands with Xi Jinping.", actors, book) == [("RUS", "CHN", 1)]
    assert pairs("The Australian envoy will travel on to Tokyo.", actors, book) == [
        ("AUS", "JPN", 1)]


def test_in_close_cooperation_with_is_the_subjects(actors, book):
    t = "Canada will keep watching Iran's missile tests in close cooperation with Australia."
    assert ("CAN", "AUS", 1) in pairs(t, actors, book)
    assert not any("IRN" in (s, t) and "AUS" in (s, t) for s, t, _ in pairs(t, actors, book))


def test_a_year_naming_a_thing_does_not_make_history(actors, book):
    t = "Tokyo called on Moscow to honour the 1956 declaration."
    ss = sentences(t)
    rows = find_events(t, ss, find_mentions(t, ss, actors), cues=book, published_year=2024)
    assert rows and not any(r["historical"] for r in rows)
    t = "In 1956 Tokyo called on Moscow to return the islands."
    rows = find_events(t, ss := sentences(t), find_mentions(t, ss, actors), cues=book,
                       published_year=2024)
    assert rows and all(r["historical"] for r in rows)


def test_condemning_the_act_named_before_targets_its_actor(actors, book):
    t = ("Iran said it had carried out an underground nuclear test. "
         "Canada and Australia condemned the test and urged new talks.")
    got = pairs(t, actors, book)
    assert ("CAN", "IRN", -1) in got and ("AUS", "IRN", -1) in got
    t = "Iran on Friday fired a missile. The launch was condemned by Canada and Australia."
    got = pairs(t, actors, book)
    assert ("CAN", "IRN", -1) in got and ("AUS", "IRN", -1) in got


def test_an_act_whose_actor_is_its_object_is_not_resolved(actors, book):
    t = ("Canada warned against a missile test by anyone. "
         "Australia and Japan condemned the test.")
    assert not any(t2 == "CAN" for _s, t2, _v in pairs(t, actors, book))


def test_coordinated_verbs_are_not_governed(actors, book):
    # a reversing verb does not turn the concern coordinated with it into support
    t = "Canada condemned and expressed concern about Iran's missile launch."
    got = pairs(t, actors, book)
    assert got and all(v == -1 for _s, _t, v in got)


def test_titled_co_subjects_and_calls_on_a_date(actors, book):
    t = "Russian President Putin and Foreign Minister Wang Yi jointly condemned Iran's launch."
    got = pairs(t, actors, book)
    assert ("RUS", "IRN", -1) in got and ("CHN", "IRN", -1) in got
    t = "Canada's foreign minister spoke on Monday with Australia's foreign minister."
    assert ("CAN", "AUS", 1) in pairs(t, actors, book)


def test_rhetoric_against_and_avoiding_confrontation(actors, book):
    t = "Iran escalated its rhetoric against Canada."
    assert pairs(t, actors, book) == [("IRN", "CAN", -1)]
    # an act to be avoided is no act either way (reversing it made the two allies "cooperate"
    # and "avoid provocations against Taiwan" support for Taiwan)
    t = "Canada and Australia want to avoid a confrontation."
    assert pairs(t, actors, book) == []
    t = "Canada and Australia sought to avoid a confrontation with Iran."
    assert pairs(t, actors, book) == []
    t = "Canada and Australia sought a confrontation with Iran."
    assert ("CAN", "IRN", -1) in pairs(t, actors, book)


def test_appositive_co_subjects_meeting_separately(actors, book):
    t = ("Secretary of State Antony Blinken and China's top diplomat, Wang Yi, each met "
         "separately with Japan's foreign minister.")
    assert pairs(t, actors, book) == [("USA", "JPN", 1), ("CHN", "JPN", 1)]
    t = t.replace("each met separately", "met")  # together: with each other too
    assert ("USA", "CHN", 1) in pairs(t, actors, book)


def test_going_to_a_country_is_a_visit(actors, book):
    assert pairs("The Canadian prime minister will go to Australia next week.", actors,
                 book) == [("CAN", "AUS", 1)]


def test_a_visit_or_meeting_cue_needs_a_name_after_it(actors, book):
    # "going to" is a future, "to meet the deadline" no meeting: the cue's "^" asks for a name
    assert pairs("Canada is going to press Iran on trade.", actors, book) == []
    assert pairs("Canada went to the polls on Monday as Iran watched.", actors, book) == []
    assert pairs("Canada and Iran failed to meet the deadline.", actors, book) == []
    assert ("CAN", "IRN", 1) in pairs("Canada's envoy went to Tehran in May.", actors, book)
    assert ("CAN", "IRN", 1) in pairs("Canada is going to meet Iran's envoy in Rome.", actors,
                                      book)


def test_hold_accountable_is_no_cue_over_what_follows(actors, book):
    t = "Canada said it would hold Iran accountable for its support to Syria."
    assert ("CAN", "SYR", -1) not in pairs(t, actors, book)
