"""Target-dependent sentiment: how a sentence speaks of one mention in it, offline.

A whole-sentence score cannot tell who is praised and who is blamed in "Seoul praised
Washington's support while condemning Pyongyang's launches", so every backend looks at the
mention's surroundings: its clause (widened when it is a bare name, as in "Miller said"), or
sentiment words weighted by their distance from the mention and by the clause boundaries in
between, with negation handled. Backends sit in a registry (:func:`register_backend`); the
rest of the package calls :func:`score_mention` / :func:`score_text`, or ``get_backend(name)``:

- ``lexicon+linear`` (default): a logistic regression fitted on NewsMTSC train
  (``benchmarks/train_sentiment.py``) over words and bigrams around the masked mention and
  lexicon scores (TextBlob's, VADER's word list, and ours), plus a fixed push from the
  geopolitical lexicon, because NewsMTSC (US politics) hardly speaks of sanctions or
  missiles. Weights ship as ``sentiment_linear.csv``, applied in pure Python.
- ``textblob``: TextBlob's (pattern) lexicon plus the editable geopolitical lexicon
  ``sentiment_lexicon.csv`` ("sanctions", "condemn", "cooperation", ...), distance-weighted.
- ``textblob-plain``: ``TextBlob(clause).sentiment``, for comparison.
- ``vader``: vaderSentiment's compound score of the clause.

Every backend returns ``(polarity, subjectivity)``, polarity in [-1, 1] and subjectivity in
[0, 1]; :func:`polarity_label` maps a polarity to negative/neutral/positive with the
backend's thresholds (tuned on NewsMTSC train). Speed: a sentence is tokenised and looked up
in the lexicons once (cached) however many mentions it has, and TextBlob's and VADER's
word lists are read from their data files: importing TextBlob imports NLTK (~2 s), and
``TextBlob(s).sentiment`` spends its time in a regex tokeniser.
"""
from __future__ import annotations

import csv
import importlib.util
import math
import os
import re
import xml.etree.ElementTree as ET
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate, repeat
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
#: The editable geopolitical lexicon (``term,polarity,subjectivity``; ``#`` starts a comment).
LEXICON_PATH = HERE / "sentiment_lexicon.csv"
#: Weights of the ``lexicon+linear`` backend and its metadata (thresholds, training figures).
LINEAR_WEIGHTS_PATH = HERE / "sentiment_linear.csv"
LINEAR_META_PATH = HERE / "sentiment_linear.yaml"

DEFAULT_BACKEND = "lexicon+linear"
LABELS = ("negative", "neutral", "positive")
TARGET = "_t_"  # stands for the mention, so the model learns the context and not the name

Score = tuple[float, float]

# --- tokens, negation and clauses -------------------------------------------------------------

# "U.S.", "e.g." and "Sen." stay whole (their periods would end a clause); "Korea's" ->
# "korea" "'s"; "didn't" is split into "did" "n't" after matching; every other punctuation
# mark is a token. Ordered so the common case fails few alternatives first.
_TOKEN = re.compile(r"[A-Za-z](?:\.[A-Za-z])+\.|[A-Z][a-z]{0,3}\.(?=\s+\w)|\d+(?:[.,:]\d+)+"
                    r"|\w+(?:['’]t\b)?|['’]s\b|[^\w\s]")
NEGATIONS = frozenset({"not", "no", "never", "n't", "without", "nor", "neither", "cannot",
                       "hardly"})
#: Tokens that end a clause: punctuation, and conjunctions that usually turn to another topic.
CLAUSE_BREAKS = frozenset(",;:()[]\"“”—–?!.") | frozenset(
    {"but", "while", "whereas", "although", "though", "however", "yet", "despite", "unlike"})
MIN_CLAUSE_WORDS = 3  # a clause with fewer other words ("Kim," / "Miller said") is widened
NEGATION_REACH = 3  # a negation reaches this many tokens on, within its clause
DECAY = 8.0  # tokens: a sentiment word this far from the mention counts 1/e as much
CROSSING = 0.3  # factor per clause boundary between a sentiment word and the mention


