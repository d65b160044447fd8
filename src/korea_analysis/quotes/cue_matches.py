"""Cue words found in the masked text, one sentence at a time, noun uses filtered out."""
from __future__ import annotations

import bisect
import re

from korea_analysis.quotes.cue_speakers import _Cue, _CueSpeakers
from korea_analysis.quotes.cues import _DAYS, Cues
from korea_analysis.quotes.indirect import _ENDS_WITH_CUE
from korea_analysis.quotes.words import (
    _CAP_STOP,
    _DETS,
    _FINITE_BEFORE,
    _GERUND_BEFORE,
    _NAMING,
    _NP_STOP,
    _OPENS_CLAUSE,
    _PREPS,
    _QUOTE_END,
    _TOKEN,
    DAYS_RE,
    MONTHS_RE,
    _cap,
    _ing,
    _occurrences,
    _strip_punct,
)

_PARENTHETICAL_BEFORE = re.compile(r",\s*(?:the|a|an|this|that|its)\s+(?:[\w’'\-]+\s+){0,2}"
                                   r"(?=\S*$)")
_THAT = re.compile(r"\s*(?:,\s*)?(?:that\s+)?")
#: what follows a passive cue when it reports no clause: an occasion or a time
_OCCASION = re.compile(r"\s+(?:(?:in|at|during|on|after|before|following)\s+|"
                       + _DAYS + r"\b|(?:yesterday|today|tonight|last|earlier)\b)|\s*[.!?]?\s*$")
#: an occasion, then "that": "quoted as saying in an interview that …"
_LATER_THAT = re.compile(r"\s+[^,.;:\x00“”]{1,90}?\s+that\s+")


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


#: a cue denied or withheld: "does not say what …", "declined to say whether …"
_DENIED = re.compile(r"(?:\bnot|n[’']t|\bnever|\b(?:declined|refused)\s+to)\s+$")
#: a "clause" that is only a circumstance of the telling: "…, told Reuters, without
#: providing details"
_CIRCUMSTANCE = re.compile(r"(?:without|with|while|before|after|when)\s+[a-z]+ing\b")
#: "said that, for 14 years, the council had …": the clause after the comma
_THAT_OR_COLON = re.compile(r"(?<![\w’'])that(?![\w’'])|:")
#: a sign of a finite verb in a clause: an auxiliary, a negation, a subject pronoun, a past
#: form (not a participle before "by"), an irregular past, an -s form before its object
_FINITE_SIGN = re.compile(
    r"(?<![\w’'\-])(?:is|are|was|were|am|be|been|has|have|had|will|would|could|should|can|"
    r"may|might|must|shall|did|does|do|not|never|he|she|they|we|i|it|said|told|met|went|saw|"
    r"came|began|took|made|knew|thought|found|gave|became|left|got|kept|held|sent|won|lost|"
    r"fell|led|built|brought|sought|fought|stood|meant|wrote|broke|rose|grew|drew|spoke|"
    r"chose|felt|heard|paid|sold|understood|flew|ran|sat|struck|threw|spent|dealt|"
    r"swore|shook|hid|wants|needs|plans|hopes|seeks|intends|tries|"
    r"aims|refuses|continues|appears|seems|remains|[a-z]{3,}ed(?!\s+by\b)|[a-z]{2,}[^s\W]s(?=\s+"
    r"(?:a|an|the|that|no|its|his|her|their|this|these|those|up|out|on|in|for|with|about|"
    r"as|more|less|[a-z]+ly)\b|\s+[A-Z]))(?![\w’'\-])|n[’']t\b|(?<![\w’'\-])(?:I|It|He|She|They|We)(?![\w’'\-])")
_OF_DOING = re.compile(r"\bof\s+(?:[a-z]+ly\s+)?[a-z]{3,}ing\b")
#: a request's "to": "urged the North to return …" (the addressee, then what to do)
_EARLY_TO = re.compile(r"^(?:\S+\s+){0,4}?(?:not\s+)?to\s+[a-z]")


