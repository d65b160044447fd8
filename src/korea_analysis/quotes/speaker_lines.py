"""Speakers given on a line of their own, as transcripts and live blogs do: a dash after the
quotation (``“…,” - President Lee``, ``“…” — Lavrov``), a name on the line after a
quotation that stands alone, ``Q:`` / ``A:`` briefing transcripts, where every answer is
the words of the spokesperson the transcript's title names ("Foreign Ministry
Spokesperson Mao Ning's Regular Press Conference"), and broadcast transcripts, where a
"Name / Title" line introduces the soundbite on the next line."""
from __future__ import annotations

import re

from korea_analysis.quotes.sentences import _ABBREV

_NAME_PHRASE = (r"(?:[A-Z][\w.’'\-]*|of|to|the|for|and|at)(?:[ \t]+(?:[A-Z][\w.’'\-]*|of|to|"
                r"the|for|and|at)){0,7}")
#: "…,” - President Lee", "…” — Lavrov", "…” ― Lavrov" (the rest of the paragraph;
#: no-break spaces around the dash count as spaces)
_WS = r"[ \t\u00a0]"
_DASH_NAME = re.compile(rf"{_WS}*[-—–―]{{1,2}}{_WS}*(?P<who>{_NAME_PHRASE}){_WS}*"
                        rf"(?:,{_WS}*(?P<role>[^“”\"\n]{{1,120}}?))?[ \t.\u00a0]*$")
#: a paragraph that is only a name, maybe with a description: "Defence Minister Kim, at a base."
_NAME_LINE = re.compile(rf"{_WS}*(?:[-—–―]{{1,2}}{_WS}*)?(?P<who>{_NAME_PHRASE}){_WS}*"
                        rf"(?:,{_WS}*(?P<role>[^“”\"\n]{{1,120}}?))?[ \t.\u00a0]*$")
#: a question turn: "Q:", "Q)", "Question:", a reporter's label in capitals ("REPORTER:")
_QUESTION = re.compile(r"[ \t]*(?:Q|Question|QUESTION|REPORTER|JOURNALIST)[ \t]*"
                       r"(?:[:：]|\)(?=[ \t]))")
_ANSWER = re.compile(r"[ \t]*(?:A|Answer)[ \t]*(?:[:：]|\)(?=[ \t]))[ \t]*")
#: an answer turn opened by the speaker's label in capitals, as government transcripts print
#: them: "CHIEF CABINET SECRETARY SUGA:", "MR. PRICE:", "SPOKESPERSON WANG:"
_LABEL_TURN = re.compile(r"[ \t]*(?P<label>(?:[A-Z][A-Z.’'\-]*[ \t]+){0,4}[A-Z][A-Z’'\-]+)"
                         r"[ \t]*[:：][ \t]+(?=\S)")
#: honorifics that are part of a capitalised label's name ("MR. PRICE")
_LABEL_HONORIFICS = ("MR.", "MRS.", "MS.", "DR.", "MR", "MRS", "MS", "DR")
_BRIEFER = re.compile(
    r"(?<![\w’'\-])(?i:spokesperson|spokesman|spokeswoman)[ \t]+"
    r"(?P<name>[A-Z][\w\-]+(?:[ \t]+[A-Z][\w\-]+){0,2})")
_BRIEFING = re.compile(
    r"(?P<name>[A-Z][\w\-]+(?:[ \t]+[A-Z][\w\-]+){0,2})[’']s[ \t]+(?:Regular[ \t]+)?"
    r"(?:Press[ \t]+Conference|Press[ \t]+Briefing|News[ \t]+Briefing|Briefing)")


def _named(text: str, a: int, b: int) -> tuple[int, int] | None:
    """The span of a name phrase, without a leading article; None unless it names someone."""
    while a < b and text[a:b].split(None, 1)[0] in ("the", "The", "of", "to", "for", "and",
                                                   "at"):
        a += len(text[a:b].split(None, 1)[0])
        while a < b and text[a] in " \t":
            a += 1
    while b > a and text[b - 1] in " \t.":
        b -= 1
    words = text[a:b].split()
    if not words or not words[-1][:1].isupper() or len(words) > 8:
        return None
    return a, b


def dash_speaker(text: str, close_end: int, para_end: int):
    """``“…,” - President Lee``: the name after a dash that ends the paragraph."""
    mm = _DASH_NAME.match(text, close_end, para_end)
    if mm is None or mm.end() != para_end and text[mm.end():para_end].strip():
        return None
    sp = _named(text, mm.start("who"), mm.end("who"))
    if sp is None:
        return None
    return sp, (mm.span("role") if mm.group("role") else None)


