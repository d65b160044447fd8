"""A cue's noun-phrase object is no reported clause (qrec3): "stressed the importance of …",
"…, emphasizing the close ties …" hold no verb of their own ("accusing the council of
ignoring …" does report the charge)."""
from __future__ import annotations

from korea_analysis.quotes import find_quotes


def _indirect(text: str):
    text = "Council news\n\n" + text + "\n"
    return [(q.speaker, q.quote) for q in find_quotes(text) if q.kind == "indirect"]


def test_noun_phrase_objects_are_no_clauses():
    assert _indirect("The mayor has stressed the importance of regional cooperation "
                     "involving the two towns to address the shortage.") == []
    assert _indirect("The mayor thanked the staff, emphasizing the long and fruitful "
                     "partnership between the two towns.") == []


def test_clauses_with_verbs_stay():
    assert _indirect("The mayor thanked the staff, saying the partnership had paid off.") == [
        ("The mayor", "the partnership had paid off")]
    assert _indirect("The mayor stressed the shortage needs a regional answer.") == [
        ("The mayor", "the shortage needs a regional answer")]


def test_an_accusation_of_doing_is_reported():
    assert _indirect("The mayor criticised the plan, accusing the council of ignoring the "
                     "residents.") == [("The mayor", "the council of ignoring the residents")]


def test_said_with_an_irregular_past_stays_a_clause():
    assert _indirect("The mayor said the ferry flew its new flag.") == [
        ("The mayor", "the ferry flew its new flag")]
