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
  missiles. Weights ship as ``sentiment_linear.csv``, applied in pure Python. Its
  :func:`score_text` (a span naming no one) is the ``textblob`` backend's lexicon mean.
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
from bisect import bisect_left, bisect_right
from collections import Counter, OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate, compress
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

# "U.S.", "e.g." and "Sen." stay whole (their periods would end a clause), and so do
# numbers ("1,000"); "Korea's" -> "korea" "'s"; "didn't" is split into "did" "n't" after
# matching; every other punctuation mark is a token.
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
        self.keys = frozenset(self.words) | frozenset(self.phrases) | NEGATIONS


@dataclass(eq=False)
class Sentence:
    """One sentence, tokenised once for all its mentions (see :func:`sentence`)."""

    words: list[str]  # lists, not tuples: built once per sentence, read-only afterwards
    starts: list[int]
    ends: list[int]
    isword: list[bool]  # not punctuation
    marked: list[str]  # words inside a negation's reach prefixed "!"
    seg_start: list[int]  # first token of each clause segment, then len(words)
    word_count: list[int]  # words before each token index (len(words) + 1 entries)
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


#: Sentences tokenised last (text -> Sentence), the oldest dropped beyond SENTENCE_CACHE.
#: A mapping rather than ``lru_cache`` so that :func:`lexicon_mean` can ask whether a span
#: is a sentence already tokenised (an event clause that is its whole sentence) without
#: tokenising one that is not. An OrderedDict: dropping a plain dict's first key again and
#: again makes finding the next first key slower and slower (it skips the deleted slots).
_SENTENCES: OrderedDict[str, Sentence] = OrderedDict()
SENTENCE_CACHE = 512


def sentence(text: str) -> Sentence:
    """Tokens (lower case, with offsets), negation marks and clause segments of ``text``
    (cached: every mention of a sentence asks for it)."""
    got = _SENTENCES.get(text)
    if got is None:
        if len(_SENTENCES) >= SENTENCE_CACHE:
            _SENTENCES.popitem(last=False)
        got = _SENTENCES[text] = _tokenise(text)
    return got


sentence.cache_clear = _SENTENCES.clear  # type: ignore[attr-defined]  # as lru_cache's


def _tokenise(text: str) -> Sentence:
    """:func:`sentence`, uncached.

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
    return Sentence(words, [a for a, _ in spans], [b for _, b in spans], isword, marked,
                    [0, *[i for i, w in enumerate(words) if i and w in breaks], n],
                    list(accumulate(isword, initial=0)))


def words_of(text: str) -> list[str]:
    """``sentence(text).words`` without the offsets, marks and clauses (for whole-span
    scores, which need only the words): the tokens are lower-cased in one call."""
    toks = _TOKEN.findall(text)
    if not toks or "\x00" in text or "Σ" in text:
        # Σ: lower() of the whole text decides final sigma by the letters around it
        return list(sentence(text).words) if toks else []
    joined = "\x00".join(toks).lower()  # lower-cased per token, as sentence() does
    if "’" in joined:
        joined = joined.replace("’", "'")
    words = joined.split("\x00")
    if "n't" in joined:  # "didn't" -> "did" "n't"
        w2: list[str] = []
        for w in words:
            if len(w) > 3 and w.endswith("n't"):
                w2 += [w[:-3], "n't"]
            else:
                w2.append(w)
        words = w2
    return words


def tokenize(text: str) -> list[str]:
    """The lower-cased tokens of ``text``."""
    return list(sentence(text).words)


def clear_caches() -> None:
    """Forget the tokenised sentences (e.g. to time a cold run)."""
    sentence.cache_clear()


def reload() -> None:
    """Re-read lexicons and weights on next use, e.g. after editing sentiment_lexicon.csv."""
    for f in (sentence, load_lexicon, geo_lexicon, get_backend):
        f.cache_clear()


@dataclass(slots=True, eq=False)  # not frozen: made once per mention, and frozen is slower
class Mention:
    """Where a mention sits: tokens ``[i0, i1)`` of its sentence and their clause segments."""

    s: Sentence
    i0: int
    i1: int
    seg0: int  # segments of the mention's first and last token
    seg1: int


def locate(text: str, start: int, end: int) -> Mention:
    """The mention ``text[start:end]`` among its sentence's tokens."""
    s = sentence(text)
    i0 = bisect_right(s.ends, start)  # tokens that end before the mention
    i1 = max(i0, bisect_left(s.starts, end))  # tokens that start before its end
    if i1 > i0:
        return Mention(s, i0, i1, s.seg_of(i0), s.seg_of(i1 - 1))
    seg = s.seg_of(i0 - 1) if i0 else 0  # no token of its own: between two tokens
    return Mention(s, i0, i1, seg, seg)


