"""The speaker a cue points at: inverted, leading, participle and clause subjects,
plus the reported clause after the cue and the outlet that relays it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from korea_analysis.quotes.candidates import _ADVERB, _DATELINE_LEAD, _TIME_PHRASE, _Article
from korea_analysis.quotes.names import _looks_person
from korea_analysis.quotes.words import (
    _AFTER_STOP,
    _AUX,
    _BE,
    _CAP_STOP,
    _DETS,
    _INVERTS,
    _NP_INNER,
    _NP_STOP,
    _PREPS,
    _STRICT_AFTER,
    _TOKEN,
    _VERBISH,
    _WEEKDAYS,
    _WITH_NP,
    DAYS_RE,
    MONTHS_RE,
    _cap,
    _clause_stop,
    _ing,
    _last_comma,
    _strip_punct,
)


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
    cited: bool = False  # "quoted X as saying …": a quotation verb that reports a clause


_SUBORD = re.compile(r"(?:(?:when|as|while|after|before|because|since|and|but|then|so|"
                     r"such\s+as|whom|where|which|who|that|"
                     r"although|though|if|until|once|where|whereas|That|When|As|While|After|"
                     r"Before|Because|Since|And|But|Then|So|Although|Though|If)\s+)+")
_COLON_NAME = re.compile(
    r"(?:^|[-–—]\s|\bAccording\s+to\s+|\baccording\s+to\s+|\bFrom\s+)"
    r"(?P<name>(?:[A-Z][\w.’'\-]*\s+(?:and\s+|of\s+)?){0,4}[A-Z][\w.’'\-]*)\s*$")


_CAPRUN = re.compile(r"(?:the\s+|The\s+)?(?:[A-Z][\w.&’'\-]*)(?:\s+(?:of\s+)?[A-Z][\w.&’'\-]*)*")
_CHANNEL_RE = re.compile(
    r"(?<![\w’'])(?:(?:as\s+)?(?:quoted|reported|carried|cited|relayed|published|broadcast)"
    r"\s+by|according\s+to|told|(?:in\s+an?\s+)?interview\s+with|speaking\s+to|"
    r"in\s+comments\s+to|in\s+remarks\s+to|to)\s+")


#: the person an outlet quotes: "… cited Shoigu as saying", "quoted Kim Yo Jong as telling"
_CITED_AS = re.compile(r"\s+(?P<name>him|her|[A-Z][\w’'\-]+(?:[ \t]+[A-Z][\w’'\-]+){0,3}|"
                       r"(?:an?|the)[ \t]+(?:[\w’'\-]+[ \t]+){0,4}?[a-z]+)"
                       r"[ \t]+as[ \t]+(?:saying|telling|stating|adding|calling|warning)\b")
# ("… quoted a foreign ministry spokesman as saying": a described person)
#: between "as saying" and the clause it reports
_CITED_TAIL = re.compile(r"\s*(?:,\s*)?(?:that\s+)?")
#: "told Mr. Bush that …": the addressee (an honorific's dot too), then "that"
_TOLD_THAT = re.compile(r"\s*(?:(?:(?:Mr|Mrs|Ms|Dr|Gen|Sen)\.|[^\s,.;:\x00“”]+)\s+){1,5}?that\s+")
#: a time right after the cue ("said Monday it …", "said over the weekend that …")
_LEAD_TIME = re.compile(
    rf"\s+(?:(?:on\s+)?{DAYS_RE}|(?:yesterday|"
    r"today|tonight|last\s+(?:week|month|year|night)|over\s+the\s+weekend|"
    r"earlier\s+(?:this|in\s+the)\s+(?:week|month|day))\b)")
#: what follows a cue but opens no clause: a time, a place, an occasion ("said Friday during
#: a briefing", "told reporters after the meeting")
_NOT_CLAUSE = re.compile(r"\s+(?:(?:during|after|before|following|ahead|at|in|on|to|with|for|"
                         rf"from|by|while|when)\b|{DAYS_RE}|{MONTHS_RE})")


#: the first words of a clause reported without "that": a determiner, a pronoun, a name,
#: or a bare noun phrase and its auxiliary ("said funds could be moved", "two marines were")
_CLAUSE_OPENING = re.compile(
    r"\s+(?:(?:the|a|an|he|she|they|it|we|his|her|their|its|[A-Z]\w*)\b|"
    r"(?:[a-z][\w\-]*\s+){1,3}?(?:could|would|will|was|were|is|are|had|has|have|should|"
    r"might|may|must|can|did|died)\b)")
#: the verbs that report a clause without "that"
_BARE_CLAUSE_VERBS = frozenset({"say", "add", "tell", "note", "warn", "claim", "insist",
                                "argue", "predict", "stress", "confirm"})


class _CueSpeakers(_Article):
    """Who each cue points at (the part of the engine after finding the cue)."""

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
                    if k < 0 and np[2] is not None and m[np[1]:np[2][0]].strip() == ",":
                        # "According to Petrova, trade has grown …": no apposition, the clause
                        k, c.role = np[1], None
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
            apposed = self._apposed_participle(c, ss, se)
            if apposed is not None:  # "the council, saying it will not …, has made …"
                c.sp, c.clause = apposed
                return
            np = self.participle_subject(c, ss, earlier)
            if np:
                c.sp, c.role = (np[0], np[1]), np[2]
            noun = self.cues.clause_noun_re.match(m, c.b, se) \
                if c.form in self.cues.clause_noun_forms else None
            # ("by making wild remarks that …": the clause after the noun and "that")
            a, b = _strip_punct(noun.end() if noun else c.b, se, m)
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
        cited = _CITED_AS.match(m, c.b, se) if self.cues.forms.get(c.form) in (
            "quote", "cite") else None
        if cited is not None and (_looks_person(cited.group("name")) or cited.group(
                "name").split()[-1] in self.cues.person_heads or cited.group("name") in (
                "him", "her")):
            # "TASS cited Shoigu as saying": Shoigu speaks, the agency relays
            np = self.np_before(ss, c.a, through_quotes=embedded)
            c.sp = cited.span("name")
            c.cited = True
            tail = _CITED_TAIL.match(m, cited.end(), se)
            a, b = _strip_punct(tail.end(), se, m)
            if "\x00" not in m[tail.end():tail.end() + 1] and len(m[a:b].split()) >= 3:
                c.clause = (a, b)  # ("KCNA quoted Kim as saying the plant must …")
            if np:
                named = self.cues.named_outlet_re.search(m, np[0], np[1])
                c.channel = named.group(0) if named else self.outlet_name(
                    m[np[0]:np[1]]) or re.sub(r"\s+", " ", m[np[0]:np[1]])
                # ("the Russian state news agency TASS" -> TASS)
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

    def _apposed_participle(self, c: _Cue, ss: int, se: int):
        """``The council, saying it will not raise taxes, has made …``: a participle set off
        by commas between the sentence's subject and its verb. The subject (the noun phrase
        opening the sentence) and the clause up to the comma before the verb; None when the
        participle hangs on a clause instead ("…, the council said Monday, saying …")."""
        m = self.masked
        if not m[ss:c.a].rstrip().endswith(","):
            return None
        k = m.find(",", c.b, se)
        while k > 0 and m[k - 1:k].isdigit() and m[k + 1:k + 2].isdigit():
            k = m.find(",", k + 1, se)
        if k < 0:
            return None
        nxt = m[k + 1:se].split(None, 1)
        w = nxt[0] if nxt else ""
        if not (w in _AUX or w in _VERBISH or w in self.cues.forms and not _ing(w) or
                w.endswith("ed") and w.isalpha() and w.islower()):
            return None  # ("…, has made", "…, filed a protest": the sentence's verb)
        np = self.np_before(ss, c.a)
        if np is None:
            return None
        lead = m[ss:np[0]].strip()
        if lead and lead not in _CAP_STOP and not lead.endswith(","):
            return None  # (a verb before the participle: it hangs on that clause)
        a, b = _strip_punct(c.b, k, m)
        if b - a < 8 or len(m[a:b].split()) < 3 or "\x00" in m[a:b]:
            return None
        return (np[0], np[1]), (a, b)

    def participle_subject(self, c: _Cue, ss: int, earlier: list[_Cue]):
        """Who is "saying" in ``…, saying``: the subject of the clause the participle hangs on."""
        m = self.masked
        pre = m[ss:c.a].rstrip()
        for e in reversed(earlier):  # "…, said Hua, noting that …": the inverted speaker
            if e.sp and e.inverted and e.kind == "verb" and \
                    m[max(e.sp[1], e.role[1] if e.role else 0):c.a].strip() == ",":
                return e.sp[0], e.sp[1], e.role
            break
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
                if np and np[2] is None and a > ss:
                    # "The vice minister, Kim, has openly expressed …": the same name opening
                    # the sentence after its title in apposition keeps the title as its role
                    full = self.initial_subject(ss, hi)
                    if full and full[:2] == np[:2]:
                        return full
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
        w0 = rest.split(None, 1)[0]
        w = w0.lower()
        day = w0.rstrip(",.;:") in _WEEKDAYS  # "…, says Rodong Sinmun Wednesday in an article"
        # (“…,” said an official involved in the talks: a participle after the speaker)
        participle = w0.endswith("ed") and w0.isalpha() and w0.islower()
        if strict:  # (not a participle: "…, said North Korea coupled the test with …")
            # (but "…, said a statement issued by the commission": a participle and its agent)
            return w in _STRICT_AFTER or day or participle and re.match(
                r"\S+\s+by\s", rest) is not None
        return w != "that" and (w in _AFTER_STOP or day or participle or
                                _TIME_PHRASE.match(rest) is not None)  # ("… following a …")

    def _reported_clause(self, c: _Cue, se: int) -> tuple[int, int] | None:
        """What follows ``said`` / ``told reporters that``: the reported clause, if any."""
        m = self.masked
        pos = c.b
        rest = m[pos:se]
        mm = re.match(r"\s*(?:,\s*)?(?:that\s+|:\s*)", rest)
        if mm is None and self.cues.forms.get(c.form) in ("tell", "ask", "warn", "urge",
                                                           "assure", "inform", "remind"):
            mm = _TOLD_THAT.match(rest)
            if mm is None:
                mm = re.match(r"\s*(?:reporters|journalists|lawmakers|the\s+\w+|[A-Z]\w+)"
                              r"(?:\s+(?:on|in|at)\s+[A-Z]\w+)?\s*(?:,\s*)?", rest)
        if mm is None:
            mm = re.match(r"\s*(?:(?:on|in|at|during|late|early|last|this|over|after|following|"
                          r"before|earlier|later)\s+[^,.;:\x00“”]{1,90}?\s+)?that\s+", rest)
        if mm is None:  # "reiterated its stand that …", "made assertions that …"
            mm = self.cues.clause_noun_re.match(rest)
        if mm is None:
            # "said Monday it …" (a time, then the clause); not "said Friday during a …"
            lead = _LEAD_TIME.match(rest)
            if lead:
                pos, rest = pos + lead.end(), rest[lead.end():]
            if lead and not rest[:1].isspace():
                return None
            that = re.match(r"\s+that\s+", rest) if lead else None
            if that is not None:
                mm = that  # "said Thursday that …"
            elif not _NOT_CLAUSE.match(rest) and _CLAUSE_OPENING.match(rest) and \
                    self.cues.forms.get(c.form) in _BARE_CLAUSE_VERBS:
                mm = re.match(r"\s+", rest)
            else:
                return None
        a = pos + mm.end()
        if not mm.group().rstrip().endswith(("that", ":")) and _NOT_CLAUSE.match(" " + m[a:se]):
            return None  # "told reporters after the meeting": the clause is before the cue
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
        dateline = _DATELINE_LEAD.match(m, a, hi)
        if dateline is not None:
            a = dateline.end()  # "Pyongyang, March 14 (KCNA) -- On March 10, Jong …"
        first = m[a:hi].split(None, 1)
        if first and first[0].strip(",") in _CAP_STOP:
            c = m.find(",", a, hi)
            if c < 0:
                return None
            a = c + 1
        toks = [t.span() for t in _TOKEN.finditer(m, a, hi)]
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
            if i and core == w and i + 1 < len(toks) and (
                    _ADVERB.fullmatch(core) and core not in self.cues.ly_nouns and
                    m[toks[i + 1][0]].islower() or _TIME_PHRASE.match(m, x) is not None):
                break  # "The council on Thursday strongly condemned …": the council
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
