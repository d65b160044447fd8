"""Broadcast transcript labels (qrec3): in "[Soundbite] Name(Title) : “…”" the tag and the
title glued to the name are labels; the speaker is the name."""
from __future__ import annotations

from korea_analysis.quotes import find_quotes


def test_soundbite_label_names_the_speaker():
    text = ("Evening bulletin\n\nThe mayor announced a new ferry line.\n\n"
            "[Soundbite] Park Ji-won(Mayor of Tongyeong) : \"The ferry will run twice a day "
            "from next spring.\"\n")
    (q,) = [q for q in find_quotes(text) if q.kind == "direct"]
    assert q.speaker == "Park Ji-won"


def test_parenthesis_inside_a_sentence_is_kept():
    # a parenthesis not before a colon is no label: the text is searched as it stands
    text = ("Evening bulletin\n\nThe mayor(who took office in May) said the ferry will run "
            "twice a day from next spring.\n")
    assert [q.kind for q in find_quotes(text)] == ["indirect"]
