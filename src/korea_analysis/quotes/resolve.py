"""Choosing each quotation's speaker: its own sentence's cue first, then the context
(the sentence before, a colon, the same multi-paragraph quotation, the paragraph
before), and finally its kind (direct, partial, term)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from korea_analysis.quotes import ranker as _ranker
from korea_analysis.quotes.cue_matches import _Engine
from korea_analysis.quotes.cue_speakers import _Cue
from korea_analysis.quotes.marks import _Piece
from korea_analysis.quotes.names import _looks_person
from korea_analysis.quotes.words import (
    _AUX,
    _BE,
    _DETS,
    _MENTAL,
    _NESTED_PRONOUNS,
    _NP_STOP,
    _VERBISH,
    _cap,
    _ing,
)


@dataclass(slots=True)
class _Attr:
    sp: tuple[int, int] | None
    role: tuple[int, int] | None
    cue: _Cue | None
    channel: str | None
    via: str  # trail, lead, after, nominal, context


_PUNCT_GAP = " \n\t,.!?—–-:;\u00a0"
_CONJ_GAP = re.compile(r"^[\s,.!?—–\-:;]*(?:(?:and|but|so|then|as)\s+)?$")


def _trail_ok(m: str, close_end: int, c: _Cue) -> bool:
    """The cue belongs to the quotation right before it (nothing but its speaker between)."""
    if c.sp is None:
        return False
    if c.inverted or c.kind == "according" or c.sp[0] < close_end or c.sp[0] > c.a:
        return m[close_end:c.a].strip(_PUNCT_GAP) == ""
    first = c.role[0] if c.role and close_end <= c.role[0] < c.sp[0] else c.sp[0]
    # (“…,” the British Ambassador to the UN, Karen Pierce, said: the title comes first)
    gap = m[close_end:first]
    if _CONJ_GAP.match(gap):
        return True
    # “…,” panel Chairman Jason Chaffetz said: a lower-case modifier before the title
    words = gap.strip(_PUNCT_GAP).split()
    return gap[:1] in ",”\x00 " and 0 < len(words) <= 2 and all(
        w.isalpha() and w.islower() and w not in _NP_STOP and w not in _VERBISH and
        w not in _AUX and w not in _BE and w not in _DETS for w in words) and \
        _cap(m[first:first + 1])


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
    shares: _Cue | None = None  # “…,” and continued, “…”: the quotation before speaks on


def _own_attribution(eng: _Engine, q: _Piece, cs: list[_Cue], prv: int, nxt: int, se: int,
                     nxt_sent, ss: int | None = None) -> _Slot:
    """The cue in the quotation's own sentence: right after it, before it, or later."""
    m = eng.masked
    o = q.a - 1
    ss = prv if ss is None else ss
    close_end = q.b + 1 if q.closed else q.b
    attr = trail = None
    for c in cs:  # 1. right after the closing mark
        if close_end <= c.a < nxt and c.kind != "nominal":
            if _trail_ok(m, close_end, c) and not eng.cues.clause_noun_re.match(m, c.b, se):
                trail = _Attr(c.sp, c.role, c, c.channel, "trail")
            break
    lead = None
    for i, c in enumerate(reversed(cs)):  # 2. the nearest cue before the opening mark
        if c.b <= o and c.sp and (c.kind != "nominal" or _near_nominal(eng, c, o)):
            lead = _Attr(c.sp, c.role, c, c.channel, "lead")
            outer = _outer_cue(eng, c, cs[:len(cs) - 1 - i], o)
            if outer is not None:
                lead = _Attr(outer.sp, outer.role, outer, outer.channel, "lead")
            else:
                subj = _what_subject(eng, c, ss)
                if subj is not None:
                    lead = _Attr((subj[0], subj[1]), subj[2], c, c.channel, "lead")
            break
    adjacent = lead is not None and lead.cue is not None and \
        _ADJACENT.match(m, lead.cue.b, o + 1) is not None
    if trail is not None and lead is not None and (
            trail.cue.clause is not None or
            re.search(r"\b(?:and|but|so|then|as)\b", m[close_end:trail.sp[0]])):
        trail = None  # “…” and he said he hoped …: the cue before owns the quotation
    if trail is not None and lead is not None and lead.cue is not None and \
            lead.cue.kind == "verb" and _opens_sentence(m, lead, ss) and \
            relay_name(eng, trail.cue) is not None:
        # “Kim vowed to work with “…,” Xinhua reported: the outlet passes Kim's words on
        lead = _Attr(lead.sp, lead.role, lead.cue, lead.channel or relay_name(eng, trail.cue),
                     lead.via)
        trail.cue.used = True
        trail = None
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
        # (not a cue whose words follow it as "… stand that …": "requesting “…”, and the
        # DPRK clarified its stand that …" -- the quotation is not the DPRK's)
        later = [c for c in cs if c.a >= close_end and c.sp and c.kind != "nominal" and
                 (c.kind == "according" or _ends_sentence(m, c, se)) and
                 not eng.cues.clause_noun_re.match(m, c.b, se)]
        acc = [c for c in later if c.kind == "according"]
        c = (acc or later or [None])[0]
        if c is not None:
            attr = _Attr(c.sp, c.role, c, c.channel, "after")
            subj = _what_subject(eng, c, ss)
            if subj is not None:  # "… of being “duped” and urged … what he called …"
                attr = _Attr((subj[0], subj[1]), subj[2], c, c.channel, "after")
    if attr is None and nxt_sent is not None and q.closed and \
            m[close_end:se].strip() == "":  # "…?” Todd asked the real estate mogul.
        (ns, ne), ncs = nxt_sent
        c = ncs[0] if ncs else None
        asked = eng.text[q.b - 1:q.b] in "?!"
        if c is not None and c.kind == "verb" and _trail_ok(m, ns, c) and (
                asked or c.clause is None and len(m[max(c.b, c.sp[1]):ne].split()) <= 8):
            attr = trail = _Attr(c.sp, c.role, c, c.channel, "trail")
    if _ranker.ENABLED or _ranker.COLLECT is not None:
        pick = _ranker.rank(eng, q, cs, attr)
        if pick is not None and (attr is None or pick[0] != attr.sp):
            attr = _Attr(pick[0], pick[1], pick[2], pick[2].channel, "lead")
    if attr is not None and attr.channel is None and attr.sp is not None:
        for c in cs:  # "According to Xinhua, Xi said …": the outlet relays, Xi speaks
            if c.kind == "according" and c.sp and c.sp != attr.sp:
                outlet = eng.outlet_name(m[c.sp[0]:c.sp[1]])
                if outlet:
                    attr = _Attr(attr.sp, attr.role, attr.cue, outlet, attr.via)
                    break
    if attr is not None and attr.cue is not None:
        attr.cue.used = True
    before = m[prv:o]
    initial = before.strip(" \n\u00a0") == ""
    shares = next((c for c in cs if c.sp is None and c.kind == "verb" and prv <= c.a < o),
                  None) if attr is None and prv > ss and _GOES_ON_SAYING.fullmatch(before) \
        else None
    starts = initial or shares is not None or (attr is not None and attr.via == "lead" and
                                   before.rstrip().endswith((",", ":", "—")))
    ends = (not q.closed or m[close_end:nxt].strip(_PUNCT_GAP) == "" or trail is not None)
    return _Slot(q, attr, starts, ends, initial, shares=shares)