def _finite(clause: str) -> bool:
    """Whether a reported clause holds a verb (or is a request: "… to return", or what
    someone was told of)."""
    return bool(_FINITE_SIGN.search(clause) or _EARLY_TO.match(clause) or
                clause.startswith(("of ", "about ")) or  # ("told Kim of Japan's stance on …")
                _OF_DOING.search(clause))  # ("accusing the U.S. of exploiting …": the charge)


#: a pronoun object, then a preposition: "says this in a commentary", "said so on Monday"
_OBJECT_THEN_PREP = re.compile(r"(?:this|so|as\s+much)\s+(?:in|on|at|during|after|before|"
                               r"with|through|when|while|to)\s")
#: after a noun-like -s form, an object opening: a determiner or a name ("calls North Korea’s …")
_OBJECT_NEXT = re.compile(r"\S+\s+(?:the|a|an|its|his|her|their|this|these|those|"
                          r"[A-Z][\w’'.\-]*)\s")
#: a clause of circumstance: "as experts cautioned …", "while talks went on …"
_SUBORDINATE = re.compile(r"(?:as|while|when|after|before|because|since|though|although|"
                          r"even\s+as|amid)\s")
_THAT_COMMA = re.compile(r"\s*that\s*,\s*(?=\S)")
#: an occasion or a source between the cue and its clause: "said in a statement carried by
#: state-run KCNA news agency", "said in another statement, citing a different spokesman,",
#: "said, citing an unnamed government source,"
_OCCASION_LEAD = re.compile(
    r"(?:\s+(?:in|on|at|during|through)\s+(?:a|an|the|its|his|her|their|another|one)\s+"
    r"(?:[\w\-]+\s+){0,2}?(?:statement|interview|briefing|speech|message|letter|report|"
    r"commentary|post|address|conference)(?:\s+(?:carried|released|published|issued|"
    r"broadcast|aired|run)\s+by(?:\s+[^\s,.;:\x00“”]+){1,6}?(?=\s+(?:the|a|an|any|its|his|"
    r"her|their|this|these|no|all)\s))?)?(?:\s*,\s*citing\s+[^,.;:\x00“”]{1,80},)?")
def _skip_space(m: str, pos: int) -> int:
    while pos < len(m) and m[pos] in " \t\n\u00a0":
        pos += 1
    return pos


#: a run of capitalised words: a name ("North Korea", "South Korea")
_NAME_RUN = re.compile(r"\s*[A-Z][\w’'.\-]*(?:[ \t]+[A-Z][\w’'.\-]*)*")
_BUT = re.compile(r",\s+(?:but|while|whereas)\s")
#: "confirmed with his US counterpart that …", "told visiting President Hu last weekend
#: that …": a phrase without stops, then "that"
_WITH_THAT = re.compile(r"\s+(?:(?:with|to)\s+[^,.;:\x00“”]{1,60}?\s+)?that\s+(?=\S)")
_TOLD_THAT = re.compile(r"\s+(?:[^\s,.;:\x00“”]+\s+){1,9}?that\s+(?=\S)")
#: verbs with a person told before the clause
_TELLS = frozenset({"tell", "assure", "inform", "remind", "warn"})
#: a clause without "that": a noun phrase of up to thirteen words, then a finite verb
_NP_THEN_VERB = re.compile(
    r"\s+(?P<np>(?P<first>[\w’'.\-]+)(?:\s+(?!that\b)[\w’'.\-]+){0,12}?)\s+"
    r"(?:(?:is|are|was|were|had|has|have|will|would|could|should|might|may|must|can|did|does|"
    r"do)(?:n[’']t)?|[a-z]{3,}ed(?!\s+(?:by|on|in|at|from|as|for|under|with|into)\b)|"
    r"[a-z]{3,}[^s\W’']s(?=\s+(?:a|an|the|no|its|his|her|their|this|these|those)\s))"
    r"(?![\w’'\-])")
