"""Paragraphs and sentences with exact character offsets, and which of them are body text.

Offsets index the article's text, so ``text[s.start:s.end]`` is always the sentence: every
number computed later can point back at the words behind it. Sentence boundaries come from
syntok (pure Python, no downloads; chosen over pysbd after measuring both, see
``benchmarks/segmenters.py``). Non-body lines — the headline, headings ("Synopsis", "Key
Takeaways"), a summary list under them, a "Frequently Asked Questions" block with its Q&A,
a copyright line, a dateline, a lede repeated verbatim — are kept but marked, so analysis
can leave them out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import syntok._segmentation_states as _syntok_states
import syntok.segmenter as _syntok

#: Sentence kinds. Only ``body`` counts as article body.
KINDS = ("body", "list", "title", "heading", "summary", "faq", "boilerplate", "dateline",
         "duplicate")
NON_BODY = frozenset(KINDS) - {"body", "list"}

_BULLET = re.compile(r"^[-•*·▪–]\s+\S")
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+\S")
_SUMMARY_HEADING = re.compile(
    r"^(synopsis|summary|key takeaways|key points|highlights|in brief|at a glance|tl;?dr)\b",
    re.I)
_FAQ_HEADING = re.compile(r"^(frequently asked questions|faqs?\b)", re.I)
_BOILERPLATE = re.compile(
    r"^(copyright\b|©|\(c\)\s*\d{4}|all rights reserved|this article (was|has been) "
    r"(reproduced|published)|read more\b|follow us\b)", re.I)
# "Washington, July 12 (NationPress) " / "SEOUL, Dec. 2 (Yonhap) -- " / "SEOUL (AP) — ";
# not a party-and-state tag after a lawmaker's name: "Sen. Jane Doe (D-Mo.) said",
# "(R-Texas)", "(I-Vt.)", "(R., Ohio)"
_DATELINE = re.compile(
    r"[A-Z][A-Za-z.\- ]{1,40}(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?"
    r" ?\((?![DRI](?:\s?[-–]\s?|\.,?\s?)[A-Z])(?:[A-Z][\w .&'-]{1,40})\)\s*(?:[-–—]{1,2}\s*)?")
_END_PUNCT = tuple('.!?:;,"”’\'')
_SMALL_WORDS = {"a", "an", "and", "the", "of", "in", "on", "for", "to", "with", "at", "by",
                "or", "vs", "vs.", "from", "as", "is", "are", "again"}


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    kind: str


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    kind: str

    @property
    def body(self) -> bool:
        return self.kind in ("body", "list")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Blocks of text separated by line breaks, trimmed of surrounding white space.

    A line that starts in lower case after a line without closing punctuation continues the
    previous paragraph (``…integrity,”`` / ``she stated, as quoted by TASS.``).
    """
    spans: list[tuple[int, int]] = []
    lines = text.split("\n")
    wrap = _wrap_width(lines)
    pos = 0
    for i, line in enumerate(lines):
        a, b = pos, pos + len(line)
        pos = b + 1
        stripped = line.strip()
        if not stripped:
            continue
        a += len(line) - len(line.lstrip())
        b -= len(line) - len(line.rstrip())
        prev = text[spans[-1][0]:spans[-1][1]] if spans else ""
        if spans and not _ends_sentence(prev) and (
                stripped[0].islower()
                # a hard-wrapped text: a full line that ends mid-sentence runs on to the next
                or (wrap and len(lines[i - 1].strip()) >= 0.6 * wrap and spans[-1][0] > 0
                    and lines[i - 1].strip() and not _BULLET.match(stripped))):
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return spans


def _wrap_width(lines: list[str]) -> int:
    """The line width of a hard-wrapped text (lines broken at about the same length, most of
    them mid-sentence, as old wire feeds and e-mailed copy are), else 0. One paragraph per
    line, the usual layout, has longer and uneven lines and is never taken for wrapped."""
    lengths = sorted(len(x.strip()) for x in lines if x.strip())
    if len(lengths) < 6:
        return 0
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not 40 <= width <= 100:
        return 0
    full = [x.strip() for x in lines if len(x.strip()) >= 0.6 * width]
    open_ended = sum(not _ends_sentence(x) for x in full)
    return width if len(full) >= 0.6 * len(lengths) and open_ended >= 0.5 * len(full) else 0


