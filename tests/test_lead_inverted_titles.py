"""An inverted speaker ends before a preposition of circumstance, except inside a title:
sentences of our own."""
from korea_analysis.quotes import find_quotes


def _speakers(text):
    return [q.speaker for q in find_quotes(text)]


def test_without_ends_the_speaker_but_not_minister_without_portfolio():
    assert _speakers("“The bridge is safe,” said Pak Chol-min without elaborating.") == [
        "Pak Chol-min"]
    assert _speakers("“The bridge is safe,” said the mayor without elaborating.") == [
        "the mayor"]
    speaker = _speakers("“The bridge is safe,” said Minister without Portfolio Pak Chol-min.")
    assert speaker[0].endswith("Pak Chol-min") and speaker[0] != "Minister"
