"""Who acts toward whom: cooperation and conflict events between actors, sentence by sentence.

For every body sentence naming two or more actors, cue phrases from ``event_cues.yaml``
(CAMEO families with their Goldstein values) are found; for each cue the actors before it
(the nearest coordinated group: "North Korea and Russia") act on the actors after it, or —
for mutual cues such as "ties", "talks", "signed a pact" — every pair joined by it counts.
A negation just before a cue ("no formal peace treaty", "has no diplomatic relations")
reverses it at half strength. Sentences inside a quotation count for the speaker's actor
when a cue has no actor before it ("sanctions on North Korea should stay put," Park noted).
Where no cue fires, the clause's sentiment polarity scores the co-mentioned pairs.
Scores are ``goldstein / 10`` in [-1, 1]: negative = conflict, positive = cooperation.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from korea_analysis.actors import load_data_file

DEFAULT_CUES = Path(__file__).with_name("event_cues.yaml")
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                4: "material conflict"}
EVENT_COLUMNS = ["article_id", "sentence_id", "source", "target", "cue", "cameo", "quad_class",
                 "goldstein", "polarity", "score", "negated", "historical", "cue_start",
                 "cue_end"]
#: A sentence whose years are all this many years before publication tells history
#: ("Between 1950 and 1953, North Korea … fought against South Korea"), not current relations.
HISTORY_YEARS = 10
# Several patterns below start with the character they consume and check what precedes it
# with lookbehinds, rather than starting with the lookbehind: Python's regex engine can then
# skip straight to that character instead of trying every position. tests/test_events.py
# checks each against its plainly written form (the comment above it).
# (?<![\w-])(?<!since )(?<!Since )(?:1[89]\d\d|20\d\d)(?![\w])
_YEAR = re.compile(r"(?:1(?<![\w-]1)(?<!since 1)(?<!Since 1)[89]\d\d"
                   r"|2(?<![\w-]2)(?<!since 2)(?<!Since 2)0\d\d)(?![\w])")
# ;|\s--\s|\s—\s|,\s(?:but|however)\s|,?\s(?:while|when|whereas|although|though)\s
_CLAUSE_BREAK = re.compile(r"[;,\s](?:(?<=;)|(?<=,)\s(?:but|however|while|when|whereas|although"
                           r"|though)\s|(?<=\s)(?:--|—|while|when|whereas|although|though)\s)")
_COORD = re.compile(r"^[\s,]*(?:(?:and|or|both|as well as|along with|the|&|not only|but|also|"
                    r"nor)\b[\s,]*)*$")
_WORD = re.compile(r"[\w’']+")
_CUE_WORD = re.compile(r"[\w’'-]+")
_FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b", re.I)
_BLOCK = re.compile(r"[“”\"]|\b(?:that|which|who|whom|whose)\b")
MEMO_WORDS = 200_000  # distinct words whose cue candidates are remembered
_TOPIC = {"about", "concerning", "regarding", "on", "over", "toward", "towards"}


@dataclass(frozen=True, slots=True)
class Cue:
    cameo: str
    label: str
    quad: int
    goldstein: float
    direction: str  # directed | mutual
    pattern: str


@dataclass
class CueBook:
    path: str
    cues: list[Cue]
    regexes: list[re.Pattern]  # one anchored pattern per cue
    exact: dict[str, list[int]]  # first word -> cues starting with it
    prefix: dict[str, list[int]]  # first-word prefix ("strengthen" of "strengthen*") -> cues
    negations: frozenset[str]
    window: int
    factor: float

    def candidates(self, word: str) -> tuple[int, ...]:
        """Indices of the cues that can start with ``word`` (memoised: words repeat)."""
        found = self._memo.get(word)
        if found is None:
            if len(self._memo) > MEMO_WORDS:  # bounded on a corpus of any size
                self._memo.clear()
            hits = list(self.exact.get(word, ()))
            for k in self._prefix_lengths:
                if k <= len(word):
                    hits.extend(self.prefix.get(word[:k], ()))
            found = self._memo[word] = tuple(hits)
        return found

    def word_candidates(self, words: list[str]) -> list[tuple[int, ...]] | None:
        """The candidates of each of ``words`` (as in the text); None when no word has any."""
        memo = self._memo
        got = list(map(memo.get, words))
        if None in got:  # words not seen before
            got = [c if c is not None else self._remember(w)
                   for w, c in zip(words, got, strict=True)]
        return got if any(got) else None

    def _remember(self, word: str) -> tuple[int, ...]:
        found = self._memo[word] = self.candidates(word.lower())
        return found

    def __post_init__(self) -> None:
        self._prefix_lengths = sorted({len(p) for p in self.prefix})
        self._memo: dict[str, tuple[int, ...]] = {}


def _compile_pattern(pattern: str) -> str:
    """Cue syntax to regex: ``word*`` prefix, ``a|b`` alternatives, ``...`` a gap of 0-4 words."""
    regex = ""
    for i, tok in enumerate(pattern.split()):
        if tok == "...":
            regex += r"(?:\W+[\w’'-]+){0,4}"
            continue
        alts = "|".join(re.escape(a).replace(r"\*", r"[\w’'-]*") for a in tok.split("|"))
        regex += (r"\W+" if i else "") + f"(?:{alts})"
    return r"(?<![\w’'-])" + regex + r"(?![\w’'-])"


class CueDictionaryError(ValueError):
    """The cue file is malformed; the message names the file and the entry."""


def load_cues(path: str | os.PathLike | None = None) -> CueBook:
    """Read the cue dictionary (cached per file and modification time)."""
    return load_data_file(path or DEFAULT_CUES, _build, CueDictionaryError, "cue dictionary")


def _build(path: str, data: dict) -> CueBook:
    cues, regexes = [], []
    exact: dict[str, list[int]] = {}
    prefix: dict[str, list[int]] = {}
    for i, c in enumerate(data.get("cues") or []):
        where = f"{path}: cues[{i}] ({c.get('label', '?')})"
        for key in ("cameo", "quad", "goldstein", "patterns"):
            if key not in c:
                raise CueDictionaryError(f"{where}: missing '{key}'")
        if c["quad"] not in QUAD_CLASSES:
            raise CueDictionaryError(f"{where}: quad must be 1-4")
        if c.get("direction", "directed") not in ("directed", "mutual"):
            raise CueDictionaryError(f"{where}: direction must be directed or mutual")
        for pat in c["patterns"]:
            cue = Cue(str(c["cameo"]), c.get("label", ""), int(c["quad"]), float(c["goldstein"]),
                      c.get("direction", "directed"), pat)
            for alt in pat.split()[0].lower().split("|"):
                index = prefix if alt.endswith("*") else exact
                index.setdefault(alt.rstrip("*"), []).append(len(cues))
            regexes.append(re.compile(_compile_pattern(pat), re.I))
            cues.append(cue)
    neg = data.get("negation") or {}
    return CueBook(path, cues, regexes, exact, prefix,
                   frozenset(w.lower() for w in neg.get("words", [])),
                   int(neg.get("window", 3)), float(neg.get("factor", -0.5)))


def find_cues(text: str, start: int, end: int, book: CueBook) -> list[tuple[int, int, Cue]]:
    """Non-overlapping cue matches in text[start:end], longest first, returned in text order.

    Each word looks up the cues that can start with it (exact word or prefix), so the cost per
    word does not grow with the number of cues.
    """
    cands = book.word_candidates(_CUE_WORD.findall(text, start, end))
    if cands is None:
        return []  # many clauses: no word can start a cue
    found = []
    regexes = book.regexes
    for w, c in zip(_CUE_WORD.finditer(text, start, end), cands, strict=True):
        if c:
            for i in c:
                m = regexes[i].match(text, w.start(), end)
                if m:
                    found.append((m.start(), m.end(), book.cues[i]))
    found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    kept: list[tuple[int, int, Cue]] = []
    for a, b, c in found:
        if not kept or a >= kept[-1][1]:
            kept.append((a, b, c))
    return kept


def _negated(text: str, clause_start: int, cue_start: int, book: CueBook) -> bool:
    # the last few words before the cue: look at a stretch of text that holds more than
    # that many (its first word may be cut), else at the whole clause before the cue
    before = _WORD.findall(text, max(clause_start, cue_start - 24 * book.window), cue_start)
    if len(before) <= book.window and cue_start - 24 * book.window > clause_start:
        before = _WORD.findall(text, clause_start, cue_start)
    before = before[-book.window:]
    return any(w.lower() in book.negations or w.lower().endswith("n't") for w in before)


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, a = [], start
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        out.append((a, m.start()))
        a = m.end()
    out.append((a, end))
    return [(x, y) for x, y in out if y > x]


def _group(text: str, ms: list, backwards: bool) -> list:
    """The nearest coordinated run of mentions ("North Korea, China, and Russia")."""
    if not ms:
        return []
    seq = list(reversed(ms)) if backwards else ms
    group = [seq[0]]
    for m in seq[1:]:
        prev = group[-1]
        gap = text[m.end:prev.start] if backwards else text[prev.end:m.start]
        if m.actor == prev.actor and len(gap) < 40 or _COORD.match(gap):
            group.append(m)
        else:
            break
    return group


def _actors(group: list) -> list[str]:
    return list(dict.fromkeys(m.actor for m in sorted(group, key=lambda m: m.start)))


def _right(text: str, cms: list, b: int, limit: int) -> tuple[list, str]:
    """Actors named right after a cue (within six words, no quote or relative clause between)."""
    after = [m for m in cms if b <= m.start < limit]
    if not after:
        return [], ""
    gap = text[b:after[0].start]
    if len(_WORD.findall(gap)) > 6 or _BLOCK.search(gap):
        return [], gap
    return _actors(_group(text, after, backwards=False)), gap


def _scored(memo: dict[str, float], polarity, clause: str) -> float:
    got = memo.get(clause)
    if got is None:
        got = memo[clause] = polarity(clause)
    return got


def find_events(text: str, sentences, mentions, *, cues: CueBook, polarity=None,
                speakers: dict[int, str] | None = None, ignore: frozenset[str] = frozenset(),
                published_year: int | None = None) -> list[dict]:
    """Events of one article.

    ``mentions`` are :class:`korea_analysis.mentions.Mention`; ``speakers`` maps a
    sentence index to the actor of the quotation it lies in; ``polarity(text) -> float``
    scores a sentence where no cue fires (no fallback events when it is None); mentions whose
    entity is in ``ignore`` (news outlets reporting, not acting) take no part. An event is
    ``historical`` when every year its sentence names ("since 1953" excepted) lies
    :data:`HISTORY_YEARS` or more before ``published_year``.
    """
    speakers = speakers or {}
    by_sentence: dict[int, list] = {}
    for m in mentions:
        if m.entity not in ignore:
            by_sentence.setdefault(m.sentence_id, []).append(m)
    rows: list[dict] = []
    for sid, ms in by_sentence.items():
        speaker = speakers.get(sid)
        if len({m.actor for m in ms} | ({speaker} if speaker else set())) < 2:
            continue
        s = sentences[sid]
        years = [int(y) for y in _YEAR.findall(text, s.start, s.end)]
        historical = bool(years and published_year
                          and max(years) <= published_year - HISTORY_YEARS)
        seen: set[tuple] = set()
        any_cue = False
        scored: dict[str, float] = {}  # clause -> polarity, scored once per sentence
        for ca, cb in _clauses(text, s.start, s.end):
            cms = [m for m in ms if ca <= m.start < cb]
            hits = [h for h in find_cues(text, ca, cb, cues)  # "Cooperation" in an org's name
                    if not any(m.start < h[1] and h[0] < m.end for m in cms)]
            any_cue = any_cue or bool(hits)
            governed: set[int] = set()
            for k, (a, b, cue) in enumerate(hits):
                if k in governed:
                    continue
                nxt = hits[k + 1][0] if k + 1 < len(hits) else cb
                left = _actors(_group(text, [m for m in cms if m.end <= a], backwards=True))
                right, gap = _right(text, cms, b, nxt)
                if not right and k + 1 < len(hits) and len(_WORD.findall(text[b:nxt])) <= 3:
                    # "resisting any formal nuclear talks with X": the first cue governs
                    governed.add(k + 1)
                    limit = hits[k + 2][0] if k + 2 < len(hits) else cb
                    right, gap = _right(text, cms, hits[k + 1][1], limit)
                if speaker and (not left or _FIRST_PERSON.search(text[ca:a])):
                    left = left or [speaker]
                gap_words = {w.lower() for w in _WORD.findall(gap)}
                if cue.direction == "directed":
                    src, tgt = (right, left) if "from" in gap_words else (left, right)
                    pairs = [(x, y) for x in src for y in tgt if x != y]
                else:
                    if gap_words & _TOPIC:  # "talks on North Korea": a topic, not a partner
                        right = []
                    if gap_words & {"between", "among"} and len(right) > 1:
                        # "rivalry between the US and (not only) China (but) Russia":
                        # the first named faces each of the others
                        left, right = right[:1], right[1:]
                    if left and right:
                        pairs = [(x, y) for x in left for y in right if x != y]
                    else:
                        pairs = list(combinations(left or right, 2))
                neg = _negated(text, ca, a, cues)
                weight = cues.factor if neg else 1.0
                for x, y in pairs:
                    key = (x, y, cue.cameo)
                    if key in seen:
                        continue
                    seen.add(key)
                    rows.append({
                        "sentence_id": sid, "source": x, "target": y, "cue": text[a:b],
                        "cameo": cue.cameo, "quad_class": QUAD_CLASSES[cue.quad],
                        "goldstein": cue.goldstein,
                        "polarity": (_scored(scored, polarity, text[ca:cb]) if polarity
                                     else float("nan")),
                        "score": round(weight * cue.goldstein / 10, 4), "negated": neg,
                        "historical": historical, "cue_start": a, "cue_end": b,
                    })
        if not any_cue and polarity is not None:
            pol = polarity(text[s.start:s.end])
            if pol:
                for x, y in combinations(list(dict.fromkeys(m.actor for m in ms)), 2):
                    rows.append({"sentence_id": sid, "source": x, "target": y, "cue": "",
                                 "cameo": "", "quad_class": "", "goldstein": float("nan"),
                                 "polarity": pol, "score": round(pol, 4), "negated": False,
                                 "historical": historical, "cue_start": -1, "cue_end": -1})
    return rows
