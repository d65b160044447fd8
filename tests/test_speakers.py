"""Speakers' countries and how each was decided (``actor_source``), on sentences of our own."""
import datetime as dt

import pytest

from korea_analysis.actors import load_actors
from korea_analysis.mentions import find_mentions
from korea_analysis.quotes import find_quotes
from korea_analysis.speakers import full_name, speaker_country
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
