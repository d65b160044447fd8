"""Speaker candidates: the noun phrase before or after a cue, appositives and roles."""
from __future__ import annotations

import functools
import re
from typing import Any

from korea_analysis.quotes.names import _looks_person, _Names
from korea_analysis.quotes.words import (
    _AFTER_STOP,
    _AUX,
    _BE,
    _CAP_STOP,
    _DETS,
    _NAME_CONNECT,
    _NP_INNER,
    _NP_LEAD_STRIP,
    _NP_STOP,
    _PREPS,
    _TOKEN,
    _VERBISH,
    _WEEKDAYS,
    DAYS_RE,
    MONTHS_RE,
    _cap,
    _strip_punct,
)

#: lower-case words inside a title's portfolio ("Minister of Foreign Affairs")
_PORTFOLIO_JOIN = frozenset({"of", "for", "and", "the", "on", "to"})



#: first words of an occasion or time between a subject and its verb ("…, at a briefing on
#: Monday said")
_PLACE_TIME = frozenset({"in", "at", "on", "during", "after", "before", "following", "late",
                         "early", "last", "earlier", "later", "speaking"})

class _Article(_Names):
    """Per-article state: masked text, sentences, names seen, genders, attributions so far."""

    # --- noun phrase before a cue ---------------------------------------------------------

    def np_before(self, lo: int, hi: int, through_quotes: bool = False
                  ) -> tuple[int, int, tuple[int, int] | None] | None:
        """The speaker phrase ending at ``hi`` (a cue's start): ``(start, end, role_span)``.

        ``through_quotes``: a quotation inside the phrase is a title, not a boundary
        (``Washington, star of television's “Scandal,” thanked …``).
        """
        m = self.masked
        dateline = _DATELINE_LEAD.match(m, lo, hi)
        if dateline is not None:
            lo = dateline.end()  # "TEHRAN, Aug. 30 (Xinhua) -- …": the dateline is no subject
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
        w0 = m[start:hi].split()[:1]
        if c >= lo and w0 and w0[0].endswith("ing") and w0[0] in self.cues.forms and \
                m[hi:hi + 1] == ",":  # "the ministry, saying it will not …, has made …"
            np = self._appositive(lo, hi + 1, role)
            return None if np is None else (np[0], np[1], role)  # (the participle: no role)
        np = self._scan_back(start, hi)
        if np is None and c >= lo and m[c] == "," and w0 and w0[0] in _PLACE_TIME and \
                not re.search(r"[,;:—]", m[start:hi]):
            # "Boucher, a spokesman for …, in a press conference on Monday repeated": a time
            # or occasion between the subject (with its apposition) and the verb
            np = self._appositive(lo, c + 1, role)
            if np is not None:
                return np
        if np is None:
            return None
        if c >= lo and m[c] == "," and np[0] == start + len(m[start:np[0]]) - len(
                m[start:np[0]].lstrip()) and m[np[0]:np[1]][:1].islower() and role is None:
            head = _strip_punct(lo, c, m)
            if m[lo:head[0]].strip() == "" and self._part_kind(*head) == "name" and \
                    _looks_person(m[head[0]:head[1]]) and \
                    m[head[0]:head[1]].lower() not in self.cues.speaker_connectors:
                # "Liu Jianchao, spokesman of the Foreign Ministry said, “…”": the
                # apposition's closing comma left out; the name speaks
                return head[0], head[1], (np[0], np[1])
        rel = _REL_SUBJECT.match(m, start, hi) if np[0] > start else None
        if rel is not None and np[0] > rel.start("who") and role is None:
            head = rel.group("np").split()[-1]
            if _cap(rel.group("np")) or head.lower() in self.cues.people_heads or \
                    head.lower().rstrip("s") in self.cues.people_heads:
                # "Chinese officials who met with Kim in Beijing this week also said": the
                # officials, not the object of their relative clause
                return rel.start("np"), rel.end("np"), None
        if c >= lo and m[c] == "," and role is None and np[0] > start:
            seg = m[start:hi].split()
            head = _strip_punct(lo, c, m)
            if len(seg) >= 3 and seg[0] in self.cues.titles and " of " in m[start:hi] and \
                    m[lo:head[0]].strip() == "" and self._part_kind(*head) == "name" and \
                    _looks_person(m[head[0]:head[1]]):
                # "Rong Ying, Vice President of China Institute of International Studies
                # said": a capitalised title in apposition, its closing comma left out
                a0 = start + len(m[start:hi]) - len(m[start:hi].lstrip())
                return head[0], head[1], (a0, hi)
        to = _ENVOY_TO.search(m, np[0], np[1])
        if to is not None and role is None and not _cap(m[to.end():to.end() + 1]):
            # "The North Korean envoy to six-nation talks on …": the envoy speaks, the rest
            # says to what ("Ambassador to North Korea Alexander Matsegora" stays whole)
            return np[0], to.start() + len(to.group(1)), (to.start(), np[1])
        return np[0], np[1], role

    def _scan_back(self, lo: int, hi: int) -> tuple[int, int] | None:
        """Walk back from ``hi`` over the words a noun phrase can hold; stop at a clause word."""
        m = self.masked
        toks = [t.span() for t in _TOKEN.finditer(m, lo, hi)]
        ly_nouns = self.cues.ly_nouns
        while len(toks) > 1 and _ADVERB.fullmatch(m, *toks[-1]) and \
                m[toks[-1][0]:toks[-1][1]] not in ly_nouns:
            toks.pop()  # "Moon reportedly half-jokingly asked": the adverbs are no speaker
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
                if (wl in ("to", "with") or wl in _PREPS) and j >= 2 and j < len(toks) and \
                        m[toks[j - 2][0]:toks[j - 2][1]].endswith("ing") and \
                        m[toks[j - 2][0]:toks[j - 2][1]].islower():
                    # "Another source speaking to Fox News said", "Marchers walking through
                    # the square chanted": skip the participle phrase
                    np = self._scan_back(lo, toks[j - 2][0])
                    if np is not None:
                        return np
                if wl == "to" and j >= 2 and j < len(toks) and \
                        m[toks[j - 2][0]:toks[j - 2][1]] in _ENVOY_TITLES:
                    j -= 1  # "Russian Ambassador to North Korea Alexander Matsegora", "the
                    continue  # envoy to six-nation talks on …" (the words after passed)
                if wl in self.cues.noun_forms and (j >= 2 and (_noun_before(
                        m[toks[j - 2][0]:toks[j - 2][1]]) or j == len(toks) and
                        _cap(m[toks[j - 2][0]:toks[j - 2][1]])) or j < len(toks) and
                        (m[toks[j][0]:toks[j][1]].lower() in self.cues.institution_heads or
                         m[toks[j][0]:toks[j][1]].lower() in _broadcast_heads(self.cues)) and
                        (j == 1 or _cap(m[toks[j - 2][0]:toks[j - 2][1]]))):
                    j -= 1  # "the report said", "Korea's state media said", "state media said",
                    # "the IMF report said" (a name before the noun, right before the cue),
                    # "North Korean state media warned" (a name, the noun, an institution)
                    continue
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
        if len(toks) > 2 and m[toks[0][0]:toks[0][1]] in _PARTICLES and \
                m[toks[1][0]:toks[1][1]] in _PREPS:
            toks = toks[2:]  # "a communique read out on state radio said": the radio
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
        if len(toks) > 12 and (len(toks) > 16 or not (
                m[toks[0][0]:toks[0][1]].lower() in ("a", "an") and
                m[toks[1][0]:toks[1][1]].lower() in self.cues.person_heads)):
            # too long for a subject (but "A spokesman for the foreign ministry of the
            # Democratic People's Republic of Korea" is one): keep the trailing name, if any
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
        if w0.endswith("ing") and w0 in self.cues.forms and len(words) > 1:
            return "desc"  # "the ministry, saying it will not …, has made": a participle
        for w in words[1:]:
            if w in ("who", "which", "that", "whose"):
                break
            if w in _AUX:
                return "clause"
        if w0.lower() in _DETS or not _cap(w0) or w0[:1].isdigit():
            return "desc"
        if (len(words) <= 10 and len(words) >= 4 and _looks_person(" ".join(words[-2:]))
                and all(_cap(w) or w in _PORTFOLIO_JOIN for w in words)
                and any(w in self.cues.titles for w in words[:-2])):
            return "name"  # "Chinese Vice Minister of Foreign Affairs Wu Dawei": a titled name
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
        for i, (a, b) in enumerate(parts):
            lead = _LEAD_CONJ.match(m, a, b)
            if lead is not None and i and lead.end() < b:
                parts[i] = (lead.end(), b)  # "…, while Yang Chang-Seok, a spokesman …, warned"
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
                         and _cap(m[parts[k - 1][0]:parts[k - 1][1]].split()[-1])
                         and not self._titled_person(parts[k - 1], parts[k]))
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

    def _titled_person(self, desc: tuple[int, int], name: tuple[int, int]) -> bool:
        """``The British Ambassador to the UN, Karen Pierce``: a title, then a person's name
        (not a place after a description: ``a farmer in Ames, Iowa``)."""
        m = self.masked
        words = m[name[0]:name[1]].split()
        return len(words) >= 2 and _looks_person(" ".join(words)) and any(
            w in self.cues.titles for w in m[desc[0]:desc[1]].split())

    # --- noun phrase after a cue ----------------------------------------------------------

    def np_after(self, pos: int, hi: int) -> tuple[int, int, Any] | None:
        """``said Park Won-gon, a professor …``: the speaker after an inverted cue."""
        m = self.masked
        toks = [t.span() for t in _TOKEN.finditer(m, pos, hi)]
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
        prev_word = prev_low = ""
        for i, (a, b) in enumerate(toks):
            w = m[a:b]
            core = w.rstrip(",.;:)")
            if core == "to" and w == core and prev_word in _ENVOY_TITLES and i + 1 < len(toks) \
                    and (_cap(m[toks[i + 1][0]:toks[i + 1][1]]) or
                         m[toks[i + 1][0]:toks[i + 1][1]] == "the"):
                end, n, prev_word = b, n + 1, core  # "the British ambassador to the UN, …"
                continue
            prev_word = core
            if core == "without" and n and m.startswith("Portfolio", b + 1):
                end, n, prev_low = b, n + 1, core  # "Minister without Portfolio X": one title
                continue
            if n and (core.lower() in _AFTER_STOP or core in _WEEKDAYS) and not _cap(w):
                break
            if n and _TIME_PHRASE.match(m, a) is not None:
                break  # "said Minister X following a meeting with …"
            if n == 1 and core in _WEEKDAYS and m[toks[0][0]:toks[0][1]].lower() in _DETS:
                end = a + len(core)  # "a Wednesday editorial"
                n += 1
                continue
            cl = core.lower()
            if n >= 2 and cl.endswith("ed") and core.isalpha() and core.islower() and \
                    prev_low not in _DETS and not prev_low.endswith("ly"):
                break  # "said a senior official involved in the talks": a participle after
            prev_low = cl
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


