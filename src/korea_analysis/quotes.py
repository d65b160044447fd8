"""Quotations in news text and who said them, with string rules only (no parser model).

Why rules: the quoting conventions of wire copy are few and regular (``“…,” X said.``,
``X said: “…”``, ``said X, a professor at …``), and a regex pass is fast, offline and
explainable. Every offset points into the article text, so each attribution can be checked.

Steps: pair quotation marks per paragraph (carrying a quote across a paragraph break when the
next paragraph opens with a mark); mask quoted words so that cue words inside a quotation are
never taken for a speech verb; split the masked paragraphs into sentences; find the cue next
to each quotation and the speaker around it; resolve pronouns and surnames; finally report
unquoted reported speech (``indirect``). The cue words live in ``speech_cues.yaml``.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from korea_analysis.text import Sentence, paragraph_spans

KINDS = ("direct", "partial", "term", "indirect")


@dataclass(slots=True)
class Quote:
    """One quotation (or reported clause) with its speaker; offsets index the article text.

    ``quote`` is ``text[start:end]``: the words inside the marks, or the reported clause for
    ``indirect``. ``speaker`` is the name as the article gives it in full (a pronoun or a
    surname resolved; a body such as "the statement" kept as written); ``speaker_start`` /
    ``speaker_end`` point at the mention that the cue attaches to (may be "he"), None when
    nobody is named. ``role`` describes the speaker ("a professor at …", a title, or for a
    body its fuller mention), ``channel`` a relaying outlet ("TASS"), ``cue`` the cue as in
    the text (None when the speaker carries over from an earlier sentence). ``kind``: direct
    (a quoted statement), partial (a quoted fragment inside reported speech), term (quoted
    words with no speech cue: scare quotes, names), indirect (speech without marks).
    """

    quote: str
    start: int
    end: int
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    role: str | None = None
    cue: str | None = None
    channel: str | None = None
    kind: str = "term"
    sentence_id: int | None = None


# --- cue data -------------------------------------------------------------------------------

def _inflect(lemma: str) -> list[str]:
    """Base, -s, -ed and -ing forms of a (possibly multi-word) verb; regular English rules."""
    head, _, rest = lemma.partition(" ")
    tail = " " + rest if rest else ""
    if head.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = head + "es"
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        third = head[:-1] + "ies"
    else:
        third = head + "s"
    if head.endswith("e"):
        past = head + "d"
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        past = head[:-1] + "ied"
    else:
        past = head + "ed"
    if head.endswith("e") and not head.endswith("ee"):
        ing = head[:-1] + "ing"
    else:
        ing = head + "ing"
    return [w + tail for w in (head, third, past, ing)]


_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_TIME = (rf"(?:on\s+)?{_DAYS}(?:\s+(?:night|morning|afternoon|evening))?|"
         r"(?:last|this|next|earlier|late|early)\s+(?:week|month|year|night|morning|weekend|"
         rf"spring|summer|fall|autumn|winter|{_DAYS})|yesterday|today|tonight|"
         r"in\s+(?:a|an|the|his|her|their|its)\s+(?:[a-z\-]+\s+){0,2}?(?:statement|interview|"
         r"tweet|post|speech|letter|email|e-mail|op-ed|video|call|message|briefing|"
         r"press\s+conference|news\s+conference)")


def _alternation(words: Sequence[str]) -> str:
    """A regex alternation of words as a prefix tree (much faster than a flat list of
    hundreds of words in Python's engine); a space matches any white space."""
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    end = "" in node
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _trie_regex(sub)
                for ch, sub in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        # longer words first: the optional tail is greedy, then the word may end here
        return "(?:" + body + ")?" if len(branches) == 1 else body + "?"
    return body


class Cues:
    """Compiled patterns built from the cue file (see ``speech_cues.yaml`` for each list)."""

    def __init__(self, data: dict[str, Any]):
        self.data = data
        irregular = {k: list(v) for k, v in (data.get("irregular") or {}).items()}
        self.indirect_forms: set[str] = set()
        self.forms: dict[str, str] = {}  # form -> lemma
        for key, indirect in (("verbs", True), ("quote_verbs", False)):
            for lemma in data.get(key) or []:
                forms = irregular.get(lemma) or _inflect(lemma)
                for f in forms:
                    self.forms.setdefault(f, lemma)
                    if indirect:
                        self.indirect_forms.add(f)
        word = r"(?<![\w’'\-])(?:{})(?![\w’'\-])"
        self.according = list(data.get("according") or [])
        self.according += [a[:1].upper() + a[1:] for a in self.according]
        #: a passive cue needs one of these words: only the stretches around them are searched
        participles = data.get("passive_participles") or ["quoted"]
        self.passive_words = tuple(sorted({p.split()[0] for p in participles}))
        pp = _alternation(participles)
        tail_words = data.get("passive_tails") or ["as saying"]
        tails = _alternation(tail_words)
        #: a passive cue never holds one of these characters (unless a listed word does)
        self.passive_stops = "" if any(ch in w for w in participles + tail_words
                                       for ch in _PASSIVE_STOPS) else _PASSIVE_STOPS
        self.passive_re = re.compile(
            r"(?<![\w’'])(?:was|were|is|are|has\s+been|have\s+been|had\s+been|being)\s+"
            rf"(?:(?:also|later|reportedly|widely|once)\s+)?(?P<pp>{pp})"
            rf"(?:\s+by\s+(?P<by>[^,.;:“”\x00]{{1,60}}?))?\s+(?P<tail>{tails})(?![\w’'])")
        alt = _alternation(list(self.forms) + self.according)
        self.cue_re = re.compile(word.format(alt))
        self.according_set = set(self.according)
        self.nominal_as = set(data.get("nominal_as") or [])
        nominal = _alternation(list(data.get("nominal") or []) + list(self.nominal_as))
        # (?<=[A-Za-z.])(?:’s|'s|’|') with the apostrophe first, so the engine skips to it
        self.nominal_re = re.compile(
            r"[’'](?<=[A-Za-z.].)s?\s+"
            rf"(?:[a-z][\w\-]*\s+){{0,2}}?(?P<noun>{nominal})(?![\w’'\-])")
        self.outlets = sorted(data.get("outlets") or [], key=len, reverse=True)
        self.outlet_re = re.compile(r"(?:" + _alternation(self.outlets) + r")(?![\w’'\-])",
                                    re.I)
        self.outlet_heads = set(data.get("outlet_heads") or [])
        self.titles = set(data.get("titles") or [])
        between = _alternation(data.get("between") or [])
        between = f"{between}|{_TIME}|[a-z]+ly"
        self.between_tail = re.compile(rf"(?:(?:\s*,)?\s+(?:{between})(?:\s*,)?)+\s*$")
        self.between_head = re.compile(rf"\s*(?:(?:{between})\s+)+")
        self.between_set = {w for w in data.get("between") or [] if " " not in w}
        self.noun_forms: set[str] = set()
        for lemma in data.get("noun_like") or []:
            forms = irregular.get(lemma) or _inflect(lemma)
            self.noun_forms.update(f for f in forms if not f.endswith(("ed", "ing")))
        self.bodies = {b.lower() for b in data.get("bodies") or []}
        pron = data.get("pronouns") or {}
        self.gender_of_pronoun = {w: g for g, ws in pron.items() for w in ws}
        self.subject_pronouns = {"he": "male", "she": "female", "they": "plural",
                                 "it": "neuter", "we": "plural", "i": None, "you": None,
                                 "who": None, "which": None}
        self.gender_words_re = re.compile(
            r"(?<![\w’'])(?:" + "|".join(
                sorted((w for g in ("male", "female") for w in pron.get(g, [])), key=len,
                       reverse=True)) + r")(?![\w’'])", re.I) if pron else None


@lru_cache(maxsize=4)
def load_cues(path: str | None = None) -> Cues:
    """Read and compile the cue file (the bundled ``speech_cues.yaml`` by default); cached."""
    if path is None:
        raw = resources.files("korea_analysis").joinpath("speech_cues.yaml").read_text("utf-8")
    else:
        with open(path, encoding="utf-8") as fh:
            raw = fh.read()
    return Cues(yaml.safe_load(raw) or {})


# --- quotation marks -------------------------------------------------------------------------

_MARK = re.compile("[“”\"«»„]")
_OPENERS = "“«„"
_CLOSERS = "”»"
_OPEN_PREV = "([{—–-/‘'\u00a0:;"
_CLOSE_NEXT = ",.;:!?)]}—–-’'…\"”»"


@dataclass(slots=True)
class _Piece:
    """A quoted stretch inside one paragraph; ``group`` links a multi-paragraph quotation."""

    a: int  # first character inside the marks
    b: int  # end of the words (the closing mark, or the paragraph end)
    para: int
    group: int
    closed: bool
    cont: bool = False  # opens a paragraph that continues an earlier piece


def _pair_marks(text: str, paras: list[tuple[int, int]]) -> list[_Piece]:
    """Pair quotation marks; an odd count or stray mark is dropped, never an error."""
    pieces: list[_Piece] = []
    cur: tuple[int, int, int, bool] | None = None  # open mark index, para, group, continued
    group = 0
    for pi, (pa, pb) in enumerate(paras):
        skip = -1
        if cur is not None:
            o, opi, g, cont = cur
            end = paras[opi][1]
            if o + 1 < end:
                pieces.append(_Piece(o + 1, end, opi, g, False, cont))
            if text[pa] in _OPENERS or text[pa] == '"':
                cur, skip = (pa, pi, g, True), pa
            else:
                cur = None
        for m in _MARK.finditer(text, pa, pb):
            i = m.start()
            if i == skip:
                continue
            ch = text[i]
            prev = text[i - 1] if i > pa else " "
            nxt = text[i + 1] if i + 1 < pb else " "
            can_open = not nxt.isspace() and nxt not in _CLOSE_NEXT and (
                prev.isspace() or prev in _OPEN_PREV or prev in _OPENERS)
            can_close = not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_NEXT)
            if cur is None:
                if ch in _OPENERS or (ch in _CLOSERS and can_open and not can_close) or (
                        ch == '"' and (can_open or not can_close)):
                    group += 1
                    cur = (i, pi, group, False)
                continue
            o, opi, g, cont = cur
            if ch in _CLOSERS or (ch == '"' and (can_close or not can_open)) or (
                    ch in _OPENERS and can_close and not can_open):
                if i > o + 1:
                    pieces.append(_Piece(o + 1, i, pi, g, True, cont))
                cur = None
            else:  # a second opening mark: the first one was never closed
                group += 1
                cur = (i, pi, group, False)
    if cur is not None:
        o, opi, g, cont = cur
        end = paras[opi][1]
        if o + 1 < end:
            pieces.append(_Piece(o + 1, end, opi, g, False, cont))
    return pieces


