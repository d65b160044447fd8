"""Who acts toward whom: cooperation and conflict events between actors, sentence by sentence.

For every body sentence naming two or more actors, cue phrases from ``event_cues.yaml``
(CAMEO families with their Goldstein values) are found and read with their roles:

* **Source** = the cue's subject, the nearest coordinated group before it ("South Korea and
  Australia"); **target** = its object, or the "with"/"toward"/"on" phrase after it; a
  "X sided with Y against Z" phrase adds a conflict from X toward Z. Mutual cues ("ties",
  "talks", "signed a pact") pair the actors they join; actors merely listed together, or
  listed as a cue's objects ("denounced Seoul and Washington as hostile forces"), are never
  paired with each other. They cooperate only when a binding cue joins them ("X and Y
  agreed to …", "X joined Y in condemning Z").
* **Frames.** A cue right before another cue governs it ("agreed to back new sanctions on
  X", "threatened to scrap the agreement"): the chain's subject is the source, its last cue's
  object the target. A ``carry`` governor passes the governed cue's value through (backing
  sanctions is a sanction), a ``reverse`` one voids it (scrapping, suspending, rejecting,
  walking away from an agreement or a summit is conflict; vetoing a resolution against X is
  support for X), any other governor scores with its own value. A bare noun (summit,
  talks, agreement) no verb governs is weak evidence: it gets the book's ``noun`` weight.
* A negation just before a cue ("no formal peace treaty", "did not condemn") reverses it at
  half strength. Sentences inside a quotation count for the speaker's actor when a cue has
  no actor before it ("sanctions on North Korea should stay put," Park noted), and a
  conflict cue about another actor ("North Korea's provocations must stop") counts as the
  speaker's conflict toward that actor.
* **References.** "The two leaders", "both officials", "the 2 countries" (nouns from the
  book's ``anaphors``) stand for the pair named last. A conflict cue aimed at an act with no
  actor named ("China and Russia condemned the test", "The launch was condemned by X") targets
  the actor of the last material-conflict cue a few sentences back that names its actor (the
  book's ``acts``, with "the news", "the announcement" of it).
  An ``epithet`` cue ("traitor Lee") is the speaker's or state medium's conflict toward the
  actor it names; an ``adverbial`` one ("… in close cooperation with the US") belongs to
  the clause's subject, not to the nearest actor.
* Where no cue gives an event (none fires, or none finds a pair), the sentence's sentiment
  polarity scores the quotation's speaker (or the state medium's voice) toward each actor
  it names, at the book's lower ``fallback`` weight (``fallback_pairs: all`` scores every
  co-mentioned pair instead, as before; it lowered F1 on the real-news dev gold, see the
  README). It scores no actor named only as a reference ("they", "the two sides"), an
  adjective ("North Korean issues") or a place (after ``fallback_places``: "the meetings in
  Berlin"), and no sentence whose polarity is within ``fallback_min`` of 0.

Scores are ``goldstein / 10`` in [-1, 1] (negative = conflict, positive = cooperation);
``weight`` (0, 1] says how much the row counts (1 for a verb cue), ``frame`` names the
reversing verb that flipped the cue.
"""
from __future__ import annotations

import os
import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import combinations, compress, permutations, product
from pathlib import Path

from korea_analysis.actors import load_data_file, tokens
from korea_analysis.mentions import Mention

DEFAULT_CUES = Path(__file__).with_name("event_cues.yaml")
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                4: "material conflict"}
EVENT_COLUMNS = ["article_id", "sentence_id", "source", "target", "cue", "cameo", "quad_class",
                 "goldstein", "polarity", "score", "negated", "historical", "cue_start",
                 "cue_end", "weight", "frame"]
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
#: Before a year that names a thing ("the 1953 armistice", "its 2006 test")
_NAMING_YEAR = re.compile(r"\b(?:the|a|an|its|their|this|that)\s+$", re.I)
# ;|\s--\s|\s—\s|,\s(?:but|however)\s|,?\s(?:while|when|whereas|although|though)\s
_CLAUSE_BREAK = re.compile(r"[;,\s](?:(?<=;)|(?<=,)\s(?:but|however|while|when|whereas|although"
                           r"|though)\s|(?<=\s)(?:--|—|while|when|whereas|although|though)\s)")
_COORD = re.compile(r"^[\s,/–-]*(?:(?:and|or|both|as well as|along with|the|&|not only|but|also|"
                    r"nor)\b[\s,]*)*$")
#: "North Korea's representative, Li Gun": the same actor across an appositive comma
_APPOSITIVE = re.compile(r"^['’]s(?:\s+[\w.’'-]+){1,3},\s*$")
#: "X and Y each met separately with Z": not with each other
_SEPARATELY = re.compile(r"\b(?:each|separately|respectively)\b", re.I)
#: "Secretary Blinken and Foreign Minister Park": a coordinator, then a title
_COORD_TITLE = re.compile(r"^\s*,?\s*(?:and|as well as|along with)\s+(?:[A-Z][\w.’'-]*\s+){1,3}$")
_WORD = re.compile(r"[\w’']+")
_CUE_WORD = re.compile(r"[\w’'-]+")
_FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b", re.I)
#: Between a cue and its object: a quotation or a relative clause ("hailed a plan that
#: Seoul announced" keeps Seoul: the plan's owner)
_BLOCK_RIGHT = re.compile(r"[“”\"]|\b(?:which|who|whom|whose)\b")
#: Between an actor and a bare noun it owns through a pronoun ("the US and its allies")
_POSSESSIVE = re.compile(r"\s*(?:,\s*)?(?:and\s+)?(?:its|their)\s+(?:[\w’'-]+\s+)?$")
#: Between two cues with no actor between: the second is coordinated with the first, not
#: governed by it
_CONJUNCTION = re.compile(r"\b(?:and|or|but)\b", re.I)
#: Between two coordinated cues ("contact and negotiations", "talks or exchanges")
_AND_CUE = re.compile(r"\s*,?\s*(?:and|or)\s+(?:(?:the|any|all|other)\s+)?$", re.I)
#: Between a cue and a mention: ", and" starts a clause of its own ("vowed to scrap its
#: program, and Japan welcomed it"), the mention is no object of the cue
_NEW_CLAUSE = re.compile(r",\s+(?:and|or|so|yet)\s")
_IN = re.compile(r"\bin\s+(?:the\s+)?$", re.I)  # "hurled insults at X": "at" is a target
_TO_VERB_GAP = re.compile(r"\s+to\s+(?:[\w’'-]+\s+){0,2}$")
_TO_VERB = re.compile(r"\s+to\s+(?:[\w’'-]+\s+)?$")  # "urged both sides to deepen ties"
_WITH = re.compile(r"\W+(?:[\w’'-]+\W+){0,2}?with\b")
_BY = re.compile(r"[\w’'-]+\s+by\s+$")  # "dismissed by X …", not "the proposal by X"
_PREPOSITION = re.compile(r"\b(?:against|over|for|about|toward|towards|at|on)\b", re.I)
#: After an actor: it is the subject of a speech verb ("South Korean officials said")
_SAYS = re.compile(r"(?:\s+(?!and\b|or\b|but\b)[\w’'.-]+){0,3}?\s+"
                   r"(?:said|says|say|told|reported|added|noted|stated|confirmed)\b")
