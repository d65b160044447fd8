"""Sentences inside a masked paragraph: quoted words are hidden, so only real ends count."""
from __future__ import annotations

import re

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