# --- sentences inside paragraphs --------------------------------------------------------------

_ABBREV = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt",
           "st", "jr", "sr", "prof", "rev", "adm", "maj", "pres", "ft", "mt", "no", "vs",
           "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "inc",
           "corp", "co", "ltd", "u.s", "u.n", "u.k", "e.g", "i.e", "d.c", "a.m", "p.m",
           "cmdr", "lt. gen", "gens", "reps", "sens", "govs"}
_SENT_END = re.compile(r"[.!?]+[”’)\]\"]*(?=\s+[“\"‘(\[]?[A-Z0-9\x00])")
_LAST_WORD = re.compile(r"([\w.]+)\.$")


def _split(masked: str, pa: int, pb: int) -> list[tuple[int, int]]:
    """Sentence spans in a masked paragraph: quoted words are hidden, so only real ends count."""
    out, s = [], pa
    for m in _SENT_END.finditer(masked, pa, pb):
        stop = m.start() + 1
        if masked[m.start()] == ".":
            w = _LAST_WORD.search(masked, max(pa, m.start() - 12), stop)
            if w and (w.group(1).lower() in _ABBREV or len(w.group(1)) == 1
                      or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", w.group(1))):
                continue
        e = m.end()
        out.append((s, e))
        s = e
        while s < pb and masked[s].isspace():
            s += 1
    if s < pb:
        out.append((s, pb))
    return out


# --- noun phrases around a cue ---------------------------------------------------------------

_TOKEN = re.compile(r"[^\s\x00“”]+")
_DETS = {"the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our",
         "my", "your", "one", "two", "three", "four", "five", "some", "many", "several",
         "most", "all", "both", "another", "other", "each", "every", "no", "few", "former",
         "top", "senior", "any", "such", "more", "fellow", "longtime", "then"}
_NP_STOP = {"that", "which", "whom", "whose", "when", "where", "while", "because", "since",
            "although", "though", "if", "unless", "whether", "as", "than", "so", "but", "or",
            "nor", "yet", "is", "are", "was", "were", "be", "been", "being", "has", "have",
            "had", "will", "would", "can", "could", "may", "might", "must", "shall",
            "should", "do", "does", "did", "not", "also", "then", "to", "after", "before",
            "what", "how", "why", "once", "even", "only", "just", "said", "says", "there",
            "here", "now", "we", "you", "i", "he", "she", "they", "it", "him", "them", "me",
            "us", "said,", "ago", "until", "having", "by", "with", "without", "into", "onto",
            "upon", "against", "over", "under", "through", "about", "from", "yesterday", "today"}
_CAP_STOP = {"In", "On", "At", "After", "Before", "When", "While", "As", "If", "Although",
             "Outside", "Inside", "Across", "Near", "Around", "Among", "Within", "Beyond",
             "Along", "Against", "Behind", "Into", "Upon", "Over", "Throughout", "Where",
             "Whether", "What", "Why", "How", "Who", "Whatever", "Whoever", "Not", "Such",
             "Though", "But", "And", "However", "Meanwhile", "Still", "Yet", "So", "Since",
             "Because", "During", "Despite", "Amid", "Following", "Speaking", "Asked", "For",
             "With", "Without", "Then", "Now", "Later", "Earlier", "Also", "Instead", "Last",
             "This", "That", "Today", "Yesterday", "Monday", "Tuesday", "Wednesday",
             "Thursday", "Friday", "Saturday", "Sunday", "Separately", "Indeed", "Thus",
             "Here", "There", "Or", "Nor", "Once", "Until", "Like", "Unlike", "Under",
             "From", "Through", "By", "To", "Of", "Even", "Just", "Only", "Finally"}
_NP_INNER = {"of", "the", "for", "at", "in", "on", "and", "de", "del", "da", "van", "von",
             "bin", "al", "le", "la", "di", "du", "&", "el", "der", "den", "ibn", "-", "–"}
_PREPS = {"in", "on", "at", "during", "after", "before", "from", "with", "by", "through",
          "over", "under", "into", "amid", "despite", "following", "via", "since", "for"}
_NP_LEAD_STRIP = {"of", "for", "at", "in", "on", "and", "&", "-", "–", "to", "or"}
_NAME_CONNECT = {"de", "del", "da", "van", "von", "bin", "al", "le", "la", "di", "du", "der",
                 "den", "ibn", "el", "y"}
_WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
             "Monday’s", "Tuesday’s"}
_AFTER_STOP = {"who", "which", "that", "when", "while", "as", "after", "before", "during",
               "in", "on", "at", "last", "this", "earlier", "later", "told", "adding",
               "referring", "according", "because", "if", "but", "to", "about", "of",
               "noting", "saying", "and", "since", "through", "via", "with", "from", "by",
               "for", "recently", "then", "yesterday", "today", "tonight", "where"}


def _ing(form: str) -> bool:
    """A participle cue ("saying", "referring to")."""
    return form.split(" ", 1)[0].endswith("ing")


def _cap(w: str) -> bool:
    c = w.lstrip("(\"'‘“[")[:1]
    return c.isupper() or c.isdigit()


def _strip_punct(a: int, b: int, s: str) -> tuple[int, int]:
    while a < b and s[a] in " \t\n,;:—–-(\"'‘’”“\u00a0\x00":
        a += 1
    while b > a and s[b - 1] in " \t\n,;:—–-\"'‘’”“.\u00a0\x00" and not (
            s[b - 1] == "." and b - a >= 2 and (s[b - 2].isupper() or s[a:b].count(".") > 1)):
        b -= 1
    return a, b


