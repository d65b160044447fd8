"""A reported clause never starts inside a name; headlines that ask or end on a quoted word
report no clause (qrec3)."""
from __future__ import annotations

from korea_analysis.quotes import find_quotes


def _indirect(text: str):
    return [(q.speaker, q.quote) for q in find_quotes(text) if q.kind == "indirect"]


def test_request_keeps_the_addressee_whole():
    rows = _indirect("Election roundup\n\nThe envoy urged New Zealand to rejoin the fishing "
                     "pact.\n")
    assert rows == [("The envoy", "New Zealand to rejoin the fishing pact")]


def test_told_name_then_clause():
    rows = _indirect("Election roundup\n\nThe envoy told New Zealand it must rejoin the "
                     "fishing pact.\n")
    assert rows == [("The envoy", "it must rejoin the fishing pact")]


def test_question_headline_reports_nothing():
    text = ("Can the mayor tell Springfield she is leaving office?\n\n"
            "The mayor gave no sign of her plans at a dinner on Monday.\n")
    assert _indirect(text) == []


def test_headline_ending_on_a_quoted_word():
    text = ("Harbour chief says new toll 'unfair'\n\n"
            "The harbour chief spoke at a dinner on Monday.\n")
    assert _indirect(text) == []
