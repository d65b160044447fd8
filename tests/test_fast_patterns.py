"""Speed rewrites give exactly what the plainly written rule gives.

Several hot regexes were reordered so that Python's engine can skip to their first character,
and some scans look words up before running a regex. Each is compared here with the plain
form it replaced, on the bundled articles and on generated text made of the characters and
words that matter to the pattern.
"""
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import korea_analysis as ka
from korea_analysis import events, mentions, quotes, text
from korea_analysis.quotes import cue_matches as quote_cues
from korea_analysis.quotes import names as quote_names

ARTICLES = list(ka.load_corpus().text)


def spans(pattern, s, *args):
    return [(m.span(), m.groups()) for m in pattern.finditer(s, *args)]


def texts_of(words):
    """Generated text: the pattern's words, near-misses, punctuation and odd characters."""
    variants = [v for w in words for v in (w, f" {w} ", f", {w} ", f"{w}.")]
    pieces = st.sampled_from(variants + [" ", "  ", ", ", "; ", ".", "-", "’", "'", "\n", "x",
                                         "A", "1", "2", "19", "20", "ı", "ſ", "İ", "K", "\x00"])
    return st.lists(pieces, max_size=40).map("".join)


# --- events ---------------------------------------------------------------------------------

PLAIN_YEAR = re.compile(r"(?<![\w-])(?<!since )(?<!Since )(?:1[89]\d\d|20\d\d)(?![\w])")
PLAIN_CLAUSE_BREAK = re.compile(r";|\s--\s|\s—\s|,\s(?:but|however)\s|,?\s(?:while|when|whereas|"
                                r"although|though)\s")
CLAUSE_WORDS = ["but", "however", "while", "when", "whereas", "although", "though", "--", "—"]
YEAR_WORDS = ["1950", "1953", "2023", "1850", "2099", "since ", "Since ", "-", "x1999", "19999",
              "3000", "1799"]


def test_fast_year_and_clause_patterns_on_the_articles():
    for a in ARTICLES:
        assert [m.span() for m in events._YEAR.finditer(a)] == \
            [m.span() for m in PLAIN_YEAR.finditer(a)]
        assert spans(events._CLAUSE_BREAK, a) == spans(PLAIN_CLAUSE_BREAK, a)


@settings(max_examples=1000, deadline=None)
@given(texts_of(YEAR_WORDS + CLAUSE_WORDS), st.integers(0, 5))
@example("fought since 2023, Since 1950 and in 1953; though -1999", 0)
def test_fast_year_and_clause_patterns_on_generated_text(s, pos):
    assert [m.span() for m in events._YEAR.finditer(s, pos)] == \
        [m.span() for m in PLAIN_YEAR.finditer(s, pos)]
    assert spans(events._CLAUSE_BREAK, s, pos) == spans(PLAIN_CLAUSE_BREAK, s, pos)


def plain_find_cues(text, start, end, book):
    """find_cues as first written: every word, its candidates, longest match first."""
    found = []
    for w in events._CUE_WORD.finditer(text, start, end):
        for i in book.candidates(w.group().lower()):
            m = book.regexes[i].match(text, w.start(), end)
            if m:
                found.append((m.start(), m.end(), book.cues[i]))
    found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    kept = []
    for a, b, c in found:
        if not kept or a >= kept[-1][1]:
            kept.append((a, b, c))
    return kept


@settings(max_examples=300, deadline=None)
@given(texts_of(["signed", "a pact", "condemned", "TALKS", "Talks", "sanctions", "ties",
                 "the", "weather", "strengthening", "ſanctions", "with", "North Korea",
                 "co-operation", "talks’"]), st.integers(0, 6), st.integers(0, 80))
def test_cue_search_finds_what_the_plain_search_finds(s, start, length):
    book = events.load_cues()
    end = min(len(s), start + length)
    start = min(start, end)
    assert events.find_cues(s, start, end, book) == plain_find_cues(s, start, end, book)


def test_cue_search_on_the_articles():
    book = events.load_cues()
    for a in ARTICLES:
        for s in text.sentences(a):
            for ca, cb in events._clauses(a, s.start, s.end):
                assert events.find_cues(a, ca, cb, book) == plain_find_cues(a, ca, cb, book)