_HYPHENS = re.compile(r"\s*[-–]\s*")
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
_RELATIVE = re.compile(r"\b(?:that|which|who|whom|whose)\b")
_BLOCK = re.compile(r"[“”\"]|\b(?:that|which|who|whom|whose)\b")
#: A roster, not partners: a bare noun cue followed by this many actors or more, or a mutual
#: cue whose only actors are more than this many listed together
ROSTER = 3
MEMO_WORDS = 200_000  # distinct words whose cue candidates are remembered
_TOPIC = {"about", "concerning", "regarding", "on", "over"}
_PARTNER = {"with", "between", "among"}
#: After a directed cue: its coordinated subjects act on one another
_RECIPROCAL = re.compile(r"\W+(?:(?:at|on|against|with|toward|towards|to)\W+)?"
                         r"(?:each other|one another)\b", re.I)


def _topic_last(gap: str) -> bool:
    """Whether the last topic or partner preposition before a mention is a topic one."""
    for w in reversed(_WORD.findall(gap)):
        w = w.lower()
        if w in _TOPIC:
            return True
        if w in _PARTNER:
            return False
    return False
GOVERNS = ("self", "carry", "reverse")
#: After a cue's object: "against X" (X opposed by the cue's subject).
_AGAINST = re.compile(r"\W*(?:[\w’'-]+\W+){0,2}?against\W+(?:(?:the|its|their|his|her)\W+)?$")
#: Words for the two actors of the sentence before ("the two leaders", "both sides", and a
#: sentence-initial "They"); the cue book's ``anaphors`` list replaces the nouns
ANAPHOR_NOUNS = ("leaders", "countries", "sides", "nations", "governments", "ministers",
                 "presidents", "neighbours", "neighbors", "parties", "delegations")


def anaphor_pattern(nouns) -> re.Pattern:
    r""""The two …"/"the 2 …"/"Both …" + one of ``nouns``, "the parties", a bare "They"
    (group 1).

    Plainly: ``\b(?:(?:[Tt]he (?:two|2)|[Bb]oth) (?:NOUNS)\b|[Tt]he parties\b|(They)\b)``;
    written to start with the letter it consumes (as ``_YEAR``), so a search skips to the
    next T or B instead of trying every position: a third of the time over an article.
    """
    alts = "|".join(sorted((re.escape(n) for n in nouns), key=len, reverse=True))
    return re.compile(r"[TtBb](?<!\w[TtBb])(?:(?<=[Tt])he (?:two|2) (?:" + alts + r")\b"
                      r"|(?<=[Bb])oth (?:" + alts + r")\b|(?<=[Tt])he parties\b"
                      r"|(?<=T)hey(?<=(They))\b)")


_ANAPHOR = anaphor_pattern(ANAPHOR_NOUNS)
#: First person plural: the speaker of a quotation, or the article's own voice.
# (?<![\w’'-])(?:[Ww]e|us|[Oo]urs?)(?![\w’'-]), starting with the letter it consumes
_WE = re.compile(r"[WwuOo](?<![\w’'-][WwuOo])(?:(?<=[Ww])e|(?<=u)s|(?<=[Oo])urs?)(?![\w’'-])")
#: How many sentences back "the test" / "the launch" looks for the act it names
ACT_LOOKBACK = 6
#: Between an act's actor and the act: up to eight words ("North Korea said it had carried
#: out an underground nuclear test", "North Korea is to conduct a test"), no clause break, no
#: preposition making the actor the act's object or concern ("the US warned against a test",
#: "Japan reacted to the test")
_AGENT_GAP = re.compile(r"(?:['’]s)?(?:[^\w,;:“”\"]+"
                        r"(?!(?:against|over|about|of|for|at)\b|on\W+[a-z]"
                        r"|to\W+(?:the|a|an|its|this|that|[A-Z])\b)"
                        r"[\w’'-]+){0,8}[^\w,;:“”\"]+")
#: What stands before a mention that names a place, not an actor ("held in Singapore")
_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.I)
#: ... unless it is a state's seat: "the government in Seoul", "the regime in Pyongyang"
_SEAT = re.compile(r"\b(?:government|authorities|regime|leadership|administration|officials|"
                   r"rulers)$", re.I)
#: How far before a mention ``_after_place`` looks first
_PLACE_WINDOW = 64


def _after_place(text: str, end: int) -> bool:
    """Whether ``_PLACE`` matches ``text`` ending at ``end`` (and no ``_SEAT`` word stands
    before its "in": "the government in Seoul") — without scanning the article.

    A match is "in"/"at", white space and an optional "the" + white space, so every
    suffix of it splits into at most two words: when the window before ``end`` holds
    more, no match can start before the window, and searching the window alone is exact.
    """
    start = max(0, end - _PLACE_WINDOW)
    m = _PLACE.search(text, start, end)
    if m is None and start > 0 and len(text[start:end].split()) <= 2:
        m = _PLACE.search(text, 0, end)
    return m is not None and not _seat(text, m.start())


def _seat(text: str, at: int) -> bool:
    """Whether the "in" at ``at`` follows a word for a state's seat ("the government in")."""
    if text[at:at + 2].lower() != "in":
        return False
    k = at
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return k < at and bool(_SEAT.search(text, max(0, k - 16), k))


#: Between one cue's object and the next cue sharing its subject ("… X and vowed to")
_AND_THEN = re.compile(r"[\W]*(?:and|but|then|and then|but also)\s+(?:also\s+|later\s+|then\s+)?$",
                       re.I)
#: Between an agent ("by X") and the cue's target
_TOWARD = re.compile(r"\W*(?:[\w’'-]+\W+){0,2}?(?:toward|towards|on|against|at|with|to)\W+"
                     r"(?:(?:the|its|their)\W+)?$", re.I)
#: Between an actor and the cue it owns: "the US-drafted resolution", "Washington's sanctions"
_OWNER = re.compile(r"(?:['’]s)?(?:-?(?:drafted|led|backed|sponsored|proposed|imposed))?\s*$")
#: After "joined X": "in" and up to two words before the cue it governs.
_JOIN_IN = re.compile(r"\W*(?:[\w’'-]+\W+){0,1}?(?:in|to)\W+(?:[\w’'-]+\W+){0,2}$")


@dataclass(frozen=True, slots=True)
class Cue:
    cameo: str
    label: str
    quad: int
    goldstein: float
    direction: str  # directed | mutual
    pattern: str
    governs: str = "self"  # how it reads a cue it governs: self | carry | reverse
    noun: bool = False  # a bare noun: weak evidence unless a verb governs it
    binds: bool = False  # its coordinated subjects ("X and Y agreed to") cooperate
    joins: bool = False  # "X joined Y in V-ing": Y acts with X
    event: bool = True  # False: a governing verb with no event of its own ("held", "hosted")
    epithet: bool = False  # a name called ("traitor X"): the speaker's conflict toward X
    adverbial: bool = False  # "… in close cooperation with X": the clause's subject acts


