"""Reported speech without marks: the clause before a sentence-final cue."""
from __future__ import annotations

import re

from korea_analysis.quotes.cue_speakers import _Cue
from korea_analysis.quotes.words import _strip_punct

_CLAUSE_TAIL = re.compile(
    r"(?:(?:reporters|journalists)\s+)?"
    r"(?:(?:on|in|at|last|this|late|early|earlier|later|during|after|following|before|ahead"
    r"|on\s+\w+)\b[^,.;\x00“”]{0,100}"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\b"
    r"[^,.;\x00“”]{0,70})?(?:,[^\x00“”]{0,120})?[.!?]*\s*$")
# ("…, state media said on Friday, as he hosted a party congress.": a time, then a clause)


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
