"""The cue lexicon: ``speech_cues.yaml`` compiled into the patterns every step uses."""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from korea_analysis.quotes.words import DAY_NAMES


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


_DAYS = "(?:" + "|".join(DAY_NAMES) + ")"
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


def _first_chars(words: Sequence[str]) -> str:
    """A lookahead for the words' first characters: the engine rejects most positions at
    once instead of trying the lookbehind and the alternation (same matches)."""
    return "(?=[" + "".join(re.escape(c) for c in sorted({w[0] for w in words if w})) + "])"


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
        #: forms of the verbs that are cues only before a clause noun ("made assertions that")
        self.clause_noun_forms: set[str] = set()
        for lemma in data.get("clause_noun_verbs") or []:
            for f in irregular.get(lemma) or _inflect(lemma):
                if f not in self.forms:
                    self.forms[f] = lemma
                    self.indirect_forms.add(f)
                    self.clause_noun_forms.add(f)
        #: forms of those verbs that are cues right before "that" too ("reaffirmed that …")
        self.clause_that_forms = {f for lemma in data.get("clause_that_verbs") or []
                                  for f in irregular.get(lemma) or _inflect(lemma)
                                  } & self.clause_noun_forms
        self.that_next_re = re.compile(rf"\s+(?:(?:{_TIME})\s+)?that\s+")
        nouns = [n for w in data.get("clause_nouns") or [] for n in (w, w + "s")]
        #: after a cue: up to four words, a clause noun, "that" ("its previous stand that"),
        #: maybe a time between ("expressed hope on Saturday that")
        self.clause_noun_re = re.compile(
            r"\s+(?:[^\s,;:\x00“”]+\s+){0,4}?(?:" + (_alternation(nouns) or "(?!)") +
            rf")\s+(?:(?:{_TIME})\s+)?that\s+") if nouns else re.compile(r"(?!)")
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
        #: verbs whose clause may follow without "that" when a noun phrase and its verb open
        #: it ("says any sanctions would be …", "reported the North's military pledged …")
        self.bare_clause_verbs = set(data.get("bare_clause_verbs") or [])
        #: verbs that also take a noun object: a clause after them without "that" needs a
        #: verb ("stressed the importance of …" is the object)
        self.object_verbs = set(data.get("object_verbs") or [])
        #: verbs whose addressee and "to …" are a request reported ("urged X to …")
        self.request_verbs = set(data.get("request_verbs") or [])
        audiences = _alternation(list(data.get("audiences") or ["reporters"]))
        #: whom a speaker told: "reporters", "a televised briefing", "Reuters"
        self.told_whom_re = re.compile(
            r"\s*(?:(?:(?:the|a|an|his|her|their|its)\s+)?(?:[\w\-]+\s+){0,2}?"
            rf"(?:{audiences})s?(?![\w’'])|(?:the\s+)?[A-Z][\w’'.\-]*"
            r"(?:\s+[A-Z][\w’'.\-]*){0,3}(?=[\s,.]|$))")
        #: nouns that are no source after "according to" ("according to these parameters")
        self.according_not_sources = set(data.get("according_not_sources") or [])
        self.bodies = {b.lower() for b in data.get("bodies") or []}
        #: a surname alone after a title: "opposition leader Lee", "Mr. Lee" (pronouns)
        titled = list(self.titles) + ["Mr", "Mrs", "Ms"]
        self.titled_re = re.compile(
            _first_chars(titled) + r"(?<![\w’'\-])(?P<title>" + _alternation(titled)
            + r")[ \t]+(?P<name>[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?)(?![\w’'\-]|[ \t]+[A-Z])")
        heads = list(data.get("institution_heads") or [])
        self.institution_heads = set(heads)
        self.body_heads = {k: set(v) for k, v in (data.get("body_heads") or {}).items()}
        self.issued = set(data.get("issued") or [])
        #: more nouns for what a body publishes ("story", "readout"), and the two together
        self.published_more = frozenset(data.get("issued_more") or [])
        self.issued_all = frozenset(self.issued | self.published_more)
        #: title words that make up a title with no name ("Assistant Secretary-General")
        self.title_parts = frozenset(self.titles) | frozenset(data.get("title_parts") or [])
        #: sentence connectors that are never a speaker; lower-case -ly words that are nouns
        self.speaker_connectors = frozenset(data.get("speaker_connectors") or [])
        self.ly_nouns = frozenset(data.get("ly_nouns") or [])
        #: kin nouns ("the brother of X"): a relative named after them is somebody else
        self.kin = frozenset(data.get("kin") or [])
        self.named_after_heads = set(data.get("named_after_heads") or [])
        #: named outlets, case as written (an institution scan; "state media" is no name)
        named = [o for o in self.outlets if not o.islower()]
        self.named_outlet_re = re.compile(_first_chars(named) + r"(?<![\w’'\-])(?:" +
                                          _alternation(named) + r")(?![\w’'\-])")
        self.person_descriptions = {k: {w.lower() for w in v} for k, v in
                                    (data.get("person_descriptions") or {}).items()}
        #: the head nouns of one person described ("the official", "the envoy")
        self.person_heads = {w.rstrip(".") for k, v in self.person_descriptions.items()
                             for w in {k, *v} if w.isalpha()} | {"official", "diplomat"}
        #: nouns for whoever may speak without being one described person ("sources",
        #: "residents"; "the study", "the transcript") beside person heads and documents
        speaking = data.get("speaking_nouns") or {}
        self.people_heads = frozenset(self.person_heads | set(speaking.get("people") or []))
        self.speaking_nouns = frozenset(self.people_heads | self.issued_all
                                        | set(speaking.get("documents") or []))
        #: an institution's head word ("ministry", "Ministry"); the words before it are
        #: walked back in quotes.antecedents ("North Korea's state media")
        both = heads + [h[:1].upper() + h[1:] for h in heads]
        self.institution_head_re = re.compile(
            _first_chars(both) + r"(?<![\w’'\-])(?:" + _alternation(both) + r")(?![\w’'\-])")
        self.institution_modifiers = set(data.get("institution_modifiers") or [])
        pron = data.get("pronouns") or {}
        self.gender_of_pronoun = {w: g for g, ws in pron.items() for w in ws}
        self.subject_pronouns = {"he": "male", "she": "female", "they": "plural",
                                 "it": "neuter", "we": "plural", "i": None, "you": None,
                                 "who": None, "which": None}
        self.gender_words_re = re.compile(
            r"(?<![\w’'])(?:" + "|".join(
                sorted((w for g in ("male", "female") for w in pron.get(g, [])), key=len,
                       reverse=True)) + r")(?![\w’'])", re.I) if pron else None

    def told_whom(self, rest: str) -> int:
        """Length of the audience that opens ``rest`` (the text after "told"): "reporters",
        "a televised briefing", "Reuters"; 0 if none."""
        mm = self.told_whom_re.match(rest)
        return mm.end() if mm else 0


@lru_cache(maxsize=4)
def load_cues(path: str | None = None) -> Cues:
    """Read and compile the cue file (the bundled ``speech_cues.yaml`` by default); cached."""
    if path is None:
        raw = resources.files("korea_analysis").joinpath("speech_cues.yaml").read_text("utf-8")
    else:
        with open(path, encoding="utf-8") as fh:
            raw = fh.read()
    return Cues(yaml.safe_load(raw) or {})


_PASSIVE_STOPS = ",.;:“”\x00"