def next_line_speaker(text: str, para: tuple[int, int]):
    """A paragraph that is only a name (and a description) after a quotation that stood alone."""
    pa, pb = para
    if pb - pa > 200 or any(ch in text[pa:pb] for ch in "“”\""):
        return None
    mm = _NAME_LINE.match(text, pa, pb)
    if mm is None or text[mm.end():pb].strip():
        return None
    sp = _named(text, mm.start("who"), mm.end("who"))
    if sp is None or len(text[sp[0]:sp[1]].split()) < 1:
        return None
    return sp, (mm.span("role") if mm.group("role") else None)


def transcript_answers(text: str, paras: list[tuple[int, int]]
                       ) -> list[tuple[int, int, tuple[int, int] | None]]:
    """``A:`` turns of a ``Q:``/``A:`` transcript, each with the briefer's name span.

    An answer runs on over the paragraphs after it until the next question: one span. Nothing is
    found in a text without a ``Q:`` paragraph or without a named briefer. A turn opened by a
    label in capitals ("CHIEF CABINET SECRETARY SUGA: …") is the labelled speaker's: the
    label's name (after its title words) is the speaker.
    """
    if not any(_QUESTION.match(text, pa, pb) for pa, pb in paras):
        return []
    # (an interview whose answerer is not named so is left alone: PolNeAR, for one, does
    # not count unmarked answers as quotations, and an answer nobody speaks adds nothing)
    # one row per answer turn: the paragraphs an answer runs on over widen it (the turn is
    # one statement, as transcripts print it, not one quotation per paragraph)
    out: list[tuple[int, int, tuple[int, int] | None]] = []
    answering = False
    for pa, pb in paras:
        if _QUESTION.match(text, pa, pb):
            answering = False
            continue
        mm = _ANSWER.match(text, pa, pb)
        label = _LABEL_TURN.match(text, pa, pb) if mm is None else None
        if label is not None and len(label.group("label")) > 1:
            a = label.end()
            if pb - a >= 2:
                out.append((a, pb, _label_name(text, label)))
                answering = True
            continue
        if mm is None and not answering:
            continue
        a = mm.end() if mm else pa
        if pb - a < 2:
            continue
        if mm is None and out and out[-1][1] <= pa:
            out[-1] = (out[-1][0], pb, out[-1][2])
            continue
        answering = True
        who = _briefer(text, pa)
        if who is not None:
            out.append((a, pb, who))
        else:
            answering = False
    return out


def _label_name(text: str, label: re.Match) -> tuple[int, int]:
    """The name in a capitalised turn label: the words after its title words ("SUGA" in
    "CHIEF CABINET SECRETARY SUGA"), the whole label after an honorific ("MR. PRICE")."""
    a, b = label.span("label")
    words = list(re.finditer(r"\S+", text[a:b]))
    if len(words) < 2 or words[0].group() in _LABEL_HONORIFICS:
        return a, b
    return a + words[-1].start(), b


def _briefer(text: str, pos: int) -> tuple[int, int] | None:
    best = None
    for rx in (_BRIEFER, _BRIEFING):
        for mm in rx.finditer(text, 0, pos):
            if best is None or mm.start("name") > best[0]:
                best = mm.span("name")
    return best


_LABEL = re.compile(r"[ \t]*(?P<who>[A-Z][\w.’'\-]*(?:[ \t]+[A-Z][\w.’'\-]*){1,3})[ \t]+/[ \t]+"
                    r"(?P<role>[A-Z][^/\n“”\"]{1,60}?)[ \t]*$")


def soundbites(text: str, paras: list[tuple[int, int]], titles: set[str]
               ) -> list[tuple[int, int, tuple[int, int], tuple[int, int] | None]]:
    """``Lee Jae-myung / President`` on a line of its own, then the soundbite: the next
    paragraph is that person's words (broadcast transcripts). The part after the slash must
    start with a title word, so that "By X / Agency" bylines are not taken for labels.
    Also the unmarked words a line ending in a colon introduces (:func:`statement_bodies`)."""
    out: list[tuple[int, int, tuple[int, int], tuple[int, int] | None]] = []
    out.extend((a, b, who, None) for a, b, who in statement_bodies(text, paras))
    for i, (pa, pb) in enumerate(paras[:-1]):
        mm = _LABEL.match(text, pa, pb)
        if mm is None or mm.end() != pb or text[pa:pb].lstrip().startswith("By "):
            continue
        if mm.group("role").split()[0].rstrip(",.") not in titles:
            continue
        na, nb = paras[i + 1]
        if any(ch in text[na:nb] for ch in "“”\"") or _LABEL.match(text, na, nb) or \
                len(text[na:nb].split()) < 4:
            continue
        out.append((na, nb, mm.span("who"), mm.span("role")))
    return out