def locate_end(text: str) -> Mention:
    """A mention of no tokens after the last token of ``text`` (for whole-span scores)."""
    s = sentence(text)
    n = len(s.words)
    return Mention(s, n, n, s.seg_of(n - 1) if n else 0, s.seg_of(n - 1) if n else 0)


def clause_span(m: Mention) -> tuple[int, int]:
    """Token range ``[a, b)`` of the mention's clause, widened while it has fewer than
    :data:`MIN_CLAUSE_WORDS` other words (right first, then alternating)."""
    s, i0, i1 = m.s, m.i0, m.i1
    starts, wc = s.seg_start, s.word_count
    lo, hi = m.seg0, m.seg1
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
    return a, starts[hi + 1]


def clause_text(text: str, start: int, end: int) -> str:
    """The characters of the mention's clause (for scorers that tokenise for themselves)."""
    m = locate(text, start, end)
    a, b = clause_span(m)
    if b <= a:
        return text[start:end]
    return text[min(start, m.s.starts[a]):max(end, m.s.ends[b - 1])]


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
    import xml.etree.ElementTree as ET  # on first use: a process that scores no sentiment
    # (reading tables back, a notebook) does not import it

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


def assessments(words: list[str], lexicon: Lexicon) -> list[tuple[int, float, float]]:
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
            if not any(words[j] in CLAUSE_BREAKS for j in range(neg_at + 1, i)):
                p = -0.5 * p
            neg_at = -100
        out.append((i, p, s))
    return out


_TABLE = 256
_DECAY_AT = [math.exp(-d / DECAY) for d in range(_TABLE)]  # weight d tokens away
_CROSSING_AT = [CROSSING ** c for c in range(_TABLE)]  # weight c clause boundaries away
_INV_SQRT = [0.0] + [1.0 / math.sqrt(n) for n in range(1, _TABLE)]  # unit length of n features


def toward(m: Mention, lexicon: Lexicon) -> tuple[float, float, int]:
    """Polarity and subjectivity toward the mention by ``lexicon``, and the words counted.

    A mean of the sentence's sentiment words weighted by exp(-distance / DECAY) times
    CROSSING per clause boundary in between: the mention's own clause dominates, but a
    sentence that states its sentiment once, elsewhere, still counts.
    """
    i0, i1, seg0, seg1 = m.i0, m.i1, m.seg0, m.seg1
    decay, crossing = _DECAY_AT, _CROSSING_AT
    wsum = psum = ssum = 0.0
    k = 0
    for i, p, q, sg in m.s.items(lexicon):
        if i < i0:
            d, c = i0 - i, seg0 - sg
        elif i >= i1:
            d, c = i - i1 + 1, sg - seg1
        else:
            continue  # a word of the mention itself
        # exp(-d / DECAY) * CROSSING ** c, from tables (the same numbers, looked up)
        wt = ((decay[d] if d < _TABLE else math.exp(-d / DECAY))
              * (crossing[c] if 0 <= c < _TABLE else CROSSING ** c))
        wsum += wt
        psum += wt * p
        ssum += wt * q
        k += 1
    if not k:
        return 0.0, 0.0, 0
    return psum / wsum, ssum / wsum, k


# --- backends -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Backend:
    """A named scorer. ``thresholds`` (lo, hi): polarity < lo is negative, > hi positive;
    for the shipped backends they were tuned on NewsMTSC train (benchmarks/newsmtsc.py)."""

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


def lexicon_mean(text: str, lexicon: Lexicon) -> Score:
    """Mean polarity and subjectivity of the sentiment words of ``text`` (TextBlob's way).

    A sentence whose mentions were scored (an event clause that is its whole sentence) has
    its assessments already: the same items, in the same order, so the same means.
    """
    s = _SENTENCES.get(text)
    items = s.items(lexicon) if s is not None else assessments(words_of(text), lexicon)
    if not items:
        return 0.0, 0.0
    return sum(it[1] for it in items) / len(items), sum(it[2] for it in items) / len(items)


def _make_textblob() -> Backend:
    lexicon = load_lexicon()

    def mention(text: str, start: int, end: int) -> Score:
        p, s, _ = toward(locate(text, start, end), lexicon)
        return p, s

    def whole(text: str) -> Score:
        return lexicon_mean(text, lexicon)

    return Backend("textblob", mention, whole, thresholds=(-0.001, 0.117),
                   description="TextBlob's + the geopolitical lexicon, distance-weighted")


