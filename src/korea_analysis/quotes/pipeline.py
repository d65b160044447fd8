"""``find_quotes``: the steps of the package, in order, over one article."""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from korea_analysis.quotes.build import _build
from korea_analysis.quotes.cue_matches import _Engine
from korea_analysis.quotes.cue_speakers import _Cue
from korea_analysis.quotes.cues import load_cues
from korea_analysis.quotes.indirect import _clause_before
from korea_analysis.quotes.marks import _mask, _pair_marks, _Piece
from korea_analysis.quotes.records import Quote
from korea_analysis.quotes.resolve import (
    _RELAYS,
    _Attr,
    _context_pass,
    _own_attribution,
    _sentence_attr,
    _Slot,
    relay_name,
)
from korea_analysis.quotes.sentences import _split
from korea_analysis.quotes.speaker_lines import (
    dash_speaker,
    next_line_speaker,
    soundbites,
    transcript_answers,
)
from korea_analysis.quotes.words import _ing
from korea_analysis.text import Sentence, paragraph_spans


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
    blocks: list[tuple[int, _Attr]] = []  # paragraphs that introduce a block quotation
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
                slot = _own_attribution(eng, q, cs, prv, nxt, se, nxt_sent, ss)
                if slot.attr is None and q.closed:
                    _line_attribution(text, slot, paras, pi)
                slot.colon = colon if slot.initial else None
                if slot.shares is not None and qi:
                    slots[-1].ends = True  # (“…,” and continued, “…”: both whole quotations)
                if slot.initial and slot.attr is None:
                    if si > 0:
                        # "Minister Kim took a softer line. “…”": a named subject speaks
                        slot.prev = _sentence_attr(eng, sents[si - 1], sent_cues[si - 1],
                                                   True, pronoun=False)
                    elif q.a - 1 == pa and pi > 0:
                        pj = _paragraph_before(text, paras, pi, by_para, eng) \
                            if q.b - q.a >= 20 else pi - 1
                        pp = paras[pj]
                        if pj not in split_cache:
                            split_cache[pj] = _split(m, pp[0], pp[1])
                        last_sent = split_cache[pj][-1]
                        # (over a skipped line only a cue's speaker counts, not a subject)
                        slot.prev = _sentence_attr(eng, last_sent,
                                                   eng.sentence_cues(*last_sent), pj == pi - 1)
                slots.append(slot)
                colon = None
            last = cs[-1] if cs else None
            colon = None
            if last is not None and last.sp and m[last.b:se].rstrip().endswith(":"):
                colon = _Attr(last.sp, last.role, last, last.channel, "context")
            first, held = len(indirect), []
            # "Hyun said …, local media reported": Hyun's row carries it, the relay none
            relays = [c for c in cs if _relays_inner(eng, c, cs, ss, se) or
                      _relays_leading(eng, c, cs)]
            for c in cs:
                if c in relays:
                    continue
                whole = _holds_fragments(m, c, slots, ss, se) if c.used and c.sp else None
                if whole is not None:
                    # "Kim said the talks were a “waste of time”": the reported clause is
                    # speech of its own, the quoted fragment inside it a partial quotation
                    indirect.append((c, whole[0], whole[1]))
                    held.append(c)
                    continue
                if not c.used and c.sp and (c.kind in ("passive", "according") or c.cited or
                                            c.form in cues.indirect_forms) and not (
                        c.kind == "verb" and _ing(c.form) and
                        m[max(ss, c.a - 2):c.a].strip() != ","):
                    # ("an agreement pledging support" is not reported speech)
                    clause = c.clause or _clause_before(m, c, ss, se)
                    if clause:
                        indirect.append((c, clause[0], clause[1]))
            if held:
                indirect[first:] = _before_held(m, indirect[first:], held)
            ings = [d for d in cs if d.used and d.kind == "verb" and _ing(d.form) and
                    m[max(ss, d.a - 2):d.a].strip() == ","]
            if ings and len(indirect) > first:
                # "said the deal was dead, branding it “…”": the clause ends at the
                # participle that takes its own quotation
                indirect[first:] = _before_held(m, indirect[first:], ings)
        if colon is not None and _GOES_ON.search(text, pa, pb):
            blocks.append((pi, colon))  # "…, says the article, and goes on:"
    _context_pass(slots, paras)
    found = [(s.q, s.attr, s.kind) for s in slots]
    for a, b, sp in transcript_answers(text, paras):  # "A: We agree with …"
        found.append((_Piece(a, b, -1, -1, True), _Attr(sp, None, None, None, "trail"),
                      "direct"))
    for a, b, sp, role in soundbites(text, paras, cues.titles):  # "Lee Jae-myung / President"
        found.append((_Piece(a, b, -1, -1, True), _Attr(sp, role, None, None, "trail"),
                      "direct"))
    for pi, attr in blocks:  # the unmarked paragraphs after "… and goes on:" are its words
        for pj in range(pi + 1, len(paras)):
            a, b = paras[pj]
            if by_para.get(pj) or len(text[a:b].split()) < 4:
                break
            found.append((_Piece(a, b, pj, -1, True), _Attr(attr.sp, attr.role, None,
                                                             attr.channel, "context"), "direct"))
    return _build(eng, found, indirect, sentences)