@dataclass(eq=False)  # hashed by identity, so it can key the per-sentence caches
class Lexicon:
    """Word scores ``(polarity, subjectivity, intensity)``, phrases, and intensifiers."""

    words: dict[str, tuple[float, float, float]]
    phrases: dict[str, list[tuple[tuple[str, ...], float, float]]]
    modifiers: frozenset[str]
    geo: frozenset[str]  # words and phrase heads that come from the geopolitical lexicon
    keys: frozenset[str] = frozenset()  # every token assessments() must look at

    def __post_init__(self):
        self.keys = frozenset(self.words) | frozenset(self.phrases) | NEGATIONS | CLAUSE_BREAKS


@dataclass(eq=False)
class Sentence:
    """One sentence, tokenised once for all its mentions (see :func:`sentence`)."""

    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    isword: tuple[bool, ...]  # not punctuation
    marked: tuple[str, ...]  # words inside a negation's reach prefixed "!"
    seg_start: tuple[int, ...]  # first token of each clause segment, then len(words)
    word_count: tuple[int, ...]  # words before each token index (len(words) + 1 entries)
    _items: dict = field(default_factory=dict)
    #: per-sentence data a backend derives once (e.g. the linear backend's feature sums)
    memo: dict = field(default_factory=dict)

    def seg_of(self, i: int) -> int:
        """Clause segment of token ``i`` (a break token opens a segment)."""
        return min(bisect_right(self.seg_start, i), len(self.seg_start) - 1) - 1

    def items(self, lexicon: Lexicon) -> list[tuple[int, float, float, int]]:
        """:func:`assessments` of the sentence with ``lexicon`` plus each item's segment."""
        got = self._items.get(lexicon)
        if got is None:
            got = self._items[lexicon] = [(i, p, q, self.seg_of(i))
                                          for i, p, q in assessments(self.words, lexicon)]
        return got


@lru_cache(maxsize=512)
def sentence(text: str) -> Sentence:
    """Tokens (lower case, with offsets), negation marks and clause segments of ``text``.

    Written as list comprehensions rather than one loop: this runs once per sentence and
    is most of the cost of scoring its mentions.
    """
    spans = [m.span() for m in _TOKEN.finditer(text)]
    low = text.lower()
    if len(low) != len(text):  # lower() changed a length (rare letters): token by token
        words = [text[a:b].lower() for a, b in spans]
    else:
        words = [low[a:b] for a, b in spans]
    if "’" in text:
        words = [w.replace("’", "'") for w in words]
    if "'t" in low or "’t" in low:  # "didn't" -> "did" "n't"
        w2, s2 = [], []
        for w, (a, b) in zip(words, spans, strict=True):
            if len(w) > 3 and w.endswith("n't"):
                w2 += [w[:-3], "n't"]
                s2 += [(a, b - 3), (b - 3, b)]
            else:
                w2.append(w)
                s2.append((a, b))
        words, spans = w2, s2
    n = len(words)
    breaks = CLAUSE_BREAKS
    marked = words
    negations = [i for i, w in enumerate(words) if w in NEGATIONS]
    if negations:
        marked = list(words)
        for i in negations:
            for k in range(i + 1, min(i + 1 + NEGATION_REACH, n)):
                w = words[k]
                if w in breaks or w in NEGATIONS:
                    break
                marked[k] = "!" + w
    isword = [w[0].isalnum() for w in words]
    return Sentence(tuple(words), tuple(a for a, _ in spans), tuple(b for _, b in spans),
                    tuple(isword), tuple(marked),
                    (0, *[i for i, w in enumerate(words) if i and w in breaks], n),
                    tuple(accumulate(isword, initial=0)))


def tokenize(text: str) -> tuple[str, ...]:
    """The lower-cased tokens of ``text``."""
    return sentence(text).words


def clear_caches() -> None:
    """Forget the tokenised sentences (for timing, or after editing a lexicon in place)."""
    sentence.cache_clear()


@dataclass(frozen=True, slots=True)
class Mention:
    """Where a mention sits: tokens ``[i0, i1)`` of its sentence, and its clause ``[a, b)``."""

    s: Sentence
    i0: int
    i1: int
    a: int
    b: int
    seg0: int  # segments of the mention's first and last token
    seg1: int


def locate(text: str, start: int, end: int) -> Mention:
    """The mention ``text[start:end]`` in its sentence's tokens, with its clause."""
    s = sentence(text)
    return _mention(s, bisect_right(s.ends, start), bisect_left(s.starts, end))