class Patterns:
    """The cues' regexes, each compiled the first time a text reaches its cue.

    Why: compiling all of them cost a tenth of a second of CPU in every process (every run,
    pass worker and notebook kernel), most of it for cues a corpus never meets; a worker sent
    the book (pickled as the regex sources) recompiled them all again. Each regex is the one
    ``re.compile(source, re.I)`` gives, so matches are the same.
    """

    __slots__ = ("sources", "compiled")

    def __init__(self, sources) -> None:
        self.sources: tuple[str, ...] = tuple(sources)
        self.compiled: list[re.Pattern | None] = [None] * len(self.sources)

    def __len__(self) -> int:
        return len(self.sources)

    def __getitem__(self, i: int) -> re.Pattern:
        r = self.compiled[i]
        if r is None:
            r = self.compiled[i] = re.compile(self.sources[i], re.I)
        return r

    def __iter__(self):
        return (self[i] for i in range(len(self.sources)))

    def __reduce__(self):  # sent to a worker as the sources: compiled there as needed
        return (Patterns, (self.sources,))


@dataclass
class CueBook:
    path: str
    cues: list[Cue]
    regexes: Patterns | list[re.Pattern]  # one anchored pattern per cue
    exact: dict[str, list[int]]  # first word -> cues starting with it
    prefix: dict[str, list[int]]  # first-word prefix ("strengthen" of "strengthen*") -> cues
    negations: frozenset[str]
    window: int
    factor: float
    chain_gap: int = 4  # words a cue may stand before the cue it governs
    noun_weight: float = 0.5
    fallback_weight: float = 0.0  # 0: no polarity fallback
    fallback_min: float = 0.0  # a sentence scored this close to 0 or closer says nothing
    cancels: frozenset[str] = frozenset()  # "avoid a confrontation": no event either way
    reverse_factor: float = 0.5  # a reversed conflict cue scores -factor * its value
    fallback_pairs: str = "all"  # all: every pair named; speaker: a quote's speaker toward them
    fallback_place: re.Pattern | None = None  # "talks in Berlin": a place, no fallback target
    against: Cue | None = None
    anaphor: re.Pattern = _ANAPHOR  # "the two leaders", "both sides": the last pair
    acts: re.Pattern | None = None  # after a cue: "the test", "this launch", "Friday's test"
    acts_before: re.Pattern | None = None  # a passive's subject: "The launch was …"

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
        # longer prefixes first: "hostil*" before "host*" when both match "hostile"
        self._prefix_lengths = sorted({len(p) for p in self.prefix}, reverse=True)
        self._memo: dict[str, tuple[int, ...]] = {}


_ADVERB = r"(?:\W+[\w’'-]+ly)?"  # "stands squarely with", "strongly condemned"


def _compile_pattern(pattern: str) -> str:
    """Cue syntax to regex: ``word*`` prefix, ``a|b`` alternatives, ``...`` a gap of 0-4 words
    (``...6``: 0-6), a last ``^``: a capitalised word (a name, after "the" or not) must follow
    ("to meet ^" meets Kim, not "failed to meet the deadline"; "went to ^" is no "going to
    press"); an adverb in -ly may stand between two words of a cue."""
    regex, gap = "", False
    pattern, named = (pattern[:-1].rstrip(), True) if pattern.endswith(" ^") else (pattern, False)
    for i, tok in enumerate(pattern.split()):
        if tok.startswith("...") and (tok == "..." or tok[3:].isdigit()):
            regex += r"(?:\W+[\w’'-]+){0,%s}" % (tok[3:] or 4)
            gap = True
            continue
        alts = "|".join(re.escape(a).replace(r"\*", r"[\w’'-]*") for a in tok.split("|"))
        regex += (("" if gap else _ADVERB) + r"\W+" if i else "") + f"(?:{alts})"
        gap = False
    name = r"(?=\W+(?:(?i:the)\W+)?(?-i:[A-Z]))" if named else ""
    return r"(?<![\w’'-])" + regex + r"(?![\w’'-])" + name


class CueDictionaryError(ValueError):
    """The cue file is malformed; the message names the file and the entry."""


def load_cues(path: str | os.PathLike | None = None) -> CueBook:
    """Read the cue dictionary (cached per file and modification time)."""
    return load_data_file(path or DEFAULT_CUES, _build, CueDictionaryError, "cue dictionary")


def _flag(c: dict, key: str, where: str) -> bool:
    v = c.get(key, False)
    if not isinstance(v, bool):
        raise CueDictionaryError(f"{where}: {key} must be true or false")
    return v


def _number(section: dict, key: str, default: float, path: str, low: float = 0.0,
            high: float = 1.0) -> float:
    v = section.get(key, default)
    if not isinstance(v, (int, float)) or isinstance(v, bool) or not low <= v <= high:
        raise CueDictionaryError(f"{path}: weights.{key} must be a number in [{low}, {high}]")
    return float(v)


def _choice(data: dict, key: str, allowed: tuple[str, ...], path: str) -> str:
    v = data.get(key, allowed[0])
    if v not in allowed:
        raise CueDictionaryError(f"{path}: {key} must be one of {', '.join(allowed)}")
    return v


def _build(path: str, data: dict) -> CueBook:
    cues, regexes = [], []
    exact: dict[str, list[int]] = {}
    prefix: dict[str, list[int]] = {}

    def add(cue: Cue) -> None:
        for alt in cue.pattern.split()[0].lower().split("|"):
            index = prefix if alt.endswith("*") else exact
            index.setdefault(alt.rstrip("*"), []).append(len(cues))
        regexes.append(_compile_pattern(cue.pattern))
        cues.append(cue)

    for i, c in enumerate(data.get("cues") or []):
        where = f"{path}: cues[{i}] ({c.get('label', '?')})"
        for key in ("cameo", "quad", "goldstein", "patterns"):
            if key not in c:
                raise CueDictionaryError(f"{where}: missing '{key}'")
        if c["quad"] not in QUAD_CLASSES:
            raise CueDictionaryError(f"{where}: quad must be 1-4")
        if c.get("direction", "directed") not in ("directed", "mutual"):
            raise CueDictionaryError(f"{where}: direction must be directed or mutual")
        if c.get("governs", "self") not in GOVERNS:
            raise CueDictionaryError(f"{where}: governs must be one of {', '.join(GOVERNS)}")
        flags = {k: _flag(c, k, where) for k in ("noun", "binds", "joins", "epithet",
                                                   "adverbial")}
        for pat in c["patterns"]:
            add(Cue(str(c["cameo"]), c.get("label", ""), int(c["quad"]), float(c["goldstein"]),
                    c.get("direction", "directed"), pat, c.get("governs", "self"), **flags))
    gov = data.get("governors") or {}
    if not isinstance(gov, dict):
        raise CueDictionaryError(f"{path}: governors must be a mapping with 'patterns'")
    for pat in gov.get("patterns") or []:
        add(Cue("", "governing verb", 0, 0.0, "directed", pat, "carry", event=False))
    against = None
    if data.get("against"):
        a = data["against"]
        where = f"{path}: against"
        for key in ("cameo", "quad", "goldstein"):
            if key not in a:
                raise CueDictionaryError(f"{where}: missing '{key}'")
        against = Cue(str(a["cameo"]), a.get("label", "oppose"), int(a["quad"]),
                      float(a["goldstein"]), "directed", "against")
    neg = data.get("negation") or {}
    w = data.get("weights") or {}
    return CueBook(path, cues, Patterns(regexes), exact, prefix,
                   frozenset(x.lower() for x in neg.get("words", [])),
                   int(neg.get("window", 3)), float(neg.get("factor", -0.5)),
                   chain_gap=int(data.get("chain_gap", 4)),
                   noun_weight=_number(w, "noun", 0.5, path),
                   fallback_weight=_number(w, "fallback", 0.0, path),
                   fallback_min=_number(w, "fallback_min", 0.0, path),
                   cancels=frozenset(x.lower() for x in neg.get("cancels", [])),
                   reverse_factor=_number(w, "reverse", 0.5, path), against=against,
                   fallback_pairs=_choice(data, "fallback_pairs", ("all", "speaker"), path),
                   fallback_place=place_pattern(_words(data, "fallback_places", (), path)),
                   anaphor=anaphor_pattern(_words(data, "anaphors", ANAPHOR_NOUNS, path)),
                   **act_patterns(_words(data, "acts", (), path)))


