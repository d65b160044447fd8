"""An outlet quoting someone "as saying" a clause without quotation marks, and "the
statement" standing for the one a person made: sentences of our own."""
from korea_analysis.quotes import find_quotes


def _rows(text):
    return [(q.quote, q.speaker, q.channel, q.kind) for q in find_quotes(text)
            if q.kind != "term"]


def test_an_outlet_quoted_a_person_as_saying_a_clause():
    text = ("Harbour City, May 3 (CNA) -- Pak Sun Ok visited the port on Monday.\n\n"
            "CNA quoted Pak as saying that the port must double its cargo this year.")
    assert _rows(text) == [("the port must double its cargo this year", "Pak Sun Ok",
                            "CNA", "indirect")]


def test_quoted_him_as_saying_is_the_person_named_before():
    text = ("Pak Sun Ok visited the port on Monday.\n\n"
            "The Central News Agency quoted him as saying the docks would never close.")
    assert _rows(text) == [("the docks would never close", "Pak Sun Ok",
                            "The Central News Agency", "indirect")]


def test_quoted_a_described_person_and_too_short_a_clause():
    text = "The agency cited a port official as saying the ferry left at dawn."
    assert _rows(text) == [("the ferry left at dawn", "a port official", "The agency",
                            "indirect")]
    # two words after "as saying" are no reported clause
    assert _rows("The agency quoted Pak Sun Ok as saying no more.") == []


def test_the_statement_is_the_one_a_person_said_she_made():
    text = ("Pak Sun Ok, the port's director, said in a statement carried by the radio "
            "that the Harbour Board was “a den of thieves”.\n\n"
            "The statement said:\n\n"
            "“We will never bargain with those who cheat our traders.”")
    rows = _rows(text)
    assert rows[-1][:2] == ("We will never bargain with those who cheat our traders.",
                            "Pak Sun Ok")
    q = [q for q in find_quotes(text) if q.kind == "direct"][0]
    # the statement's description stops before the clause it introduced
    assert q.role == "a statement carried by the radio"