def locate_end(text: str) -> Mention:
    """A mention of no tokens after the last token of ``text`` (for whole-span scores)."""
    s = sentence(text)
    return _mention(s, len(s.words), len(s.words))


def _mention(s: Sentence, i0: int, i1: int) -> Mention:
    i1 = max(i0, i1)
    if i1 > i0:
        seg0, seg1 = s.seg_of(i0), s.seg_of(i1 - 1)
    else:
        seg0 = seg1 = s.seg_of(i0 - 1) if i0 else 0
    # the clause: segments lo..hi, widened (right first, then alternating) while too short
    starts, wc = s.seg_start, s.word_count
    lo, hi = seg0, seg1
    inside = wc[i1] - wc[i0]
    last = len(starts) - 2
    right = True
    while (wc[starts[hi + 1]] - wc[starts[lo]] - inside < MIN_CLAUSE_WORDS
           and (lo > 0 or hi < last)):
        if (right and hi < last) or lo == 0:
            hi += 1
        else:
            lo -= 1
        right = not right
    a = starts[lo]
    if a < i0 and s.words[a] in CLAUSE_BREAKS:
        a += 1  # the break that opens the clause is not part of it
    return Mention(s, i0, i1, a, starts[hi + 1], seg0, seg1)


def clause_text(text: str, start: int, end: int) -> str:
    """The characters of the mention's clause (for scorers that tokenise for themselves)."""
    m = locate(text, start, end)
    if m.b <= m.a:
        return text[start:end]
    return text[min(start, m.s.starts[m.a]):max(end, m.s.ends[m.b - 1])]


# --- lexicons ---------------------------------------------------------------------------------

