"""Transcript turns (qrec3): "Q)"/"A)" labels as "Q:"/"A:", and answer turns opened by the
speaker's label in capitals ("DEFENSE MINISTER OKADA: …") after a reporter's question."""
from __future__ import annotations

from korea_analysis.quotes import find_quotes


def _rows(text: str):
    return [(q.kind, q.speaker, q.quote) for q in find_quotes(text)]


def test_parenthesis_labels_are_turns():
    text = ("Weekly Briefing by Spokesperson Park Sun-young\n\n"
            "Q) What is the ministry's view of the drills held this week?\n\n"
            "A) We regret the drills and call for restraint on all sides.\n\n"
            "Q) Is a meeting planned?\n\n"
            "A) No meeting has been arranged so far.\n")
    rows = _rows(text)
    assert ("direct", "Park Sun-young",
            "We regret the drills and call for restraint on all sides.") in rows
    assert ("direct", "Park Sun-young", "No meeting has been arranged so far.") in rows
    assert not any(r[2].startswith("What is") for r in rows)  # a question is no quotation


def test_capital_label_names_the_speaker():
    text = ("Press Conference by the Defense Minister\n\n"
            "REPORTER: A rocket was fired this morning. How will the Government respond?\n\n"
            "DEFENSE MINISTER OKADA: We are gathering information and will decide calmly.\n\n"
            "REPORTER: Will there be a protest?\n\n"
            "MR. OKADA: A protest has been lodged through diplomatic channels.\n")
    rows = _rows(text)
    assert ("direct", "OKADA", "We are gathering information and will decide calmly.") in rows
    assert ("direct", "MR. OKADA", "A protest has been lodged through diplomatic channels.") \
        in rows
    assert not any("How will" in r[2] for r in rows)


def test_capital_labels_without_a_question_are_left_alone():
    # no question turn: "UPDATE:" or "PHOTO:" lines of a news story are no transcript
    text = ("Storm hits the coast\n\n"
            "UPDATE: The storm made landfall overnight, the weather agency reported later.\n")
    assert not any(r[0] == "direct" for r in _rows(text))
