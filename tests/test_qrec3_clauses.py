"""Reported clauses without "that" or after restating verbs (qrec3)."""
from __future__ import annotations

from korea_analysis.quotes import find_quotes


def _indirect(text: str):
    text = "Regional news roundup\n\n" + text + "\n"
    return [(q.speaker, q.quote) for q in find_quotes(text) if q.kind == "indirect"]


def test_pronoun_subject_opens_a_bare_clause():
    # a subject pronoun and its verb open the clause a reporting verb takes without "that"
    assert _indirect("The junta announced it would close the border crossings next month.") == [
        ("The junta", "it would close the border crossings next month")]


def test_a_time_may_stand_between_cue_and_clause():
    assert _indirect("The company admitted in 2019 it had paid the fines late.") == [
        ("The company", "it had paid the fines late")]
    assert _indirect("The rebels announced last week they had freed two hostages.") == [
        ("The rebels", "they had freed two hostages")]


def test_a_nested_report_stays_with_the_outer_speaker():
    # "officials said X admitted it had …": the whole clause is the officials' report
    rows = _indirect("Officials said the bank admitted it had lost the records.")
    assert rows == [("Officials", "the bank admitted it had lost the records")]


def test_restating_verbs_before_that():
    assert _indirect("The alliance reaffirmed that the exercises will go ahead in spring.") == [
        ("The alliance", "the exercises will go ahead in spring")]
    assert _indirect("The mayor made it clear that she would not run again.") == [
        ("The mayor", "she would not run again")]


def test_restating_verbs_without_that_report_nothing():
    assert _indirect("The council reaffirmed its commitment to the treaty.") == []
    assert _indirect("The mayor made the point clear to her visitors.") == []


def test_circumstance_after_the_audience_is_not_what_was_told():
    # "…, X told Reuters, as Y warned …": the words told are before the cue
    rows = _indirect("The plant is likely to close within a year, two officials told Reuters, "
                     "as unions warned of strikes.")
    assert ("two officials", "The plant is likely to close within a year") in rows
    assert not any(q.startswith("as unions") for _, q in rows)


def test_present_tense_and_gerund_subjects_open_bare_clauses():
    assert _indirect("The mayor said this fragile truce needs a new budget.") == [
        ("The mayor", "this fragile truce needs a new budget")]
    assert _indirect("The mayor said closing the library is not an option for the town.") == [
        ("The mayor", "closing the library is not an option for the town")]


def test_contend_and_suggest_take_bare_clauses():
    assert _indirect("The union contends the plan doesn’t protect older workers.") == [
        ("The union", "the plan doesn’t protect older workers")]
    assert _indirect("The union suggested a new approach.") == []


def test_a_request_is_reported():
    assert _indirect("The mayor urged residents to conserve water during the heat wave.") == [
        ("The mayor", "residents to conserve water during the heat wave")]


def test_a_bare_verb_inside_a_reported_clause_is_no_row_of_its_own():
    assert _indirect("Some engineers said the test data suggested the bridge was unsafe.") == [
        ("Some engineers", "the test data suggested the bridge was unsafe")]


def test_a_fronted_condition_opens_the_clause():
    rows = _indirect("The mayor said if the river rises again, the ferry will stop.")
    assert rows == [("The mayor", "if the river rises again, the ferry will stop")]
    rows = _indirect("The mayor said given the rain in the hills, it seems the ferry must stop.")
    assert [q for _, q in rows][0].startswith("given the rain in the hills, it seems")