def _package_file(package: str, *parts: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise ImportError(f"the {package} package is required for sentiment scoring")
    return Path(spec.origin).parent.joinpath(*parts)


@lru_cache(maxsize=1)
def textblob_lexicon() -> tuple[dict[str, tuple[float, float, float]], frozenset[str]]:
    """TextBlob's word scores as TextBlob averages them for untagged text, and its adverbs.

    Same numbers as ``textblob.en.sentiment`` (senses averaged per tag, then over tags;
    "-ly" adverbs derived from adjectives), without importing TextBlob and so NLTK.
    """
    per_tag: dict[str, dict[str | None, list[tuple[float, float, float]]]] = {}
    for el in ET.parse(_package_file("textblob", "en", "en-sentiment.xml")).getroot().iter("word"):
        form = el.get("form")
        if not form:
            continue
        psi = (float(el.get("polarity", 0.0)), float(el.get("subjectivity", 0.0)),
               float(el.get("intensity", 1.0)))
        per_tag.setdefault(form, {}).setdefault(el.get("pos"), []).append(psi)
    table: dict[str, dict[str | None, tuple[float, ...]]] = {}
    for w, tags in per_tag.items():
        avg = {t: tuple(sum(x) / len(x) for x in zip(*v, strict=True)) for t, v in tags.items()}
        avg[None] = tuple(sum(x) / len(x) for x in zip(*avg.values(), strict=True))
        table[w] = avg
    for w, tags in list(table.items()):
        if "JJ" in tags:
            adv = (w[:-1] + "i" if w.endswith("y") else w[:-2] if w.endswith("le") else w) + "ly"
            entry = table.setdefault(adv, {})
            entry["RB"] = entry[None] = tags["JJ"]
    words = {w: tags[None] for w, tags in table.items()}
    modifiers = frozenset(w for w, tags in table.items() if "RB" in tags)
    return words, modifiers  # type: ignore[return-value]


@lru_cache(maxsize=1)
def vader_lexicon() -> Lexicon:
    """VADER's word valences divided by 4 into [-1, 1], from its file (not its code).

    VADER rates verbs and nouns ("threat", "support") that TextBlob's adjective list lacks.
    """
    words = {}
    with open(_package_file("vaderSentiment", "vader_lexicon.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.split("\t")
            if len(parts) >= 2 and parts[0].isalpha():
                v = float(parts[1]) / 4
                words[parts[0].lower()] = (v, abs(v), 1.0)
    return Lexicon(words, {}, frozenset(), frozenset())


def read_lexicon(path: str | os.PathLike) -> list[tuple[str, float, float]]:
    """Rows of a lexicon CSV; a bad row raises ValueError naming the file and line."""
    rows = []
    with open(path, encoding="utf-8") as f:
        lines = [(i, ln) for i, ln in enumerate(f, 1) if ln.strip() and not ln.startswith("#")]
    reader = csv.reader(ln for _, ln in lines)
    header = next(reader, None)
    if header is None or [h.strip() for h in header[:3]] != ["term", "polarity", "subjectivity"]:
        raise ValueError(f"{path}: header must be 'term,polarity,subjectivity'")
    for (lineno, _), row in zip(lines[1:], reader, strict=True):
        try:
            term, p, s = row[0].strip().lower(), float(row[1]), float(row[2])
        except (IndexError, ValueError):
            raise ValueError(f"{path}: line {lineno}: expected term,polarity,subjectivity, "
                             f"got {row!r}") from None
        if not term or not -1 <= p <= 1 or not 0 <= s <= 1:
            raise ValueError(f"{path}: line {lineno}: {row!r} out of range "
                             "(polarity in [-1, 1], subjectivity in [0, 1])")
        rows.append((term, p, s))
    return rows


@lru_cache(maxsize=4)
def load_lexicon(path: str | os.PathLike | None = None) -> Lexicon:
    """TextBlob's lexicon overlaid with a geopolitical one (``path`` or :data:`LEXICON_PATH`).

    A term scored 0 and 0 is removed from TextBlob's list; a term of several words is
    matched as a phrase.
    """
    base, modifiers = textblob_lexicon()
    words = dict(base)
    phrases: dict[str, list[tuple[tuple[str, ...], float, float]]] = {}
    geo = set()
    for term, p, s in read_lexicon(path or LEXICON_PATH):
        toks = tuple(t.group().lower().replace("’", "'") for t in _TOKEN.finditer(term))
        if len(toks) == 1:
            if p == 0 and s == 0:
                words.pop(toks[0], None)
            else:
                words[toks[0]] = (p, s, 1.0)
                geo.add(toks[0])
        elif toks:
            phrases.setdefault(toks[0], []).append((toks, p, s))
            geo.add(toks[0])
    for v in phrases.values():
        v.sort(key=lambda x: -len(x[0]))  # longest phrase first
    return Lexicon(words, phrases, modifiers, frozenset(geo))


@lru_cache(maxsize=4)
def geo_lexicon(lexicon: Lexicon) -> Lexicon:
    """Only the geopolitical terms of ``lexicon`` (the linear backend's fixed prior)."""
    words = {w: v for w, v in lexicon.words.items() if w in lexicon.geo}
    return Lexicon(words, lexicon.phrases, frozenset(), lexicon.geo)


def assessments(words: tuple[str, ...] | list[str], lexicon: Lexicon
                ) -> list[tuple[int, float, float]]:
    """(token index, polarity, subjectivity) of each sentiment word or phrase.

    TextBlob's rules, kept: an intensifier ("very") scales the next word instead of counting
    itself, and a negation up to :data:`NEGATION_REACH` tokens before a word (in the same
    clause) turns its polarity to -0.5 times itself ("not good" is slightly bad).
    """
    lex, phrases, modifiers = lexicon.words, lexicon.phrases, lexicon.modifiers
    keys = lexicon.keys
    out = []
    neg_at = -100
    boost_at, boost = -1, 1.0
    skip_to = 0
    n = len(words)
    for i in [i for i, w in enumerate(words) if w in keys]:  # most words are in no list
        if i < skip_to:
            continue  # inside a phrase already scored
        w = words[i]
        if w in NEGATIONS:
            neg_at = i
            continue
        if w in CLAUSE_BREAKS:
            neg_at = -100
        score = None
        for toks, p, s in phrases.get(w, ()):
            if tuple(words[i:i + len(toks)]) == toks:
                score = (p, s)
                skip_to = i + len(toks)
                break
        if score is None:
            e = lex.get(w)
            if e is None:
                continue
            if w in modifiers and i + 1 < n and words[i + 1] in lex:
                boost_at, boost = i + 1, e[2]
                continue
            score = (e[0], e[1])
        p, s = score
        if boost_at == i:
            p, s = max(-1.0, min(1.0, p * boost)), min(1.0, s * boost)
        if i - neg_at <= NEGATION_REACH:
            p = -0.5 * p
            neg_at = -100
        out.append((i, p, s))
    return out


def toward(m: Mention, lexicon: Lexicon) -> tuple[float, float, int]:
    """Polarity and subjectivity toward the mention by ``lexicon``, and the words counted.

    A mean of the sentence's sentiment words weighted by exp(-distance / DECAY) times
    CROSSING per clause boundary in between: the mention's own clause dominates, but a
    sentence that states its sentiment once, elsewhere, still counts.
    """
    i0, i1 = m.i0, m.i1
    wsum = psum = ssum = 0.0
    k = 0
    for i, p, q, sg in m.s.items(lexicon):
        if i < i0:
            wt = math.exp((i - i0) / DECAY) * CROSSING ** (m.seg0 - sg)
        elif i >= i1:
            wt = math.exp((i1 - 1 - i) / DECAY) * CROSSING ** (sg - m.seg1)
        else:
            continue  # a word of the mention itself
        wsum += wt
        psum += wt * p
        ssum += wt * q
        k += 1
    if not k:
        return 0.0, 0.0, 0
    return psum / wsum, ssum / wsum, k


def in_clause(m: Mention, lexicon: Lexicon) -> tuple[float, float, int]:
    """Plain mean (TextBlob's) of the sentiment words in the mention's clause."""
    psum = ssum = 0.0
    k = 0
    for i, p, q, _ in m.s.items(lexicon):
        if m.a <= i < m.b and not m.i0 <= i < m.i1:
            psum += p
            ssum += q
            k += 1
    return (psum / k, ssum / k, k) if k else (0.0, 0.0, 0)


# --- backends -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Backend:
    """A named scorer. ``thresholds`` (lo, hi): polarity < lo is negative, > hi positive."""

    name: str
    score_mention: Callable[[str, int, int], Score]
    score_text: Callable[[str], Score]
    thresholds: tuple[float, float] = (-0.05, 0.05)
    #: True when fitted on NewsMTSC train: its scores of train are then in-sample.
    trained: bool = False
    description: str = ""


_FACTORIES: dict[str, Callable[[], Backend]] = {}


def register_backend(name: str, factory: Callable[[], Backend]) -> None:
    """Add (or replace) a backend; ``factory`` runs on first use, so imports stay lazy."""
    _FACTORIES[name] = factory
    get_backend.cache_clear()


def backends() -> list[str]:
    """Names of the registered backends."""
    return list(_FACTORIES)


@cache
def get_backend(name: str = DEFAULT_BACKEND) -> Backend:
    """The backend called ``name``; ValueError naming the choices if there is none."""
    if name not in _FACTORIES:
        raise ValueError(f"unknown sentiment backend {name!r}; choose one of "
                         f"{', '.join(repr(b) for b in _FACTORIES)}")
    return _FACTORIES[name]()


def score_mention(text: str, start: int, end: int, *, backend: str = DEFAULT_BACKEND) -> Score:
    """Sentiment toward ``text[start:end]`` in the sentence ``text``: (polarity, subjectivity)."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"mention span [{start}, {end}) is not inside the text "
                         f"(length {len(text)})")
    return get_backend(backend).score_mention(text, start, end)


def score_text(text: str, *, backend: str = DEFAULT_BACKEND) -> Score:
    """Sentiment of a whole span (e.g. a quotation): (polarity, subjectivity)."""
    return get_backend(backend).score_text(text)


def polarity_label(polarity: float, *, backend: str = DEFAULT_BACKEND) -> str:
    """negative / neutral / positive by the backend's thresholds."""
    lo, hi = get_backend(backend).thresholds
    return "negative" if polarity < lo else "positive" if polarity > hi else "neutral"


def _make_textblob() -> Backend:
    lexicon = load_lexicon()

    def mention(text: str, start: int, end: int) -> Score:
        p, s, _ = toward(locate(text, start, end), lexicon)
        return p, s

    def whole(text: str) -> Score:
        items = sentence(text).items(lexicon)
        if not items:
            return 0.0, 0.0
        return (sum(it[1] for it in items) / len(items),
                sum(it[2] for it in items) / len(items))

    return Backend("textblob", mention, whole, thresholds=(-0.001, 0.116),
                   description="TextBlob's + the geopolitical lexicon, distance-weighted")


def _make_textblob_plain() -> Backend:
    from textblob import TextBlob  # imports NLTK: ~2 s, only for this backend

    def whole(text: str) -> Score:
        s = TextBlob(text).sentiment
        return float(s.polarity), float(s.subjectivity)

    def mention(text: str, start: int, end: int) -> Score:
        return whole(clause_text(text, start, end))

    return Backend("textblob-plain", mention, whole, thresholds=(-0.004, 0.018),
                   description="TextBlob(clause).sentiment")


def _make_vader() -> Backend:
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError as e:
        raise ImportError("the 'vader' backend needs the vaderSentiment package") from e
    analyzer = SentimentIntensityAnalyzer()

    def whole(text: str) -> Score:
        d = analyzer.polarity_scores(text)
        return float(d["compound"]), float(1.0 - d["neu"])

    def mention(text: str, start: int, end: int) -> Score:
        return whole(clause_text(text, start, end))

    return Backend("vader", mention, whole, thresholds=(-0.001, 0.244),
                   description="vaderSentiment compound of the clause")


# --- lexicon+linear ---------------------------------------------------------------------------

#: Feature groups computed; sentiment_linear.yaml records those it was trained with.
FEATURE_GROUPS = frozenset({"uni", "bi", "clause", "window", "dense", "vader", "geo"})
#: The feature holding the geopolitical lexicon's polarity; its weights are set, not fitted.
GEO_PRIOR = "#geo_prior"
WINDOW = 4  # tokens either side of the mention that get side-marked features


def mention_features(m: Mention, lexicon: Lexicon | None = None) -> dict[str, float]:
    """Features of one mention (``benchmarks/train_sentiment.py`` fits on the same).

    Words of the sentence ("u:"), bigrams with the mention as :data:`TARGET` ("b:"), words
    of its clause ("c:") and of a window by side ("l:", "r:"), all marked "!" inside a
    negation's reach; each group of binary features scaled to unit length. Then lexicon
    scores as numbers ("#...").
    """
    lexicon = lexicon or load_lexicon()
    s, i0, i1, a, b = m.s, m.i0, m.i1, m.a, m.b
    words, marked, isword = s.words, s.marked, s.isword
    g = FEATURE_GROUPS
    sent: set[str] = set()
    if "uni" in g:
        sent.update("u:" + marked[i] for i in range(i0) if isword[i])
        sent.update("u:" + marked[i] for i in range(i1, len(words)) if isword[i])
    if "bi" in g:
        sent.update("b:" + x + " " + y for x, y in zip(marked[:i0], marked[1:i0], strict=False))
        sent.update("b:" + x + " " + y for x, y in zip(marked[i1:], marked[i1 + 1:], strict=False))
        if i0:
            sent.add("b:" + marked[i0 - 1] + " " + TARGET)
        if i1 < len(words):
            sent.add("b:" + TARGET + " " + marked[i1])
    local: set[str] = set()
    if "clause" in g:
        local.update("c:" + marked[i] for i in range(a, i0) if isword[i])
        local.update("c:" + marked[i] for i in range(i1, b) if isword[i])
    if "window" in g:
        local.update("l:" + marked[i] for i in range(max(0, i0 - WINDOW), i0))
        local.update("r:" + marked[i] for i in range(i1, min(len(words), i1 + WINDOW)))
    feats: dict[str, float] = {}
    for group in (sent, local):
        if group:
            v = 1.0 / math.sqrt(len(group))
            for f in group:
                feats[f] = v
    if "dense" in g:
        p, q, k = toward(m, lexicon)
        feats["#pol"] = p
        feats["#subj"] = q
        feats["#has_sentiment"] = 1.0 if k else 0.0
        if "cdense" in g:
            cp, cq, _ = in_clause(m, lexicon)
            feats["#clause_pol"] = cp
            feats["#clause_subj"] = cq
    if "vader" in g:
        vlex = vader_lexicon()
        p, _, k = toward(m, vlex)
        feats["#v_pol"] = p
        feats["#v_has"] = 1.0 if k else 0.0
        if "cdense" in g:
            feats["#v_clause_pol"] = in_clause(m, vlex)[0]
    if "geo" in g:
        feats[GEO_PRIOR] = toward(m, geo_lexicon(lexicon))[0]
    return feats


@dataclass
class LinearModel:
    """Weights per feature and class, applied in pure Python (no scikit-learn at run time)."""

    weights: dict[str, tuple[float, float, float]]
    bias: tuple[float, float, float]
    thresholds: tuple[float, float]
    #: the same weights by group, keyed without the prefix ("u:korea" -> by_group["u"]["korea"])
    by_group: dict[str, dict[str, tuple[float, float, float]]] = field(default_factory=dict)

    def __post_init__(self):
        for name, c in self.weights.items():
            if name[1:2] == ":":
                self.by_group.setdefault(name[0], {})[name[2:]] = c

    def proba(self, feats: dict[str, float]) -> tuple[float, float, float]:
        z0, z1, z2 = self.bias
        w = self.weights
        for f, v in feats.items():
            c = w.get(f)
            if c is not None:
                z0 += c[0] * v
                z1 += c[1] * v
                z2 += c[2] * v
        top = max(z0, z1, z2)
        e0, e1, e2 = math.exp(z0 - top), math.exp(z1 - top), math.exp(z2 - top)
        t = e0 + e1 + e2
        return e0 / t, e1 / t, e2 / t


def probability_score(p_neg: float, p_neu: float, p_pos: float) -> Score:
    """(polarity, subjectivity) from class probabilities.

    Polarity is the margin by which the winning side beats both others (0 when neutral
    wins), so its sign is the classifier's decision and its size the confidence;
    P(pos) - P(neg) alone would call a 40/35/25 split positive. Subjectivity is 1 - P(neu).
    """
    pol = max(0.0, p_pos - max(p_neu, p_neg)) - max(0.0, p_neg - max(p_neu, p_pos))
    return pol, 1.0 - p_neu


def read_linear(weights_path: str | os.PathLike = LINEAR_WEIGHTS_PATH,
                meta_path: str | os.PathLike = LINEAR_META_PATH) -> LinearModel:
    """Weights written by ``benchmarks/train_sentiment.py``; ValueError if they do not fit."""
    weights: dict[str, tuple[float, float, float]] = {}
    with open(weights_path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        if next(reader, None) != ["feature", *LABELS]:
            raise ValueError(f"{weights_path}: header must be feature,{','.join(LABELS)}")
        for row in reader:
            weights[row[0]] = (float(row[1]), float(row[2]), float(row[3]))
    with open(meta_path, encoding="utf-8") as f:
        meta = yaml.safe_load(f)
    if set(meta.get("feature_groups", ())) != FEATURE_GROUPS or "#bias" not in weights:
        raise ValueError(f"{meta_path}: trained with feature groups {meta.get('feature_groups')}"
                         f", the code computes {sorted(FEATURE_GROUPS)}: retrain with "
                         "benchmarks/train_sentiment.py")
    lo, hi = meta["thresholds"]
    return LinearModel(weights, weights.pop("#bias"), (float(lo), float(hi)))


def _sum3(tables, keys) -> tuple[float, float, float]:
    """Sum of the weights of ``keys`` per class, in C (map over dict.get) rather than a loop."""
    d0, d1, d2 = tables
    return (sum(map(d0.get, keys, repeat(0.0))), sum(map(d1.get, keys, repeat(0.0))),
            sum(map(d2.get, keys, repeat(0.0))))


class FastLinear:
    """``model.proba(mention_features(m))`` without building the features, for speed.

    The sentence-wide group (words and bigrams) is summed once per sentence; a mention then
    takes out what its own tokens contributed and adds its two bigrams. Weights sit in one
    dict per group and class, keyed by the bare word, so sums run in C. Must agree with
    the reference path to rounding (checked in tests/test_sentiment.py).
    """

    def __init__(self, model: LinearModel, lexicon: Lexicon):
        self.model, self.lexicon = model, lexicon
        self.vader, self.geo = vader_lexicon(), geo_lexicon(lexicon)
        self.tables = {g: tuple({k: c[j] for k, c in table.items()} for j in range(3))
                       for g, table in model.by_group.items()}
        for g in "ubclr":
            self.tables.setdefault(g, ({}, {}, {}))
        w = model.weights
        self.dense = [w.get(k) for k in (
            "#pol", "#subj", "#clause_pol", "#clause_subj", "#has_sentiment", "#v_pol",
            "#v_clause_pol", "#v_has", GEO_PRIOR)]

    def _sentence_sums(self, s: Sentence):
        got = s.memo.get(self)
        if got is None:
            marked = s.marked
            uni = [m for m, ok in zip(marked, s.isword, strict=True) if ok]
            bigrams = [x + " " + y for x, y in zip(marked, marked[1:], strict=False)]
            uset, bset = set(uni), set(bigrams)
            zu, zb = _sum3(self.tables["u"], uset), _sum3(self.tables["b"], bset)
            got = s.memo[self] = (uni, bigrams, len(uset) + len(bset),
                                  (zu[0] + zb[0], zu[1] + zb[1], zu[2] + zb[2]))
        return got

    def proba(self, m: Mention) -> tuple[float, float, float]:
        s, i0, i1, a, b = m.s, m.i0, m.i1, m.a, m.b
        marked, isword = s.marked, s.isword
        n = len(marked)
        uni, bigrams, size, (z0, z1, z2) = self._sentence_sums(s)
        # take out what the mention's own tokens contributed to the sentence group
        if i1 > i0:
            gone_u = [marked[i] for i in range(i0, i1) if isword[i]]
            gone_b = bigrams[max(i0 - 1, 0):min(i1, n - 1)]
            for g, counts, gone in (("u", uni, gone_u), ("b", bigrams, gone_b)):
                drop = [f for f in set(gone) if counts.count(f) == gone.count(f)]
                if drop:
                    size -= len(drop)
                    d = _sum3(self.tables[g], drop)
                    z0, z1, z2 = z0 - d[0], z1 - d[1], z2 - d[2]
        elif i0 and i0 < n:  # a mention between tokens splits their bigram
            f = bigrams[i0 - 1]
            if bigrams.count(f) == 1:
                size -= 1
                d = _sum3(self.tables["b"], (f,))
                z0, z1, z2 = z0 - d[0], z1 - d[1], z2 - d[2]
        new = []
        if i0:
            new.append(marked[i0 - 1] + " " + TARGET)
        if i1 < n:
            new.append(TARGET + " " + marked[i1])
        if new:
            size += len(new)
            d = _sum3(self.tables["b"], new)
            z0, z1, z2 = z0 + d[0], z1 + d[1], z2 + d[2]
        if size:
            v = 1.0 / math.sqrt(size)
            z0, z1, z2 = z0 * v, z1 * v, z2 * v
        # the clause and window group
        cset = {marked[i] for i in range(a, i0) if isword[i]}
        cset.update(marked[i] for i in range(i1, b) if isword[i])
        lset = set(marked[max(0, i0 - WINDOW):i0])
        rset = set(marked[i1:i1 + WINDOW])
        size = len(cset) + len(lset) + len(rset)
        if size:
            v = 1.0 / math.sqrt(size)
            for g, keys in (("c", cset), ("l", lset), ("r", rset)):
                d = _sum3(self.tables[g], keys)
                z0, z1, z2 = z0 + d[0] * v, z1 + d[1] * v, z2 + d[2] * v
        # lexicon scores
        p, q, k = toward(m, self.lexicon)
        cp, cq, _ = in_clause(m, self.lexicon)
        vp, _, vk = toward(m, self.vader)
        values = (p, q, cp, cq, 1.0 if k else 0.0, vp, in_clause(m, self.vader)[0],
                  1.0 if vk else 0.0, toward(m, self.geo)[0])
        for c, x in zip(self.dense, values, strict=True):
            if c is not None and x:
                z0 += c[0] * x
                z1 += c[1] * x
                z2 += c[2] * x
        bias = self.model.bias
        z0, z1, z2 = z0 + bias[0], z1 + bias[1], z2 + bias[2]
        top = max(z0, z1, z2)
        e0, e1, e2 = math.exp(z0 - top), math.exp(z1 - top), math.exp(z2 - top)
        t = e0 + e1 + e2
        return e0 / t, e1 / t, e2 / t


def _make_linear() -> Backend:
    fast = FastLinear(read_linear(), load_lexicon())

    def mention(text: str, start: int, end: int) -> Score:
        return probability_score(*fast.proba(locate(text, start, end)))

    def whole(text: str) -> Score:
        # a quotation names no one: score its words as the context of an absent mention
        return probability_score(*fast.proba(locate_end(text)))

    return Backend("lexicon+linear", mention, whole, thresholds=fast.model.thresholds,
                   trained=True, description="logistic regression (NewsMTSC train) + lexicons")


register_backend("lexicon+linear", _make_linear)
register_backend("textblob", _make_textblob)
register_backend("textblob-plain", _make_textblob_plain)
register_backend("vader", _make_vader)