class _Article:
    """Per-article state: masked text, sentences, names seen, genders, attributions so far."""

    def __init__(self, text: str, cues: Cues, gender_of: Callable[[str], str | None] | None):
        self.text = text
        self.cues = cues
        self.gender_of = gender_of
        self.genders: dict[str, str | None] = {}
        self._names: list[tuple[int, str]] | None = None
        self._mentions: list[tuple[int, str]] | None = None
        self._all = None
        self._pron = None

    # --- noun phrase before a cue ---------------------------------------------------------

    def np_before(self, lo: int, hi: int, through_quotes: bool = False
                  ) -> tuple[int, int, tuple[int, int] | None] | None:
        """The speaker phrase ending at ``hi`` (a cue's start): ``(start, end, role_span)``.

        ``through_quotes``: a quotation inside the phrase is a title, not a boundary
        (``Washington, star of television's “Scandal,” thanked …``).
        """
        m = self.masked
        seg = m[lo:hi]
        q = max(seg.rfind(";"), seg.rfind(":"))
        if not through_quotes:
            q = max(q, seg.rfind("”"), seg.rfind("\x00"))
        if q >= 0:
            lo += q + 1
            seg = m[lo:hi]
        t = self.cues.between_tail.search(seg)
        if t and not (seg.rstrip().endswith(",") and t.start() > 0 and
                      m[lo:lo + t.start()].rstrip()[-1:] not in ("", ",")):
            hi = lo + t.start()  # "Park also said" (but keep "…, who is running this year,")
        while hi > lo and m[hi - 1].isspace():
            hi -= 1
        role: tuple[int, int] | None = None
        if hi > lo and m[hi - 1] == ")":  # "Sen. Ted Cruz (R-Texas) said"
            op = m.rfind("(", lo, hi)
            if op > lo:
                role = (op, hi)
                hi = op
                while hi > lo and m[hi - 1].isspace():
                    hi -= 1
        if hi <= lo or re.search(r"(?:^|\s)(?:and|or|but|then)$", m[max(lo, hi - 5):hi]):
            return None  # "… and said": the verb shares the clause's subject
        if m[hi - 1] in ",—" or m[hi - 2:hi] == "--":
            return self._appositive(lo, hi, role)
        c = max(m.rfind(",", lo, hi), m.rfind(" — ", lo, hi), m.rfind(" -- ", lo, hi),
                m.rfind("(", lo, hi))
        start = c + 1 if c >= lo else lo
        np = self._scan_back(start, hi)
        if np is None:
            return None
        return np[0], np[1], role

    def _scan_back(self, lo: int, hi: int) -> tuple[int, int] | None:
        """Walk back from ``hi`` over the words a noun phrase can hold; stop at a clause word."""
        m = self.masked
        toks = [(t.start(), t.end()) for t in _TOKEN.finditer(m, lo, hi)]
        if not toks:
            return None
        last = m[toks[-1][0]:toks[-1][1]]
        bare = re.sub(r"[’'](?:d|ll|s|ve|re)$", "", last.lower())
        if bare in self.cues.subject_pronouns:
            return toks[-1][0], toks[-1][0] + len(bare)
        j = len(toks)
        while j > 0:
            a, b = toks[j - 1]
            w = m[a:b]
            wl = w.lower().strip(",.")
            if w in _CAP_STOP and j < len(toks):
                break
            if not _cap(w):
                if wl in ("to", "with") and j >= 2 and j < len(toks) and \
                        m[toks[j - 2][0]:toks[j - 2][1]].endswith("ing"):
                    # "Another source speaking to Fox News said": skip the participle phrase
                    np = self._scan_back(lo, toks[j - 2][0])
                    if np is not None:
                        return np
                if wl in _NP_STOP or wl in self.cues.forms or wl in self.cues.between_set \
                        or wl.endswith(("n’t", "n't")) or wl in _VERBISH or wl in _BE:
                    break
                if wl.endswith("ed") and (j < 2 or m[toks[j - 2][0]:toks[j - 2][1]].lower()
                                          not in _DETS):
                    break
                if wl == "and" and j >= 2 and not _cap(m[toks[j - 2][0]:toks[j - 2][1]]):
                    break
            j -= 1
        toks = toks[j:]
        if toks and m[toks[0][0]:toks[0][1]].lower() in _PREPS:
            return None  # "in a later interview": an adverbial, not the subject
        while toks and m[toks[0][0]:toks[0][1]].lower() in _NP_LEAD_STRIP:
            toks = toks[1:]
        while toks and m[toks[-1][0]:toks[-1][1]].lower() in _NP_INNER:
            toks = toks[:-1]
        if not toks:
            return None
        k = 0
        while k < min(2, len(toks) - 1) and m[toks[k][0]:toks[k][1]].islower():
            k += 1
        lead = [m[x:y] for x, y in toks[:k]]
        if 0 < k < len(toks) and _cap(m[toks[k][0]:toks[k][1]]) and lead[-1] not in \
                self.cues.titles and not any(w in _NP_INNER or w in _DETS for w in lead):
            toks = toks[k:]  # "would involve Attorney General …": drop the verb
        if len(toks) > 12:  # too long for a subject: keep the trailing name, if any
            k = len(toks)
            while k > 0 and _cap(m[toks[k - 1][0]:toks[k - 1][1]]):
                k -= 1
            if k == len(toks) or len(toks) - k > 5:
                return None
            toks = toks[k:]
        a, b = _strip_punct(toks[0][0], toks[-1][1], m)
        if b <= a or not any(ch.isalpha() for ch in m[a:b]):
            return None
        return a, b

    def _part_kind(self, a: int, b: int) -> str:
        """Classify a comma-separated part: name, pronoun, desc(ription) or adverbial."""
        m = self.masked
        words = m[a:b].split()
        while len(words) > 1 and words[0] in ("But", "And", "So", "Yet", "Or", "Then"):
            words = words[1:]
        if words and words[-1].startswith("(") and words[-1].endswith(")"):
            words = words[:-1] or words  # "Sen. Richard J. Durbin (D-Ill.)"
        if not words:
            return "empty"
        w0 = words[0].strip("(\"'‘“")
        if w0.lower() in self.cues.subject_pronouns and len(words) == 1:
            return "pronoun"  # also a lone "who": "…, who, on a press call, criticized"
        if w0.lower() in ("who", "which", "whose") and len(words) > 1:
            return "desc"
        if w0 in _CAP_STOP:
            return "adverbial"
        for w in words[1:]:
            if w in ("who", "which", "that", "whose"):
                break
            if w in _AUX:
                return "clause"
        if w0.lower() in _DETS or not _cap(w0) or w0[:1].isdigit():
            return "desc"
        if w0 in self.cues.titles and len(words) > 1 and any(
                x in ("of", "at", "for", "in", "on") for x in words):
            return "desc"
        if len(words) <= 6 and all(_cap(w) or w in _NAME_CONNECT or w in ("-", "–")
                                   for w in words):
            return "name"
        return "desc" if len(words) <= 14 else "adverbial"

    def _appositive(self, lo: int, hi: int, role0) -> tuple[int, int, Any] | None:
        """``Yang Moo-jin, a professor at …, said``: the head before one or more appositives."""
        m = self.masked
        parts, s = [], lo
        for c in re.finditer(r",|\s—\s|\s--\s|—", m[lo:hi]):
            parts.append((s, lo + c.start()))
            s = lo + c.end()
        parts = [(a + len(m[a:b]) - len(m[a:b].lstrip()), a + len(m[a:b].rstrip()))
                 for a, b in parts]
        parts = [(a, b) for a, b in parts if b > a]
        if not parts:
            return None
        kinds = [self._part_kind(a, b) for a, b in parts]
        if kinds[-1] == "clause":
            return None  # "X has mocked A, referred to B": a list of verbs, not appositives
        k = len(parts) - 1
        head = None
        while k >= 0:
            kind = kinds[k]
            if kind in ("name", "pronoun"):
                place = (k >= 1 and kinds[k - 1] == "desc" and len(m[parts[k][0]:parts[k][1]]
                                                                    .split()) <= 3
                         and _cap(m[parts[k - 1][0]:parts[k - 1][1]].split()[-1]))
                if not place:
                    head = k
                    break
            elif kind != "desc":
                break
            k -= 1
        if head is None and k >= 0 and kinds[k] == "clause" and k < len(parts) - 1:
            head = k  # "… that Michael Bloomberg, who's thinking about running, said"
        if head is None:
            # no name: the leftmost description is the head ("the statement, released …,")
            k = len(parts) - 1
            while k > 0 and kinds[k - 1] == "desc":
                k -= 1
            if kinds[k] not in ("desc", "name"):
                return None
            head = k
        ha, hb = parts[head]
        np = self._scan_back(ha, hb)
        if np is None:
            return None
        role = None
        if head + 1 < len(parts):
            role = (parts[head + 1][0], parts[-1][1])
        elif head >= 1 and kinds[head - 1] == "desc" and kinds[head] == "name":
            role = parts[head - 1]  # "Another delegate on the Cruz slate, Jim Poolman, said"
        return np[0], np[1], role or role0

    # --- noun phrase after a cue ----------------------------------------------------------

    def np_after(self, pos: int, hi: int) -> tuple[int, int, Any] | None:
        """``said Park Won-gon, a professor …``: the speaker after an inverted cue."""
        m = self.masked
        toks = [(t.start(), t.end()) for t in _TOKEN.finditer(m, pos, hi)]
        if not toks:
            return None
        w0 = m[toks[0][0]:toks[0][1]].rstrip(",.;:")
        if w0.lower() in ("he", "she", "they", "we", "i", "it"):
            return toks[0][0], toks[0][0] + len(w0), None
        low = w0.lower()
        if w0 in _WEEKDAYS or w0 in _CAP_STOP or w0.islower() and (
                low in _AFTER_STOP or low in self.cues.forms or low in self.cues.between_set
                or low.endswith("ly")):
            return None  # "said in a statement", "said Tuesday" (but "said Will Doyle")
        end = toks[0][0]
        n = 0
        for a, b in toks:
            w = m[a:b]
            core = w.rstrip(",.;:)")
            if n and (core.lower() in _AFTER_STOP or core in _WEEKDAYS) and not _cap(w):
                break
            if n == 1 and core in _WEEKDAYS and m[toks[0][0]:toks[0][1]].lower() in _DETS:
                end = a + len(core)  # "a Wednesday editorial"
                n += 1
                continue
            cl = core.lower()
            if n and not _cap(w) and (cl in _NP_STOP or cl in _VERBISH or (
                    cl in self.cues.forms and cl not in self.cues.noun_forms)):
                return None  # "said the parade could …": a clause, not a speaker
            if n and core in _WEEKDAYS:
                break
            if w.startswith("("):
                break
            end = a + len(core) if core else b
            n += 1
            if w != core and not (w.endswith(".") and (len(core) <= 3 or "." in core)):
                break  # comma or sentence end after this word
            if n >= 12:
                break
        a, b = _strip_punct(toks[0][0], end, m)
        if b <= a:
            return None
        role = self._role_after(b, hi)
        return a, b, role

    def _role_after(self, pos: int, hi: int) -> tuple[int, int] | None:
        """An appositive after a name: ``, a professor of North Korean Studies at …``."""
        m = self.masked
        j = pos
        while j < hi and m[j] == " ":
            j += 1
        if j < hi and m[j] == "(":
            close = m.find(")", j, hi)
            if close > 0:
                return (j, close + 1)
        if j >= hi or m[j] != ",":
            return None
        a = j + 1
        while a < hi and m[a].isspace():
            a += 1
        words = m[a:hi].split(None, 1)
        if not words or words[0].lower() in ("who", "which", "according", "adding", "and") or \
                words[0].lower() in _AFTER_STOP or words[0].lower() in _NP_STOP:
            return None
        if words[0].endswith("ing") and words[0].islower():
            return None
        b = a
        for c in re.finditer(r",\s*(\S+)|[“\x00;]|[.!?]$", m[a:hi]):
            nxt = c.group(1)
            if nxt is None or not (_cap(nxt) or nxt[:1].isdigit()) or nxt in _CAP_STOP:
                b = a + c.start()
                break
        else:
            b = hi
        a, b = _strip_punct(a, b, m)
        return (a, b) if b > a else None

    # --- names, genders and resolution -----------------------------------------------------

    def names(self) -> list[tuple[int, str]]:
        """Person-like names (two to four capitalised words) with their offsets, in order."""
        if self._names is None:
            out = []
            for mm in _NAME_RE.finditer(self.text):
                words = mm.group(0).split()
                k = len(words)
                while k > 0 and not (words[k - 1] in self.cues.titles or
                                     words[k - 1] in _CAP_STOP or words[k - 1] in _NOT_PERSON
                                     or words[k - 1].endswith(("’s", "'s"))):
                    k -= 1
                words = words[k:]
                if len(words) < 2:
                    continue
                start = mm.end() - len(" ".join(words))
                out.append((start, " ".join(words)))
            self._names = out
        return self._names

    def full_name(self, short: str, pos: int) -> str:
        """A surname (or first name) to the fullest name given for it earlier in the text."""
        best = None
        for p, name in self.names():
            if p >= pos:
                break
            parts = name.split()
            if short in (parts[0], parts[-1]) and name != short:
                best = name
        return best or short

    def gender(self, name: str) -> str | None:
        if name in self.genders:
            return self.genders[name]
        g = self.gender_of(name) if self.gender_of else None
        if g:
            g = {"m": "male", "f": "female"}.get(str(g).lower()[:1], None)
        if g is None:
            g = self._gender_from_text(name)
        self.genders[name] = g
        return g

    def _gender_from_text(self, name: str) -> str | None:
        """Gender from an honorific or the pronouns that follow the name's mentions."""
        text = self.text
        male, female, ends = self._pronoun_index()
        votes = 0
        for p, full in self.mentions():
            if full != name:
                continue
            pre = text[max(0, p - 6):p]
            if _MR.search(pre):
                votes += 3
            elif _MRS.search(pre):
                votes -= 3
            k = bisect.bisect_left(ends, p)
            stop = min(p + 120, ends[k] if k < len(ends) else len(text))
            votes += (bisect.bisect_left(male, stop) - bisect.bisect_left(male, p) -
                      bisect.bisect_left(female, stop) + bisect.bisect_left(female, p))
        if votes == 0:
            return None
        return "male" if votes > 0 else "female"

    def _pronoun_index(self):
        """Positions of he/his/him, she/her and sentence ends, computed once per article."""
        if self._pron is None:
            male, female = [], []
            if self.cues.gender_words_re is not None:
                for mm in self.cues.gender_words_re.finditer(self.text):
                    g = self.cues.gender_of_pronoun.get(mm.group(0).lower())
                    (male if g == "male" else female).append(mm.start())
            ends = [mm.start() for mm in _SENT_STOP.finditer(self.text)]
            self._pron = (male, female, ends)
        return self._pron

    def mentions(self) -> list[tuple[int, str]]:
        """Every mention of a person named in full: the full mentions and later short ones
        (``Park`` for an earlier ``Park Won-gon``), each with the full name, in order."""
        if self._mentions is None:
            names = self.names()
            by_part: dict[str, list[tuple[int, str]]] = {}
            for p, name in names:
                parts = name.split()
                for part in {parts[0], parts[-1]}:
                    by_part.setdefault(part, []).append((p, name))
            out = list(names)
            if by_part:
                for start, part in _name_parts(self.text, by_part):
                    lst = by_part[part]
                    k = bisect.bisect_left(lst, (start, "")) - 1
                    if k >= 0 and lst[k][0] + len(lst[k][1]) <= start:
                        out.append((start, lst[k][1]))
            out.sort()
            self._mentions = out
        return self._mentions

    def resolve_pronoun(self, word: str, pos: int, speakers: list[tuple[int, str]]) -> str:
        """Most recent compatible person before ``pos`` (speakers first, then names)."""
        wl = word.lower()
        want = self.cues.subject_pronouns.get(wl)
        if want not in ("male", "female"):
            if wl == "it":
                for p, name in reversed(speakers):
                    if p < pos and not _looks_person(name):
                        return name
            return word
        cands = [(p, n) for p, n in speakers if p < pos and _looks_person(n)]
        ms = self.mentions()
        cands += ms[:bisect.bisect_left(ms, (pos, ""))]
        cands.sort()
        for _p, name in reversed(cands):
            g = self.gender(name)
            if g is None or g == want:
                return name
        return word