def place_pattern(words) -> re.Pattern | None:
    """The end of a phrase before a mention that makes it a place ("talks in Berlin", "on
    arrival at Beijing airport", "left behind in North Korea"); None with no words."""
    if not words:
        return None
    alts = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(r"\b(?:" + alts + r")\s+(?:the\s+)?$", re.I)


def act_patterns(nouns) -> dict:
    """The patterns of a definite reference to an act ("the test", "this launch", "Friday's
    failed rocket launch"): right after a cue (``acts``), and as the start of a clause whose
    cue is passive (``acts_before``: "The launch was condemned by …")."""
    if not nouns:
        return {}
    alts = "|".join(sorted((re.escape(n) for n in nouns), key=len, reverse=True))
    ref = (r"(?:the|this|these|those|such|its|[A-Z][a-z]+day['’]s)\W+"
           r"(?:[\w’'-]+\W+){0,3}?(?:" + alts + r")\b")
    return {"acts": re.compile(r"\W+" + ref), "acts_before": re.compile(r"\W*" + ref, re.I)}


def _words(data: dict, key: str, default, path: str) -> tuple[str, ...]:
    v = data.get(key, default)
    if not isinstance(v, (list, tuple)) or not all(isinstance(x, str) and x for x in v):
        raise CueDictionaryError(f"{path}: {key} must be a list of words")
    return tuple(v)


def find_cues(text: str, start: int, end: int, book: CueBook) -> list[tuple[int, int, Cue]]:
    """Non-overlapping cue matches in text[start:end], longest first, returned in text order.

    Each word looks up the cues that can start with it (exact word or prefix), so the cost per
    word does not grow with the number of cues. Only the words that have candidates (one in
    five) are placed in the text (:func:`_word_at`), instead of making a match object for
    every word.
    """
    words = _CUE_WORD.findall(text, start, end)
    cands = book.word_candidates(words)
    if cands is None:
        return []  # many clauses: no word can start a cue
    found = []
    regexes = book.regexes
    compiled = regexes.compiled if isinstance(regexes, Patterns) else regexes
    at = start
    for k in compress(range(len(words)), cands):
        w = words[k]
        at = _word_at(text, w, at, start, end)
        for i in cands[k]:
            m = (compiled[i] or regexes[i]).match(text, at, end)
            if m:
                found.append((m.start(), m.end(), book.cues[i]))
        at += len(w)
    found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    kept: list[tuple[int, int, Cue]] = []
    for a, b, c in found:
        if not kept or a >= kept[-1][1]:
            kept.append((a, b, c))
    return kept


def _cue_char(c: str) -> bool:
    """Whether ``c`` belongs to a :data:`_CUE_WORD` word (``\\w`` is alphanumeric or "_")."""
    return c.isalnum() or c in "_’'-"


def _word_at(text: str, word: str, at: int, start: int, end: int) -> int:
    """Where the next :data:`_CUE_WORD` word ``word`` of text[start:end] starts, at or after
    ``at`` (the end of an earlier word).

    The words skipped since ``at`` differ from ``word`` (a word equal to it has the same
    candidates and would have been placed), so the first occurrence that is a whole word (no
    word character either side, within the range) is it.
    """
    n = len(word)
    p = text.find(word, at, end)
    while p >= 0 and ((p > start and _cue_char(text[p - 1]))
                      or (p + n < end and _cue_char(text[p + n]))):
        p = text.find(word, p + 1, end)
    if p < 0:  # cannot happen: _cue_char is _CUE_WORD's class (checked on every code point)
        raise AssertionError(f"word {word!r} not found after {at}")
    return p


_FILLER = frozenset("the a an its their his her our this these those any".split())


def _window(text: str, clause_start: int, cue_start: int, book: CueBook) -> list[str]:
    """The words of the negation window before a cue, lower-cased."""
    # the last few words before the cue: look at a stretch of text that holds more than
    # that many (its first word may be cut), else at the whole clause before the cue.
    # Articles, possessives and -ly adverbs take no room: "put an end to the extremely
    # hostile relations" negates as "end to hostile" ("unlikely" still counts)
    a = max(clause_start, cue_start - 24 * book.window)
    before = _window_words(_WORD.findall(text, a, cue_start), book.negations)
    if len(before) <= book.window and a > clause_start:
        before = _window_words(_WORD.findall(text, clause_start, cue_start), book.negations)
    return before[-book.window:]


def _negated(text: str, clause_start: int, cue_start: int, book: CueBook) -> bool:
    return _window_flags(text, clause_start, cue_start, book)[0]


def _cancelled(text: str, clause_start: int, cue_start: int, book: CueBook) -> bool:
    """A cue an actor means to avoid is no act either way: "sought to avoid a confrontation
    with China" is neither conflict nor cooperation with China."""
    return _window_flags(text, clause_start, cue_start, book)[1]


def _window_flags(text: str, clause_start: int, cue_start: int,
                  book: CueBook) -> tuple[bool, bool]:
    """(:func:`_negated`, :func:`_cancelled`) from one reading of the window: every cue
    asks both of the same words."""
    low = _window(text, clause_start, cue_start, book)
    neg, cancels = book.negations, book.cancels
    return (any(w in neg or w.endswith("n't") for w in low),
            bool(cancels) and any(w in cancels for w in low))


def _window_words(words: list[str], neg: frozenset[str]) -> list[str]:
    """The words that take room in the negation window; the noun "end" of "to this end",
    "in the end", "the end of" is no reverser ("put an end to" is). Lower-cased, each word
    once; without an "end" (nearly always) in one comprehension."""
    lows = [w.lower() for w in words]
    if "end" not in lows:
        return [low for w, low in zip(words, lows, strict=True)
                if low not in _FILLER and not (w.endswith("ly") and low not in neg)]
    out = []
    for i, (w, low) in enumerate(zip(words, lows, strict=True)):
        if low in _FILLER or (w.endswith("ly") and low not in neg):
            continue
        if low == "end" and ((i and lows[i - 1] in ("this", "the"))
                             or (i + 1 < len(words) and lows[i + 1] == "of")):
            continue
        out.append(low)
    return out


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
        # the same actor named twice ("North Korea's leader Kim Jong Un"), not across a
        # speech verb or a comma ("Wang said, encouraging both sides")
        if ((m.actor == prev.actor and len(gap) < 40
             and ("," not in gap or _APPOSITIVE.match(gap)))
                or _COORD.match(gap) or _COORD_TITLE.match(gap)):
            group.append(m)
        else:
            break
    return group


def _actors(group: list) -> list[str]:
    return list(dict.fromkeys(m.actor for m in sorted(group, key=lambda m: m.start)))