def _ends_sentence(s: str) -> bool:
    s = s.rstrip("\"”’' )")
    return s.endswith((".", "!", "?"))


def _is_heading(s: str) -> bool:
    """A short line in headline case without closing punctuation ("Stability in the Region")."""
    words = s.split()
    if not words or len(words) > 12 or s.endswith(_END_PUNCT) or _BULLET.match(s):
        return False
    if not words[0][0].isupper() and not words[0][0].isdigit():
        return False
    content = [w for w in words if w.lower().strip("()") not in _SMALL_WORDS]
    capped = sum(1 for w in content if w.strip("(")[:1].isupper() or w[:1].isdigit())
    return capped >= max(1, 0.6 * len(content))


def _is_title(s: str) -> bool:
    words = s.split()
    return 0 < len(words) <= 25 and not s.endswith((".", ",", ";", ":")) and _is_heading(
        s.rstrip("?!")) or (s.endswith("?") and _is_heading(s[:-1]))


def classify_paragraphs(text: str) -> list[Paragraph]:
    """Give every paragraph a kind (see :data:`KINDS`)."""
    spans = paragraph_spans(text)
    out: list[Paragraph] = []
    section = None  # "summary" or "faq" while inside such a block
    title_text = None
    for i, (a, b) in enumerate(spans):
        s = text[a:b]
        later = [text[x:y] for x, y in spans[i + 1: i + 3]]
        if i == 0 and _is_title(s):
            kind, title_text = "title", s
        elif s == title_text:
            kind = "title"
        elif any(p != s and p.startswith(s) for p in later) and len(s.split()) >= 6:
            kind = "duplicate"  # a lede or standfirst repeated at the start of the next paragraph
        elif _BOILERPLATE.match(s):
            kind = "boilerplate"
        elif _FAQ_HEADING.match(s) and _is_heading(s):
            kind, section = "heading", "faq"
        elif _SUMMARY_HEADING.match(s) and len(s.split()) <= 4:
            kind, section = "heading", "summary"
        elif _is_heading(s) and not _NUMBERED.match(s):
            kind, section = "heading", None
        elif section == "faq":
            kind = "faq"
        elif section == "summary" and _BULLET.match(s):
            kind = "summary"
        else:
            section = None
            kind = "list" if _BULLET.match(s) or _NUMBERED.match(s) else "body"
        out.append(Paragraph(a, b, kind))
    return out


def dateline_end(text: str, start: int, end: int) -> int:
    """Offset where the body begins after a wire dateline such as "Washington, July 12 (X) "."""
    m = _DATELINE.match(text, start, end)
    return m.end() if m and m.end() < end else start


# A paragraph is "plain" when every . ! ? in it ends a sentence beyond doubt: after a lower-case
# word of two or more letters (or a number), before white space and a capital letter or an
# opening quote. syntok splits such a paragraph exactly there (checked on the bundled articles
# and on PolNeAR's 924 articles by benchmarks/segmenters.py --check-fast), so the fast path
# skips it; anything else — abbreviations, initials, "U.S.", ellipses — goes to syntok.
# The mark comes first so that the regex engine can skip to it; the conditions on the two
# characters before it are lookbehinds of fixed width.
_PLAIN_END = re.compile(r"[.!?](?:(?<=[A-Za-z][a-z].)|(?<=[A-Z][A-Z].)|(?<=\d.))"
                        r"(?:\s+(?=[A-Z“\"‘(])|[”\"’)]*\s*$)")
# syntok also splits at "WASHINGTON (AP) — The", at line breaks and around braces
_SYNTOK_SPLITS = re.compile(r"\)\s*[—–]|[\n{}]")
# words after which syntok does not split (its abbreviations and months), and a few more
#: titles before a name that syntok does not know: "Guam Gov. Lou Leon Guerrero said"
TITLE_ABBREVIATIONS = frozenset("Gov Lt Rep Reps Sgt Maj Amb Rev Hon Pres Cmdr Atty Supt "
                                "Sec Insp Cpl Pvt Msgr Gens Sens".split())
_NOT_FINAL = (_syntok_states.State.abbreviations | _syntok_states.State.months
              | frozenset("etc al vs approx dept est fig inc jr sr ltd no No NO st mt ft".split())
              | TITLE_ABBREVIATIONS)