#: a dateline opening a story: a city in capitals, maybe a date and an agency, then a dash
_DATELINE_LEAD = re.compile(r"\s*(?:[A-Z]{2,}[A-Z’' .\-]*(?:,[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+"
                            r"\d{1,2})?|[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?,[ \t]+[A-Z][a-z]{2,8}\.?"
                            r"[ \t]+\d{1,2})[ \t]*(?:\([A-Za-z][^()\n]{0,30}\)[ \t]*)?"
                            r"(?:--|—|–|-)[ \t]+")
# ("Pyongyang, March 14 (KCNA) -- …": a city in title case needs its date)
#: a subject with a restrictive relative clause before its verb: "Officials who met Kim …"
_REL_SUBJECT = re.compile(r"[ \t]*(?P<np>(?:[A-Z][\w.’'\-]*|the|The|[Tt]wo|[Tt]hree|[Ss]ome|"
                          r"[Ss]everal|[Mm]any)(?:[ \t]+[\w.’'\-]+){0,5}?)[ \t]+(?P<who>who)[ \t]"
                          r"[^,;:“”\x00\n]+$")
#: a conjunction opening a new clause whose subject is set off by an apposition
_LEAD_CONJ = re.compile(r"(?:while|whereas|but|and|although|though)[ \t]+(?=[A-Z])")
#: a lower-case adverb in -ly ("reportedly", "half-jokingly")
_ADVERB = re.compile(r"[a-z]+(?:-[a-z]+)*ly")
#: a time or occasion after a subject, before its verb: "on Thursday", "in March", "during
#: a visit", "following a meeting", "amid …" (the subject ends before it)
_TIME_PHRASE = re.compile(r"(?:(?:on|in|at|since|until|by|early|late|last|this|next)[ \t]+"
                          r"(?:" + DAYS_RE + "|" + MONTHS_RE + r"|\d)|(?:during|following|amid|"
                          r"despite|ahead[ \t]+of|upon)[ \t])")


#: verb particles left before a phrase when a verb stopped the walk back ("read out on …")
_PARTICLES = frozenset({"out", "up", "off", "down", "back", "over"})


@functools.lru_cache(maxsize=4)
def _broadcast_heads(cues) -> frozenset[str]:
    """``broadcast_heads`` of the cue file ("television", "radio")."""
    return frozenset(cues.data.get("broadcast_heads") or [])


def _noun_before(word: str) -> bool:
    """A determiner or a possessive: the word after it is a noun ("the report", "Korea's state")."""
    return word.lower() in ("the", "a", "an", "this", "its", "their") or word.endswith(("’s", "'s"))


_ENVOY_TITLES = {"Ambassador", "Envoy", "Representative", "ambassador", "envoy",
                 "representative", "Emissary", "emissary"}
_ENVOY_TO = re.compile(r"(?<![\w’'\-])(" + "|".join(sorted(_ENVOY_TITLES)) + r")\s+to\s+")