def _right(text: str, cms: list, b: int, limit: int) -> tuple[list, str]:
    """The mentions named right after a cue (within six words, no quote or relative clause
    between) and the text before them."""
    # a place after the cue ("the summit in Hanoi") is not its object
    after = [m for m in cms if b <= m.start and m.end <= limit
             and ((i := _IN.search(text, b, m.start)) is None or _seat(text, i.start()))]
    if not after:
        return [], ""
    gap = text[b:after[0].start]
    if len(_WORD.findall(gap)) > 6 or _BLOCK_RIGHT.search(gap) or _NEW_CLAUSE.search(gap):
        return [], gap
    return _group(text, after, backwards=False), gap


_SUBORDINATE = re.compile(r"\b(?:that|said|says|say|told|tells|stated|noted|added|believes?|"
                          r"claim(?:s|ed)?|reported|according|thinks?|thought|insist(?:s|ed)?|"
                          r"while|as|after|since|because|if|when)\b", re.I)


def _object_of(text: str, cms: list, group: list) -> bool:
    """Whether a coordinated group is the object of an actor's verb just before it
    ("Pyongyang branded Tokyo and Washington as …"), not the subject of its own clause
    ("Seoul said Tokyo and Washington …")."""
    first = min(m.start for m in group)
    before = [m for m in cms if m.end <= first and m not in group]
    if not before:
        return False
    gap = text[before[-1].end:first]
    return len(_WORD.findall(gap)) <= 4 and not _SUBORDINATE.search(gap)


#: How many words an epithet may stand from the name it qualifies ("traitor Lee", "the
#: stooges of the US", "the south Korean group of traitors")
EPITHET_GAP = 2


def _epithet_of(text: str, left: list, right: list, a: int, b: int) -> list:
    """The mentions an epithet cue at ``a``-``b`` qualifies: the group right after it, else
    the one right before it (at most :data:`EPITHET_GAP` words away); none if neither."""
    if right and len(_WORD.findall(text, b, right[0].start)) <= EPITHET_GAP:
        return right
    if left:
        end = max(m.end for m in left)
        if end <= a and len(_WORD.findall(text, end, a)) <= EPITHET_GAP:
            return left
    return []


_OWNS = re.compile(r"['’]s?\b|-")  # "North Korea's …", "US-led …"
_OBJECT_OF = re.compile(r"\b(?:on|of|at|to|for|against|in|into|from|toward|towards|about|over|"
                        r"by|with)\W+(?:(?:the|its|their|his|her)\W+)?$", re.I)


def _modifier(text: str, m) -> bool:
    """Whether a mention owns a noun ("North Korea's moves") or is a preposition's object
    ("an eye on Pyongyang"), and so is not the subject of its clause."""
    return bool(_OWNS.match(text, m.end)
                or _OBJECT_OF.search(text, max(0, m.start - 24), m.start))


def _quoted(text: str, start: int, pos: int, end: int) -> bool:
    """Whether ``pos`` lies inside quotation marks of its sentence (``start``-``end``); a
    sentence without any lies wholly inside the quotation (or reported speech) it belongs
    to."""
    before = text[start:pos]
    opened = before.count("“") - before.count("”") + before.count('"') % 2
    return opened > 0 or not any(q in text[start:end] for q in "“”\"")


def _scored(memo: dict[str, float], polarity, clause: str) -> float:
    got = memo.get(clause)
    if got is None:
        got = memo[clause] = polarity(clause)
    return got


def _chains(text: str, hits: list, cms: list, book: CueBook) -> list[tuple[list[int], list]]:
    """Runs of cues where each governs the next ("threatened to scrap the … agreement"),
    with the mentions a ``joins`` cue adds as co-subjects ("joined Australia and Britain in")
    or that own the governed cue ("vetoed the US-drafted resolution")."""
    out, k = [], 0
    while k < len(hits):
        chain, extra = [k], []
        if out and len(out[-1][0]) > 1 and _AND_CUE.match(text, hits[k - 1][1], hits[k][0]):
            # "reject any contact and negotiations with X": the governors of the cue before
            # govern the one coordinated with it
            chain = out[-1][0][:-1] + [k]
        while chain[-1] + 1 < len(hits):
            j = chain[-1]
            b, cue, na = hits[j][1], hits[j][2], hits[j + 1][0]
            if cue.governs == "self":
                break
            between = [m for m in cms if b <= m.start and m.end <= na]
            gap = text[b:na]
            if _RELATIVE.search(gap) or "," in gap:
                break
            if not between:  # a quoted aside ("in the strongest possible terms") counts as none
                if len(_WORD.findall(_QUOTED.sub(" ", gap))) > book.chain_gap:
                    break
                if _CONJUNCTION.search(gap):
                    # "condemned and expressed concern about X", "condemned the test and
                    # called for talks": coordinated verbs, the second not governed
                    break
            elif cue.joins and _JOIN_IN.match(text, between[-1].end, na):
                extra = extra + [("join", j, between)]
            elif (cue.governs == "reverse" and len(_WORD.findall(text, b, between[0].start)) <= 2
                  and _OWNER.match(text, between[-1].end, na)):
                extra = extra + [("owner", j, between)]  # "the US-drafted resolution"
            elif (cue.governs == "carry" and hits[j + 1][2].goldstein > 0
                  and len(_WORD.findall(text, b, between[0].start)) <= 2
                  and _TO_VERB_GAP.match(text, between[-1].end, na)):
                extra = extra + [("object", j, between)]  # "urged both sides to deepen ties"
            else:
                break
            chain.append(j + 1)
        while len(chain) > 1 and not hits[chain[-1]][2].event:  # a governor governing nothing
            chain.pop()
            extra = [e for e in extra if e[1] < chain[-1]]
        out.append((chain, extra))
        k = chain[-1] + 1
    return out


