"""Reported speech without marks: the clause before a sentence-final cue."""
from __future__ import annotations

import re

from korea_analysis.quotes.cue_speakers import _Cue
from korea_analysis.quotes.cues import load_cues
from korea_analysis.quotes.words import DAYS_RE, _strip_punct

_CLAUSE_TAIL = re.compile(
    r"(?:(?:reporters|journalists)\b\s*)?(?:[a-z]+ed\s+)?"  # ("…, said an official involved in …")
    r"(?:(?:on|in|at|last|this|late|early|earlier|later|during|after|following|before|ahead"
    r"|on\s+\w+)\b[^,.;\x00“”]{0,100}"
    rf"|(?:{DAYS_RE}|(?:today|yesterday)\b)"
    r"[^,.;\x00“”]{0,70})?(?:,[^\x00“”]{0,120})?[.!?]*\s*$"
    r"|(?:[a-z]+ed\s+)?,\s*[a-z]+ing\s*:\s*“[^”]*”?[.!?]*\s*$")
# ("…, he observed, stressing: “…”": a participle, then a quotation of its own)
# ("…, state media said on Friday, as he hosted a party congress.": a time, then a clause)


#: a clause that ends with its own speaker and cue: "Lee told the summit yesterday"
_ENDS_WITH_CUE = re.compile(r"(?:^|[,”]\s*)(?:[A-Z][\w’'.\-]*\s+){1,4}"
                            r"(?:said|says|told|tells|added|stated)(?:\s+(?!that\b)[\w’'\-]+){0,4}$")
_HIDDEN = re.compile(r"\x00+")
_PAREN = re.compile(r"^\([^()\x00“”]{1,40}\)\s*")
_RELATIVE = re.compile(r"(?<![\w’'])(?:that|which|who|whom)\s+$")


#: a dateline opening the first sentence: "SEOUL (Reuters) - ", "Pyongyang, May 3 (KCNA) -- "
_DATELINE = re.compile(r"[A-Z][A-Za-z .’'\-]{1,30}(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?\s*"
                       r"\([^()\n]{1,40}\)\s*(?:-{1,2}|—|–)\s*")


#: a clause opened by a preposition ("In this regard", "In an editorial on Monday") …
_OCCASION_ONLY = re.compile(r"(?:In|On|At|During|After|Before|With|Following|Amid|Under|For|"
                            r"Through|Regarding|Concerning|Citing|Unlike|Like)\s")
#: … is no speech unless a verb stands in it (an auxiliary, a past form, "to", an -s form)
_HAS_VERB = re.compile(r"(?<![\w’'\-])(?:is|are|was|were|be|been|has|have|had|will|would|"
                       r"could|should|can|may|might|must|did|does|do|to|[a-z]{2,}ed|"
                       r"(?!(?:this|thus|its|his|hers|ours|yours|theirs|less|across)\b)[a-z]{2,}s)"
                       r"(?![\w’'\-])")


def _could_speak(phrase: str) -> bool:
    """A speaker phrase names someone who speaks: a name, a pronoun, a person or body noun.
    "Without a peace declaration, an ongoing conflict continues." has no speaker at all."""
    cues = load_cues()
    for w in phrase.split():
        if w[:1].isupper():
            return True
        low = w.lower().strip(".,;:’'")
        low = low[:-2] if low.endswith("’s") or low.endswith("'s") else low
        for x in (low, low[:-1] if low.endswith("s") else low,
                  low[:-2] if low.endswith("es") else low):
            if (x in cues.subject_pronouns or x in cues.speaking_nouns  # "the report said"
                    or x in cues.institution_heads or x in cues.body_heads
                    or x in cues.outlets):
                return True
    return False


def _clause_before(m: str, c: _Cue, ss: int, se: int, marks: bool = False
                   ) -> tuple[int, int] | None:
    """``The alliance is strong, Yoon said.``: the clause before a sentence-final cue.
    ``marks``: the clause may hold quoted words (their pieces are rows of their own)."""
    if c.sp is None:
        return None
    if not marks and not _could_speak(m[c.sp[0]:c.sp[1]]):
        return None
    end = min(c.a, c.sp[0])
    if _RELATIVE.search(m[max(ss, end - 12):end]):
        return None  # ("…, a state of war that it had declared last week, …": no main verb)
    if marks and c.role is not None:  # (“…,” the British Ambassador to the UN, Karen Pierce, said)
        end = min(end, c.role[0])
    rest = m[max(c.b, c.sp[1]):se].lstrip()
    if c.form in ("told", "tells", "tell"):  # "…, Benham told Reuters on Tuesday, …"
        rest = rest[load_cues().told_whom(rest):].lstrip()  # (find_quotes' cue file)
    rest = _PAREN.sub("", rest, count=1)  # ("said the leader of the DPRK ( DPRK) at …")
    if end <= ss or not _CLAUSE_TAIL.match(rest[:80]):
        return None
    cut = m.rfind(",", ss, end)
    if cut < 0:
        return None
    a, b = _strip_punct(ss, cut, m)
    if marks:
        a = ss + len(m[ss:a]) - len(m[ss:a].lstrip(" \t\n\u00a0"))  # (keep an opening mark)
    line = _DATELINE.match(m, a, b)
    if line:  # "SEOUL (Reuters) - …": the dateline is not the speaker's words
        a = line.end()
    if marks and re.match(r"“\x00*[,.!?]?”\s*(?:\S+\s+){0,8}?\S*$", m[a:b]):
        return None  # a quotation, then only a few words: the cue's own speaker phrase
    if b - a < 8 or len(m[a:b].split()) < 3 or not marks and "\x00" in m[a:b] and (
            m[a] in "“\x00" or any(len(r) > 40 for r in _HIDDEN.findall(m, a, b))):
        return None  # (quoted words in it: only short terms, "“words-for-words” commitments")
    if not marks and _OCCASION_ONLY.match(m, a, b) and not _HAS_VERB.search(m, a, b):
        return None  # ("In an editorial on Monday, the paper wrote …": an occasion, no speech)
    if c.kind == "according" and not marks and _ENDS_WITH_CUE.search(m[a:b]):
        return None  # ("“…,” Lee told the summit, according to his spokesman": a relay)
    return a, b