# --- sentences ------------------------------------------------------------------------------

PLAIN_END = re.compile(r"(?:(?<=[A-Za-z][a-z])|(?<=[A-Z][A-Z])|(?<=\d))[.!?]"
                       r"(?:\s+(?=[A-Z“\"‘(])|[”\"’)]*\s*$)")
END_WORDS = ["said.", "U.S.", "Mr.", "No.", "I.", "a.", "10.", "OK!", "why?", " The", " the",
             "”", "\"", ")", " (", " “Yes", "...", "…", ";", "e.g.", "Jan."]


def plain_starts(chunk):
    """The fast path as first written: the last word found by searching from the start."""
    marks = [m.start() for m in re.finditer(r"[.!?]", chunk)]
    ends = list(PLAIN_END.finditer(chunk))
    if (len(ends) != len(marks) or "..." in chunk or "…" in chunk or ";" in chunk
            or text._SYNTOK_SPLITS.search(chunk)):
        return None
    for m in ends:
        word = re.compile(r"(\w+)$").search(chunk, 0, m.start())
        w = word.group(1) if word else ""
        if (w in text._NOT_FINAL or text._ROMAN.fullmatch(w) or not (w.isalpha() or w.isdigit())
                or not chunk[:word.start()].strip()):
            return None
    first = len(chunk) - len(chunk.lstrip())
    return [first] + [m.end() for m in ends if m.end() < len(chunk)]


def test_fast_sentence_path_on_the_articles():
    for a in ARTICLES:
        for p in text.classify_paragraphs(a):
            chunk = a[p.start:p.end]
            assert text._plain_starts(chunk) == plain_starts(chunk)


@settings(max_examples=1000, deadline=None)
@given(texts_of(END_WORDS))
def test_fast_sentence_path_on_generated_text(s):
    assert text._plain_starts(s) == plain_starts(s)


# --- mentions -------------------------------------------------------------------------------

ROLE_TEXT = list(mentions.ROLE_WORDS) + [
    "Ministers", "MINISTER", "vice-president", "headquarters", "ahead", "Kim Jong Un",
    "miniſter", "İnister", "officials"]


def test_role_words_found_where_the_regex_finds_them_in_the_articles():
    for a in ARTICLES:
        starts = mentions.role_word_starts(a)
        for s in text.sentences(a):
            got = mentions._role_matches(a, s.start, s.end, starts)
            assert [m.span() for m in got] == \
                [m.span() for m in mentions._ROLE.finditer(a, s.start, s.end)]


@settings(max_examples=1000, deadline=None)
@given(texts_of(ROLE_TEXT), st.integers(0, 8), st.integers(0, 60))
def test_role_words_found_where_the_regex_finds_them(s, a, length):
    b = min(len(s), a + length)
    a = min(a, b)
    got = mentions._role_matches(s, a, b, mentions.role_word_starts(s))
    assert [m.span() for m in got] == [m.span() for m in mentions._ROLE.finditer(s, a, b)]


# --- quotes ---------------------------------------------------------------------------------

# parts are words of names: _NAME_WORD matches ("Mary’Ann" is one) or connectors ("de")
PARTS = ["Park", "Won-gon", "Mary", "Mary’Ann", "J.", "de", "van", "von", "bin", "al", "Kim",
         "Kim-Jong", "Parker"]
NAME_TEXT = PARTS + ["Park’s", "O’Brien", "xPark", "-Park", "Park-", "’s", " "]


def test_parts_are_name_words():
    word = re.compile(rf"{quote_names._NAME_WORD}|de|van|von|bin|al")
    assert all(word.fullmatch(p) for p in PARTS)


def plain_name_parts(s, parts):
    pat = re.compile(r"(?<![\w’'\-])(?:" + "|".join(
        map(re.escape, sorted(parts, key=len, reverse=True))) + r")(?![\w\-])")
    return [(m.start(), m.group()) for m in pat.finditer(s)]


@pytest.mark.parametrize("parts", [{"Park", "Won-gon"}, {"Kim", "Jong-un", "Putin"},
                                   {"J.", "de"}, {"Choe", "Son-hui", "Lavrov"}])
def test_name_parts_as_the_alternation_finds_them(parts):
    for a in ARTICLES:
        assert quote_names._name_parts(a, parts) == plain_name_parts(a, parts)