def _sentence_events(text: str, s, sid: int, ms: list, speaker: str | None, cues: CueBook,
                     polarity, historical: bool, rows: list[dict], in_quote: bool = True,
                     agent_of=None) -> bool:
    """Append the cue events of one sentence to ``rows``; whether any cue fired.

    ``speaker``: the actor of the quotation the sentence is in (``in_quote``) or of the
    state medium publishing the article; a cue with no actor before it is the quotation's
    speaker's, and a conflict cue about another actor is the speaker's conflict toward it.
    ``agent_of(pos)``: the actor of the act an article refers back to before ``pos`` ("China
    condemned the test": the test's), or None.
    """
    seen: set[tuple] = set()
    n0 = len(rows)
    bare: list[int] = []  # rows of bare nouns (weight < 1)
    any_cue = False
    scored: dict[str, float] = {}  # clause -> polarity, scored once per sentence
    flags: dict[tuple[int, int], tuple[bool, bool]] = {}  # (start, cue) -> its window's
    # mention start -> whether a place word stands before it: every cue of the clause after
    # the mention asks
    place: dict[int, bool] = {}

    def negated(start: int, pos: int) -> bool:
        """:func:`_negated`, read once per window (a chain asks again for its head's)."""
        got = flags.get((start, pos))
        if got is None:
            got = flags[start, pos] = _window_flags(text, start, pos, cues)
        return got[0]

    def cancelled(start: int, pos: int) -> bool:
        negated(start, pos)
        return flags[start, pos][1]

    def emit(x, y, cue, a, b, value, weight, frame, neg, clause):
        # a mutual event is one event whichever actor comes first
        key = (frozenset((x, y)) if cue.direction == "mutual" else (x, y), cue.cameo)
        if x == y or key in seen:
            return
        seen.add(key)
        if weight < 1.0:
            bare.append(len(rows))
        rows.append({
            "sentence_id": sid, "source": x, "target": y, "cue": text[a:b],
            "cameo": cue.cameo, "quad_class": QUAD_CLASSES[cue.quad],
            "goldstein": cue.goldstein,
            "polarity": (_scored(scored, polarity, text[clause[0]:clause[1]])
                         if polarity else float("nan")),
            "score": round(value / 10, 4), "negated": neg, "historical": historical,
            "cue_start": a, "cue_end": b, "weight": weight, "frame": frame})

    subject: list[str] = []  # the sentence's first named subject ("X condemned … and vowed")
    for ca, cb in _clauses(text, s.start, s.end):
        cms = [m for m in ms if ca <= m.start < cb]
        # a cue whose first or last word is inside a name ("Shanghai Cooperation
        # Organisation") is part of that name
        hits = [h for h in find_cues(text, ca, cb, cues)
                if not any(m.start < h[1] and h[0] < m.end
                           and (m.start <= h[0] or h[1] <= m.end) for m in cms)]
        any_cue = any_cue or bool(hits)
        objects: set[int] = set()  # mentions already a cue's object in this clause
        prev_end, prev_sources = ca, subject
        for chain, extra in _chains(text, hits, cms, cues):
            first, head = hits[chain[0]], hits[chain[-1]]
            a0, (a, b, cue) = first[0], head
            # the next cue with an event of its own bounds this one's object
            nxt = next((h[0] for h in hits[chain[-1] + 1:] if h[2].event), cb)
            # a place ("talks held in Singapore") is not a subject
            before = [m for m in cms if m.end <= a0
                      and not (place[m.start] if m.start in place
                               else place.setdefault(m.start, _after_place(text, m.start)))]
            if cue.adverbial and len(chain) == 1:
                # "Japan will keep watching North Korea's moves in close cooperation with the
                # US": not the owner of a noun or a preposition's object, but the subject
                before = [m for m in before if not _modifier(text, m)] or before
            left = _group(text, before, backwards=True)
            if (len(left) > 1 and cue.noun and len(chain) == 1
                    and _POSSESSIVE.match(text, max(m.end for m in left), a0)):
                left = [max(left, key=lambda m: m.end)]  # "X and the US and its allies"
            if (left and all(id(m) in objects for m in left)
                    and _PREPOSITION.search(text, max(m.end for m in left), a0)):
                left = []  # "stands with Japan and South Korea against coercion"
            if ((not left or max(m.end for m in left) < prev_end
                 or all(id(m) in objects for m in left)) and prev_sources
                    and _AND_THEN.match(text, prev_end, a0)):
                left, left_actors = [], prev_sources  # "… condemned X — and vowed to …"
            else:
                left_actors = _actors(left)
            # a name inside the cue is its object ("fired missiles toward Japan's waters",
            # "called Seoul a puppet"); one that modifies a word ("fired North Korean-provided
            # missiles at Ukraine") is not: the object is then looked for after the cue
            inner = [m for m in cms
                     if a <= m.start and m.end <= b and text[m.end:m.end + 1] != "-"]
            right, gap = (inner, "") if inner else _right(text, cms, b, nxt)
            if right and not inner and _SAYS.match(text, right[-1].end):
                # "North Korea fired a rocket on Friday, South Korean and US officials
                # said", "… which threatens the DPRK, Kim said": the ones named after the
                # last comma report the act, they are not its object
                comma = text.rfind(",", b, right[-1].start)
                if comma >= 0:
                    right = [m for m in right if m.start < comma]
            if inner and _BY.match(text, a, inner[0].start):
                # "dismissed by Pyongyang as a rehearsal": the agent inside the cue acts
                right, left_actors = left, _actors(inner)
            sources = left_actors
            if speaker and in_quote and (not sources or _FIRST_PERSON.search(text[ca:a0])):
                sources = sources or [speaker]
            told = [m for kind, _j, g in extra if kind == "object" for m in g]
            if told:  # the ones urged do the governed act
                left, sources = told, _actors(told)
            joined = []
            for kind, j, group in extra:
                if kind == "join":
                    joined.extend(group)  # "Canada joined Australia and Britain in"
                    jcue = hits[j]
                    for x, y in product(sources, _actors(group)):
                        emit(x, y, jcue[2], jcue[0], jcue[1], jcue[2].goldstein, 1.0, "",
                             False, (ca, cb))
            sources = list(dict.fromkeys(sources + _actors(joined)))
            for j in chain[:-1]:  # "South Korea and Australia agreed to …"
                g = hits[j][2]
                if (g.binds and not any(k == "join" for k, *_ in extra)
                        and not negated(ca, a0)):
                    for x, y in combinations(sources, 2):
                        emit(x, y, g, hits[j][0], hits[j][1], g.goldstein, 1.0, "", False,
                             (ca, cb))
            # the value: the governed cue's, read through its governors
            value, ecue, frame = cue.goldstein, cue, ""
            support = None  # the reversing governor that read a conflict cue as support
            if cancelled(ca, a):
                continue
            if len(chain) == 1:
                neg = negated(ca, a)
            else:  # "did not agree to …", "agreed not to …"
                neg = negated(ca, a0) != negated(hits[chain[-2]][1], a)
            for j in reversed(chain[:-1]):
                g = hits[j][2]
                if not g.event or g.governs == "carry":
                    continue
                if g.governs == "reverse":
                    frame = text[hits[j][0]:hits[j][1]]
                    if value > 0:
                        value, ecue = g.goldstein, g
                    else:  # vetoing a resolution against X: support for X
                        value = -cues.reverse_factor * value
                        support = j
                else:
                    value, ecue = g.goldstein, g
            if neg:
                value = cues.factor * value
            weight = cues.noun_weight if cue.noun and len(chain) == 1 else 1.0
            if not cue.event:
                continue
            for kind, j, group in extra:
                if kind == "owner":  # "Russia vetoed the US-drafted resolution on X":
                    ga, gb, g = hits[j]  # the US acts as the resolution says, Russia
                    for x, y in product(_actors(group), _actors(right)):  # opposes it
                        emit(x, y, cue, a, b, cue.goldstein, 1.0, "", False, (ca, cb))
                    for x, y in product(sources, _actors(group)):
                        emit(x, y, g, ga, gb, g.goldstein, 1.0, "", False, (ca, cb))
            gap_words = {w.lower() for w in _WORD.findall(gap)}
            tgt = _actors(right)
            if (cue.binds and len(chain) == 1 and gap_words and not inner
                    and text[a:b].lower().endswith(" to")):
                # "vowed to retaliate against the US": the actor after is the object of a
                # verb we have no cue for, not a partner of the pledge ("pledged to Abe" is)
                right, tgt = [], []
            if (weight < 1.0 and len(tgt) >= ROSTER and not gap_words & {"between", "among"}
                    and not inner):
                # "the six-party talks, involving China, the DPRK, Japan, …", "envoys from
                # China, Japan and Russia": a bare noun over a roster names members, not a
                # pair that acts ("talks between X, Y and Z" still joins every pair)
                right, tgt = [], []
            if "by" in gap_words and right and not inner:
                # "hostile acts by the United States towards the DPRK": an agent, and the
                # target after it (or the actor before the cue: "X was attacked by Y")
                later = [m for m in cms if right[-1].end <= m.start and m.end <= nxt
                         and m not in right]
                got = later and _TOWARD.match(text[right[-1].end:later[0].start])
                them = _actors(_group(text, later, backwards=False)) if got else sources
                if support is not None:
                    # "condemned the nuclear test by North Korea", "opposed the aggression by
                    # X against Y": the subject opposes the act's agent (the governor's own
                    # value), and the agent's act toward its target stands as reported
                    g = hits[support]
                    for x, y in product(sources, tgt):
                        emit(x, y, g[2], g[0], g[1],
                             g[2].goldstein * (cues.factor if neg else 1.0), 1.0, "", neg,
                             (ca, cb))
                    for x, y in product(tgt, them if got else []):
                        emit(x, y, cue, a, b, cue.goldstein, weight, "", False, (ca, cb))
                    right, tgt = [], []
                else:
                    sources, tgt, gap_words = tgt, them, gap_words - {"between", "among"}
                    if weight < 1.0 and len(tgt) >= ROSTER:
                        tgt = []  # "the six-party talks, involving China, the DPRK, …, are
                        # a dialogue mechanism brokered by the Chinese government": members
            if (len(chain) > 1 and ecue is not cue and cue.direction == "mutual"
                    and gap_words & {"between", "among"} and len(tgt) > 1):
                # "condemned the military cooperation between X and Y": X and Y cooperate,
                # and the governor's subject faces each of them
                for x, y in combinations(tgt, 2):
                    emit(x, y, cue, a, b, cue.goldstein, weight, "", False, (ca, cb))
            if ecue.direction == "directed" or cue.direction == "directed":
                src, tgt = (tgt, sources) if "from" in gap_words else (sources, tgt)
                pairs = list(product(src, tgt))
                if not tgt and len(src) > 1 and _RECIPROCAL.match(text, b, cb):
                    pairs = list(permutations(src, 2))  # "X and Y fired at each other"
            else:
                if gap_words & _TOPIC and _topic_last(gap):
                    # "talks on North Korea": a topic, not a partner ("talks in Moscow on
                    # Sunday with Russia's negotiator" is a partner: "with" comes last)
                    tgt = []
                if gap_words & {"between", "among"} and len(tgt) > 1:
                    # "rivalry between the US and (not only) China (but) Russia": the
                    # first named faces each of the others; "talks between X, Y and Z"
                    # join every pair
                    sources, tgt = (tgt[:1], tgt[1:]) if value < 0 else ([], tgt)
                if sources and tgt:
                    pairs = list(product(sources, tgt))
                    if (value > 0 and len(sources) > 1  # "X and Y reaffirmed cooperation
                            and not _SEPARATELY.search(text, ca, b)):  # with Z": X and Y too
                        pairs += list(combinations(sources, 2))
                elif (not tgt and left and not _TO_VERB.match(text, max(m.end for m in left), a)
                      and (all(id(m) in objects for m in left) or _object_of(text, cms, left))):
                    pairs = []  # "denounced Seoul and Washington as hostile forces"
                elif not tgt and value < 0 and _WITH.match(text, b):
                    pairs = []  # "both face confrontation with the West": not each other
                elif len(sources or tgt) > ROSTER or (weight < 1.0 and _compound(text, left)):
                    pairs = []  # "the US, Japan, Russia, China and the two Koreas have been
                    # conducting six-party negotiations": a forum's members, not pairs; "the
                    # US-Japan-South Korea alliance": a bloc of three, no one pair
                else:
                    pairs = list(combinations(sources or tgt, 2))
            if (cue.epithet and speaker and len(chain) == 1
                    and (not in_quote or _quoted(text, s.start, a, s.end))):
                # "traitor Lee", "the south Korean group of traitors": the speaker (or the
                # state medium's voice) calls the actor it qualifies names
                named = _epithet_of(text, left, right, a, b)
                if named:
                    pairs = [(speaker, x) for x in _actors(named) if x != speaker]
            if (not pairs and agent_of is not None and value < 0 and not tgt
                    and ecue.direction == "directed" and cues.acts is not None):
                # "China and Russia condemned the test", "The launch was condemned by the
                # US and Japan": the act named before, by its actor
                act = (cues.acts.match(text, b, nxt) if sources and not right
                       else cues.acts_before.match(text, ca, a0) if "by" in gap_words
                       else None)
                who = agent_of(a) if act else None
                srcs = sources if sources else ([speaker] if speaker else [])
                if who and who not in srcs:
                    pairs = [(x, who) for x in srcs]
            if (not pairs and speaker and value < 0 and sources and speaker not in sources
                    and (not in_quote or _quoted(text, s.start, a, s.end))):
                # "North Korea's provocations must stop," the minister said
                pairs = [(speaker, x) for x in sources]
            for x, y in pairs:
                emit(x, y, ecue, a, b, value, weight, frame, neg, (ca, cb))
            objects.update(id(m) for m in right)
            if left and not subject:
                subject = _actors(left)
            prev_end = right[-1].end if right and right[-1].end > b else b
            prev_sources = sources if left or prev_sources else []
            # "X sided with Y against Z": X opposes Z
            if right and cues.against is not None:
                later = [m for m in cms if right[-1].end <= m.start and m.end <= nxt
                         and m not in right]
                got = later and _AGAINST.match(text[right[-1].end:later[0].start])
                if got:
                    them = _actors(_group(text, later, backwards=False))
                    w = right[-1].end + got.group().lower().rindex("against")
                    for x, y in product(sources, them):
                        emit(x, y, cues.against, w, w + 7, cues.against.goldstein, 1.0, "",
                             False, (ca, cb))
    if bare:
        # "mocked Seoul for clinging to hopes of diplomacy", "an outright challenge to the
        # joint statement … hostile acts by the US": a bare noun is what a verb cue of the
        # other sign between the same pair is about, not an event of its own
        verb: dict[frozenset, list[float]] = {}
        for r in rows[n0:]:
            if r["weight"] >= 1.0:
                verb.setdefault(frozenset((r["source"], r["target"])), []).append(r["score"])
        drop = {i for i in bare
                if any(v * rows[i]["score"] < 0
                       for v in verb.get(frozenset((rows[i]["source"], rows[i]["target"])), ()))}
        if drop:
            rows[n0:] = [r for i, r in enumerate(rows[n0:], n0) if i not in drop]
    return any_cue