_TITLE_END = re.compile(r"(?<![\w.])(?:" + "|".join(sorted(TITLE_ABBREVIATIONS)) + r")\.$")
_ROMAN = re.compile(r"[IVXLCDM]+|[A-Za-z]")


def _word_before(chunk: str, pos: int) -> int:
    """Start of the run of word characters (regex ``\\w``) that ends at ``pos``."""
    k = pos
    while k > 0 and (chunk[k - 1].isalnum() or chunk[k - 1] == "_"):
        k -= 1
    return k


def _plain_starts(chunk: str) -> list[int] | None:
    """Sentence starts of a plain paragraph, or None when syntok must decide."""
    if "..." in chunk or "…" in chunk or ";" in chunk or _SYNTOK_SPLITS.search(chunk):
        return None
    ends = list(_PLAIN_END.finditer(chunk))
    if len(ends) != chunk.count(".") + chunk.count("!") + chunk.count("?"):
        return None
    first = len(chunk) - len(chunk.lstrip())
    for m in ends:
        k = _word_before(chunk, m.start())
        w = chunk[k:m.start()]
        if (w in _NOT_FINAL or _ROMAN.fullmatch(w) or not (w.isalpha() or w.isdigit())
                or k <= first):
            return None
    return [first] + [m.end() for m in ends if m.end() < len(chunk)]


# A paragraph that is not plain goes to syntok only where it must. Each of syntok's marks is
# decided here by syntok's own rule (``_move_and_maybe_extract_terminal``) when the tokens
# around it are simple: the mark is a token of its own right after a word, then one space (or
# a closing quote and a space, or a comma or colon), then the next token. Marks where syntok
# surely splits, outside brackets, cut the paragraph into pieces: after a split syntok starts
# afresh (nothing before it is looked at again), and with brackets closed no look-ahead crosses
# the cut, so syntok on each piece gives what it gives on the paragraph. A piece whose marks
# are all "no split" is one sentence; any other piece (a mark undecided here, an opening
# bracket) goes to syntok. benchmarks/segmenters.py --check-fast and tests/test_text.py
# compare with syntok on whole paragraphs.
_ST = _syntok_states.State
_OPEN = frozenset(_ST.opening_brackets)
_MARKS = frozenset(c for t in _ST.terminals for c in t)
_MARK_OR_OPEN = re.compile("[" + re.escape("".join(sorted(_MARKS | _OPEN))) + "]")
_BRACKET_CHARS = _OPEN | _ST.closing_brackets
_BRACKET_RE = re.compile("[" + re.escape("".join(sorted(_BRACKET_CHARS))) + "]")
_CLOSING_QUOTES = "”\"’'"
_END_CLOSERS = re.compile(r"[”\"’)]*")
_INSIDE, _NO_SPLIT, _END, _UNKNOWN, _SPLIT = range(5)


def _first_token(run: str) -> str:
    """syntok's first token of a white-space free ``run``."""
    s = 0
    while s < len(run) and not run[s].isalnum():
        s += 1
    if s == len(run):
        return run
    if s:
        return run[0]
    e = len(run)
    while not run[e - 1].isalnum():
        e -= 1
    word = run[:e]
    m = _syntok.Tokenizer._separation.search(word)
    if m is None:
        return word
    if _syntok.Tokenizer._apostrophe_t.fullmatch(m[0]) and word[m.start() - 1] == "n":
        return word[:m.start() - 1] if m.start() > 1 else "n" + m[0]
    return word[:m.start()]


def _last_token(run: str) -> str | None:
    """syntok's token that ends ``run`` (a white-space free run ending in a letter or digit)."""
    s = 0
    while not run[s].isalnum():
        s += 1
    word = run[s:]
    last, prev_end = None, 0
    for m in _syntok.Tokenizer._separation.finditer(word):
        if last is not None:
            prev_end = last.end()
        last = m
    if last is None:
        return word
    if last.end() < len(word):
        return word[last.end():]
    sep = last[0]
    if (last.start() > prev_end and _syntok.Tokenizer._apostrophe_t.fullmatch(sep)
            and word[last.start() - 1] == "n"):
        return "n" + sep
    return sep if sep not in _syntok.Tokenizer._hyphens_and_underscore else None