_THAT = re.compile(r"\s*(?:,\s*)?(?:that\s+)?")
_MR = re.compile(r"\bMr\.?\s*$")
_MRS = re.compile(r"\b(?:Mrs|Ms|Miss|Madam)\.?\s*$")
_SENT_STOP = re.compile(r"[.!?](?:\s|$)")
_NAME_WORD = r"(?:[A-Z][a-z]+(?:[\-’'][A-Za-z][a-z]+)*|[A-Z]\.)"
# A _NAME_WORD at a word start: the capital first, then the lookbehind, so that the regex
# engine skips to capitals instead of trying every position (same matches; the plain form,
# (?<![\w’'\-]){_NAME_WORD}, is checked against it in tests/test_fast_patterns.py).
_NAME_WORD_AT_START = r"[A-Z](?<![\w’'\-].)(?:[a-z]+(?:[\-’'][A-Za-z][a-z]+)*|\.)"
_NAME_RE = re.compile(rf"{_NAME_WORD_AT_START}(?:\s+(?:{_NAME_WORD}|de|van|von|bin|al))"
                      rf"{{1,8}}(?![\w\-])")
_NOT_PERSON = {
    "Korea", "Korean", "Koreas", "North", "South", "East", "West", "United", "States",
    "Nations", "Council", "Ministry", "House", "White", "Party", "University", "Department",
    "Agency", "News", "Central", "Security", "Peninsula", "War", "Day", "Strait", "Studies",
    "Defense", "Defence", "Foreign", "Affairs", "Republic", "People", "Democratic",
    "Commission", "Committee", "Assembly", "Forces", "Force", "Army", "Navy", "Command",
    "Street", "Square", "City", "Island", "Region", "Province", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "China", "Chinese", "Russia", "Russian", "Japan", "Japanese", "America", "American",
    "Americans", "Pyongyang", "Seoul", "Washington", "Beijing", "Moscow", "Tokyo", "Asia",
    "Pacific", "Indo", "Organization", "Organisation", "Institute", "Center", "Centre",
    "Times", "Post", "Journal", "Press", "Associated", "Senate", "Congress",
    "Republican", "Republicans", "Democrat", "Democrats", "National", "Convention",
    "Court", "Supreme", "Federal", "Bureau", "Union", "European", "Europe", "Kremlin",
    "Pentagon", "Summit", "Olympics", "Olympic", "Games", "Treaty", "Agreement", "Act",
    "Zone", "Sea", "Ocean", "Air", "Airlines", "Company", "Group", "Inc", "Corp",
    "Twitter", "Facebook", "Instagram", "YouTube", "Google", "Fox", "CNN", "BBC",
    "Office", "Administration", "Government", "Cabinet", "Parliament", "Prime", "Minister",
    "President", "Secretary", "General", "Association", "Foundation", "Fund", "Bank",
    "Service", "Services", "Media", "Network", "Television", "Radio", "Daily", "Review",
    "Club", "Hotel", "Road", "Avenue", "Building", "Tower",
    "The", "A", "An", "In", "On", "At", "For", "Of", "And", "But", "Or", "If", "As",
    "It", "He", "She", "They", "We", "This", "That", "These", "Those", "Its", "His", "Her",
    "Their", "Our", "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "New", "York", "Los",
    "Angeles", "Francisco", "Texas", "California", "Florida", "Iowa", "Ohio", "Virginia",
    "Carolina", "Hampshire", "Jersey", "Nevada", "Islands", "Valley", "County",
    "State", "Capitol", "Hill", "Trust", "Project", "Program", "Plan", "Initiative",
    "Taiwan", "Ukraine", "Ukrainian", "Kursk", "Wonsan", "Middle", "Iran", "Iraq",
    "Syria", "Israel", "India", "Vietnam", "Mongolia", "Philippines", "Australia", "Britain",
    "British", "France", "French", "Germany", "German", "Canada", "Mexico", "Cuba",
    "Communist", "Workers", "Politburo", "Election", "Campaign", "Primary", "Debate",
    "Caucus", "Caucuses", "Declaration", "Armistice", "Liberation", "Constitution",
    "Amendment", "Report", "Index", "Survey", "Poll", "Research",
}


# Any word a name part can be (a _NAME_WORD or a connector), at a word start and ending where
# a part must end: one compiled pattern instead of one per article.
# (?<![\w’'\-])(?:{_NAME_WORD}|de|van|von|bin|al)(?![\w\-]), first character first
_PART_WORD = re.compile(r"[A-Zdvba](?<![\w’'\-].)(?:(?<=[A-Z])(?:[a-z]+(?:[\-’'][A-Za-z][a-z]+)*"
                        r"|\.)|(?<=d)e|(?<=v)(?:an|on)|(?<=b)in|(?<=a)l)(?![\w\-])")


def _name_parts(text: str, parts) -> list[tuple[int, str]]:
    """Occurrences of the words in ``parts`` (name parts) as whole words, in order.

    The same as finditer with the alternation of ``parts``, longest first, between
    ``(?<![\\w’'\\-])`` and ``(?![\\w\\-])``: a part matching at a position is a name word
    there, so it is the word the generic pattern finds or a prefix of it that ends before an
    apostrophe; the longest of those in ``parts`` wins.
    """
    out = []
    for mm in _PART_WORD.finditer(text):
        w = mm.group()
        if w in parts:
            out.append((mm.start(), w))
            continue
        k = len(w)
        while True:
            k = max(w.rfind("’", 0, k), w.rfind("'", 0, k))
            if k <= 0:
                break
            if w[:k] in parts:
                out.append((mm.start(), w[:k]))
                break
    return out


@lru_cache(maxsize=4096)
def _looks_person(name: str) -> bool:
    words = name.split()
    if not words or words[0].lower() in _DETS:
        return False
    return all(_cap(w) for w in words) and not any(w in _NOT_PERSON for w in words)


# --- attribution --------------------------------------------------------------------------

_VERBISH = {"met", "took", "made", "gave", "went", "came", "got", "led", "held", "left",
            "sent", "spent", "won", "lost", "ran", "began", "saw", "knew", "thought",
            "wants", "sees", "gets", "makes", "takes", "gives", "seems", "looks", "needs",
            "plans", "hopes", "believes", "remains", "continues", "faces", "leads"}


@dataclass(slots=True)
class _Cue:
    """A cue word in a sentence with the speaker phrase it points at."""

    a: int
    b: int
    form: str
    kind: str  # verb, according, passive, nominal
    sp: tuple[int, int] | None = None
    role: tuple[int, int] | None = None
    channel: str | None = None
    inverted: bool = False
    used: bool = False
    clause: tuple[int, int] | None = None  # reported clause after the cue (for indirect)


@dataclass(slots=True)
class _Attr:
    sp: tuple[int, int] | None
    role: tuple[int, int] | None
    cue: _Cue | None
    channel: str | None
    via: str  # trail, lead, after, nominal, context


def _mask(text: str, pieces: list[_Piece]) -> str:
    """Hide quoted words (kept: a final . ! ? , so sentence ends stay visible) and stray marks."""
    out, pos = [], 0
    for p in pieces:
        o = p.a - 1
        if o < pos:
            continue
        out.append(_MARK.sub(" ", text[pos:o]))
        out.append("“" if text[o] in _OPENERS or text[o] in _CLOSERS or text[o] == '"'
                   else text[o])
        inner = text[p.a:p.b]
        keep = len(inner.rstrip())
        tail = inner[keep - 1:keep] if keep and inner[keep - 1] in ".!?," else ""
        n = keep - len(tail)
        out.append("\x00" * n + tail + inner[keep:])
        pos = p.b
        if p.closed:
            out.append("”")
            pos = p.b + 1
    out.append(_MARK.sub(" ", text[pos:]))
    return "".join(out)


_PASSIVE_STOPS = ",.;:“”\x00"


def _passive_matches(m: str, cues: Cues) -> list[re.Match]:
    """``cues.passive_re.finditer(m)``, run only where it can match.

    A passive cue contains one of the participles and none of ``passive_stops`` (its "by"
    part excludes them, its words hold none), so only the stretch between two stop
    characters around each participle is searched.
    """
    hits = sorted(i for w in cues.passive_words for i in _occurrences(m, w))
    if not cues.passive_stops:
        return list(cues.passive_re.finditer(m)) if hits else []
    out: list[re.Match] = []
    searched = 0  # the text before this has been searched
    for i in hits:
        if i < searched:
            continue
        a = max(m.rfind(ch, searched, i) for ch in cues.passive_stops) + 1
        b = min((k for k in (m.find(ch, i) for ch in cues.passive_stops) if k >= 0),
                default=len(m))
        out.extend(cues.passive_re.finditer(m, max(a, searched), b))
        searched = b
    return out


def _occurrences(text: str, word: str) -> list[int]:
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