#: between two quotations, a cue with no subject of its own: “…,” and continued, “…”
_GOES_ON_SAYING = re.compile(r"\s*(?:and|then|and\s+then)\s+[a-z]+(?:\s+on)?\s*[,:]?\s*")


def _opens_sentence(m: str, attr: _Attr, ss: int) -> bool:
    """The speaker and cue open the sentence: at most six words before the speaker (its
    title), no comma or quotation ("The four “loopholes” he cited are …" does not)."""
    first = min(attr.sp[0], attr.role[0] if attr.role else attr.sp[0])
    lead = m[ss:first]
    return len(lead.split()) <= 6 and not re.search(r"[,“”\x00]", lead)


def relay_name(eng: _Engine, c: _Cue) -> str | None:
    """A cue that relays another's words at the end of a sentence: "…, local media
    reported", "…, Xinhua reported", "…, KCNA said". The relaying outlet (as written), or
    None."""
    if c is None or c.sp is None or c.kind != "verb":
        return None
    mention = " ".join(eng.masked[c.sp[0]:c.sp[1]].split())
    lemma = eng.cues.forms.get(c.form)
    outlet = eng.outlet_name(mention)
    if outlet is None and lemma in ("report", "say", "add"):
        named = eng.cues.named_outlet_re.search(mention)  # "official news agency KCNA"
        if named is not None and named.end() == len(mention):
            outlet = named.group(0)
    if lemma == "report" and (outlet or mention.split()[-1].lower() in _RELAYS):
        return outlet or mention
    if lemma in ("say", "add") and outlet is not None:
        return outlet
    return None


