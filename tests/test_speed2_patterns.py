"""The speed2 rewrites give exactly what the plainly written form gives.

Regexes reordered to start with the character they consume (so a search can skip to it) are
compared with their plain forms, on the bundled articles and on generated text, with the
start and end positions the pass searches between; the negation window's one-pass reading is
compared with the two questions it answers, as first written.
"""
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

import korea_analysis as ka
from korea_analysis import events, sentiment

ARTICLES = list(ka.load_corpus().text)


def plain_anaphor(nouns):
    alts = "|".join(sorted((re.escape(n) for n in nouns), key=len, reverse=True))
    return re.compile(r"\b(?:(?:[Tt]he (?:two|2)|[Bb]oth) (?:" + alts
                      + r")\b|[Tt]he parties\b|(They)\b)")


PLAIN_WE = re.compile(r"(?<![\w’'-])(?:[Ww]e|us|[Oo]urs?)(?![\w’'-])")
NOUNS = ["leaders", "sides", "countries", "nations"]
WORDS = ["The", "the", "two", "2", "Both", "both", "They", "they", "Theyre", "parties",
         "We", "we", "us", "Us", "our", "ours", "Our", "Ours", "use", "four", "bus", *NOUNS]


def spans(pattern, s, *args):
    return [(m.span(), m.groups(), m.group()) for m in pattern.finditer(s, *args)]


def texts_of(words):
    variants = [v for w in words for v in (w, f" {w} ", f"{w} ", f"x{w}", f"{w}.")]
    pieces = st.sampled_from(variants + [" ", ", ", "-", "’", "'", "\n", "x", "_", "1", "ſ",
                                         "İ", "K", "é"])
    return st.lists(pieces, max_size=30).map("".join)


def test_fast_anaphor_and_we_on_the_articles():
    fast, plain = events.anaphor_pattern(events.ANAPHOR_NOUNS), plain_anaphor(
        events.ANAPHOR_NOUNS)
    for a in ARTICLES:
        assert spans(fast, a) == spans(plain, a)
        assert spans(events._WE, a) == spans(PLAIN_WE, a)


@settings(max_examples=1500, deadline=None)
@given(texts_of(WORDS), st.integers(0, 6), st.integers(0, 6))
@example("xThey said both sides and The two leaders; the parties, us/ours", 1, 0)
def test_fast_anaphor_and_we_on_generated_text(s, pos, cut):
    fast, plain = events.anaphor_pattern(NOUNS), plain_anaphor(NOUNS)
    end = max(pos, len(s) - cut)
    assert spans(fast, s, pos, end) == spans(plain, s, pos, end)
    assert spans(events._WE, s, pos, end) == spans(PLAIN_WE, s, pos, end)


def plain_window(text, clause_start, cue_start, book):
    """The negation window as first written: original-case words."""
    def keep(words):
        out = []
        for i, w in enumerate(words):
            low = w.lower()
            if low in events._FILLER or (w.endswith("ly") and low not in book.negations):
                continue
            if low == "end" and ((i and words[i - 1].lower() in ("this", "the"))
                                 or (i + 1 < len(words) and words[i + 1].lower() == "of")):
                continue
            out.append(w)
        return out
    a = max(clause_start, cue_start - 24 * book.window)
    before = keep(events._WORD.findall(text, a, cue_start))
    if len(before) <= book.window and a > clause_start:
        before = keep(events._WORD.findall(text, clause_start, cue_start))
    return before[-book.window:]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(["not", "NOT", "didn't", "won’t", "avoid", "Avoiding", "the",
                                 "an", "end", "of", "this", "in", "really", "only", "unlikely",
                                 "ties", "x" * 20, "İs", "ſ", ",", "'"]), max_size=25)
       .map(" ".join), st.integers(0, 30))
def test_window_flags_answer_both_questions_as_first_written(s, start):
    book = events.load_cues()
    start = min(start, len(s))
    for cue in range(start, len(s) + 1):
        words = plain_window(s, start, cue, book)
        neg = any(w.lower() in book.negations or w.lower().endswith("n't") for w in words)
        cancelled = bool(book.cancels) and any(w.lower() in book.cancels for w in words)
        assert events._window_flags(s, start, cue, book) == (neg, cancelled)


def test_whole_sentence_clause_reuses_the_sentence_items():
    lexicon = sentiment.load_lexicon()
    text = "Seoul condemned the launch but welcomed the very good talks, not the threats."
    cold = sentiment.lexicon_mean(text, lexicon)  # not yet tokenised as a sentence
    sentiment.sentence(text).items(lexicon)
    assert sentiment.lexicon_mean(text, lexicon) == cold