class _Engine(_Article):
    """Runs the steps of :func:`find_quotes` over one article."""

    def _matches(self):
        """Cue, passive and possessive matches over the whole masked text, found once."""
        if self._all is None:
            m = self.masked
            cues = self.cues
            self._all = tuple(
                (lst, [x.start() for x in lst]) for lst in (
                    list(cues.cue_re.finditer(m)),
                    _passive_matches(m, cues),
                    list(cues.nominal_re.finditer(m))))
            self._cache: dict[tuple[int, int], list[_Cue]] = {}
        return self._all

    def has_cue(self, a: int, b: int) -> bool:
        """Whether any cue or passive cue starts in ``[a, b)``: paragraphs without are skipped."""
        (_, vpos), (_, ppos), _ = self._matches()
        return any(bisect.bisect_left(p, a) < bisect.bisect_left(p, b) for p in (vpos, ppos))

    def sentence_cues(self, ss: int, se: int) -> list[_Cue]:
        """The cues of one sentence, each with its speaker phrase; cached per sentence."""
        (verbs, vpos), (passives, ppos), (nominals, npos) = self._matches()
        hit = self._cache.get((ss, se))
        if hit is not None:
            return hit
        m = self.masked
        cues = self.cues
        out: list[_Cue] = []
        for mm in passives[bisect.bisect_left(ppos, ss):bisect.bisect_left(ppos, se)]:
            c = _Cue(mm.start(), mm.end(), m[mm.start():mm.end()], "passive")
            by = mm.group("by")
            if by:
                c.channel = self.outlet_name(by) or by.strip()
            np = self.np_before(ss, mm.start())
            if np:
                c.sp, c.role = (np[0], np[1]), np[2]
            tail = _THAT.match(m, mm.end(), se)
            c.clause = _strip_punct(tail.end(), se, m)
            out.append(c)
        taken = [(c.a, c.b) for c in out]
        for mm in nominals[bisect.bisect_left(npos, ss):bisect.bisect_left(npos, se)]:
            owner = self._owner(mm.start(), ss)
            if owner is not None:
                out.append(_Cue(mm.start("noun"), mm.end("noun"), mm.group("noun"), "nominal",
                                sp=owner))
        for mm in verbs[bisect.bisect_left(vpos, ss):bisect.bisect_left(vpos, se)]:
            a, b = mm.start(), mm.end()
            if b > se or any(x <= a < y for x, y in taken):
                continue
            form = mm.group(0)
            if " " in form or "\n" in form:
                form = " ".join(form.split())
            if not self._is_cue(form, a, ss):
                continue
            c = _Cue(a, b, form, "according" if form in cues.according_set else "verb")
            self._speaker_for(c, ss, se, out)
            out.append(c)
        out.sort(key=lambda c: c.a)
        self._cache[(ss, se)] = out
        return out

    def _owner(self, pos: int, ss: int) -> tuple[int, int] | None:
        """The capitalised name before a possessive ending at ``pos`` ("Choe" in "Choe's")."""
        m = self.masked
        toks = [(t.start(), t.end()) for t in _TOKEN.finditer(m, max(ss, pos - 60), pos)]
        k = len(toks)
        while k > 0 and len(toks) - k < 4 and _cap(m[toks[k - 1][0]:toks[k - 1][1]]) and \
                m[toks[k - 1][0]:toks[k - 1][1]] not in _CAP_STOP:
            k -= 1
        if k == len(toks) or toks[-1][1] != pos:
            return None
        return toks[k][0], toks[-1][1]

    def _is_cue(self, form: str, a: int, ss: int) -> bool:
        """Filter noun uses of cue words: "the state media", "a reported 10,000"."""
        m = self.masked
        j = a
        while j > ss and m[j - 1] == " ":
            j -= 1
        k = j
        while k > ss and (m[k - 1].isalpha() or m[k - 1] in "’'"):
            k -= 1
        prev = m[k:j].lower()
        if prev in ("a", "an", "the", "this", "that", "its", "his", "her", "their", "our",
                    "these", "those", "my", "your", "no", "any", "each", "every") or \
                prev.endswith(("’s", "'s")):
            return False  # "the state media", "Rubio's proposed credit"
        if _ing(form) and prev in _GERUND_BEFORE:
            return False  # "in countering", "of saying": a gerund, not a speaker's verb
        if prev in ("not", "never") and _ing(form):
            k2 = m.rfind(" ", ss, k - 1)
            if m[k2 + 1:k - 1].lower() in _GERUND_BEFORE:
                return False  # "for not calling"
        lemma = self.cues.forms.get(form)
        if (form.endswith("ed") or form in ("told", "written", "said")) and \
                prev in ("was", "were", "is", "are", "been", "being", "be", "when", "if",
                         "unless", "once", "as", "get", "got"):
            return False  # "Pence was asked about", "when asked": the speaker is not the subject
        if lemma in _NAMING and m[k:j].isalpha() and m[k:j].islower() and \
                prev not in self.cues.subject_pronouns \
                and prev not in _FINITE_BEFORE and m[a:a + 40].split(None, 1)[-1:] and \
                re.match(r"\S+\s*“", m[a:a + 40]):
            return False  # "a short film called “Tenemos Familias”": a name, not speech
        if form in self.cues.noun_forms and not self._verb_use(form, prev, a, j, k, ss):
            return False  # "the state media", "Asian states" (but "Conway notes that …")
        if lemma == "report" and re.match(r"\S+\s+(?:directly|to)\b", m[a:a + 30]):
            return False  # "who reports directly to the president"
        return True

    def _verb_use(self, form: str, prev: str, a: int, j: int, k: int, ss: int) -> bool:
        """A word that is also a noun ("state", "notes", "claims") used as a verb here."""
        m = self.masked
        if prev in _FINITE_BEFORE or prev in self.cues.subject_pronouns or \
                m[j - 2:j] in _QUOTE_END:
            return True
        after = m[a:a + 40]
        opens = _OPENS_CLAUSE.match(after) is not None
        if k > ss and (_cap(m[k:j]) and form.endswith("s") or prev.endswith("s")):
            # "Conway notes that …", "critics charge that …", "“…,” Conway notes."
            return opens or "”" in m[max(ss, k - 40):k] or not _cap(m[k:j])
        return form in ("read", "reads") and m[k:j].isalpha() and \
            re.match(r"\S+\s*[.,;:!?]", after) is not None  # "the editorial read."

    def _speaker_for(self, c: _Cue, ss: int, se: int, earlier: list[_Cue]) -> None:
        """Fill in the speaker phrase, role, channel and reported clause of a cue."""
        m = self.masked
        if c.kind == "according":
            stop = _clause_stop(m, c.b, se)
            np = self.np_after(c.b, stop)
            if np:
                c.sp, c.role = (np[0], np[1]), np[2]
                c.inverted = True
                if m[ss:c.a].strip() == "":  # According to X, CLAUSE
                    k = m.find(",", (np[2] or np)[1], se)
                    if k > 0:
                        a, b = _strip_punct(k + 1, se, m)
                        if len(m[a:b].split()) >= 3 and "\x00" not in m[a:b]:
                            c.clause = (a, b)
                else:  # CLAUSE, according to X.
                    a, b = _strip_punct(ss, c.a, m)
                    if len(m[a:b].split()) >= 3 and "\x00" not in m[a:b]:
                        c.clause = (a, b)
            return
        if _ing(c.form) and self._participle(c, ss):  # ", saying …"
            np = self.participle_subject(c, ss, earlier)
            if np:
                c.sp, c.role = (np[0], np[1]), np[2]
            a, b = _strip_punct(c.b, se, m)
            c.clause = (a, b) if b - a > 8 else None
            return
        # between the previous quotation (or sentence start) and the cue
        k = max(m.rfind("”", ss, c.a), m.rfind("\x00", ss, c.a))
        embedded = False
        if k >= 0:
            op = m.rfind("“", ss, k)
            before = m[ss:op] if op >= 0 else ""
            if before.strip() and not before.rstrip().endswith((",", ":", "—")) and \
                    m[k + 1:c.a].strip(" ,") == "" and not any(e.b <= op for e in earlier) \
                    and self.cues.forms.get(c.form) not in _INVERTS:
                embedded, k = True, -1  # the quotation is a title inside the subject
        lo = k + 1 if k >= 0 else ss
        gap = m[lo:c.a]
        stop = _clause_stop(m, c.b, se)
        bare = gap.strip(" \n,.!?—–-") == ""
        inverts = self.cues.forms.get(c.form) in _INVERTS or c.kind != "verb"
        if bare and not inverts and k >= 0:
            np = self.np_after(c.b, stop)
            if np and (_cap(m[np[0]:np[1]]) or m[np[0]:np[0] + 4].lower() in ("the ", "a ")) \
                    and self._clean_after(np[1], se):  # “…,” mused Blaze co-host Stu Burguiere
                c.sp, c.role, c.inverted = (np[0], np[1]), np[2], True
                c.channel = self.channel_near(c.a, se)
                return
            # “terrible,” denounced her record: a verb shared with the sentence's subject
            np = self.initial_subject(ss, c.a)
            if np:
                c.sp, c.role = (np[0], np[1]), np[2]
            c.clause = self._reported_clause(c, se)
            return
        if (bare or gap.rstrip().endswith(",")) and inverts:
            np = self.np_after(c.b, stop)
            if np and k >= 0 and not bare and not (
                    _cap(m[np[0]:np[1]]) or m[np[0]:np[1]].split()[0].lower() in _DETS):
                np = None
            if np and self._clean_after(np[1], se, strict=not bare):
                c.sp, c.role, c.inverted = (np[0], np[1]), np[2], True
                c.channel = self.channel_near(c.a, se)
                return
        np = self.np_before(ss, c.a, through_quotes=embedded)
        if np is None and not bare and re.search(r"(?:,|\b(?:and|or|but|then))\s*$",
                                                 m[max(ss, c.a - 6):c.a]):
            # "…, and called him" / "X has mocked A, referred to B": the clause's subject
            np = self.clause_subject(ss, c.a) or self.initial_subject(ss, c.a)
        if np:
            c.sp, c.role = (np[0], np[1]), np[2]
        c.channel = self.channel_near(c.a, se)
        c.clause = self._reported_clause(c, se)

    def participle_subject(self, c: _Cue, ss: int, earlier: list[_Cue]):
        """Who is "saying" in ``…, saying``: the subject of the clause the participle hangs on."""
        m = self.masked
        pre = m[ss:c.a].rstrip()
        if pre.endswith((" and", " or")):
            for e in reversed(earlier):
                if e.sp and e.kind == "verb" and _ing(e.form):
                    return e.sp[0], e.sp[1], e.role
        np = self.clause_subject(ss, c.a)
        if np:
            return np
        for e in reversed(earlier):
            if e.sp and e.kind in ("verb", "passive"):
                return e.sp[0], e.sp[1], e.role
        return self.initial_subject(ss, c.a)

    def colon_name(self, lo: int, colon: int):
        """``Pollsters agree - Carl Bialik: “…”``, ``According to HuffPo: “…”``."""
        m = self.masked
        mm = _COLON_NAME.search(m, lo, colon)
        if mm is None:
            return None
        a, b = _strip_punct(mm.start("name"), mm.end("name"), m)
        return (a, b, None) if b > a else None

    def clause_subject(self, ss: int, hi: int):
        """Subject of the nearest clause before ``hi``, walking back over comma-parts."""
        m = self.masked
        body = m[ss:hi].rstrip().rstrip(",—- ")
        if body.endswith((" and", " or")):
            body = body[:-4].rstrip(" ,")
        end = ss + len(body)
        for _ in range(3):
            cut = max(_last_comma(m, ss, end), m.rfind(";", ss, end), m.rfind("”", ss, end),
                      m.rfind(" — ", ss, end), m.rfind(" -- ", ss, end))
            a = cut + 1 if cut >= ss else ss
            while a < end and m[a] in " -—":
                a += 1
            mm = _SUBORD.match(m, a)
            if mm:
                a = mm.end()
            mm = self.cues.between_head.match(m, a)
            if mm:
                a = mm.end()  # "even a top GOP strategist said …"
            first = m[a:end].split(None, 1)
            if first and first[0].islower() and (first[0] in self.cues.forms or
                                                 first[0] in _VERBISH or first[0] in _AUX):
                # "Suu Kyi, 70, said it was too early …": the verb opens this part
                np = self.np_before(ss, a)
                if np:
                    return np
            np = self.initial_subject(a, end, strict=True)
            if np:
                return np
            if cut < ss:
                return None
            end = cut
        return None

    def _participle(self, c: _Cue, ss: int) -> bool:
        """An -ing cue whose subject is the sentence's: not "is saying", not "Kim saying"."""
        m = self.masked
        pre = m[max(ss, c.a - 20):c.a].rstrip()
        words = pre.split()
        if not words:
            return False
        while len(words) > 1 and (words[-1].lower() in self.cues.between_set or
                                  words[-1].endswith("ly") and words[-1].islower()):
            words.pop()
        last = words[-1]
        if last.lower() in _BE or last.lower() in self.cues.subject_pronouns:
            return False
        before = m[max(ss, c.a - 70):c.a]
        if _WITH_NP.search(before) and not last.endswith(","):
            return False  # "with Sen. John McCain calling it …" names its own subject
        if _cap(last) and not last.endswith(",") and last not in _CAP_STOP:
            return True  # "wrote a letter to Loretta E. Lynch asking …"
        return True

    def _clean_after(self, end: int, se: int, strict: bool = False) -> bool:
        """An inverted speaker ends the clause: a comma, the sentence end, ``who``, ``in``…

        ``strict`` (after a clause, not a quotation): fewer words may follow the name.
        """
        m = self.masked
        rest = m[end:se].lstrip(" ")
        if not rest or rest[0] in ",.;:!?(—–-”\n":
            return True
        w = rest.split(None, 1)[0].lower()
        if strict:
            return w in _STRICT_AFTER or w in _WEEKDAYS
        return w != "that" and (w in _AFTER_STOP or w in _WEEKDAYS)

    def _reported_clause(self, c: _Cue, se: int) -> tuple[int, int] | None:
        """What follows ``said`` / ``told reporters that``: the reported clause, if any."""
        m = self.masked
        pos = c.b
        rest = m[pos:se]
        mm = re.match(r"\s*(?:,\s*)?(?:that\s+|:\s*)", rest)
        if mm is None and self.cues.forms.get(c.form) in ("tell", "ask", "warn", "urge",
                                                           "assure", "inform", "remind"):
            mm = re.match(r"\s*(?:[^\s,.;:\x00“”]+\s+){1,5}?that\s+", rest)
            if mm is None:
                mm = re.match(r"\s*(?:reporters|journalists|lawmakers|the\s+\w+|[A-Z]\w+)"
                              r"(?:\s+(?:on|in|at)\s+[A-Z]\w+)?\s*(?:,\s*)?", rest)
        if mm is None:
            mm = re.match(r"\s*(?:(?:on|in|at|during|late|early|last|this)\s+[^,.;:\x00“”]{1,40}?"
                          r"\s+)?that\s+", rest)
        if mm is None:
            if re.match(r"\s+(?:the|a|an|he|she|they|it|we|his|her|their|its|[A-Z]\w*)\b",
                        rest) and self.cues.forms.get(c.form) in ("say", "add", "tell",
                                                                   "note", "warn", "claim",
                                                                   "insist", "argue",
                                                                   "predict", "stress"):
                mm = re.match(r"\s+", rest)
            else:
                return None
        a = pos + mm.end()
        b = se
        tail = re.search(r",\s+(?:according\s+to|[^,\x00“”]{1,60}?\s+(?:said|says|added)|"
                         r"(?:said|says|added)\s+[^,\x00“”]{1,60}?)[^\x00“”]*$", m[a:b])
        if tail:
            b = a + tail.start()
        a, b = _strip_punct(a, b, m)
        if b - a < 8 or len(m[a:b].split()) < 3:
            return None
        return a, b

    def initial_subject(self, ss: int, hi: int, strict: bool = False
                        ) -> tuple[int, int, Any] | None:
        """The subject at the start of a sentence (after a leading adverbial clause).

        ``strict``: only when a verb-like word follows it (a clause, not a bare object).
        """
        m = self.masked
        a = ss
        first = m[a:hi].split(None, 1)
        if first and first[0].strip(",") in _CAP_STOP:
            c = m.find(",", a, hi)
            if c < 0:
                return None
            a = c + 1
        toks = [(t.start(), t.end()) for t in _TOKEN.finditer(m, a, hi)]
        if toks:
            w0 = m[toks[0][0]:toks[0][1]]
            if not (_cap(w0) or w0.lower() in _DETS or w0.lower() in
                    self.cues.subject_pronouns or w0[:1].isdigit()) or w0 in _CAP_STOP:
                return None
            if w0.lower() in ("he", "she", "they", "we", "i"):
                return toks[0][0], toks[0][1], None
        keep = []
        for i, (x, y) in enumerate(toks):
            w = m[x:y]
            core = w.rstrip(",")
            wl = core.lower()
            if i and not _cap(core) and (wl in _NP_STOP or wl in self.cues.forms or
                                         wl in _VERBISH or wl.endswith("ed") or
                                         wl in self.cues.between_set):
                break
            if i and not _cap(core) and wl not in _NP_INNER and all(
                    _cap(m[p:q]) for p, q in keep) and \
                    m[keep[0][0]:keep[0][1]].lower() not in _DETS and \
                    not m[keep[-1][0]:keep[-1][1]].endswith(("’s", "'s", "’")):
                break  # "Carly Fiorina threw …": a name, then its verb
            keep.append((x, x + len(core)))
            if core != w or len(keep) >= 8:
                break
        else:
            if strict:
                return None
        if not keep:
            return None
        if strict:
            nxt = toks[len(keep)] if len(keep) < len(toks) else None
            if nxt is None or core != w:
                return None
            nw = m[nxt[0]:nxt[1]].lower()
            if nw in _PREPS or nw in _NP_INNER or _cap(m[nxt[0]:nxt[1]]):
                return None
        s, e = _strip_punct(keep[0][0], keep[-1][1], m)
        if e <= s:
            return None
        if m[e:e + 1] == ",":  # "The vice foreign minister, Kim Son Gyong, has …"
            c2 = m.find(",", e + 1, hi)
            if c2 > 0:
                pa, pb = _strip_punct(e + 1, c2, m)
                if self._part_kind(pa, pb) == "name" and self._part_kind(s, e) == "desc":
                    return pa, pb, (s, e)
                if self._part_kind(s, e) == "name" and self._part_kind(pa, pb) == "desc":
                    return s, e, (pa, pb)
        return s, e, None

    def outlet_name(self, s: str) -> str | None:
        """The outlet named at the start of ``s`` ("Yonhap news agency" -> "Yonhap")."""
        st = s.strip()
        mm = self.cues.outlet_re.match(st)
        if mm:
            return mm.group(0)
        mm = _CAPRUN.match(st)
        if mm:
            name = mm.group(0).rstrip(".,;:’'")
            if name.split()[-1] in self.cues.outlet_heads:
                return name
        return None

    def channel_near(self, pos: int, se: int) -> str | None:
        """A relaying outlet after the cue: ``as quoted by TASS``, ``told Yonhap``…"""
        m = self.masked
        for mm in _CHANNEL_RE.finditer(m, pos, se):
            name = self.outlet_name(m[mm.end():se])
            if name:
                return name
        return None