@settings(max_examples=1000, deadline=None)
@given(texts_of(NAME_TEXT), st.sets(st.sampled_from(PARTS), min_size=1))
def test_name_parts_on_generated_text(s, parts):
    assert quote_names._name_parts(s, parts) == plain_name_parts(s, parts)


NAME_WORD = quote_names._NAME_WORD
PLAIN_NAME_RE = re.compile(rf"(?<![\w’'\-]){NAME_WORD}(?:\s+(?:{NAME_WORD}|de|van|"
                           r"von|bin|al)){1,8}(?![\w\-])")
PLAIN_PART_WORD = re.compile(rf"(?<![\w’'\-])(?:{NAME_WORD}|de|van|von|bin|al)(?![\w\-])")


def plain_nominal(cues):
    fast = cues.nominal_re.pattern
    head = r"[’'](?<=[A-Za-z.].)s?\s+"
    assert fast.startswith(head)
    return re.compile(r"(?<=[A-Za-z.])(?:’s|'s|’|')\s+" + fast[len(head):])


def test_fast_name_and_nominal_patterns_on_the_articles():
    cues = quotes.load_cues()
    nominal = plain_nominal(cues)
    for a in ARTICLES:
        assert spans(quote_names._NAME_RE, a) == spans(PLAIN_NAME_RE, a)
        assert spans(quote_names._PART_WORD, a) == spans(PLAIN_PART_WORD, a)
        assert spans(cues.nominal_re, a) == spans(nominal, a)


NOMINAL_TEXT = PARTS + ["’s", "'s", "’", "'", "Choe’s", "U.S.’s", "Trump's own words", "phrase",
                        "slogan", "the", "term", "description", "’ s"]


@settings(max_examples=1000, deadline=None)
@given(texts_of(NAME_TEXT + NOMINAL_TEXT), st.integers(0, 4))
def test_fast_name_and_nominal_patterns_on_generated_text(s, pos):
    cues = quotes.load_cues()
    assert spans(quote_names._NAME_RE, s, pos) == spans(PLAIN_NAME_RE, s, pos)
    assert spans(quote_names._PART_WORD, s, pos) == spans(PLAIN_PART_WORD, s, pos)
    assert spans(cues.nominal_re, s, pos) == spans(plain_nominal(cues), s, pos)


PASSIVE_TEXT = ["was", "were", "has been", "is", "being", "reportedly", "quoted", "reported",
                "cited", "by", "the agency", "as saying", "saying", "to have said", "as",
                "Kim", "he", "\n", ",", ".", "“", "”", "\x00"]


def test_passive_cues_found_where_the_full_scan_finds_them():
    cues = quotes.load_cues()
    for a in ARTICLES + ["He was quoted as saying no.", "It was reported\nby KCNA as saying yes.",
                         "X was, quoted as saying"]:
        assert spans(cues.passive_re, a) == [(m.span(), m.groups())
                                             for m in quote_cues._passive_matches(a, cues)]


@settings(max_examples=1000, deadline=None)
@given(texts_of(PASSIVE_TEXT))
def test_passive_cues_on_generated_text(s):
    cues = quotes.load_cues()
    assert spans(cues.passive_re, s) == [(m.span(), m.groups())
                                         for m in quote_cues._passive_matches(s, cues)]


@settings(max_examples=300, deadline=None)
@given(texts_of(["no", "not", "never", "didn't", "ties", "a", "very", "long", "formal",
                 "peace", "treaty", "unbelievably", "x" * 30]), st.integers(0, 3))
def test_negation_window_reads_the_words_before_the_cue(s, window):
    book = events.load_cues()
    book = events.CueBook(book.path, book.cues, book.regexes, book.exact, book.prefix,
                          book.negations, window, book.factor)
    for cue in range(len(s) + 1):
        # as first written; articles, possessives and -ly adverbs take no room
        before = [w for w in events._WORD.findall(s, 0, cue)
                  if w.lower() not in events._FILLER
                  and (not w.endswith("ly") or w.lower() in book.negations)][-window:]
        plain = any(w.lower() in book.negations or w.lower().endswith("n't") for w in before)
        assert events._negated(s, 0, cue, book) == plain