def _run_around(chunk: str, a: int, b: int) -> tuple[int, int] | None:
    """The white-space free run holding ``chunk[a:b]``, when plain spaces delimit it."""
    k = chunk.rfind(" ", 0, a) + 1
    e = chunk.find(" ", b)
    e = len(chunk) if e < 0 else e
    if any(c.isspace() or c == "\u200b" for c in chunk[k:e]):
        return None
    return k, e


def _decide(chunk: str, p: int) -> tuple[int, int]:
    """syntok's decision at the mark ``chunk[p]``: (kind, start of the next sentence)."""
    n = len(chunk)
    prev = chunk[p - 1] if p else ""
    nxt = chunk[p + 1] if p + 1 < n else ""
    if prev.isalnum() and nxt.isalnum():  # inside a word, unless syntok splits the word there
        if (chunk[p] == ";" or not (prev.isascii() and nxt.isascii())
                or (prev.islower() and nxt.isupper())):
            return _UNKNOWN, 0
        return _INSIDE, 0
    if not prev.isalnum():
        around = _run_around(chunk, p, p + 1)
        if around is None:
            return _UNKNOWN, 0
        run = chunk[around[0]:around[1]]
        if any(c.isalnum() for c in run) or run in _ST.terminals:
            return _UNKNOWN, 0
        return _INSIDE, 0  # a run without letters or digits is one token, not a mark
    if chunk[p] not in ".!?;":
        return _UNKNOWN, 0
    if nxt in (",", ":"):
        return _NO_SPLIT, 0
    q = p + 1
    token_after = None
    if nxt and nxt in _CLOSING_QUOTES:
        token_after, q = nxt, q + 1
    if q == n or _END_CLOSERS.fullmatch(chunk, p + 1, n):
        return (_END, 0) if _END_CLOSERS.fullmatch(chunk, p + 1, n) else (_UNKNOWN, 0)
    if chunk[q] != " ":
        # more of the run after the mark (and its closing quote): one token per character
        # when no letter or digit follows; the next one has no space before it, so syntok
        # goes on (its "no spacing" rule) unless it is a mark or bracket it takes along
        around = _run_around(chunk, p, p + 1)
        c = chunk[q]
        if (around is None or any(x.isalnum() for x in chunk[q:around[1]])
                or c in _MARKS or c in _BRACKET_CHARS):
            return _UNKNOWN, 0
        tb = _last_token(chunk[around[0]:p])
        return (_UNKNOWN, 0) if tb is None or tb in ("no", "No", "NO") else (_NO_SPLIT, 0)
    while q < n and chunk[q] == " ":
        q += 1
    around = _run_around(chunk, p, p + 1)
    after = _run_around(chunk, q, q)
    if around is None or after is None or q == n:
        return _UNKNOWN, 0
    nt = _first_token(chunk[q:after[1]])
    if nt[:1] in _BRACKET_CHARS or nt in _ST.terminals:  # syntok takes a mark or closing
        return _UNKNOWN, 0  # bracket after the space into this sentence
    if nt[:1].islower() or nt in _ST.inner_sentence_punctuation:
        return _NO_SPLIT, 0
    tb = _last_token(chunk[around[0]:p])
    if tb is None:
        return _UNKNOWN, 0
    token_after = token_after or nt
    single = len(tb) == 1 or tb in _ST.roman_numerals
    if nt in _ST.starters:
        return (_UNKNOWN, 0) if single else (_SPLIT, q)
    if single and (tb.isupper() or (tb.isalpha() and tb not in _ST.vowels)):
        # "George W. Bush": an initial (or a lower-case consonant) that no starter follows
        return _NO_SPLIT, 0
    if tb in _ST.abbreviations:
        return _NO_SPLIT, 0
    if tb in ("no", "No", "NO"):
        return _UNKNOWN, 0
    if (nt.isnumeric() and len(nt) > 2) or (tb.isnumeric() and nt in _ST.months) or (
            tb in _ST.months and nt.isnumeric()) or ("." in tb and token_after != "."):
        return _NO_SPLIT, 0
    if single:
        return _UNKNOWN, 0
    return _SPLIT, q  # the next sentence starts at q