def _make_textblob_plain() -> Backend:
    from textblob import TextBlob  # imports NLTK: ~2 s, only for this backend

    def whole(text: str) -> Score:
        s = TextBlob(text).sentiment
        return float(s.polarity), float(s.subjectivity)

    def mention(text: str, start: int, end: int) -> Score:
        return whole(clause_text(text, start, end))

    return Backend("textblob-plain", mention, whole, thresholds=(-0.007, 0.061),
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

    return Backend("vader", mention, whole, thresholds=(-0.003, 0.272),
                   description="vaderSentiment compound of the clause")


# --- lexicon+linear ---------------------------------------------------------------------------

#: Names of the feature groups :func:`mention_features` computes; sentiment_linear.yaml
#: records those its weights were fitted on, and a mismatch refuses to load.
FEATURE_GROUPS = frozenset({"uni", "bi", "window", "dense", "vader", "geo"})
#: The feature holding the geopolitical lexicon's polarity; its weights are set, not fitted.
GEO_PRIOR = "#geo_prior"
WINDOW = 4  # tokens either side of the mention that get side-marked features


def mention_features(m: Mention, lexicon: Lexicon | None = None) -> dict[str, float]:
    """Features of one mention: the reference that ``benchmarks/train_sentiment.py`` fits on
    and :class:`FastLinear` reproduces.

    Words ("u:") and bigrams ("b:", the mention as :data:`TARGET`) of the sentence, words of
    a window on each side ("l:", "r:"), all marked "!" inside a negation's reach; each of
    the two groups of binary features scaled to unit length, so long sentences do not
    shout. Then lexicon scores toward the mention as numbers ("#..."). (Words of the clause
    and clause-level lexicon means were tried too: no gain in cross-validation.)
    """
    lexicon = lexicon or load_lexicon()
    s, i0, i1 = m.s, m.i0, m.i1
    marked, isword = s.marked, s.isword
    n = len(marked)
    sent = {"u:" + marked[i] for i in range(i0) if isword[i]}
    sent.update("u:" + marked[i] for i in range(i1, n) if isword[i])
    sent.update("b:" + x + " " + y for x, y in zip(marked[:i0], marked[1:i0], strict=False))
    sent.update("b:" + x + " " + y for x, y in zip(marked[i1:], marked[i1 + 1:], strict=False))
    if i0:
        sent.add("b:" + marked[i0 - 1] + " " + TARGET)
    if i1 < n:
        sent.add("b:" + TARGET + " " + marked[i1])
    local = {"l:" + marked[i] for i in range(max(0, i0 - WINDOW), i0)}
    local.update("r:" + marked[i] for i in range(i1, min(n, i1 + WINDOW)))
    feats: dict[str, float] = {}
    for group in (sent, local):
        if group:
            v = 1.0 / math.sqrt(len(group))
            for f in group:
                feats[f] = v
    p, q, k = toward(m, lexicon)
    feats["#pol"] = p
    feats["#subj"] = q
    feats["#has_sentiment"] = 1.0 if k else 0.0
    p, _, k = toward(m, vader_lexicon())
    feats["#v_pol"] = p
    feats["#v_has"] = 1.0 if k else 0.0
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


def _take_out(taken: dict[str, int], counts, weights, size: int, z0: float, z1: float,
              z2: float) -> tuple[int, float, float, float]:
    """Remove features the mention alone supplied (all of their occurrences) from the sums."""
    for f, k in taken.items():
        if counts[f] == k:
            size -= 1
            c = weights.get(f)
            if c is not None:
                z0 -= c[0]
                z1 -= c[1]
                z2 -= c[2]
    return size, z0, z1, z2


class FastLinear:
    """``model.proba(mention_features(m))`` without building the features, for speed.

    The sentence-wide group (words and bigrams) is summed once per sentence; a mention then
    takes out what its own tokens contributed and adds its two bigrams. Weights sit in one
    dict per group keyed by the bare word, so no feature names are built. Plain loops:
    the sets involved are small. Must agree with the reference path to rounding (checked
    in tests/test_sentiment.py).
    """

    def __init__(self, model: LinearModel, lexicon: Lexicon):
        self.model, self.lexicon = model, lexicon
        self.vader, self.geo = vader_lexicon(), geo_lexicon(lexicon)
        g = model.by_group
        self.wu, self.wb, self.wl, self.wr = (g.get(k, {}) for k in "ublr")
        w = model.weights
        self.dense = tuple(w.get(k) for k in (
            "#pol", "#subj", "#has_sentiment", "#v_pol", "#v_has", GEO_PRIOR))

    def _sentence_sums(self, s: Sentence):
        got = s.memo.get(self)
        if got is None:
            marked = s.marked
            # Counter counts in C and keeps first-seen order: the sums below add the same
            # weights in the same order as a plain loop would
            ucount: dict[str, int] = Counter(compress(marked, s.isword))
            bigrams = [x + " " + y for x, y in zip(marked, marked[1:], strict=False)]
            bcount: dict[str, int] = Counter(bigrams)
            z0 = z1 = z2 = 0.0
            for table, keys in ((self.wu, ucount), (self.wb, bcount)):
                for c in map(table.get, keys):
                    if c is not None:
                        z0 += c[0]
                        z1 += c[1]
                        z2 += c[2]
            got = s.memo[self] = (ucount, bigrams, bcount, len(ucount) + len(bcount),
                                  z0, z1, z2)
        return got

    def proba(self, m: Mention) -> tuple[float, float, float]:
        s, i0, i1 = m.s, m.i0, m.i1
        marked = s.marked
        n = len(marked)
        ucount, bigrams, bcount, size, z0, z1, z2 = self._sentence_sums(s)
        wu, wb = self.wu, self.wb
        # take out what the mention's own tokens contributed to the sentence group
        if i1 > i0:
            isword = s.isword
            taken: dict[str, int] = {}
            for i in range(i0, i1):
                if isword[i]:
                    f = marked[i]
                    taken[f] = taken.get(f, 0) + 1
            size, z0, z1, z2 = _take_out(taken, ucount, wu, size, z0, z1, z2)
            taken = {}
            for f in bigrams[max(i0 - 1, 0):min(i1, n - 1)]:
                taken[f] = taken.get(f, 0) + 1
        else:  # no token of its own: it only splits the bigram around it
            taken = {bigrams[i0 - 1]: 1} if 0 < i0 < n else {}
        size, z0, z1, z2 = _take_out(taken, bcount, wb, size, z0, z1, z2)
        if i0:
            size += 1
            c = wb.get(marked[i0 - 1] + " " + TARGET)
            if c is not None:
                z0 += c[0]
                z1 += c[1]
                z2 += c[2]
        if i1 < n:
            size += 1
            c = wb.get(TARGET + " " + marked[i1])
            if c is not None:
                z0 += c[0]
                z1 += c[1]
                z2 += c[2]
        if size:
            v = _INV_SQRT[size] if size < _TABLE else 1.0 / math.sqrt(size)
            z0, z1, z2 = z0 * v, z1 * v, z2 * v
        # the window group (dicts, not sets: summed in text order, so the last bits of a
        # score do not depend on the process's string hashing)
        left = dict.fromkeys(marked[max(0, i0 - WINDOW):i0])
        right = dict.fromkeys(marked[i1:i1 + WINDOW])
        size = len(left) + len(right)
        if size:
            v = _INV_SQRT[size] if size < _TABLE else 1.0 / math.sqrt(size)
            for table, keys in ((self.wl, left), (self.wr, right)):
                for c in map(table.get, keys):
                    if c is not None:
                        z0 += c[0] * v
                        z1 += c[1] * v
                        z2 += c[2] * v
        # lexicon scores
        p, q, k = toward(m, self.lexicon)
        vp, _, vk = toward(m, self.vader)
        gp = toward(m, self.geo)[0]
        for c, x in zip(self.dense, (p, q, 1.0 if k else 0.0, vp, 1.0 if vk else 0.0, gp),
                        strict=True):
            if x and c is not None:
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
    lexicon = load_lexicon()
    fast = FastLinear(read_linear(), lexicon)

    def mention(text: str, start: int, end: int) -> Score:
        return probability_score(*fast.proba(locate(text, start, end)))

    def whole(text: str) -> Score:
        # a span with no one in it: the model was fitted on mentions, the lexicon was not
        return lexicon_mean(text, lexicon)

    return Backend("lexicon+linear", mention, whole, thresholds=fast.model.thresholds,
                   trained=True, description="logistic regression (NewsMTSC train) + lexicons; "
                   "score_text: the textblob backend's lexicon mean")


register_backend("lexicon+linear", _make_linear)
register_backend("textblob", _make_textblob)
register_backend("textblob-plain", _make_textblob_plain)
register_backend("vader", _make_vader)