_BE = {"is", "are", "was", "were", "be", "been", "being", "’s", "'s", "keeps", "kept",
       "started", "began", "begin", "keep", "am", "not", "still"}
_NAMING = {"call", "dub", "label", "brand", "term", "title", "name"}
def _last_comma(m: str, lo: int, hi: int) -> int:
    """The last comma in ``m[lo:hi]`` that is not a thousands separator (2,000)."""
    k = m.rfind(",", lo, hi)
    while k > lo and m[k - 1:k].isdigit() and m[k + 1:k + 2].isdigit():
        k = m.rfind(",", lo, k)
    return k


_SUBORD = re.compile(r"(?:(?:when|as|while|after|before|because|since|and|but|then|so|"
                     r"such\s+as|whom|where|which|who|that|"
                     r"although|though|if|until|once|where|whereas|That|When|As|While|After|"
                     r"Before|Because|Since|And|But|Then|So|Although|Though|If)\s+)+")
_COLON_NAME = re.compile(
    r"(?:^|[-–—]\s|\bAccording\s+to\s+|\baccording\s+to\s+|\bFrom\s+)"
    r"(?P<name>(?:[A-Z][\w.’'\-]*\s+(?:and\s+|of\s+)?){0,4}[A-Z][\w.’'\-]*)\s*$")
_STRICT_AFTER = {"who", "which", "in", "on", "at", "during", "according", "after", "before",
                 "told", "adding", "referring", "to"}
_GERUND_BEFORE = {"in", "of", "for", "about", "from", "with", "on", "at", "to", "into",
                  "against", "than", "a", "an", "the", "without", "upon", "like", "his", "her",
                  "their", "its"}
_INVERTS = {"say", "add", "write", "ask", "explain", "note", "continue", "recall", "reply",
            "respond", "agree", "argue", "warn", "insist", "tweet", "declare", "state",
            "observe", "remark", "conclude", "answer", "counter", "predict", "suggest",
            "admit", "acknowledge", "claim", "complain", "joke", "quip", "read", "post",
            "go on to say"}
_FINITE_BEFORE = {"to", "will", "would", "can", "could", "may", "might", "must", "should",
                  "did", "does", "do", "he", "she", "they", "we", "i", "you", "who", "also",
                  "not", "n’t", "often", "always", "never", "which", "that", "and", "later",
                  "then", "it", "repeatedly", "has", "have", "had"}
