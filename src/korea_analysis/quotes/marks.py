"""Pairing quotation marks per paragraph, then masking the quoted words.

A stray or unpaired mark is dropped, never an error; a quotation carried across a
paragraph break (no closing mark, an opening mark on the next paragraph) is one group.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

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
    m = "".join(out)
    if "[" in m:  # (few texts have a broadcast label: most skip the search)
        m = _LABEL_TAG.sub(lambda mm: " " * len(mm.group()), m)
    return m


#: a broadcast transcript's tag before a speaker's name, "[Soundbite] Lee Min-ho(Minister) :":
#: the tag and the title glued to the name in parentheses are labels, not part of the name
_LABEL_TAG = re.compile(r"(?m)^[ \t]*\[[A-Za-z][A-Za-z ]{1,20}\][ \t]*(?=[A-Z])|"
                        r"(?<=[a-z])\([A-Z][^()\n:“”\"]{1,60}\)(?=[ \t]*:)")