# (an -s form counts before its object: "said this hard-won situation needs a different …")
# (an -ed word before "by", "on" … is a participle: "the results based on …")
#: a request: "urged negotiators to show …", "pressed the two sides not to …"
_REQUEST = re.compile(r"\s+(?P<obj>(?:[\w’'.\-]+\s+){1,5}?(?:not\s+)?to\s+[a-z]+)")
#: a noun phrase of determiners alone is none ("said this week's …" has its noun after)
_DETS_ONLY = re.compile(r"(?:the|a|an|this|that|these|those|its|his|her|their)$")
#: a time between a cue and its clause: "announced last week it …", "admitted in 2002 it …"
_LEAD_WHEN = re.compile(
    rf"\s+(?:(?:in|by)\s+(?:(?:early|late|mid-?)\s*)?(?:{MONTHS_RE}\s*)?(?:1[89]|20)\d\d\b|"
    rf"(?:in|on)\s+{MONTHS_RE}(?:\s+\d{{1,2}}\b)?|(?:on\s+)?{DAYS_RE}|"
    r"(?:last|this|earlier\s+this|late\s+last|early\s+this)\s+(?:week|month|year|weekend)\b|"
    r"(?:yesterday|today|earlier|previously|later)\b)(?:\s*,)?")
#: a fronted condition, then the comma before its main clause: "said if X …, Y will …"
_CONDITION = re.compile(r"\s+(?P<cond>(?:if|unless|given|although|though|because|once|despite)"
                        r"\s[^,;:\x00“”]{3,120}?),\s")
#: a clause opened by a subject pronoun and its verb: "it would cut …", "they had agreed …"
_PRONOUN_CLAUSE = re.compile(
    r"\s+(?P<np>(?:it|he|she|they|we)\s+(?:is|are|was|were|had|has|have|will|would|could|"
    r"should|might|may|must|can|did|does|do|[a-z]{3,}ed)\b|(?:it|he|she)\s+[a-z]{2,}[^s\W]s\b)")
#: "a spokesman for the DPRK Foreign Ministry", "the ceremonial leader of the DPRK"
_INVERTED_DET = re.compile(r"(?:a|an|the|one\s+of\s+the)\s+")
_OF_NAME = re.compile(r"\s+(?:of|for|to|at)\s+(?:the\s+)?[A-Z][\w’'.\-]*"
                      r"(?:\s+(?:of\s+)?[A-Z][\w’'.\-]*)*")
_FINITE_AFTER = re.compile(r"\s+(?:is|are|was|were|had|has|have|will|would|could|should|"
                           r"might|may|must|can|did|does|do)\b")


