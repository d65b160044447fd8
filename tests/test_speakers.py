"""Speakers' countries and how each was decided (``actor_source``), on sentences of our own."""
import datetime as dt

import pytest

from korea_analysis.actors import load_actors
from korea_analysis.mentions import find_mentions
from korea_analysis.quotes import find_quotes
from korea_analysis.speakers import fronted_office, full_name, speaker_country
from korea_analysis.text import sentences


@pytest.fixture(scope="module")
def actors():
    return load_actors()


def speakers(text, actors, published=None):
    """(speaker, country, actor_source) of each quote that is not scare quotes."""
    sents = sentences(text)
    ms = find_mentions(text, sents, actors, published)
    out = []
    for q in find_quotes(text, sents, gender_of=actors.gender_of):
        if q.kind == "term":
            continue
        fronted_office(q, ms)
        q.speaker = full_name(q, ms)
        out.append((q.speaker, *speaker_country(q, ms, actors)))
    return out


def test_dictionary_person(actors):
    t = "“We will not wait,” Kim Yo Jong said in a statement."
    assert speakers(t, actors) == [("Kim Yo Jong", "PRK", "dictionary")]


def test_country_mention_at_the_speaker(actors):
    t = "“The drills must stop,” North Korea said on Monday."
    assert speakers(t, actors) == [("North Korea", "PRK", "mention")]


def test_apposition_and_title_sources(actors):
    t = ("“The talks are stuck,” said Bae Min-ho, South Korea's deputy trade minister.\n\n"
         "Canadian Trade Minister Pablo Arrau said “we are ready to help.”")
    assert speakers(t, actors, dt.date(2024, 5, 1)) == [
        ("Bae Min-ho", "KOR", "apposition"), ("Pablo Arrau", "CAN", "title")]


def test_unresolved_speaker_has_no_source(actors):
    t = "“It rained all week,” said Tom Arbuckle, who runs a bakery."
    assert speakers(t, actors) == [("Tom Arbuckle", None, "")]


# --- people beyond the dictionary: the country from the article -------------------------------

def test_a_spokesperson_takes_the_ministry_named_before(actors):
    t = ("BEIJING, May 2 (Xinhua) -- The Chinese Foreign Ministry rejected the report.\n\n"
         "Spokesperson Tao Minghui made the remarks at a routine news briefing. "
         "“We oppose it,” Tao Minghui said.")
    assert speakers(t, actors)[-1] == ("Tao Minghui", "CHN", "context")


def test_the_dateline_decides_a_minister_given_without_a_nationality(actors):
    t = ("TOKYO (Kyodo) -- The missile fell outside the zone.\n\n"
         "State Minister of Defense Ren Takahama said the launch was a threat.")
    assert speakers(t, actors) == [("Ren Takahama", "JPN", "context")]
    t = "The missile fell outside the zone. State Minister Ren Takahama said it was a threat."
    assert speakers(t, actors) == [("Ren Takahama", None, "")]  # no context: nothing guessed


def test_ministry_spokesman_after_the_ministry(actors):
    t = ("The Unification Ministry urged Pyongyang to talk. “We regret the refusal,” said "
         "ministry spokesman Noh Jae-wan.")
    assert speakers(t, actors) == [("Noh Jae-wan", "KOR", "context")]


def test_a_relative_clause_gives_no_nationality(actors):
    t = ("Emiko Harada, whose son was abducted by North Korean agents, said the talks must "
         "go on.")
    assert speakers(t, actors) == [("Emiko Harada", None, "")]
    t = ("Emiko Harada, whose son was abducted by North Korean agents, said in Tokyo that "
         "time was short.")
    assert speakers(t, actors) == [("Emiko Harada", "JPN", "context")]


def test_territory_institution_and_fronted_office(actors):
    t = "Guam Gov. Lena Cruz Aguon said the island was safe."
    assert speakers(t, actors) == [("Lena Cruz Aguon", "USA", "title")]
    t = "Mara Quill, a researcher at the Middlebury Institute, said the launch was a success."
    assert speakers(t, actors) == [("Mara Quill", "USA", "institution")]
    t = "The British Ambassador to the UN, Helen Marsh, said the council must act."
    assert speakers(t, actors) == [("Helen Marsh", "GBR", "title")]
