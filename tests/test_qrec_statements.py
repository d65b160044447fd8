"""Statements printed after an introducing line without quotation marks (KCNA house style)
and Q/A transcript turns: qrec's rules of 4 Dec, on sentences of our own."""
from korea_analysis.quotes import find_quotes


def _direct(text):
    return [(q.quote, q.speaker) for q in find_quotes(text) if q.kind == "direct"]


def test_the_following_statement():
    text = ("Harbour City, May 3 (CNA) -- Pak Sun Ok, director of the Port Authority of the "
            "Republic, released the following statement on Monday:\n\n"
            "The harbour will stay open to every ship that respects our rules.\n\n"
            "Those who break them will be turned away at once.\n\n"
            "Harbour City, May 3, 2030")
    assert _direct(text) == [("The harbour will stay open to every ship that respects our "
                              "rules.\n\nThose who break them will be turned away at once.",
                              "Pak Sun Ok")]


def test_a_spokesman_gave_the_following_answer():
    text = ("A spokesman for the Port Authority gave the following answer to the question "
            "raised by CNA on Friday as regards the new tariffs:\n\n"
            "The tariffs are an open provocation against our traders.")
    assert _direct(text) == [("The tariffs are an open provocation against our traders.",
                              "the Port Authority")]  # a spokesman speaks the body's words


def test_the_statement_reads_and_a_marked_quotation_after_a_colon():
    text = ("The Port Authority issued a statement on Friday.\n\nThe statement reads:\n\n"
            "We will never accept the new tariffs on our traders.")
    assert [q for q, _ in _direct(text)] == [
        "We will never accept the new tariffs on our traders."]
    # a marked quotation after the colon is found as such, once
    text = "The mayor said:\n\n“We will never accept the new tariffs on our traders.”"
    assert [q for q, _ in _direct(text)] == [
        "We will never accept the new tariffs on our traders."]


def test_a_transcript_answer_over_two_paragraphs_is_one_turn():
    text = ("Port Authority Spokesperson Lin Wei's Regular Press Conference on May 2\n\n"
            "Q: The tariffs begin today. What is your comment?\n\n"
            "A: We oppose the tariffs.\n\nTrade should stay open to all.\n\n"
            "Q: Will the minister travel?\n\nA: I have nothing to announce today.")
    assert _direct(text) == [("We oppose the tariffs.\n\nTrade should stay open to all.",
                              "Lin Wei"), ("I have nothing to announce today.", "Lin Wei")]
