"""Occasions are no speech (qrec3): a clause before a cue that is only a prepositional phrase,
a short clause after a cue with no verb, and "says this in a commentary"."""
from __future__ import annotations

from korea_analysis.quotes import find_quotes


def _indirect(text: str):
    text = "Press review\n\n" + text + "\n"
    return [(q.speaker, q.quote) for q in find_quotes(text) if q.kind == "indirect"]


def test_prepositional_phrase_before_the_cue_is_an_occasion():
    assert _indirect("In a column on Sunday, the paper wrote that the budget was too small.") \
        == [("the paper", "the budget was too small")]
    assert _indirect("In a column on Sunday, the paper wrote, The budget was too small.") == []
    assert _indirect("On that point, the paper says in an editorial:") == []


def test_demonstrative_object_then_preposition():
    assert _indirect("The weekly on Friday says this in a signed column.") == []


def test_a_clause_with_a_verb_before_the_cue_stays():
    assert _indirect("In 2019 the mill closed its doors, officials said.") == [
        ("officials", "In 2019 the mill closed its doors")]
