"""People beyond the dictionary: the country an article gives them, on sentences of our own."""
import datetime as dt

import pytest
from speaker_rows import decided

from korea_analysis.actors import load_actors
from korea_analysis.mentions import find_mentions
from korea_analysis.text import sentences


@pytest.fixture(scope="module")
def actors():
    return load_actors()


def people(text, actors, published=None):
    """(entity, actor, actor_source) of the person mentions."""
    return [(m.entity, m.actor, m.actor_source)
            for m in find_mentions(text, sentences(text), actors, published)
            if m.kind == "person"]


def speakers(text, actors, published=None):
    return [(q.speaker, code, source) for q, code, source in decided(text, actors, published)]


def test_a_ministry_named_with_its_country_is_context(actors):
    for first in ("A spokesman for the German Foreign Ministry said the country had hopes.",
                  "The Foreign Ministry of Germany said it had hopes."):
        t = first + "\n\n“It is an opportunity,” spokesman Karl Brenner told reporters."
        assert speakers(t, actors)[-1] == ("Karl Brenner", "DEU", "context"), first


def test_the_one_state_whose_office_holders_the_article_names(actors):
    t = ("Chief Cabinet Secretary Osamu Fujimura urged restraint on Wednesday.\n\n"
         "Defense Minister Ken Arai told reporters a decision would be made.")
    assert people(t, actors, dt.date(2012, 3, 21))[-1] == ("Ken Arai", "JPN", "context")
    # office holders of two states named: nothing is decided
    t = ("Chief Cabinet Secretary Osamu Fujimura met Secretary of State Hillary Clinton.\n\n"
         "Defense Minister Ken Arai told reporters a decision would be made.")
    assert all(p[0] != "Ken Arai" for p in people(t, actors, dt.date(2012, 3, 21)))