def _relays_inner(eng: _Engine, c: _Cue, cs: list[_Cue], ss: int, se: int) -> bool:
    """A sentence-final relay ("…, local media reported.") whose clause opens with another
    cue's speaker and cue ("Minister Hyun reiterated that …"): the inner cue speaks, the
    relay becomes its channel (set here) and reports no clause of its own."""
    outlet = relay_name(eng, c)
    if outlet is None:
        return False
    m = eng.masked
    span = _clause_before(m, c, ss, se, marks=True)
    if span is None:
        return False
    a, b = span
    for d in cs:
        if d is c or d.sp is None or d.kind != "verb" or not a <= d.sp[0] < d.a < b or \
                d.clause is None:  # ("Kim called for new ties …, state media said")
            continue
        lead = m[a:min(d.sp[0], d.role[0] if d.role else d.sp[0])]
        if len(lead.split()) <= 6 and "," not in lead and not _ing(d.form):
            d.channel = d.channel or outlet
            if d.clause is not None and d.clause[1] > c.a:  # (up to the relay's comma)
                d.clause = (d.clause[0], b)
            return True
    return False


def _relays_leading(eng: _Engine, c: _Cue, cs: list[_Cue]) -> bool:
    """A cue whose reported clause opens with another cue's speaker and cue ("China's
    official news agency says President Jiang told Mr. Bush that …", "He says President
    Bush told the Chinese leader that …"): the inner cue speaks, an outlet relaying it becomes
    its channel, and the outer cue reports no clause of its own."""
    if c.kind != "verb" or c.clause is None or c.sp is None:
        return False
    m = eng.masked
    a, b = c.clause
    for d in cs:
        if d is c or d.sp is None or d.kind != "verb" or d.clause is None or \
                not a <= d.sp[0] < d.a < b or _ing(d.form):
            continue
        if m[a:d.sp[0]].strip() or "\x00" in m[d.sp[0]:d.a]:
            continue  # (the inner speaker must open the clause)
        if d.form not in eng.cues.indirect_forms:
            continue
        mention = " ".join(m[c.sp[0]:c.sp[1]].split())
        outlet = relay_name(eng, c) or eng.outlet_name(mention) or (
            mention if mention.split()[-1].lower() in _RELAYS else None)
        if outlet is not None:  # ("China's official news agency")
            d.channel = d.channel or outlet
        return True
    return False


