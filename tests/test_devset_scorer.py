"""The real-news dev-set scorer (benchmarks/devset.py): name matching and the counting rules.

Uses hand-made tables in place of an annotation, so the figures can be checked by hand.
"""
import importlib.util
import math
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "devset.py"
spec = importlib.util.spec_from_file_location("devset_scorer", SCRIPT)
devset = importlib.util.module_from_spec(spec)
spec.loader.exec_module(devset)

TEXT = ("Tokyo protested to Pyongyang on Monday. “We will never accept this,” said Taro Kono. "
        "Seoul and Washington held talks.")
# sentence offsets of TEXT: 0-39, 40-84, 85-117


@pytest.mark.parametrize("a, b, same", [
    ("Shinzo Abe", "Abe", True),
    ("Moon Jae-in", "Moon Jae In", True),
    ("Moon Jae-in", "moon", True),
    ("Joint Chiefs of Staff", "The Joint Chiefs of Staff", True),
    ("Kim Yo Jong", "Kim Jong Un", False),
    ("Craig Leeson", "Al Jazeera’s Craig Leeson", True),  # the same man, his outlet left on
    ("Vitit Muntabhorn", "Rapporteur Vitit Muntabhorn", True),
    ("Joint Chiefs of Staff", "Joint Chiefs", True),
    ("Carl Brant", "U.S. Ambassador Carl Brant and close partners Canada", False),
    ("United States", "The US", True),  # one state by two of its names
    ("North Korea", "Pyongyang", True),
    ("North Korea", "South Korea", False),
    ("Itar-Tass", "Itar-Tass agency", True),
    ("Taro Kono", None, False),
    ("Sergei Lavrov", "Sergey Lavrov", True),  # two spellings the dictionary holds for one man
    ("Kim Yo Jong", "Kim Jong-un", False),
    # one institution written two ways: its dictionary entity, or the same body of one country
    ("The U.N. Security Council", "Security Council", True),
    ("South Korea’s military", "South Korean military", True),
    ("North Korea’s military", "South Korean military", False),
    # the country named on one side only: the words decide (the country is scored apart)
    ("North Korea's foreign ministry", "Foreign Ministry", True),
    ("Foreign Ministry", "The Chinese Foreign Ministry", True),
    ("The U.S. White House", "White House", True),
    ("the Chinese Foreign Ministry", "Defense Ministry", False),
    # a leading article or "one" is no part of the name
    ("a U.S. diplomat", "U.S. diplomat", True),
    ("One Asian official", "Asian official", True),
    ("A U.S. official", "U.S. officials", False),
    # an unnamed source: the gold leaves the speaker empty, the prediction names nobody either
    ("A source, who asked not to be named", "", True),
    ("Two senior officials", "", True),
    ("Taro Kono", "", False),
])
def test_same_name(a, b, same):
    assert devset.same_name(a, b) is same


def test_gold_span_normalises_quote_marks_and_spaces():
    assert devset.gold_span(TEXT, "“We will never") == (40, 54)
    assert devset.gold_span(TEXT, '"We  will never') == (40, 54)
    assert devset.gold_span(TEXT, "not in the text") is None


def fake_ann(events, dyads=None):
    sentences = pd.DataFrame({"article_id": ["A:x"] * 3, "sentence_id": [0, 1, 2],
                              "start": [0, 40, 85], "end": [39, 84, 117],
                              "body": [True, True, True]})
    return SimpleNamespace(sentences=sentences, events=pd.DataFrame(events),
                           dyads=pd.DataFrame(dyads or [], columns=["actor_a", "actor_b",
                                                                    "score"]))


