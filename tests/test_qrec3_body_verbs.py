"""After a body's head noun, a noun-like -s form before its object is a verb (qrec3):
"State media calls the plant a “…”"; "state media reports of the fire" is a noun."""
from __future__ import annotations

from korea_analysis.quotes import find_quotes


def test_body_noun_then_calls_is_a_cue():
    text = "Plant opens\n\nState media calls the new plant a “jewel of industry”.\n"
    (q,) = find_quotes(text)
    assert (q.kind, q.speaker, q.quote) == ("partial", "State media", "jewel of industry")


def test_body_noun_then_reports_of_is_a_noun():
    text = "Plant opens\n\nState media reports of the fire were brief.\n"
    assert find_quotes(text) == []
