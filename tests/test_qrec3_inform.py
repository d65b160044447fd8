"""'informed' before a quotation attributes it (qrec3); without marks it reports nothing."""
from __future__ import annotations

from korea_analysis.quotes import find_quotes


def test_informed_attributes_a_quotation():
    text = ("Market news\n\nA trader in the port town informed on Monday, “Prices of rice "
            "have doubled since the spring.”\n")
    (q,) = [q for q in find_quotes(text) if q.kind == "direct"]
    assert q.speaker.startswith("A trader")
    assert q.quote.startswith("Prices of rice")


def test_informed_without_marks_is_no_speech():
    text = "Market news\n\nThe council informed the traders of its new rules.\n"
    assert find_quotes(text) == []