#: a paragraph that introduces a statement printed after it without quotation marks, in
#: KCNA's house style: "X released the following statement on Saturday:", "A spokesman …
#: gave the following answer to the question raised by KCNA …:", "It said:", "The statement
#: reads:", "… issued a statement on Saturday in this regard:" ("… and goes on:" is the
#: pipeline's own block, not repeated here)
_INTRO = re.compile(
    r"(?:\bthe[ \t]+following[ \t]+(?:[\w\-]+[ \t]+){0,2}?(?:statement|answer|communiqu[eé]|"
    r"report|commentary|article|letter|message|speech|declaration|notice|warning|editorial|"
    r"order|appeal|address)\b[^:\n“”\"]{0,160}|\b(?:said|says|reads|read|stated|states|"
    r"declared|declares)|\bin[ \t]+this[ \t]+regard)[ \t]*:[ \t]*$")
#: the speaker at the start of the introducing sentence: "Kwon Jong Gun", "A spokesman for
#: the DPRK Foreign Ministry", "The Supreme Command of the Korean People's Army", "It"
_INTRO_SPEAKER = re.compile(
    r"(?:(?:A|An|The)[ \t]+[a-z][\w\-]*(?:[ \t]+[a-z][\w\-]*){0,2}?(?=[ \t]+(?:of|for)\b)"
    r"(?:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[A-Z][\w.’'\-]*(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?"
    r"[A-Z][\w.’'\-]*)*)+|(?:A|An|The)[ \t]+[a-z][\w\-]*(?=[ \t]+[a-z])|"
    r"[A-Z][\w.’'\-]*(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?[A-Z][\w.’'\-]*){0,8})")
#: the speaker right before the verb, after a comma: "…, the article says:"
_NEAR_SPEAKER = re.compile(r",[ \t]+(?P<who>(?:the|The|a|an|its|it|It)(?:[ \t]+[\w\-’']+){0,3}?)"
                           r"[ \t]+$")
_STATEMENT_DATELINE = re.compile(r"[A-Z][A-Za-z .’'\-]{1,30},[ \t]*[A-Z][a-z]+\.?[ \t]+\d{1,2}"
                                 r"[ \t]*\([^()\n]{1,40}\)[ \t]*(?:-{1,2}|—|–)[ \t]*")
_WEEKDAY_TAIL = re.compile(r"(?:[ \t]+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                           r"Sunday))+$")


def statement_bodies(text: str, paras: list[tuple[int, int]]
                     ) -> list[tuple[int, int, tuple[int, int]]]:
    """Statements printed after an introducing line, without quotation marks (KCNA's
    "X released the following statement:"): the paragraphs after it, as one row, with the
    speaker named at the start of the introducing sentence. The body ends before a
    paragraph that opens with a quotation mark, holds one (after the first paragraph), does
    not end a sentence (a colon, a date or signature line) or is short; nothing when the
    paragraph after the colon opens with a quotation mark (a marked quotation, found as
    such)."""
    out = []
    for i, (pa, pb) in enumerate(paras[:-1]):
        if text[pb - 1:pb] != ":" and not text[pa:pb].rstrip().endswith(":"):
            continue
        intro = _INTRO.search(text, pa, pb)
        if intro is None:
            continue
        ss = _sentence_start(text, pa, intro.start())
        line = _STATEMENT_DATELINE.match(text, ss, intro.start())
        if line:
            ss = line.end()
        near = _NEAR_SPEAKER.search(text, ss, intro.start())
        if near is not None:  # "…, the article says:"
            wa, wb = near.span("who")
        else:
            who = _INTRO_SPEAKER.match(text, ss, pb)
            if who is None or who.end() > intro.start() or not intro.group().startswith(
                    ("the", "in")) and text[who.end():intro.start()].strip():
                continue  # ("The drills are a provocation, it says:" names no one first)
            wa, wb = who.span()
        tail = _WEEKDAY_TAIL.search(text, wa, wb)
        if tail:
            wb = tail.start()
        a = b = None
        for j in range(i + 1, len(paras)):
            na, nb = paras[j]
            body = text[na:nb]
            if body.lstrip()[:1] in "“\"«„" or body.rstrip()[-1:] not in ".!?”\"’)" or \
                    len(body.split()) < 4 or a is not None and any(ch in body for ch in "“”\""):
                break  # (a colon, a date or a signature line: no sentence of the statement)
            a = na if a is None else a
            b = nb
        if a is not None:
            out.append((a, b, (wa, wb)))
    return out


def _sentence_start(text: str, pa: int, pos: int) -> int:
    """Start of the sentence holding ``pos`` in the paragraph at ``pa``: after the last ". "
    whose word is no abbreviation ("U.S. Affairs", "Mr. Kim")."""
    k = pos
    while True:
        k = text.rfind(". ", pa, k)
        if k < 0:
            return pa
        word = text[pa:k].rsplit(None, 1)[-1] if text[pa:k].split() else ""
        if len(word) > 2 and "." not in word and word.lower() not in _ABBREV:
            return k + 2