#: the head words of a relaying speaker that is no outlet's name ("local media reported")
_RELAYS = frozenset({"media", "agency", "reports", "newspaper", "broadcaster", "television",
                     "outlets", "press"})


def _outer_cue(eng: _Engine, c: _Cue, before: list[_Cue], o: int) -> _Cue | None:
    """The reporting verb outside a nested cue owns the quotation: "Trump said he believes
    …", "Rubio said that he had begun “to …”", "she cited a critic who called it “…”".
    Only when the nested speaker is a pronoun or a restrictive "who" (a named speaker
    inside, "Kim said Trump called it “…”", keeps its own words), and nothing between the
    two starts a clause of its own ("…, though he said", "whom he called", "…, she said")."""
    m = eng.masked
    inner = m[c.sp[0]:c.sp[1]].lower()
    words = m[c.sp[0]:c.sp[1]].split()
    bare = words[0].lower() not in _DETS and all(w.islower() for w in words)
    if inner not in _NESTED_PRONOUNS and inner != "who" and not bare:
        return None
    outer = [d for d in before if d.sp and d.kind == "verb" and d.b <= c.sp[0] and
             m[d.sp[0]:d.sp[1]].lower() not in ("who", "which", "that")]
    if not outer:
        return None
    d = outer[-1]
    gap = m[d.b:c.sp[0]]
    if inner != "who" and eng.cues.forms.get(c.form) in _MENTAL and not _ing(d.form) and \
            _ADJACENT.match(m, c.b, o + 1) is None:
        return d  # "Trump said he believes …"
    if re.search(r"[;“”\x00]", gap) or gap.rstrip().endswith((",", "—", "-")):
        return None
    if inner == "who":
        return d  # "…, saying anybody who complains about it “is …”"
    if _OWN_CLAUSE.search(m, d.b, c.sp[1]):
        return None
    return d


_OWN_CLAUSE = re.compile(r"\b(?:though|although|but|while|as|when|whom|which|who|whose)\b|"
                         r"\b(?:and|or)\s+$|\.\s+[A-Z]", re.I)
_WHAT = re.compile(r"\b(?:what|What)\s+$")


def _what_subject(eng: _Engine, c: _Cue, ss: int):
    """``Ban condemned what he called a “…”``: the pronoun in "what he called" stands for
    the subject of the clause around it; that subject is the speaker mention."""
    m = eng.masked
    if m[c.sp[0]:c.sp[1]].lower() not in _NESTED_PRONOUNS:
        return None
    what = _WHAT.search(m, max(ss, c.sp[0] - 8), c.sp[0])
    if what is None:
        return None
    return eng.clause_subject(ss, what.start()) or eng.initial_subject(ss, what.start())


def _ends_sentence(m: str, c: _Cue, se: int) -> bool:
    """``…, Park added.``: nothing but an adverbial follows the cue and its speaker."""
    end = max(c.b, c.sp[1], c.role[1] if c.role else 0)
    rest = m[end:se]
    q = rest.find("“")
    rest = rest[:q] if q >= 0 else rest
    return len(rest.split()) <= 10 and not re.search(r"\bthat\b", rest)


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
        if s.attr is None and s.shares is not None and i and \
                slots[i - 1].q.para == q.para and slots[i - 1].attr is not None:
            a = slots[i - 1].attr
            s.attr = _Attr(a.sp, a.role, s.shares, a.channel, "context")
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


def _sentence_attr(eng: _Engine, span: tuple[int, int], cs: list[_Cue], subject: bool,
                   pronoun: bool = True) -> _Attr | None:
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
                              pronoun and words[0].lower() in eng.cues.subject_pronouns):
        return None
    if not pronoun and (words[0].lower() in eng.cues.subject_pronouns or not any(
            _looks_person(" ".join(words[k:])) for k in range(len(words) - 1))):
        return None  # (a pronoun there may point anywhere; "The Kremlin" is no person)
    return _Attr((np[0], np[1]), np[2], None, None, "context")


def _carry(a: _Attr) -> _Attr:
    return _Attr(a.sp, a.role, None, a.channel, "context")


def _sentence_like(s: _Slot) -> bool:
    """A full quoted sentence without a cue still counts as a direct quotation."""
    return s.q.b - s.q.a >= 20 and s.q.closed
