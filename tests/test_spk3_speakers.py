"""Speaker choice, third round (spk3): what ends a speaker phrase, and who a description
stands for. Sentences of our own, modelled on patterns of wire copy."""
from korea_analysis.quotes import find_quotes


def speakers(text):
    return [q.speaker for q in find_quotes(text) if q.kind != "term"]


def test_an_adverb_before_the_verb_is_no_part_of_the_subject():
    text = ("The nine-member board sharply criticised the plan and said it would ask for "
            "a new vote next month.")
    assert speakers(text)[0] == "The nine-member board"


def test_a_day_between_subject_and_verb_ends_the_subject():
    text = ("The trade ministry on Friday firmly rejected the claim, saying the figures "
            "were \"plainly wrong\".")
    assert set(speakers(text)) == {"The trade ministry"}


def test_an_occasion_after_an_inverted_speaker_ends_the_speaker():
    text = ("\"We expect a reply within days,\" said Ruritanian Foreign Minister Ana Belo "
            "following a meeting with her counterpart in Vienna.")
    assert speakers(text) == ["Ana Belo"]


def test_an_adverb_that_ends_a_subordinate_clause_is_not_stepped_over():
    text = ("If the council acts rashly, warning of \"grave steps\", it would lose the "
            "support it has.")
    assert "the council acts" not in speakers(text)
