"""An inverted speaker ends before a preposition of circumstance (qrec3): "…,” said Mayor
Ana Lopes following a meeting with …" is the mayor's."""
from __future__ import annotations

from korea_analysis.quotes import find_quotes


def test_inverted_speaker_stops_before_following():
    text = ("Harbour news\n\n“The ferry will run again in May,” said Mayor Ana Lopes following "
            "a meeting with the port authority.\n")
    (q,) = [q for q in find_quotes(text) if q.kind == "direct"]
    assert q.speaker == "Ana Lopes"


def test_inverted_speaker_stops_before_amid():
    text = ("Harbour news\n\n“The ferry will run again in May,” said Mayor Ana Lopes amid "
            "protests by the fishermen.\n")
    (q,) = [q for q in find_quotes(text) if q.kind == "direct"]
    assert q.speaker == "Ana Lopes"
