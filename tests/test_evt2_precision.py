"""Event precision rules (sentences of our own): whom the polarity fallback may score, who
reports an act, and acts referred back to as news."""
import pytest

from korea_analysis.events import find_events
from korea_analysis.mentions import find_mentions
from korea_analysis.text import sentences


def rows(text, actors, book, **kw):
    ss = sentences(text)
    return find_events(text, ss, find_mentions(text, ss, actors), cues=book, **kw)


def pairs(text, actors, book, **kw):
    """(source, target, sign) of each event, in order."""
    return [(r["source"], r["target"], 1 if r["score"] > 0 else -1)
            for r in rows(text, actors, book, **kw)]


def fallback(text, actors, book, pol=0.5, speaker="USA"):
    got = rows(text, actors, book, polarity=lambda s: pol, speakers={0: speaker})
    return [(r["source"], r["target"]) for r in got if r["cue"] == ""]


def test_fallback_scores_no_place(actors, book):
    assert book.fallback_place is not None
    # a place where something happened is not whom the speaker means
    assert fallback("“Our meetings in Berlin were very useful,” the envoy said.",
                    actors, book) == []
    assert fallback("“I will report on my trip,” the envoy said on arrival at Beijing airport.",
                    actors, book) == []
    # the same actor named as a party still counts
    assert fallback("“Russia was very helpful in Berlin,” the envoy said.", actors, book) == [
        ("USA", "RUS")]


def test_fallback_scores_no_adjective(actors, book):
    # "North Korean issues", "a Chinese network": a thing of the country, not the country
    assert fallback("“We keep a firm stance on North Korean issues,” the minister said.",
                    actors, book, speaker="JPN") == []
    assert fallback("“The network is linked to a Chinese bank,” the prosecutor said.",
                    actors, book) == []


def test_fallback_scores_no_reference(actors, book):
    # "They" stands for the pair of the sentence before: no fallback toward them
    t = ("“Japan and Mongolia signed a trade pact,” the envoy said. “They were very "
         "concrete,” the envoy said.")
    got = [(r["sentence_id"], r["source"], r["target"]) for r in
           rows(t, actors, book, polarity=lambda s: 0.5, speakers={0: "USA", 1: "USA"})
           if r["cue"] == ""]
    assert got == []


def test_fallback_needs_more_than_a_near_neutral_polarity(actors, book):
    assert book.fallback_min == pytest.approx(0.04)
    t = "“Russia has a plan for the region,” the envoy said."
    assert fallback(t, actors, book, pol=0.03) == []
    assert fallback(t, actors, book, pol=-0.03) == []
    assert fallback(t, actors, book, pol=0.2) == [("USA", "RUS")]


def test_officials_reporting_an_act_are_not_its_object(actors, book):
    t = "Iran fired a ballistic missile on Sunday, Israeli and US officials said."
    got = pairs(t, actors, book)
    assert ("IRN", "ISR", -1) not in got and ("IRN", "USA", -1) not in got
    # one named before the comma still is the object; the speaker after it is not
    t = "Recently Russia deployed new weapons in the region, which threatens Japan, Suga said."
    got = pairs(t, actors, book)
    assert ("RUS", "JPN", -1) in got
    # no comma: "agree with what X said" keeps its partner
    assert ("CHN", "RUS", 1) in pairs("China agrees with what Foreign Minister Lavrov said.",
                                      actors, book)


def test_news_of_an_act_and_an_act_with_no_actor_before_it(actors, book):
    # the news (or announcement) of the act named before; an act in between whose own actor
    # is not right before it ("was censured by the UN for firing rockets") passes
    # the search on to the act named before it
    t = ("Iran is to conduct a missile test soon, the ministry said. "
         "Iran was censured by the UN for firing rockets in July. "
         "The news has been condemned by Germany, France and Britain.")
    got = pairs(t, actors, book)
    for x in ("DEU", "FRA", "GBR"):
        assert (x, "IRN", -1) in got
    # "reacted to the test": the actor is the act's concern, not its actor
    t = "Japan reacted to a missile test on Monday. The news was condemned by Germany."
    assert ("DEU", "JPN", -1) not in pairs(t, actors, book)


def test_a_hyphenated_bloc_of_three_is_no_pair(actors, book):
    # "the US-Japan-South Korea alliance": a bloc named as one modifier, not pairs
    assert pairs("They want to realize the US-Japan-South Korea alliance.", actors, book) == []
    # two joined by a hyphen are still a pair; three joined by "between" still pair up
    assert pairs("The US-Japan alliance is strong.", actors, book) == [("USA", "JPN", 1)]
    got = pairs("They held talks between the United States, Japan and South Korea.", actors, book)
    assert {(s, t) for s, t, _ in got} == {("USA", "JPN"), ("USA", "KOR"), ("JPN", "KOR")}


def test_prefix_cues_do_not_match_other_words(book):
    from korea_analysis.events import find_cues

    def labels(t):
        return [(t[a:b], c.label) for a, b, c in find_cues(t, 0, len(t), book)]
    # "deter*", "urg*", "harm*", "host*", "organi*" matched unrelated words
    assert labels("Japan is determined to face the question.") == []
    assert labels("An urgent meeting is needed.") == []
    assert labels("They live in harmony with close ties.") == []
    assert labels("The hostage was freed.") == []
    assert labels("The organization was founded in 1990.") == []
    assert labels("Clerks accustomed to long hours.") == []
    assert labels("A bombastic speech on the opposite bank; it is impossible.") == []
    assert labels("The consultant was startled.") == []
    assert [x for _, x in labels("Moscow wants to deter them.")] == ["threaten"]
    assert [x for _, x in labels("Tokyo urged restraint.")] == ["demand"]


def test_a_bare_noun_brokered_by_one_actor_for_a_roster(actors, book):
    t = ("The forum, involving China, Japan, Russia and Mongolia, is a dialogue mechanism "
         "brokered by the Indian government.")
    assert pairs(t, actors, book) == []
    # the agent of a noun toward one actor still pairs
    t = "They condemned the hostile acts by the United States towards Iran."
    assert ("USA", "IRN", -1) in pairs(t, actors, book)