#: A dateline's outlet: "Pyongyang, June 26 (KCNA) --", "MOSCOW, March 3. /TASS/."
_DATELINE_OUTLET = re.compile(r"\(([A-Z][\w .'&-]{1,40})\)|/([A-Z][\w .'&-]{1,40})/")


def article_voice(text: str, actors, lead: int = 300) -> str | None:
    """The state whose own medium publishes an article, from the outlet in its dateline
    ("Pyongyang, June 26 (KCNA) --" → PRK); None for other outlets."""
    for m in _DATELINE_OUTLET.finditer(text, 0, min(len(text), lead)):
        name = (m.group(1) or m.group(2)).strip()
        entry = actors.entries.get(tuple(t for t, _, _ in tokens(name)))
        if entry is not None and entry.entity in actors.state_media and len(entry.actors) == 1:
            return entry.actors[0]
    return None


def _compound(text: str, group: list) -> bool:
    """Whether ``group`` is :data:`ROSTER` or more actors joined by hyphens into one
    modifier ("the US-Japan-South Korea tripartite alliance")."""
    ms = sorted(group, key=lambda m: m.start)
    return (len({m.actor for m in ms}) >= ROSTER
            and all(_HYPHENS.fullmatch(text, x.end, y.start)
                    for x, y in zip(ms, ms[1:], strict=False)))