_CAPRUN = re.compile(r"(?:the\s+|The\s+)?(?:[A-Z][\w.&’'\-]*)(?:\s+(?:of\s+)?[A-Z][\w.&’'\-]*)*")
_CHANNEL_RE = re.compile(
    r"(?<![\w’'])(?:(?:as\s+)?(?:quoted|reported|carried|cited|relayed|published|broadcast)"
    r"\s+by|according\s+to|told|(?:in\s+an?\s+)?interview\s+with|speaking\s+to|"
    r"in\s+comments\s+to|in\s+remarks\s+to|to)\s+")


def _clause_stop(m: str, pos: int, se: int) -> int:
    """End of the phrase after a cue: the next quotation mark or the sentence end."""
    q = m.find("“", pos, se)
    return q if q >= 0 else se


_PUNCT_GAP = " \n\t,.!?—–-:;\u00a0"
_CONJ_GAP = re.compile(r"^[\s,.!?—–\-:;]*(?:(?:and|but|so|then|as)\s+)?$")


def _trail_ok(m: str, close_end: int, c: _Cue) -> bool:
    """The cue belongs to the quotation right before it (nothing but its speaker between)."""
    if c.sp is None:
        return False
    if c.inverted or c.kind == "according" or c.sp[0] < close_end or c.sp[0] > c.a:
        return m[close_end:c.a].strip(_PUNCT_GAP) == ""
    return bool(_CONJ_GAP.match(m[close_end:c.sp[0]]))


def find_quotes(text: str, sentences: Sequence[Sentence] | None = None, *,
                gender_of: Callable[[str], str | None] | None = None) -> list[Quote]:
    """All quotations and reported speech in ``text``, in order, with their speakers.

    ``sentences`` is ``korea_analysis.text.sentences(text)``, used for ``sentence_id`` only;
    pass it when you have it: computing it here (syntok) costs about twice the rest.
    ``gender_of(name)`` may return "male"/"female" (or "m"/"f") to help resolve "he"/"she";
    genders are otherwise read from honorifics and the pronouns that follow a name.
    """
    if sentences is None:
        from korea_analysis.text import sentences as _split_sentences
        sentences = _split_sentences(text)
    cues = load_cues()
    paras = paragraph_spans(text)
    pieces = _pair_marks(text, paras)
    eng = _Engine(text, cues, gender_of)
    m = eng.masked = _mask(text, pieces)
    by_para: dict[int, list[_Piece]] = {}
    for p in pieces:
        by_para.setdefault(p.para, []).append(p)
    slots: list[_Slot] = []
    indirect: list[tuple[_Cue, int, int]] = []
    colon: _Attr | None = None  # "He added:" ending the previous sentence
    split_cache: dict[int, list[tuple[int, int]]] = {}
    for pi, (pa, pb) in enumerate(paras):
        ps = by_para.get(pi, [])
        if not ps and not eng.has_cue(pa, pb):
            colon = None
            continue
        sents = split_cache[pi] = _split(m, pa, pb)
        sent_cues = [eng.sentence_cues(ss, se) for ss, se in sents]
        for si, (ss, se) in enumerate(sents):
            cs = sent_cues[si]
            qs = [p for p in ps if ss <= p.a - 1 < se]
            for qi, q in enumerate(qs):
                nxt = qs[qi + 1].a - 1 if qi + 1 < len(qs) else se
                prv = qs[qi - 1].b + 1 if qi else ss
                nxt_sent = (sents[si + 1], sent_cues[si + 1]) if si + 1 < len(sents) else None
                slot = _own_attribution(eng, q, cs, prv, nxt, se, nxt_sent)
                slot.colon = colon if slot.initial else None
                if slot.initial and slot.attr is None:
                    if si > 0:
                        slot.prev = _sentence_attr(eng, sents[si - 1], sent_cues[si - 1],
                                                   False)
                    elif q.a - 1 == pa and pi > 0:
                        pp = paras[pi - 1]
                        if pi - 1 not in split_cache:
                            split_cache[pi - 1] = _split(m, pp[0], pp[1])
                        last_sent = split_cache[pi - 1][-1]
                        slot.prev = _sentence_attr(eng, last_sent,
                                                   eng.sentence_cues(*last_sent), True)
                slots.append(slot)
                colon = None
            last = cs[-1] if cs else None
            colon = None
            if last is not None and last.sp and m[last.b:se].rstrip().endswith(":"):
                colon = _Attr(last.sp, last.role, last, last.channel, "context")
            for c in cs:
                if not c.used and c.sp and (c.kind in ("passive", "according") or
                                            c.form in cues.indirect_forms) and not (
                        c.kind == "verb" and _ing(c.form) and
                        m[max(ss, c.a - 2):c.a].strip() != ","):
                    # ("an agreement pledging support" is not reported speech)
                    clause = c.clause or _clause_before(m, c, ss, se)
                    if clause:
                        indirect.append((c, clause[0], clause[1]))
    _context_pass(slots, paras)
    found = [(s.q, s.attr, s.kind) for s in slots]
    return _build(eng, found, indirect, sentences)


@dataclass(slots=True)
class _Slot:
    """A quoted piece while attributing: its own cue (if any), then context."""

    q: _Piece
    attr: _Attr | None
    starts: bool  # nothing but a cue clause before it in its sentence
    ends: bool  # nothing but a cue clause after it
    initial: bool  # first thing in its sentence
    kind: str = "term"
    colon: _Attr | None = None
    prev: _Attr | None = None  # the speaker of the sentence before


def _own_attribution(eng: _Engine, q: _Piece, cs: list[_Cue], prv: int, nxt: int, se: int,
                     nxt_sent) -> _Slot:
    """The cue in the quotation's own sentence: right after it, before it, or later."""
    m = eng.masked
    o = q.a - 1
    close_end = q.b + 1 if q.closed else q.b
    attr = trail = None
    for c in cs:  # 1. right after the closing mark
        if close_end <= c.a < nxt and c.kind != "nominal":
            if _trail_ok(m, close_end, c):
                trail = _Attr(c.sp, c.role, c, c.channel, "trail")
            break
    lead = None
    for i, c in enumerate(reversed(cs)):  # 2. the nearest cue before the opening mark
        if c.b <= o and c.sp and (c.kind != "nominal" or _near_nominal(eng, c, o)):
            # "Trump said he believes …": the reporting verb outside owns the quotation
            outer = [d for d in cs[:len(cs) - 1 - i] if d.sp and d.kind == "verb" and
                     d.b <= c.sp[0] and not _ing(d.form)]
            if outer and m[c.sp[0]:c.sp[1]].lower() in _NESTED_PRONOUNS and \
                    eng.cues.forms.get(c.form) in _MENTAL and \
                    _ADJACENT.match(m, c.b, o + 1) is None:
                c = outer[-1]
            lead = _Attr(c.sp, c.role, c, c.channel, "lead")
            break
    adjacent = lead is not None and lead.cue is not None and \
        _ADJACENT.match(m, lead.cue.b, o + 1) is not None
    if trail is not None and lead is not None and (
            trail.cue.clause is not None or
            re.search(r"\b(?:and|but|so|then|as)\b", m[close_end:trail.sp[0]])):
        trail = None  # “…” and he said he hoped …: the cue before owns the quotation
    colon = m.rfind(":", prv, o) if m[prv:o].rstrip().endswith(":") else -1
    if trail is not None:
        attr = trail
    elif lead is not None and (adjacent or colon < 0 or not re.search(
            r"[,;”\x00]", m[lead.cue.b:colon])):  # "The ministry urged restraint: “…”"
        attr = lead
    elif colon >= 0:  # "He gave the Texan a back-handed compliment: “…”"
        np = eng.colon_name(prv, colon) or eng.clause_subject(prv, colon) or \
            eng.initial_subject(prv, colon)
        if np is not None:
            attr = _Attr((np[0], np[1]), np[2], None, None, "lead")
        else:
            attr = lead
    if attr is None:  # 3. a later cue that ends the sentence; "according to X" wins
        later = [c for c in cs if c.a >= close_end and c.sp and c.kind != "nominal" and
                 (c.kind == "according" or _ends_sentence(m, c, se))]
        acc = [c for c in later if c.kind == "according"]
        c = (acc or later or [None])[0]
        if c is not None:
            attr = _Attr(c.sp, c.role, c, c.channel, "after")
    if attr is None and nxt_sent is not None and q.closed and \
            m[close_end:se].strip() == "":  # "…?” Todd asked the real estate mogul.
        (ns, ne), ncs = nxt_sent
        c = ncs[0] if ncs else None
        asked = eng.text[q.b - 1:q.b] in "?!"
        if c is not None and c.kind == "verb" and _trail_ok(m, ns, c) and (
                asked or c.clause is None and len(m[max(c.b, c.sp[1]):ne].split()) <= 8):
            attr = trail = _Attr(c.sp, c.role, c, c.channel, "trail")
    if attr is not None and attr.cue is not None:
        attr.cue.used = True
    before = m[prv:o]
    initial = before.strip(" \n\u00a0") == ""
    starts = initial or (attr is not None and attr.via == "lead" and
                         before.rstrip().endswith((",", ":", "—")))
    ends = (not q.closed or m[close_end:nxt].strip(_PUNCT_GAP) == "" or trail is not None)
    return _Slot(q, attr, starts, ends, initial)


def _ends_sentence(m: str, c: _Cue, se: int) -> bool:
    """``…, Park added.``: nothing but an adverbial follows the cue and its speaker."""
    end = max(c.b, c.sp[1], c.role[1] if c.role else 0)
    rest = m[end:se]
    q = rest.find("“")
    rest = rest[:q] if q >= 0 else rest
    return len(rest.split()) <= 10 and not re.search(r"\bthat\b", rest)


_OPENS_CLAUSE = re.compile(r"\S+\s*(?:that\b|:|,?\s*“)")
_QUOTE_END = {",”", ".”", "?”", "!”"}
_WITH_NP = re.compile(r"\bwith\s+(?:(?:the|a|an)\s+)?(?:[\w.’'\-]+\s+){1,8}$")
_AUX = {"has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could",
        "should", "may", "might", "must", "did", "does", "do"}
_MENTAL = {"think", "believe", "agree", "hope", "expect", "feel", "know", "fear", "worry",
           "doubt", "suspect", "wonder"}
_NESTED_PRONOUNS = {"he", "she", "they", "we", "i", "it"}
_ADJACENT = re.compile(r"[ \t]*[,:]?[ \t\n]*“")


def _near_nominal(eng: _Engine, c: _Cue, o: int) -> bool:
    """``Choe's characterization of … as an “…”``: the quotation follows closely, and is
    not the predicate of the noun (``said Trump's remarks “have had …”``)."""
    m = eng.masked
    between = m[c.b:o]
    if len(between.split()) > 10 or re.search(r"[,;:\x00”]|\b(?:that|but|which)\b", between):
        return False
    if c.form in eng.cues.nominal_as:  # "Choe's characterization of … as an “…”"
        return re.search(r"\bas\b", between) is not None
    return between.strip(" ,:") == ""  # "in Kim's words, “…”"