def _holds_fragments(m: str, c: _Cue, slots: list[_Slot], ss: int, se: int
                     ) -> tuple[int, int] | None:
    """A cue taken by quoted pieces that all lie inside its own reported clause, which has
    words of its own besides them (at least three outside the marks): the clause, then
    reported speech too ("said the U.S. would push a “freeze for freeze” deal"), widened
    over a piece at either end. None for a clause that is only a quotation ("said: “…”",
    "said that “…”") or pieces elsewhere."""
    if c.kind not in ("verb", "passive"):
        return None
    mine = [s.q for s in slots if s.attr is not None and s.attr.cue is c]
    if not mine:
        return None
    if c.clause is None:  # "Bolton is “more than ignorant” to argue …, the ministry said."
        span = _clause_before(m, c, ss, se, marks=True)
        if span is None:
            return None
        a, b = span
    else:
        a, b = c.clause
    for q in mine:
        o, e = q.a - 1, (q.b + 1 if q.closed else q.b)
        if o < (c.b if c.clause is not None else a) or not (o < b or m[b:o].strip(" ,") == "") \
                or c.clause is None and e > c.a:
            return None
        a, b = min(a, o), max(b, e)
    own = re.sub(r"“[^”]*”?|\x00+", " ", m[a:b])
    if len(re.findall(r"[A-Za-z]\w*", own)) < 3:
        return None
    while b > a and m[b - 1] in ".,;: ":
        b -= 1
    lead = re.match(r"that\s+", m[a:b])  # (", adding that …": the participle's clause)
    return (a + lead.end(), b) if lead else (a, b)


def _before_held(m: str, rows: list[tuple[_Cue, int, int]], held: list[_Cue]
                 ) -> list[tuple[_Cue, int, int]]:
    """Another cue's clause that runs over a cue whose clause holds fragments ("According to
    Xinhua, Xi said …", "said the talks would go ahead, though he warned that …") ends
    before that cue's speaker; dropped when fewer than three words are left."""
    out = []
    for c, a, b in rows:
        for h in held:
            if h is not c and a <= h.a < b:
                # (a participle's speaker before the clause is the sentence subject: "The
                # minister emphasized that …, referring to X's “…”" ends at the participle)
                b = min(b, h.sp[0] if h.sp[0] > a else b, h.a)
                b = a + len(re.sub(r"(?:[\s,;:—–-]|\b(?:and|but|though|although|while|as)\b)+$",
                                   "", m[a:b]))
        if b - a >= 8 and len(m[a:b].split()) >= 3:
            out.append((c, a, b))
    return out


#: a cue that introduces the paragraphs after it, in KCNA's house style
_GOES_ON = re.compile(r"(?:\b(?:goes|went|go)\s+on|\b(?:continues|continued))\s*:\s*$")


def _line_attribution(text: str, slot: _Slot, paras: list[tuple[int, int]], pi: int) -> None:
    """A quotation with no cue, credited on a line of its own: a dash after it ("…,” -
    President Lee") or a paragraph after it that is only a name."""
    q = slot.q
    pa, pb = paras[pi]
    found = dash_speaker(text, q.b + 1, pb)
    if found is None and q.a - 1 == pa and pi + 1 < len(paras) and \
            text[q.b + 1:pb].strip(" \t,.") == "":
        found = next_line_speaker(text, paras[pi + 1])
    if found is not None:
        slot.attr = _Attr(found[0], found[1], None, None, "trail")
        slot.ends = True


def _paragraph_before(text: str, paras: list[tuple[int, int]], pi: int, by_para, eng) -> int:
    """The paragraph before ``pi``, stepping over up to two short lines with no quotation
    and no cue between ("READ MORE: …", a crosshead) to the one that names the speaker."""
    pj = pi - 1
    for _ in range(2):
        pa, pb = paras[pj]
        n = len(text[pa:pb].split())
        if pj == 0 or by_para.get(pj) or not 2 <= n <= 12 or eng.has_cue(pa, pb) or \
                text[pa:pb].rstrip().endswith(":"):  # ("Transcript as follows:" introduces)
            break
        pj -= 1
    return pj