def _fallback_party(text: str, s, m: Mention, cues: CueBook) -> bool:
    """Whether mention ``m`` names a party the sentence's sentiment can be about: not a
    reference ("the two sides", "they"), not an adjective ("North Korean issues", "a Chinese
    network"), not a place ("the meetings in Berlin")."""
    if m.kind in ("anaphor", "demonym"):
        return False
    place = cues.fallback_place
    return place is None or not place.search(text, max(s.start, m.start - 16), m.start)


def find_events(text: str, sentences, mentions, *, cues: CueBook, polarity=None,
                speakers: dict[int, str] | None = None, ignore: frozenset[str] = frozenset(),
                published_year: int | None = None, voice: str | None = None) -> list[dict]:
    """Events of one article, one row per directed (source, target) pair and cue.

    ``mentions`` are :class:`korea_analysis.mentions.Mention`; ``speakers`` maps a
    sentence index to the actor of the quotation it lies in; ``polarity(text) -> float``
    scores a sentence where no cue fires (used only when the book's fallback weight is above
    0); mentions whose entity is in ``ignore`` (news outlets reporting, not acting) take no
    part. "We", "us", "our" stand for the speaker in a quotation and for ``voice`` (the
    state whose medium publishes the article: "Pyongyang, June 26 (KCNA) --") elsewhere.
    An event is ``historical`` when every year its sentence names ("since 1953"
    excepted) lies :data:`HISTORY_YEARS` or more before ``published_year``.
    """
    speakers = speakers or {}
    by_sentence: dict[int, list] = {}
    for m in mentions:
        if m.entity not in ignore:
            by_sentence.setdefault(m.sentence_id, []).append(m)
    starts = [x.start for x in sentences]
    if voice or speakers:
        spans = [(0, len(text))] if voice else [(sentences[i].start, sentences[i].end)
                                                for i in sorted(speakers)]
        for a, b in spans:
            for w in _WE.finditer(text, a, b):
                sid = bisect_right(starts, w.start()) - 1
                who = speakers.get(sid) or voice
                if who and sid >= 0 and sentences[sid].body:
                    by_sentence.setdefault(sid, []).append(
                        Mention(sid, w.start(), w.end(), w.group(), who, "", "self"))
        for ms in by_sentence.values():
            ms.sort(key=lambda m: m.start)
    rows: list[dict] = []

    def agent_of(pos: int) -> str | None:
        """The actor named right before the last act cue (a launch, a test, an attack)
        before ``pos`` that has one, in this sentence or up to :data:`ACT_LOOKBACK`
        sentences back; None when none does."""
        sid = bisect_right(starts, pos) - 1
        for k in range(sid, max(-1, sid - ACT_LOOKBACK - 1), -1):
            x = sentences[k]
            end = min(x.end, pos)
            for a, _b, cue in reversed(find_cues(text, x.start, end, cues)):
                if cue.quad != 4:
                    continue
                named = [m for m in by_sentence.get(k, ()) if m.end <= a and m.kind != "self"]
                # the act's own actor: "North Korea fired", "the DPRK's latest launch",
                # "North Korea on Friday test-fired" (not one named further back)
                # an act whose actor is not right before it ("was condemned by the UN for
                # test-launching missiles") passes the search on to the act before it
                if named and _AGENT_GAP.fullmatch(text, named[-1].end, a):
                    return named[-1].actor
        return None

    # "The two leaders agreed …", "Both sides …", "They agreed …": the pair of the last
    # sentence that had events (looked for only after the first event)
    anaphors: dict[int, list] | None = None
    last_pair: tuple[str, str] | None = None
    pending = sorted(by_sentence)
    k = 0
    while k < len(pending):
        sid = pending[k]
        k += 1
        ms = by_sentence.get(sid, [])
        here = anaphors.get(sid) if anaphors else None
        if anaphors is None and len({m.actor for m in ms}) > 1:  # before any event
            here = [a.span() for a in cues.anaphor.finditer(
                text, sentences[sid].start, sentences[sid].end)
                if a.group(1) is None or a.start() == sentences[sid].start]
        if here:
            extra = []
            for a, b in here:
                # "Pyongyang moved closer to Moscow -- the two countries signed …": the
                # two named before it in the sentence, else the last event's pair
                named = list(dict.fromkeys(m.actor for m in ms if m.end <= a))[-2:]
                for actor in (named if len(named) == 2 else last_pair or ()):
                    extra.append(Mention(sid, a, b, text[a:b], actor, "", "anaphor"))
            ms = sorted(ms + extra, key=lambda m: m.start)
        # a state medium's article speaks for its state outside quotations too
        speaker = speakers.get(sid) or voice
        if len({m.actor for m in ms} | ({speaker} if speaker else set())) < 2:
            continue
        n_before = len(rows)
        s = sentences[sid]
        # "the 1953 pact that ended the Korean War": a year naming a thing is no date
        years = [int(y.group()) for y in _YEAR.finditer(text, s.start, s.end)
                 if not _NAMING_YEAR.search(text, max(s.start, y.start() - 8), y.start())]
        historical = bool(years and published_year
                          and max(years) <= published_year - HISTORY_YEARS)
        _sentence_events(text, s, sid, ms, speaker, cues, polarity, historical, rows,
                         sid in speakers, agent_of)
        if len(rows) > n_before:
            last = rows[-1]
            last_pair = (last["source"], last["target"])
            if anaphors is None:
                anaphors = {}
                for a in cues.anaphor.finditer(text, s.end):
                    at = bisect_right(starts, a.start()) - 1
                    if sentences[at].body and (a.group(1) is None
                                               or a.start() == sentences[at].start):
                        anaphors.setdefault(at, []).append((a.start(), a.end()))
                pending = pending[:k] + sorted(set(pending[k:]) | anaphors.keys())
        if len(rows) == n_before and polarity is not None and cues.fallback_weight > 0:
            named = list(dict.fromkeys(m.actor for m in ms if _fallback_party(text, s, m, cues)))
            if cues.fallback_pairs == "speaker":  # the speaker toward what the quote names
                fallback = [(speaker, y) for y in named if y != speaker] if speaker else []
                if len(fallback) > ROSTER:  # "Kim said to fellow envoys from China, South
                    fallback = []  # Korea, the US, Japan and Russia": no one in particular
            else:
                fallback = list(combinations(named, 2))
            pol = polarity(text[s.start:s.end]) if fallback else 0.0
            if abs(pol) > cues.fallback_min:  # near 0: no stance either way
                for x, y in fallback:
                    rows.append({"sentence_id": sid, "source": x, "target": y, "cue": "",
                                 "cameo": "", "quad_class": "", "goldstein": float("nan"),
                                 "polarity": pol, "score": round(pol, 4), "negated": False,
                                 "historical": historical, "cue_start": -1, "cue_end": -1,
                                 "weight": cues.fallback_weight, "frame": ""})
    return rows