def _context_pass(slots: list[_Slot], paras) -> None:
    """Quotations without a cue of their own take the speaker from context, then get a kind."""
    groups: dict[int, _Attr] = {}
    for s in slots:
        if s.attr is not None and s.attr.sp is not None:
            groups.setdefault(s.q.group, s.attr)
    last_by_para: dict[int, _Attr] = {}
    for i, s in enumerate(slots):
        q = s.q
        prev = last_by_para.get(q.para)
        grouped = q.group in groups and (q.cont or not q.closed or any(
            o.q.group == q.group and o is not s for o in slots[max(0, i - 3):i + 4]))
        if s.attr is None and grouped and (q.cont or prev is None):
            s.attr = _carry(groups[q.group])
        elif s.attr is None and s.initial:
            later = [o.attr for o in slots[i + 1:i + 6] if o.q.para == q.para and
                     o.attr is not None and o.attr.via == "trail"]
            if s.prev is not None and (prev is None or s.prev.sp[0] > prev.sp[0]):
                s.attr = s.prev  # the sentence just before names a speaker
            elif prev is not None:
                s.attr = _carry(prev)
            elif later:
                s.attr = _carry(later[0])
            elif s.colon is not None:
                s.attr = _carry(s.colon)
            elif q.a - 1 == paras[q.para][0] and q.para - 1 in last_by_para:
                s.attr = _carry(last_by_para[q.para - 1])
        if s.attr is not None and s.attr.sp is not None:
            last_by_para[q.para] = s.attr
        if q.cont or (s.starts and s.ends and (s.attr is not None or s.initial)):
            s.kind = "direct" if s.attr is not None or _sentence_like(s) else "term"
        elif s.attr is not None:
            s.kind = "partial"
        else:
            s.kind = "term"


def _sentence_attr(eng: _Engine, span: tuple[int, int], cs: list[_Cue], subject: bool
                   ) -> _Attr | None:
    """Who speaks in a sentence: its first cue's speaker (later ones tend to sit in relative
    or participle clauses: "said Murphy, who thinks …"), or (``subject``) a named subject."""
    for c in cs:
        if c.sp and c.kind != "nominal" and \
                eng.masked[c.sp[0]:c.sp[1]].lower() not in ("who", "which", "that"):
            return _Attr(c.sp, c.role, None, c.channel, "context")
    if not subject:
        return None
    np = eng.initial_subject(span[0], span[1], strict=True)
    if np is None:
        return None
    words = eng.masked[np[0]:np[1]].split()
    if len(words) > 5 or not (all(_cap(w) for w in words) or
                              words[0].lower() in eng.cues.subject_pronouns):
        return None
    return _Attr((np[0], np[1]), np[2], None, None, "context")


def _carry(a: _Attr) -> _Attr:
    return _Attr(a.sp, a.role, None, a.channel, "context")


def _sentence_like(s: _Slot) -> bool:
    """A full quoted sentence without a cue still counts as a direct quotation."""
    return s.q.b - s.q.a >= 20 and s.q.closed


_CLAUSE_TAIL = re.compile(
    r"(?:(?:on|in|at|last|this|late|early|earlier|later|during|after|on\s+\w+)\b[^,.;\x00“”]{0,50}"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\b"
    r"[^,.;\x00“”]{0,30}|,[^\x00“”]{0,120})?[.!?]*\s*$")


def _clause_before(m: str, c: _Cue, ss: int, se: int) -> tuple[int, int] | None:
    """``The alliance is strong, Yoon said.``: the clause before a sentence-final cue."""
    if c.sp is None:
        return None
    end = min(c.a, c.sp[0])
    rest = m[max(c.b, c.sp[1]):se].lstrip()
    if end <= ss or not _CLAUSE_TAIL.match(rest[:80]):
        return None
    cut = m.rfind(",", ss, end)
    if cut < 0:
        return None
    a, b = _strip_punct(ss, cut, m)
    if b - a < 8 or "\x00" in m[a:b] or len(m[a:b].split()) < 3:
        return None
    return a, b


def _split_title(eng: _Article, a: int, b: int) -> tuple[tuple[int, int], tuple[int, int] | None]:
    """``North Korean Foreign Minister Choe Son-hui`` -> name span and title (role) span."""
    t = eng.text
    toks = [(x.start(), x.end()) for x in re.finditer(r"\S+", t[a:b])]
    toks = [(a + x, a + y) for x, y in toks]
    last = -1
    for i, (x, y) in enumerate(toks[:-1]):
        w = t[x:y].rstrip(",")
        if w in eng.cues.titles or w.rstrip(".") + "." in eng.cues.titles:
            last = i
    if last < 0:
        # "Cruz constituent Dan Golvach": a lower-case word before a final name
        k = len(toks)
        while k > 0 and _cap(t[toks[k - 1][0]:toks[k - 1][1]]):
            k -= 1
        if 0 < k < len(toks) and len(toks) - k >= 2 and t[toks[k - 1][0]:toks[k - 1][1]] \
                .lower() not in _NP_INNER | _DETS and t[toks[k - 1][0]:toks[k - 1][1]] \
                .islower():
            last = k - 1
        else:
            return (a, b), None
    rest = toks[last + 1:]
    if not rest or not all(_cap(t[x:y]) or t[x:y] in _NAME_CONNECT for x, y in rest):
        return (a, b), None
    if any(t[x:y].rstrip(",.’'s") in _NOT_PERSON for x, y in rest) and len(rest) == 1:
        return (a, b), None
    return (rest[0][0], rest[-1][1]), (a, toks[last][1])


_BODY_HEAD = re.compile(r"^(?:the|this|that|its|their)\s+(?:[\w’'\-]+\s+){0,3}?([a-z][\w\-]*)$",
                        re.I)


def _speaker(eng: _Article, sp: tuple[int, int], speakers: list[tuple[int, str]]
             ) -> tuple[str, tuple[int, int], str | None]:
    """Resolve a speaker mention: the name as given in full, its span, and a title role."""
    t = eng.text
    a, b = sp
    both = re.search(r"\s+and\s+(?=[A-Z])", t[a:b])
    if both and _cap(t[a:b]):  # "Secretary Lloyd Austin and Defense Secretary Suh Wook"
        (n1, e1), t1 = _split_title(eng, a, a + both.start())
        (n2, e2), t2 = _split_title(eng, a + both.end(), b)
        if _looks_person(t[n1:e1]) and _looks_person(t[n2:e2]):
            names = [eng.full_name(t[n1:e1], n1), eng.full_name(t[n2:e2], n2)]
            titles = [t[r[0]:r[1]] for r in (t1, t2) if r]
            return " and ".join(names), (n1, e2), "; ".join(titles) or None
    (na, nb), title = _split_title(eng, a, b)
    mention = t[na:nb]
    role = t[title[0]:title[1]] if title else None
    low = mention.lower()
    if low in ("who", "which"):  # "Loretta E. Lynch, who told Congress: “…”"
        end = na
        while end > 0 and t[end - 1] in " ,\n":
            end -= 1
        ante = eng._scan_back(max(0, end - 150), end)
        if ante is not None and t[ante[0]:ante[1]].lower() not in ("who", "which"):
            name, _, title = _speaker(eng, ante, speakers)
            return name, (na, nb), role or title
        return mention, (na, nb), role
    if low in eng.cues.subject_pronouns:
        return eng.resolve_pronoun(mention, na, speakers), (na, nb), role
    words = mention.split()
    if len(words) == 1 and _cap(mention):
        core = mention.rstrip("’'s") if mention.endswith(("’s", "'s")) else mention
        return eng.full_name(core, na), (na, nb), role
    if len(words) >= 2 and all(_cap(w) for w in words):
        return mention, (na, nb), role
    mm = _BODY_HEAD.match(mention)
    if mm and mm.group(1).lower() in eng.cues.bodies and role is None:
        role = _body_description(t, mm.group(1), na)
    return mention, (na, nb), role


@lru_cache(maxsize=256)
def _body_pattern(head: str) -> re.Pattern:
    return re.compile(r"(?<![\w’'])(?:an?|the)\s+(?:[\w’'\-]+\s+){0,3}?" + re.escape(head) +
                      r"(?:\s+(?:released|issued|published|carried|posted|sent|read|from|by|of)"
                      r"\b[^,.;:“”\"\n]*)", re.I)


def _body_description(text: str, head: str, pos: int) -> str | None:
    """``the statement`` -> its first fuller mention (``a statement released by …``)."""
    best = None
    for mm in _body_pattern(head).finditer(text, 0, pos):
        best = mm
    if best is None:
        return None
    return re.sub(r"\s+", " ", best.group(0)).strip()


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _build(eng: _Engine, found, indirect, sentences: Sequence[Sentence]) -> list[Quote]:
    """Quote records in text order, speakers resolved against what came before."""
    text = eng.text
    starts = [s.start for s in sentences]
    items: list[tuple[int, int, Any]] = []
    for q, attr, kind in found:
        a, b = _trim(text, q.a, q.b)
        if b > a:
            items.append((a, b, (attr, kind)))
    for c, a, b in indirect:
        items.append((a, b, (_Attr(c.sp, c.role, c, c.channel, "indirect"), "indirect")))
    items.sort(key=lambda x: (x[0], x[1]))
    out: list[Quote] = []
    speakers: list[tuple[int, str]] = []
    for a, b, (attr, kind) in items:
        qt = Quote(text[a:b], a, b, kind=kind)
        si = bisect.bisect_right(starts, a) - 1
        qt.sentence_id = si if si >= 0 else None
        if attr is not None and attr.sp is not None:
            name, (sa, sb), title = _speaker(eng, attr.sp, speakers)
            qt.speaker, qt.speaker_start, qt.speaker_end = name, sa, sb
            role = text[attr.role[0]:attr.role[1]] if attr.role else None
            qt.role = role or title
            if qt.role:
                qt.role = re.sub(r"\s+", " ", qt.role).strip(" ,()")
            if _looks_person(name) or not name[:1].islower():
                speakers.append((sa, name))
        if attr is not None:
            if attr.cue is not None:
                qt.cue = re.sub(r"\s+", " ", text[attr.cue.a:attr.cue.b])
            qt.channel = attr.channel
            if qt.channel and qt.speaker and qt.channel.lower() == qt.speaker.lower():
                qt.channel = None
        out.append(qt)
    return out