class _Engine(_CueSpeakers):
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
            if "that" not in tail.group() and _OCCASION.match(m, mm.end(), se):
                later = _LATER_THAT.match(m, mm.end(), se)
                # "quoted as saying in an interview that …": the clause after "that"; "…,
                # a spokesman was quoted as saying in a statement.": an occasion and no
                # clause after the cue, the clause before it is the speech
                c.clause = _strip_punct(later.end(), se, m) if later else None
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
            if not self._is_cue(form, a, ss) or form in cues.clause_noun_forms and \
                    not cues.clause_noun_re.match(m, b, se) and not (
                        form in cues.clause_that_forms and cues.that_next_re.match(m, b, se)):
                continue  # ("made a “big mistake”": make is a cue only before "… stand that")
            c = _Cue(a, b, form, "according" if form in cues.according_set else "verb")
            self._speaker_for(c, ss, se, out)
            if c.kind == "verb":
                self._amend_clause(c, ss, se, out)
            elif c.sp is not None:
                self._amend_according(c)
            out.append(c)
        out.sort(key=lambda c: c.a)
        self._cache[(ss, se)] = out
        return out

    def _amend_clause(self, c: _Cue, ss: int, se: int, earlier: list[_Cue] = ()) -> None:
        """The reported clause of a speech verb, checked once its speaker is known: none in
        a headline ("Kim says … plans: KCNA") or after a denial ("does not say what …"),
        none that is only a circumstance ("told Reuters, without providing details"); the
        clause after "said that, for 14 years, …" and one opening with a noun phrase and
        its verb ("says any U.N. sanctions … would be"); and ``…, said a spokesman for the
        ministry in an answer …``: the noun phrase after a cue set off by a comma is its
        speaker, not its clause."""
        m = self.masked
        lemma = self.cues.forms.get(c.form)
        k = c.a
        while k > ss and m[k - 1] in " \t\n\u00a0":
            k -= 1
        before = m[k - 1] if k > ss else ""  # the character before the cue
        if _DENIED.search(m, max(ss, c.a - 20), c.a):
            c.sp = c.clause = None  # ("they will not respond": no speech at all)
            return
        if self._headline(ss, se):
            c.clause = None
            return
        if c.clause is not None and (_ing(c.form) or lemma in self.cues.object_verbs) and \
                not _THAT_OR_COLON.search(m, c.b, c.clause[0] + 1) and \
                not any(ch in m[c.clause[0]:se] for ch in "\x00“") and \
                not _finite(m[c.clause[0]:c.clause[1]]):
            c.clause = None  # ("stressed the importance of …", "emphasizing the strong
            # friendship …": a noun phrase with no verb is the cue's object, not a clause)
        if c.clause is not None:
            c.clause = self._whole_addressee(c, se)
            if _CIRCUMSTANCE.match(m, c.clause[0], se) and \
                    not re.search(r"\bthat\b", m[c.b:c.clause[0]]):  # ("stated that after …")
                c.clause = None
            elif lemma == "tell" and self.cues.told_whom(m[c.b:se]) >= c.clause[1] - c.b:
                c.clause = None  # ("…, Kim told a televised briefing."): an audience
            elif lemma == "tell" and m[c.b:c.clause[0]].rstrip().endswith(",") and \
                    _SUBORDINATE.match(m, c.clause[0], se):
                # ("…, officials told Reuters, as experts warned …": the clause after the
                # audience is a circumstance, the words are before the cue; "told reporters,
                # after the talks ended, that …": the clause after "that")
                that = re.compile(r",\s*that\s+(?=\S)").search(m, c.clause[0], c.clause[1])
                c.clause = (that.end(), c.clause[1]) if that else None
            elif before == "," and c.clause[0] - c.b <= 2:
                np = self._inverted_speaker(c.clause[0], se)
                if np is not None:
                    c.sp, c.role, c.inverted, c.clause = np, None, True, None
            return
        if before == "," and (c.sp is None or c.sp[1] <= c.a):
            np = self._inverted_speaker(_skip_space(m, c.b), se)
            if np is not None:  # ("…, said one of the officials, who asked …")
                c.sp, c.role, c.inverted = np, None, True
                return
        if _ing(c.form) or c.form not in self.cues.indirect_forms or \
                before in (",", "”", ""):
            return  # (", said a senior official involved in …": the speaker follows)
        if lemma in self.cues.request_verbs:
            req = _REQUEST.match(m, c.b, se)
            if req is not None:  # ("urged negotiators to show flexibility …")
                a, b = _strip_punct(req.start("obj"), se, m)
                if len(m[a:b].split()) >= 4:
                    c.clause = (a, b)
                return
        # ("said in another statement, citing a military spokesman, any plans would …")
        lead = _OCCASION_LEAD.match(m, c.b, se)
        if lead is not None and lead.end() == c.b:
            lead = None
        pos = lead.end() if lead else c.b
        mm = _THAT_COMMA.match(m, pos, se) or _WITH_THAT.match(m, pos, se) or (
            _TOLD_THAT.match(m, pos, se) if lemma in _TELLS else None)
        if mm is not None:  # ("said that, for 14 years, …", "confirmed with his counterpart
            # that …", "told X last weekend that …", "claims that inspectors, according to
            # the deal, could …": up to a clause of another subject, ", but the DPRK …")
            cut = _BUT.search(m, mm.end(), se)
            a, b = _strip_punct(mm.end(), cut.start() if cut else se, m)
            if b - a >= 8 and len(m[a:b].split()) >= 3:
                c.clause = (a, b)
            return
        if lemma not in self.cues.bare_clause_verbs:
            return
        if any(e.clause and e.clause[0] <= c.a < e.clause[1] for e in earlier):
            return  # ("officials said the North admitted it had …": the officials' words)
        cond = _CONDITION.match(m, pos, se) if lead is None else None
        if cond is not None and (_PRONOUN_CLAUSE.match(m, cond.end() - 1, se) or
                                 _NP_THEN_VERB.match(m, cond.end() - 1, se)):
            a, b = _strip_punct(cond.start("cond"), se, m)  # ("said if the North tests
            c.clause = (a, b)  # again, sanctions will follow": a fronted condition opens it)
            return
        when = _LEAD_WHEN.match(m, pos, se) if lead is None else None
        pro = _PRONOUN_CLAUSE.match(m, when.end() if when else pos, se)
        if pro is not None:  # ("announced it would cut …", "admitted in 2002 it had …")
            a, b = _strip_punct(pro.start("np"), se, m)
            if b - a >= 8 and len(m[a:b].split()) >= 3:
                c.clause = (a, b)
            return
        mm = _NP_THEN_VERB.match(m, pos, se)
        first = mm.group("first") if mm else ""
        if lead and first.lower() not in _DETS:
            return  # (after an occasion only a determiner opens the clause: "… the plan would")
        np_words = mm.group("np").split() if mm else []
        gerund = first.endswith("ing") and first.islower() and len(np_words) > 1
        if gerund and mm.group().split()[-1] not in ("is", "was", "has", "would", "will",
                                                     "could", "does", "can", "may", "might"):
            return  # (a gerund subject takes a singular verb: "said isolating X is …")
        if mm is None or np_words[-1] in ("and", "or", "but") or \
                (m[mm.end() - 2:mm.end()] == "ed" and  # (a second clause: "announced the
                 any(w in ("and", "or", "but") and nxt[:1].isupper()  # plan and Moon
                     for w, nxt in zip(np_words, np_words[1:], strict=False))) or \
                "," in mm.group("np") or \
                first in _CAP_STOP or first.lower() in _PREPS or \
                first.lower() in _NP_STOP or first.endswith("ly") or \
                _DETS_ONLY.match(mm.group("np")) or \
                first.islower() and first not in _DETS and not first.endswith("s") and \
                not gerund:
            return  # (a determiner, a name or a plural noun opens it: "said relations …")
        a, b = _strip_punct(mm.start("np"), se, m)
        if b - a >= 8 and len(m[a:b].split()) >= 3 and not _OBJECT_THEN_PREP.match(m, a, b):
            c.clause = (a, b)  # (not "says this in a bylined commentary": an object)

    def _whole_addressee(self, c: _Cue, se: int) -> tuple[int, int]:
        """A clause never starts inside a name: "urged North Korea to …" is not the clause
        "Korea to …". When only capitalised words stand between the cue and a capitalised
        clause start, they and its first words are one addressee's name: the clause is the
        name and its "to …" (a request), else what follows the name ("told South Korea
        it …")."""
        m = self.masked
        a, b = c.clause
        if not m[a:a + 1].isupper() or not m[c.b:a].strip():
            return a, b
        gap = m[c.b:a].split()
        if not all(w[:1].isupper() and w.isalpha() for w in gap) or \
                not re.match(r"\s", m[a - 1:a]):
            return a, b
        run = _NAME_RUN.match(m, c.b, b)
        if run is None or run.end() <= a:
            return a, b
        if re.match(r"\s+(?:(?:on|in|at)\s+\S+\s+)?(?:not\s+)?to\s", m[run.end():b]):
            return _skip_space(m, c.b), b  # (a request: the addressee and what to do)
        rest = _skip_space(m, run.end())
        return (rest, b) if b - rest >= 8 else (a, b)

    def _inverted_speaker(self, a: int, se: int) -> tuple[int, int] | None:
        """``a spokesman for the DPRK Foreign Ministry``, ``the ceremonial leader of the
        DPRK`` at ``a``: a determiner, up to three words, a person's head noun, maybe an
        "of"/"for" name; None when a verb follows (then it opens a clause)."""
        m = self.masked
        det = _INVERTED_DET.match(m, a, se)
        if det is None:
            return None
        words = list(_TOKEN.finditer(m, det.end(), min(se, det.end() + 80)))[:4]
        for w in words:
            word = w.group().rstrip(",.;")
            if not word.isalpha() or not word.islower():
                return None
            if word in self.cues.person_heads or word.rstrip("s") in self.cues.person_heads:
                end = w.start() + len(word)
                of = _OF_NAME.match(m, end, se)
                end = of.end() if of else end
                return None if _FINITE_AFTER.match(m, end, se) else (a, end)
        return None

    def _amend_according(self, c: _Cue) -> None:
        """``according to these parameters``: no source; ``“…,” Lee told the summit,
        according to his spokesman``: the clause before holds its own cue and speaker,
        so the spokesman only relays it."""
        m = self.masked
        head = m[c.sp[0]:c.sp[1]].split()[-1].lower().rstrip(".,")
        if head in self.cues.according_not_sources or head.rstrip("s") in \
                self.cues.according_not_sources:
            c.sp = c.clause = None
        elif c.clause is not None and _ENDS_WITH_CUE.search(m[c.clause[0]:c.clause[1]]):
            c.used = True  # (a relay: its clause is no row of its own)

    def _headline(self, ss: int, se: int) -> bool:
        """Whether the sentence is an article's headline: its first paragraph, short, with
        no closing stop, and more text after it."""
        m = self.masked
        if ss > 200 or m[:ss].strip():  # (only the first paragraph is a headline)
            return False
        k = m.find("\n", ss)
        if k < 0 or not m[k:].strip():
            return False
        line = m[ss:k].rstrip()
        # a question ("How does Kim tell …?") or a quoted word ("… launch 'unpardonable'")
        # may end a headline; a quotation's own stop before its mark ends a sentence
        end = line.rstrip("”’\"'")
        return len(line.split()) <= 25 and (end[-1:] not in ".!?,\x00" or
                                             end[-1:] == "?" and end == line)

    def _owner(self, pos: int, ss: int) -> tuple[int, int] | None:
        """The capitalised name before a possessive ending at ``pos`` ("Choe" in "Choe's")."""
        m = self.masked
        toks = [t.span() for t in _TOKEN.finditer(m, max(ss, pos - 60), pos)]
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
        if prev.endswith("ly") and (form.endswith("ed") or form in ("told", "written", "said")):
            k0 = k  # "he was formally called to a hearing": passive past an adverb
            while k0 > ss and m[k0 - 1] == " ":
                k0 -= 1
            b0 = k0
            while k0 > ss and m[k0 - 1].isalpha():
                k0 -= 1
            if m[k0:b0].lower() in ("was", "were", "is", "are", "been", "being", "be"):
                return False
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
        after = m[a:a + 40]
        words = after.split(None, 2)
        if len(words) > 1 and words[1].lower().rstrip(",.") in self.cues.institution_heads:
            return False  # "“…,” state media said": a noun before a noun
        if prev in _FINITE_BEFORE or prev in self.cues.subject_pronouns or \
                m[j - 2:j] in _QUOTE_END:
            return True
        if form.endswith("s") and prev in self.cues.institution_heads and \
                _OBJECT_NEXT.match(after):
            return True  # ("State media calls North Korea’s weapons a “…”": a body's verb)
        opens = _OPENS_CLAUSE.match(after) is not None
        if k > ss and (_cap(m[k:j]) and form.endswith("s") or prev.endswith("s")):
            # "Conway notes that …", "critics charge that …", "“…,” Conway notes."
            return opens or "”" in m[max(ss, k - 40):k] or not _cap(m[k:j])
        if k > ss and form.endswith("s") and prev.isalpha() and prev.islower() and \
                re.match(r"\S+\s+that\s", after):
            before = m[max(ss, k - 30):k].split()[-1:]
            if before and (before[0].lower() == "the" or _cap(before[0])):
                return True  # "The US side claims that …": a noun after "the" or a name
        if form.endswith("s") and _PARENTHETICAL_BEFORE.search(m, max(ss, k - 30), k + 1) and \
                re.match(r"\S+\s*[.,;:!?]", after):
            return True  # "…, the paper notes, and goes on:" (a cue set off by commas)
        return form in ("read", "reads") and m[k:j].isalpha() and \
            re.match(r"\S+\s*[.,;:!?]", after) is not None  # "the editorial read."