def _marks_starts(chunk: str) -> list[int] | None:
    """Sentence starts of ``chunk`` with syntok only on the pieces that need it; None: all."""
    if "\n" in chunk or "\u200b" in chunk:
        return None
    marks = [m.start() for m in _MARK_OR_OPEN.finditer(chunk)]
    depth, pieces, a, unsure = 0, [], 0, False
    j = 0
    brackets = [m.start() for m in _BRACKET_RE.finditer(chunk)]
    for p in marks:
        while j < len(brackets) and brackets[j] < p:
            i = brackets[j]
            c = chunk[i]
            alone = (i == 0 or chunk[i - 1] == " ") and (i + 1 == len(chunk)
                                                        or chunk[i + 1] == " ")
            near_word = ((i > 0 and chunk[i - 1].isalnum())
                         or (i + 1 < len(chunk) and chunk[i + 1].isalnum()))
            if not (alone or near_word):
                return None  # syntok would not read it as a bracket of its own
            if c in _OPEN:
                depth += 1
            elif depth:
                depth -= 1
            j += 1
        if chunk[p] in _OPEN:
            unsure = True
            continue
        kind, q = _decide(chunk, p)
        if kind == _UNKNOWN:
            unsure = True
        elif kind == _SPLIT and depth == 0:  # a sure split: cut here
            pieces.append((a, p + 1 + (chunk[p + 1] in _CLOSING_QUOTES), unsure))
            a, unsure = q, False
    for i in brackets[j:]:
        if not (chunk[i - 1].isalnum() if i else False) and not (
                i + 1 < len(chunk) and chunk[i + 1].isalnum()) and not (
                (i == 0 or chunk[i - 1] == " ") and (i + 1 == len(chunk) or chunk[i + 1] == " ")):
            return None
    pieces.append((a, len(chunk), unsure))
    starts = []
    for a, b, unsure in pieces:
        if unsure:
            starts += [a + sent[0].offset for para in _syntok.analyze(chunk[a:b])
                       for sent in para if sent]
        else:
            starts.append(a)
    return starts


def split_sentences(text: str, start: int = 0, end: int | None = None, *,
                    fast: bool = True) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (one paragraph), trimmed of white space."""
    end = len(text) if end is None else end
    chunk = text[start:end]
    starts = _plain_starts(chunk) if fast else None
    if starts is None and fast:
        starts = _marks_starts(chunk)
    if starts is None:
        starts = [sent[0].offset for para in _syntok.analyze(chunk) for sent in para if sent]
    if not starts:
        return [(start, end)] if chunk.strip() else []
    starts[0] = 0
    bounds = starts + [len(chunk)]
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        piece = chunk[a:b]
        b = a + len(piece.rstrip())
        a += len(piece) - len(piece.lstrip())
        if b > a:
            out.append((start + a, start + b))
    return _join_titles(text, _reattach_closers(text, out))


def _join_titles(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A sentence that ends in a title abbreviation before a capitalised word goes on:
    "Guam Gov. | Lou Leon Guerrero said …" is one sentence."""
    if len(spans) < 2:
        return spans
    out = [spans[0]]
    for a, b in spans[1:]:
        pa, pb = out[-1]
        if text[a:a + 1].isupper() and _TITLE_END.search(text, max(pa, pb - 6), pb):
            out[-1] = (pa, b)
        else:
            out.append((a, b))
    return out


def _reattach_closers(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Move a closing quote or bracket that starts a sentence back to the previous one."""
    fixed = list(spans)
    for i in range(1, len(fixed)):
        a, b = fixed[i]
        k = a
        while k < b and text[k] in "”’)]»":
            k += 1
        if k > a:
            pa, _ = fixed[i - 1]
            fixed[i - 1] = (pa, k)
            while k < b and text[k].isspace():
                k += 1
            fixed[i] = (k, b)
    return [(a, b) for a, b in fixed if b > a]


def sentences(text: str) -> list[Sentence]:
    """All sentences of an article, in order, each with its paragraph index and kind."""
    out: list[Sentence] = []
    for pi, para in enumerate(classify_paragraphs(text)):
        a, b = para.start, para.end
        if para.kind == "body":
            d = dateline_end(text, a, b)
            if d > a:
                out.append(Sentence(a, a + len(text[a:d].rstrip()), pi, "dateline"))
                a = d
        for sa, sb in split_sentences(text, a, b):
            out.append(Sentence(sa, sb, pi, para.kind))
    return out