def test_events_recall_sign_direction_and_precision():
    gold = pd.DataFrame({
        "article_id": ["A:x"] * 3,
        "sentence_start": ["Tokyo protested to Pyongyang", "“We will never accept",
                           "Seoul and Washington held talks"],
        "source": ["JPN", "JPN", "KOR"], "target": ["PRK", "PRK", "USA"],
        "sign": ["-1", "-1", "1"], "clear": ["1", "1", "0"]})
    ann = fake_ann({"article_id": ["A:x"] * 3, "sentence_id": [0, 2, 2],
                    "source": ["PRK", "USA", "CHN"], "target": ["JPN", "KOR", "USA"],
                    "score": [-0.5, 0.4, 0.1], "historical": [False, False, False]})
    fig = devset.score_events(ann, {"A:x": TEXT}, gold)
    # clear gold: sentence 0 found (reversed direction, sign right), sentence 1 missed
    assert (fig["gold_clear"], fig["found"]) == (2, 1)
    assert fig["sign_accuracy"] == 1.0 and fig["directed_accuracy"] == 0.0
    # predicted: sentence 0 matches, USA-KOR matches the optional row, CHN-USA matches nothing
    assert fig["precision"] == pytest.approx(2 / 3)


def test_a_gold_sentence_split_by_our_segmenter_is_every_piece_it_overlaps():
    # a dateline we split off: the gold row's start runs into the story's first sentence
    text = "OSLO, May 2 (Wire) -- Tokyo protested to Pyongyang on Monday. Seoul met Tokyo."
    sentences = pd.DataFrame({"article_id": ["A:x"] * 3, "sentence_id": [0, 1, 2],
                              "start": [0, 22, 63], "end": [21, 62, 79],
                              "body": [True, True, True]})
    gold = pd.DataFrame({"article_id": ["A:x"], "sentence_start": ["OSLO, May 2 (Wire) -- Tokyo"],
                         "source": ["JPN"], "target": ["PRK"], "sign": ["-1"], "clear": ["1"]})
    ann = SimpleNamespace(sentences=sentences, events=pd.DataFrame(
        {"article_id": ["A:x"] * 2, "sentence_id": [1, 2], "source": ["JPN", "JPN"],
         "target": ["PRK", "PRK"], "score": [-0.2, -0.2], "historical": [False, False]}))
    fig = devset.score_events(ann, {"A:x": text}, gold)
    assert (fig["found"], fig["sign_accuracy"]) == (1, 1.0)
    assert fig["precision"] == 0.5  # the event of the sentence after is not the gold's


def test_dyads_need_three_clear_events_and_use_the_sign_of_the_sum():
    gold = pd.DataFrame({"article_id": ["A:x"] * 4, "sentence_start": ["s"] * 4,
                         "source": ["PRK", "USA", "PRK", "JPN"],
                         "target": ["USA", "PRK", "USA", "PRK"],
                         "sign": ["-1", "1", "-1", "-1"], "clear": ["1"] * 4})
    ann = fake_ann([], dyads=[{"actor_a": "PRK", "actor_b": "USA", "score": -0.2}])
    fig = devset.score_dyads(ann, gold)
    assert [r["pair"] for r in fig["pairs"]] == ["PRK-USA"]
    assert (fig["right"], fig["counted"]) == (1, 1)


def test_no_nan_makes_standard_json():
    assert devset.no_nan({"a": [1.0, math.nan], "b": math.nan}) == {"a": [1.0, None], "b": None}


def test_a_fragment_inside_a_found_quote_is_not_a_wrong_quote():
    text = ("Kono said the launch was “an act of war” and must stop. "
            "Officials called it “reckless”.")
    gold = pd.DataFrame({"article_id": ["A:x"], "quote_start": ["the launch was"],
                         "speaker": ["Taro Kono"], "speaker_country": ["JPN"],
                         "optional": ["0"]})
    # the indirect quote (found), the fragment inside it, and a fragment of another sentence
    quotes = pd.DataFrame({
        "article_id": ["A:x"] * 3, "kind": ["indirect", "partial", "partial"],
        "start": [10, 26, 77], "end": [54, 39, 85],
        "quote": [text[10:54], text[26:39], text[77:85]],
        "speaker": ["Kono", "Kono", "Officials"], "speaker_actor": ["JPN", "JPN", None]})
    fig = devset.score_quotes(SimpleNamespace(quotes=quotes), {"A:x": text}, gold)
    assert (fig["found"], fig["nested_in_found"], fig["predicted_matching_gold"]) == (1, 1, 1)
    assert fig["precision"] == pytest.approx(2 / 3)  # "reckless" matches no gold quote
    assert fig["speaker_accuracy"] == 1.0 and fig["speaker_country_accuracy"] == 1.0
