"""Who a speaker mention that names no one stands for: "it", "the ministry", "the report",
"the president". The answer is the institution or person the article named before
("Pyongyang's defence ministry issued a statement on Sunday. It said …"), so that the
speaker's words carry the name (and its country) instead of a bare noun. The head words and
descriptions are data (``institution_heads``, ``body_heads``, ``issued``,
``person_descriptions`` in ``speech_cues.yaml``)."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import NamedTuple

from korea_analysis.quotes.names import _looks_person
from korea_analysis.quotes.words import _CAP_STOP, _DETS

_LEAD_DROP = {"of", "the", "and", "The", "A", "An", "This", "That", "Its", "Their", "Our",
              "His", "Her"}
_NOT_PROPER = {"The", "A", "An", "This", "That", "Its", "Their", "Our", "His", "Her", "It"}
# how far back an antecedent may be: "it" refers to the sentence or two before
_IT_WINDOW = 400
_OF_TAIL = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w\-]*(?:[’']s)?"
                      r"(?:[ \t]+(?:and[ \t]+|of[ \t]+)?[A-Z][\w\-]*(?:[’']s)?){0,4}")
# ("the official news agency of the Democratic People’s Republic of Korea")
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([A-Z][\w\-]*)(?![\w’'\-])")
_IN_CITY = re.compile(r"[ \t]+in[ \t]+[A-Z][a-z]+(?![\w’'\-])")
_NAME_AFTER = re.compile(r",?[ \t]+(?:the[ \t]+)?(?P<name>[A-Z][\w’'\-]+(?:[ \t]+[A-Z][\w’'\-]+)"
                         r"{0,2})(?![\w’'\-])")
# families that publish articles, commentaries and reports
_PUBLISHERS = {"outlet", "newspaper", "paper", "daily", "agency", "media", "broadcaster",
               "weekly"}
_PUBLISHED = {"article", "commentary", "editorial", "report", "dispatch", "bulletin"}
_BODY_WINDOW = 3000
#: a description that any office holder fits ("the US official": an ambassador, a minister)
_ANY_OFFICE = frozenset({"official"})
_RELAYED = re.compile(r"(?i:according[ \t]+to|via|citing|quoted[ \t]+by|told)[ \t]+(?:the[ \t]+)?$")


class Institution(NamedTuple):
    start: int
    end: int
    family: str  # the head word, lower-case ("ministry"), or "outlet"
    name: tuple[int, int] | None = None  # its proper name inside, when it has one apart


def institutions(eng) -> list[Institution]:
    """Named institutions and outlets in the article, in text order (computed once)."""
    if eng._institutions is not None:
        return eng._institutions
    t = eng.text
    cues = eng.cues
    out: list[Institution] = []
    prefix = _prefix_re(tuple(sorted(cues.institution_modifiers)))
    mods = {w for m in cues.institution_modifiers for w in m.split()}
    masked = getattr(eng, "masked", None)
    for mm in cues.institution_head_re.finditer(t):
        if masked is not None and masked[mm.start()] == "\x00":
            continue  # a head inside quotation marks: a title ("What Is the Joint Military
            # Drill Aimed at?"), not a body named
        pre = prefix.search(t, max(0, mm.start() - 160), mm.start())
        a, b = (pre.start() if pre else mm.start()), mm.end()
        head = mm.group(0).lower()
        if mm.group(0) == head and head not in cues.named_after_heads and not any(
                w[:1].isupper() or w in mods for w in t[a:mm.start()].split()):
            continue  # "the house", "his office": nothing before the head can name it
        while True:  # "the New York Daily News": an outlet's name runs on past the head
            more = _NEXT_WORD.match(t, b)
            if more is None or more.group(1) not in cues.outlet_heads or mm.group(0).islower():
                break
            b = more.end()
        tail = _OF_TAIL.match(t, b)
        if tail:
            b = tail.end()  # "the Ministry of National Defense"
        city = _IN_CITY.match(t, b)
        if city:
            b = city.end()  # "the Foreign Ministry in Pyongyang"
        toks = [(x.start() + a, x.end() + a) for x in re.finditer(r"\S+", t[a:b])]
        for i in range(len(toks) - 1, -1, -1):  # "… on Monday. North Korea's …"
            w = t[toks[i][0]:toks[i][1]]
            if w.endswith(".") and "." not in w[:-1] and i < len(toks) - 1:
                toks = toks[i + 1:]
                break
        while toks and (t[toks[0][0]:toks[0][1]] in _LEAD_DROP or
                        t[toks[0][0]:toks[0][1]] in _CAP_STOP):
            toks = toks[1:]
        if not toks:
            continue
        words = [t[x:y] for x, y in toks]
        name = None
        if head in cues.named_after_heads and b == mm.end() and mm.group(0).islower():
            # ("the paper Hangyore"; a capital head is part of the name: "the Daily Caller")
            after = _NAME_AFTER.match(t, b)
            if after:
                b = after.end()  # "the south Korean paper Hangyore"
                name = after.span("name")
        if not any(w[:1].isupper() and w not in _NOT_PROPER for w in words) and \
                b == mm.end():
            continue  # "the ministry": a body noun, not a name
        out.append(Institution(toks[0][0], b, head, name))
    for mm in cues.named_outlet_re.finditer(t):
        out.append(Institution(mm.start(), mm.end(), "outlet"))
    out.sort()
    # an outlet inside an institution phrase ("the Korean Central News Agency") is one
    merged: list[Institution] = []
    for inst in out:
        if merged and inst.start < merged[-1].end:
            last = merged[-1]
            if inst.family == "outlet":  # "the DPRK's Rodong Sinmun newspaper"
                merged[-1] = Institution(last.start, max(last.end, inst.end), "outlet",
                                         (inst.start, inst.end))
            elif inst.end > last.end:
                merged[-1] = Institution(last.start, inst.end, last.family, last.name)
            continue
        merged.append(inst)
    eng._institutions = merged
    return merged


@lru_cache(maxsize=8)
def _prefix_re(mods: tuple[str, ...]) -> re.Pattern:
    """The name before a head word: up to six capitalised words or modifiers, ending there."""
    words = sorted({w for m in mods for w in m.split()} | {"of", "the", "and"}, key=len,
                   reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\S)(?:(?:[A-Z][\w.&’'\-]*|{alt})[ \t\u00a0]+){{0,6}}$")


def _latest(insts: list[Institution], lo: int, hi: int, families=None) -> Institution | None:
    k = bisect.bisect_left(insts, (hi,)) - 1
    while k >= 0 and insts[k].start >= lo:
        inst = insts[k]
        if inst.end <= hi and (families is None or inst.family in families):
            return inst
        k -= 1
    return None


def _words(eng, inst: Institution) -> tuple[str, str | None]:
    """The institution as a speaker: its proper name if it has one apart ("Rodong Sinmun"),
    with the whole phrase as the role ("the DPRK's Rodong Sinmun newspaper")."""
    whole = re.sub(r"\s+", " ", eng.text[inst.start:inst.end])
    if inst.name is None or inst.name == (inst.start, inst.end):
        return whole, None
    return re.sub(r"\s+", " ", eng.text[inst.name[0]:inst.name[1]]), whole


def it_antecedent(eng, pos: int, speakers: list[tuple[int, str]]
                  ) -> tuple[str, str | None] | None:
    """``It said`` after a sentence naming an institution: that institution, unless a
    non-person speaker was credited after it."""
    inst = _latest(institutions(eng), max(0, pos - _IT_WINDOW), pos)
    if inst is None:
        return None
    for p, name in reversed(speakers):
        if p < pos and (not _looks_person(name) or name in eng.institution_names) and \
                not eng.person_description(name):
            if p >= inst.start:
                return None
            break
    return _words(eng, inst)


def issued(cues) -> frozenset[str]:
    """The nouns for what a body issues: ``issued`` and ``issued_more`` of the cue file."""
    return cues.issued_all


def body_antecedent(eng, head: str, pos: int) -> tuple[str, str | None] | None:
    """``the ministry`` / ``the agency`` / ``the report`` -> the institution named before."""
    cues = eng.cues
    insts = institutions(eng)
    lo = max(0, pos - _BODY_WINDOW)
    if head in cues.body_heads:
        inst = _latest(insts, lo, pos, cues.body_heads[head])
        return _words(eng, inst) if inst is not None else None
    if head in issued(cues):
        # whoever issued it: the institution nearest an earlier mention of the noun
        t = eng.text
        named = None
        for mm in _issuer_re(head).finditer(t, lo, pos):  # "Minju Choson in an article …"
            named = mm
        if named is not None and _looks_issuer(named.group("who")):
            for inst in insts:  # "The Foreign Ministry in Pyongyang released a statement"
                if inst.start <= named.start("who") < inst.end:
                    return _words(eng, inst)
            return re.sub(r"\s+", " ", named.group("who")), None
        person = _apposed_issuer(t, head, lo, pos)
        if person is not None:  # "Ri Ji Song, Researcher of …, released an article"
            return person, None
        nouns = [lo + mm.start() for mm in re.finditer(
            rf"(?<![\w’'\-]){re.escape(head)}(?![\w’'\-])", t[lo:pos], re.I)]
        near = [(min(abs(i.start - n), abs(i.end - n)), -i.start, i) for n in nouns
                for i in insts if n - 200 <= i.start and i.end <= min(pos, n + 150)]
        if head in _PUBLISHED or head in cues.published_more:
            near = [x for x in near if x[2].family in _PUBLISHERS] or near
        if near:
            return _words(eng, min(near)[2])
        if head in _PUBLISHED or head in cues.published_more:
            # "KCNA reported …, according to CNN. The story said": the outlet that reported,
            # not the one relaying it
            pubs = [i for i in insts if max(0, pos - 600) <= i.start and i.end <= pos and
                    i.family in _PUBLISHERS]
            own = [i for i in pubs if not _RELAYED.search(t, max(0, i.start - 20), i.start)]
            if own or pubs:
                return _words(eng, (own or pubs)[-1])
        inst = _latest(insts, max(0, pos - 600), pos)
        return _words(eng, inst) if inst is not None else None
    return None


@lru_cache(maxsize=64)
def _issuer_re(head: str) -> re.Pattern:
    return re.compile(
        r"(?<![\w’'\-])(?P<who>[A-Z][\w’'\-]*(?:[ \t]+[A-Z][\w’'\-]*){0,3})[ \t]+"
        r"(?:in|carried|published|ran|released|issued|put[ \t]+out)[ \t]+(?:an?|its|the)[ \t]+"
        rf"(?:[\w\-]+[ \t]+)?{re.escape(head)}(?![\w’'\-])")


def _apposed_issuer(t: str, head: str, lo: int, pos: int) -> str | None:
    """The person opening the sentence that issued the text, maybe set off by an apposition:
    ``Ri Ji Song, Researcher of the Society …, released an article`` -> Ri Ji Song; ``Kim Yo
    Jong said in a statement`` -> Kim Yo Jong."""
    last = None
    for mm in _issued_by_re(head).finditer(t, lo, pos):
        last = mm
    if last is None:
        return None
    start = max(t.rfind("\n", lo, last.start()) + 1, lo)
    for end in _SENTENCE_END.finditer(t, start, last.start()):
        start = end.end()  # (not the stop of "U.S." or "Feb. 13")
    dateline = _ISSUER_DATELINE.match(t, start, last.start())
    if dateline is not None:
        start = dateline.end()  # "Pyongyang, February 16 (KCNA) -- Ro Kil Nam, …"
    subject = _APPOSED_SUBJECT.fullmatch(t[start:last.start()])
    if subject is None or not _looks_person(subject.group("name")):
        return None
    return subject.group("name")


#: the subject before "issued an article": a name, up to three appositions ("Ro Kil Nam,
#: representative of X, an internet paper of Koreans in the U.S., on Feb. 13 issued …") and
#: a date
_APPOSED_SUBJECT = re.compile(r"\s*(?P<name>[A-Z][\w’'\-]+(?:[ \t]+[A-Z][\w’'\-]+){1,3})"
                              r"(?:(?:,[^,;:\n“”\"]{3,160}){1,3},)?\s*"
                              r"(?:(?:on|in)[ \t]+[A-Z][a-z]{2,8}\.?(?:[ \t]+\d{1,2})?[ \t]+)?")
_SENTENCE_END = re.compile(r"[.!?][\"”’']?[ \t]+(?=[\"“‘]?[A-Z][a-z])")
_ISSUER_DATELINE = re.compile(r"[ \t]*[A-Z][\w ]{1,30},[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}"
                              r"[ \t]*(?:\([A-Za-z][^()\n]{0,30}\))?[ \t]*(?:--|—|–|-)[ \t]+")


@lru_cache(maxsize=64)
def _issued_by_re(head: str) -> re.Pattern:
    return re.compile(
        r"(?<![\w’'\-])(?:released|issued|published|wrote|penned|put[ \t]+out|"
        r"(?:said|stated|declared|warned|added|wrote)[ \t]+in)[ \t]+"
        rf"(?:an?|the|his|her)[ \t]+(?:[\w\-]+[ \t]+)?{re.escape(head)}(?![\w’'\-])")


def _looks_issuer(who: str) -> bool:
    """A name that can issue an article: not a sentence opener ("The", "In") alone."""
    words = who.split()
    return not (len(words) == 1 and (words[0] in _CAP_STOP or words[0] in _NOT_PROPER))


def person_antecedent(eng, head: str, pos: int, former: bool = False) -> str | None:
    """``the president`` -> the latest person named before with that title
    ("President Lee Jae-myung") or that word in an apposition ("…, the Russian envoy,").
    Never a name inside a quotation (quoted words speak of people, they do not name the
    speaker); ``former`` ("the former president"): only a title that says "former"."""
    titles = eng.cues.person_descriptions.get(head)
    if not titles:
        return None
    t = eng.text
    masked = getattr(eng, "masked", None) or t
    lo = max(0, pos - _BODY_WINDOW)
    best: tuple[int, str] | None = None

    def fits(p: int) -> bool:
        if masked[p] == "\x00":
            return False  # ("…, as President Roh has vowed …,” the former president said")
        return not former or _former_before(t, p)

    for mm in _title_name_re(tuple(sorted(titles))).finditer(t, lo, pos):
        name = mm.group("name") or mm.group("name2")
        if name and name.endswith(("’s", "'s")):  # "President Trump's summit": Trump
            name = name[:-2]
        if name and _looks_person(name) and fits(mm.start("name") if mm.group("name")
                                                 else mm.start("name2")):
            best = (mm.start(), name)
    for p, name in eng.names():  # "Russian Ambassador to North Korea Alexander Matsegora"
        if p >= pos:
            break
        if p >= lo and (best is None or p > best[0]) and _looks_person(name) and \
                _titled_before(t[max(0, p - 60):p].split(), titles) and fits(p):
            best = (p, name)
    if best is None:
        return None
    end = t.find(best[1], best[0]) + len(best[1])
    if head not in _referring(eng.cues)[2] and _group_or_same_head(eng, head, end, pos):
        return None  # ("Foreign Minister Kang said …. Japanese officials declined …. “…,”
        #              the diplomat said": one of them may be the diplomat)
    return eng.full_name(best[1], best[0]) if " " not in best[1] else best[1]


#: lower-case words a title before a name may hold ("Former President and Nobel Peace
#: laureate Kim …")
_TITLE_GLUE = frozenset({"and", "of", "the", "to", "for", "former", "ex", "then", "laureate",
                         "prize", "winner", "late"})


def _former_before(t: str, p: int) -> bool:
    """The title right before the name at ``p`` says "former" ("Former South Korean President
    and Nobel Peace laureate Kim Dae-jung"; not "Former President X met President Y")."""
    for w in reversed(t[max(0, p - 100):p].split()[-10:]):
        low = w.lower().strip(",")
        if low in ("former", "ex-president", "ex-minister"):
            return True
        if w[:1].islower() and low not in _TITLE_GLUE or w.endswith((",", ".", ";", ":")) \
                and not w.endswith("Gen."):
            return False
    return False


def _titled_before(words: list[str], titles: set[str]) -> bool:
    """The words right before a name hold the title, with only names or "to/of/the" between
    ("Russian Ambassador to North Korea Alexander …"; not "President Xi reassured Kim")."""
    for w in reversed(words[-5:]):
        if w.lower().rstrip(".,") in titles:
            return True
        if not (w[:1].isupper() or w in ("to", "of", "the", "for")) or w.endswith(","):
            return False
    return False


@lru_cache(maxsize=64)
def _title_name_re(titles: tuple[str, ...]) -> re.Pattern:
    alt = "|".join(re.escape(w) for w in sorted(titles, key=len, reverse=True))
    name = r"[A-Z][\w’'\-]+(?:[ \t]+[A-Z][\w’'\-]+){0,3}"
    return re.compile(
        rf"(?<![\w’'\-])(?i:{alt})(?![\w’'\-])[ \t]+(?P<name>{name})(?![\w’'\-])|"
        rf"(?P<name2>{name}),[ \t]+(?:(?:the|a|an)[ \t]+[^,.;“”\n]{{0,50}}?(?i:{alt})"
        rf"(?![\w’'\-])|(?:{alt})[ \t]+(?:of|for|at)[ \t])")
    # ("Kim Yong Nam, president of the Presidium": an apposition without an article)


def is_bare_description(mention: str) -> bool:
    """``the ministry``, ``The president``, ``the Russian diplomat``: a determiner, then
    lower-case words or a nationality, no name of its own."""
    words = mention.split()
    if len(words) < 2 or words[0].lower() not in _DETS:
        return False
    return words[-1].islower()


def named_inside(eng, a: int, b: int) -> tuple[str, str] | None:
    """A speaker phrase that is an institution with its own name inside: ``the DPRK's Rodong
    Sinmun newspaper``, ``The south Korean paper Hangyore`` -> (name, whole phrase)."""
    t = eng.text
    cues = eng.cues
    if cues.named_outlet_re.search(t, a, b) is None and not any(
            w in cues.named_after_heads for w in t[a:b].split()):
        return None  # (the quick test: most speaker phrases hold neither)
    insts = institutions(eng)
    k = bisect.bisect_left(insts, (a,))
    for inst in insts[max(0, k - 1):k + 2]:
        if inst.name is not None and a <= inst.name[0] and inst.name[1] <= b and \
                inst.start < b and a < inst.end and inst.name != (a, b):
            return (re.sub(r"\s+", " ", t[inst.name[0]:inst.name[1]]),
                    re.sub(r"\s+", " ", t[a:b]))
    return None


_ACRONYM = re.compile(r"(?:[Tt]he\s+)?(?P<acr>[A-Z]{2,6})")
_CAPS_RUN = re.compile(r"[A-Z][a-z]+(?:[ \t\u00a0]+(?:(?:of|and|for|the)[ \t\u00a0]+)?"
                       r"[A-Z][a-z]+){1,6}")


def acronym_antecedent(eng, mention: str, pos: int) -> str | None:
    """``the JCS`` -> ``Joint Chiefs of Staff`` named before (initials of its capitalised
    words); None when the article never spells it out."""
    mm = _ACRONYM.fullmatch(mention)
    if mm is None:
        return None
    acr = mm.group("acr")
    best = None
    for run in _CAPS_RUN.finditer(eng.text, max(0, pos - _BODY_WINDOW), pos):
        words = run.group(0).split()
        caps = [w for w in words if w[:1].isupper()]
        for k in range(len(caps) - len(acr) + 1):  # a run may hold more before the name
            if "".join(w[0] for w in caps[k:]) == acr:
                start = run.start() + run.group(0).index(caps[k])
                best = re.sub(r"\s+", " ", eng.text[start:run.end()])
                break
    return best


# how far a description looks for the one person it can stand for: back a few paragraphs,
# forward to the end of the next sentence ("The Ruritanian envoy … said …" and then
# "“…,” Ruritanian Deputy Minister X said")
_DESCRIBED_BACK = 1500
_DESCRIBED_AHEAD = 600
_SENT_END = re.compile(r"[.!?][\"”’']?(?=\s)")


def described_person(eng, mention: str, head: str, a: int, b: int) -> str | None:
    """``the North Korean envoy`` -> the one person nearby whose title carries the same
    nationality ("North Korean Vice Foreign Minister Kim …") or the description's role,
    named before it or by the end of the next sentence. Only a definite description ("the
    …"; "a U.S. official" is someone new), and only when exactly one person fits: never a
    guess between two."""
    words = mention.split()
    if len(words) < 2 or words[0].lower() != "the" or head not in eng.cues.person_heads:
        return None
    nationality = [w for w in words[1:-1] if w[:1].isupper()]
    titles = eng.cues.person_descriptions.get(head, set())
    t = eng.text
    ahead = b
    for _ in range(2):  # the rest of this sentence and the next one
        end = _SENT_END.search(t, ahead, b + _DESCRIBED_AHEAD)
        if end is None:
            break
        ahead = end.end()
    lo = max(0, a - _DESCRIBED_BACK)
    found: set[str] = set()
    for p, name in eng.names():
        if p >= ahead:
            break
        if p < lo or a <= p < b or not _looks_person(name):
            continue
        run = _title_run(t, p)
        if not run:
            continue
        low = [w.lower().rstrip(".,") for w in run]
        titled = head in _ANY_OFFICE or any(w in titles for w in low)  # (with a country)
        if nationality:
            fits = " ".join(nationality) in " ".join(run) or titled and re.match(
                r"[ \t]+of[ \t]+(?:the[ \t]+)?" + re.escape(" ".join(nationality)) +
                r"(?![\w’'\-])", t[p + len(name):p + len(name) + 60]) is not None
            # ("the US ambassador" = "Ambassador Susan Rice of the US")
        else:
            fits = any(w in titles for w in low) and not (
                p < a and head not in _referring(eng.cues)[2] and
                _group_or_same_head(eng, head, p + len(name), a))
            # (people named or grouped since: "Japanese officials declined to comment")
        if fits:
            found.add(eng.full_name(name, p) if " " not in name else name)
    # (a surname and the full name it stands for are one person)
    people = {n for n in found if not any(o != n and o.endswith(" " + n) for o in found)}
    return people.pop() if len(people) == 1 else None


def _title_run(t: str, p: int) -> list[str]:
    """The capitalised title right before a name ("North Korean Vice Foreign Minister"), up to
    eight words with only "to/of/the/for" between them; empty when the name has none."""
    out: list[str] = []
    for w in reversed(t[max(0, p - 90):p].split()[-8:]):
        if w.endswith((",", ".", ";", ":", "”", "\"")) and not w.endswith(("Gen.", "Lt.")):
            break
        if not (w[:1].isupper() or w in ("to", "of", "the", "for")):
            break
        out.append(w)
    out.reverse()
    while out and out[0] in ("to", "of", "the", "for"):
        out = out[1:]
    return out


_SOURCE_AFTER = re.compile(
    r"[ \t]*,?[ \t]*(?:which[ \t]+was[ \t]+|that[ \t]+was[ \t]+)?"
    r"(?:(?:carried|released|issued|published|put[ \t]+out|sent|posted|run)[ \t]+)?"
    r"(?:by|from|of)[ \t]+")


def source_after(eng, b: int) -> tuple[str, str | None] | None:
    """``a statement carried by the Korean Central News Agency``, ``a statement from the
    Foreign Ministry``: the institution named right after an issued noun (its issuer, or the
    outlet that carried it when no issuer is named), within a few words and no punctuation."""
    mm = _SOURCE_AFTER.match(eng.text, b)
    if mm is None:
        return None
    insts = institutions(eng)
    k = bisect.bisect_left(insts, (mm.end(),))
    for inst in insts[k:k + 1]:
        gap = eng.text[mm.end():inst.start]
        if len(gap) <= 40 and not re.search(r"[,.;:“”\"\n]", gap):
            return _words(eng, inst)
    return None


# a description in an article's lead ("…, a senior Ruritanian security official said on
# Tuesday.") is the person the next paragraphs name with that role ("Ivan Petrov, secretary
# of Ruritania's Security Council, …"): how far into the text a lead may sit (a caption may
# come first) and how far on its person may be named
_LEAD_END = 1200
_LEAD_AHEAD = 1500
_LEAD_DETS = frozenset({"the", "a", "an"})
_LEAD_SKIP = frozenset({"the", "a", "an", "of", "to", "for", "and", "at", "in", "on"})
_NO_OFFICIAL = frozenset({"president", "leader", "premier", "chancellor", "king", "queen",
                          "prime", "emperor", "pope"})
_POSSESSIVE = re.compile(r"^[A-Z][\w\-.]*[’']s$")
#: words of rank that say nothing of which office ("a senior official")
_RANK_WORDS = frozenset({"senior", "top", "high-ranking", "high-level", "ranking", "former",
                         "junior", "key", "leading", "government", "administration"})
_ANONYMOUS = re.compile(r"(?i)\b(?:condition of anonymity|not (?:authorized|authorised) to|"
                        r"asked not to be (?:named|identified)|declined to be (?:named|"
                        r"identified)|(?:asked|requested) anonymity|on background)\b")
_APPOSITION = re.compile(r",[ \t]+(?P<app>[^,.;:\n“”\"]{3,90})")


def lead_person(eng, mention: str, a: int, b: int) -> str | None:
    """``a senior Ruritanian security official`` (or ``the Ruritanian ambassador``,
    ``Ruritania's top presidential security adviser``) in an article's lead -> the first person
    named after it whose title or apposition carries the description's role (a title word of
    its head noun, any office for "official") and its nationality or body, when capitalised
    ("United Nations", "US"). A definite or possessive description may also stand for the
    latest such person named before it (a caption). None when nobody fits."""
    if a > _LEAD_END:
        return None
    words = mention.split()
    if len(words) < 2:
        return None
    cut = words.index("of") if "of" in words[1:] else len(words)
    head = words[cut - 1].lower().rstrip(".,")
    cues = eng.cues
    if head not in cues.person_heads or (words[cut - 1][:1].isupper() and
                                          not _POSSESSIVE.match(words[0])):
        return None
    first = words[0].lower()
    indefinite = first in ("a", "an")
    if not (first in _LEAD_DETS or _POSSESSIVE.match(words[0]) or words[0][:1].isupper()):
        return None  # ("his deputy", "one islander")
    titles = set(cues.person_descriptions.get(head, set())) | {head}
    any_office = head in _ANY_OFFICE
    offices = None
    if any_office:
        offices = {w for k, v in cues.person_descriptions.items() for w in {k, *v}} | {
            w.lower().rstrip(".") for w in cues.titles}
        offices -= _NO_OFFICIAL  # ("a senior official" is no head of state named next)
    parts = cues.title_parts
    lowtitles = {w.lower() for w in parts}
    places = [re.sub(r"[’']s$", "", w.rstrip(",")) for w in words[1:] if w[:1].isupper()
              and w.lower().rstrip(".,") not in lowtitles and w.lower() not in _LEAD_SKIP]
    stems = {(p[:4] if len(p) > 4 else p) for p in places if p not in ("Korea", "Korean")}
    if places and not stems:
        stems = {"Korea"}
    if any_office and not stems:
        return None  # ("the port official" fits no office holder: a country must be named)
    t = eng.text
    if indefinite and _ANONYMOUS.search(t, b, b + 160):
        return None  # "…, speaking on condition of anonymity": unnamed on purpose
    # "a senior Ruritanian security official": an indefinite "official" is a person named
    # later only when its own words say more than rank and country ("security"), and the
    # person's title says that too
    specific = {w.lower() for w in words[1:cut - 1] if w[:1].islower()
                and w.lower() not in _RANK_WORDS and w.lower() not in _LEAD_SKIP}
    if indefinite and any_office and not specific:
        return None

    def fits(p: int, name: str) -> bool:
        before = t[max(0, p - 80, b if p > b else 0):p]  # (not the description itself)
        cut_at = max(before.rfind(ch) for ch in ".;\n“”\"")
        before = before[cut_at + 1:]
        after = t[p + len(name):min(p + len(name) + 110, a if p < a else len(t))]
        stop = re.search(r"[.;\n“”\"]", after)
        after = after[:stop.start()] if stop else after
        ctx = (before + " " + after)
        low = [w.lower().strip(".,’'s") for w in ctx.split()]
        low += [w.lower().rstrip(".,") for w in ctx.split()]
        if any_office:
            role_ok = any(w in offices for w in low)
            if indefinite and not any(w.startswith(x[:5]) for x in specific for w in low):
                return False
        else:
            role_ok = any(w in titles for w in low)
        if not role_ok:
            return False
        return not stems or any(re.search(r"(?<![\w])" + re.escape(s), ctx) for s in stems)

    latest = None
    for p, name in eng.names():
        if a <= p < b or not _looks_person(name):
            continue
        lead = name.split()
        while len(lead) > 2 and lead[0] in parts:  # "Special Rapporteur Vitit Muntabhorn"
            lead = lead[1:]
        p, name = p + len(name) - len(" ".join(lead)), " ".join(lead)
        if p >= b + _LEAD_AHEAD:
            break
        if p < a:
            if not indefinite and fits(p, name):
                latest = (p, name)
            continue
        if fits(p, name):
            return eng.full_name(name, p) if " " not in name else name
    if latest is not None:
        if head not in _referring(eng.cues)[2] and _group_or_same_head(
                eng, head, latest[0] + len(latest[1]), a):
            return None  # (officials or analysts named since: one of them may speak)
        return latest[1]
    return None  # never the next person named with no title that fits: that is a guess


_ACRONYM_WORD = re.compile(r"(?<![\w’'\-.])[A-Z]{3,6}(?![\w’'\-])")
# state codes are no body's initials ("the union" is not the USA)
_STATE_CODES = frozenset({"USA", "DPRK", "ROK", "PRC", "UAE", "USSR", "ROC", "GBR", "PRK",
                          "KOR", "JPN", "CHN", "RUS"})


def acronym_body(eng, head: str, pos: int) -> str | None:
    """``the bureau`` after ``The FBI … blamed``: the latest acronym named before (three to
    six capitals, no state code) whose letters hold the head noun's initial, when the text
    names no institution with that head; None when there is none."""
    if head not in eng.cues.institution_heads or head in issued(eng.cues):
        return None
    best = None
    for mm in _ACRONYM_WORD.finditer(eng.text, max(0, pos - _BODY_WINDOW), pos):
        word = mm.group(0)
        if word not in _STATE_CODES and head[0].upper() in word[1:]:
            best = word  # (the initial after the first letter: "Federal Bureau …")
    return best


#: how far back the person a definite description stands for may have been quoted
_REFER_BACK = 1500
#: the words that end a description's head ("a source in X province", "an official of …")
_DESC_TAIL = frozenset({"in", "of", "from", "at", "on", "with", "who", "whose", "based",
                        "close", "familiar", "inside", "for", "to", ","})


def description_head(mention: str) -> str:
    """The head noun of a description: its last word before a modifier after it ("a source
    in North Hamgyong Province" -> "source", "The Deputy Minister" -> "minister")."""
    words = []
    for w in mention.replace(",", " , ").split():
        if words and w.lower() in _DESC_TAIL:
            break
        words.append(w)
    return words[-1].lower().rstrip(".’'s") if words else ""


@lru_cache(maxsize=4)
def _referring(cues) -> tuple[frozenset, frozenset, frozenset]:
    data = cues.data
    heads = frozenset(cues.person_heads | set(data.get("referring_heads") or []))
    return heads, frozenset(data.get("referring_unnamed") or []), \
        frozenset(data.get("referring_strict") or [])


def described_before(eng, mention: str, a: int, b: int, quote: tuple[int, int],
                     credits: list[tuple[int, str, str | None, str]]
                     ) -> tuple[str, str | None] | None:
    """``the official`` / ``The Deputy Minister`` / ``the source`` as a speaker, with no
    fuller mention found, and a speaker credited before it within a few paragraphs:

    - an unnamed description with the same head ("a source in X province" … "the source
      said"; "the senior Japanese official" … "the official said"): ``(mention, that
      description)``, the earlier words kept as the role;
    - else the person quoted just before, when the description names no country of its
      own, nobody else is named between them (outside the quotation itself), and the
      quotation does not speak of that person: ``(name, None)``.

    None otherwise: never a guess between two, never over another person named since."""
    words = mention.split()
    if not 2 <= len(words) <= 5 or words[0].lower() != "the":
        return None
    head = description_head(mention)
    heads, unnamed, strict = _referring(eng.cues)
    if head != words[-1].lower() or head not in heads and head not in unnamed or \
            head.startswith("spokes"):
        return None  # ("the spokesman" after an unnamed one speaks for the body: speakers)
    prior = [c for c in credits if a - _REFER_BACK <= c[0] < a]
    for _p, _name, role, said in reversed(prior):
        if said.split()[0].lower() in ("a", "an", "one", "the") and \
                description_head(said) == head and said.lower() != mention.lower():
            return mention, role or said
    if not prior or head in unnamed:
        return None
    p, name, role, said = prior[-1]
    if not _looks_person(name) or name in eng.institution_names:
        return None
    parts = eng.cues.title_parts
    if any(w[:1].isupper() and w not in parts for w in words[1:]):
        return None  # ("the Ruritanian envoy" says more than "he": its own rules)
    described = " ".join(x for x in (role, said) if x).lower()
    if head in strict and head not in described:
        return None
    if not _fits_head(eng, head, name, p, a, role, said):
        return None  # ("the scholar" after "Trump said": nothing says he is one)
    if _people_between(eng, head, p, a, role, said, quote):
        return None  # ("A North Korean official rejected it." / "Analysts were divided.")
    mine = set(name.split())
    if mine & set(eng.text[quote[0]:quote[1]].split()):
        return None  # (“Abe told Moon …,” the official said: not Abe)
    for q, other in eng.names():
        if q >= a:
            break
        if q > p and not quote[0] <= q < quote[1] and not mine & set(other.split()):
            return None  # someone else named since: "the official" may be them
    return name, None


@lru_cache(maxsize=4)
def _head_fits(cues) -> dict[str, frozenset]:
    data = cues.data.get("referring_fits") or {}
    return {k: frozenset(w.lower() for w in v) for k, v in data.items()}


def _fits_head(eng, head: str, name: str, p: int, a: int, role, said: str) -> bool:
    """The earlier person is described by the head, or a title that fits it, somewhere: in
    the role or words they were credited with, or the title before or the apposition after
    one of their mentions before ``a`` ("Foreign Ministry spokesman Kim" is an official;
    "Professor Lee" a scholar; "Trump" no scholar)."""
    fits = set(_head_fits(eng.cues).get(head, ())) | {head}
    fits |= eng.cues.person_descriptions.get(head, set())
    t = eng.text
    texts = [role or "", said]
    last = name.split()[-1]
    for mm in re.finditer(rf"(?<![\w’'\-]){re.escape(last)}(?![\w’'\-])", t[:a]):
        first = mm.start()
        full = t.rfind(name, max(0, first - len(name)), mm.end())
        if full >= 0:
            first = full
        texts.append(" ".join(_title_run(t, first)))
        after = t[mm.end():mm.end() + 120]
        if after.startswith(", "):
            texts.append(after[2:].split(",")[0])
    described = " ".join(texts).lower()
    return any(re.search(rf"(?<![\w\-]){re.escape(w)}", described) for w in fits)


def _people_between(eng, head: str, p: int, a: int, role, said: str,
                    quote: tuple[int, int]) -> bool:
    """Between the earlier credit (its own words and role left out) and the description,
    outside quotations, another phrase with the same head ("A North Korean official
    rejected the claim") or a group of people ("Analysts were divided", "Japanese
    officials declined"): the description may stand for one of them."""
    m = getattr(eng, "masked", None) or eng.text
    lo = p + len(said)
    if role:
        r = eng.text.find(role, p, p + 400)
        if r >= 0:
            lo = max(lo, r + len(role))
    if lo >= a:
        return False
    span = m[lo:a]
    if lo <= quote[0] < a:  # (the quotation itself, when the text is not masked)
        span = m[lo:quote[0]] + " " + m[min(a, quote[1]):a]
    return _group_in(eng, head, span)


def _group_or_same_head(eng, head: str, lo: int, hi: int) -> bool:
    m = getattr(eng, "masked", None) or eng.text
    return lo < hi and _group_in(eng, head, m[lo:hi])


def _group_in(eng, head: str, span: str) -> bool:
    if re.search(rf"(?<![\w’'\-])(?i:{re.escape(head)})s?(?![\w’'\-])", span):
        return True
    return _plural_re(eng.cues).search(span) is not None


_SITE_NAME = r"(?P<name>[A-Z][\w’'\-]*(?:[ \t]+(?:TV|[A-Z][\w’'\-]*)){0,3})"


@lru_cache(maxsize=4)
def _site_res(cues) -> tuple[re.Pattern, re.Pattern, frozenset]:
    data = cues.data
    nouns = data.get("site_nouns") or ["website"]
    forms = {f for w in nouns for f in (w, w[:1].upper() + w[1:])}
    alt = "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(
        forms, key=len, reverse=True))
    noun = re.compile(rf"\b(?:{alt})\b")
    after = re.compile(r"[ \t]+(?:(?:called|named)[ \t]+)?[‘'\"“]?" + _SITE_NAME)
    return noun, after, frozenset(data.get("site_heads") or [])


_APPOS_LEAD = re.compile(r",[ \t]+(?:an?|the)[ \t]+(?:[\w’'\-]+[ \t]+){0,5}\Z")
_NAME_BEFORE = re.compile(r"(?<![\w’'\-])(?P<name>[A-Z][\w’'\-]*(?:[ \t]+(?:TV|[A-Z][\w’'\-]*))"
                          r"{0,3})[’'\"”]?\Z")


def named_sites(eng) -> list[tuple[int, str]]:
    """Names the article introduces as a website or channel ("the propaganda website
    Uriminzokkiri", "Uriminzokkiri, a North Korean website aimed at …"), in text order
    (looked for around each site noun only)."""
    found = getattr(eng, "_sites", None)
    if found is not None:
        return found
    noun, after, _ = _site_res(eng.cues)
    t = eng.text
    hits = set()
    for hit in noun.finditer(t):
        mm = after.match(t, hit.end())
        if mm is not None:
            hits.add((mm.start("name"), mm.group("name")))
        lead = _APPOS_LEAD.search(t, max(0, hit.start() - 80), hit.start())
        if lead is not None:
            mm = _NAME_BEFORE.search(t, max(0, lead.start() - 60), lead.start())
            if mm is not None:
                hits.add((mm.start("name"), mm.group("name")))
    found = sorted((p, n) for p, n in hits if n.split()[0] not in _CAP_STOP
                   and n.split()[0] not in _NOT_PROPER)
    eng._sites = found
    return found


def is_site(eng, name: str) -> bool:
    """A speaker the article introduced as a website or channel (``Uriminzokkiri TV`` after
    ``Uriminzokkiri, a North Korean website``): a body, never "he" or "she"."""
    return any(name == n or name.startswith(n + " ") for _p, n in named_sites(eng))


def site_antecedent(eng, mention: str, pos: int) -> str | None:
    """``the website`` / ``the site`` -> the website named before it within a few
    paragraphs; None when none was."""
    words = mention.lower().split()
    if len(words) != 2 or words[0] not in ("the", "this") or \
            words[1] not in _site_res(eng.cues)[2]:
        return None
    best = None
    for p, name in named_sites(eng):
        if pos - _BODY_WINDOW <= p < pos:
            best = name
    return best


#: how far back "they" looks for the group it stands for (the sentence or two before)
_THEY_BACK = 450
#: words that end the stretch before a plural head: what comes before them is no part of it
_GROUP_CUT = frozenset({"his", "her", "their", "its", "our", "my", "your", "them", "these",
                        "those", "of", "in", "on", "at", "for", "to", "with", "by", "from",
                        "and", "or", "that", "which", "who", "as", "than", "about"})
_GROUP_WORD = re.compile(r"(?:[A-Z][\w’'.\-]*|\d[\w,.\-]*|[a-z][a-z\-]*)")


@lru_cache(maxsize=4)
def _plural_re(cues) -> re.Pattern:
    words = {w + "s" for w in cues.people_heads if not w.endswith("s")}
    words |= set(cues.data.get("plural_speakers") or [])
    alt = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"(?<![\w’'\-])(?i:{alt})(?![\w’'\-])")


def plural_antecedent(eng, pos: int) -> str | None:
    """``they said`` -> the group of people named before it, in this paragraph or else the
    one before ("Two senior U.S. officials said …. …, they said"; "Opposition party
    lawmakers demanded …. They said …"): a plural people noun outside quotations with the
    words before it that name the group (numbers, adjectives, capitals; never a verb, so
    the phrase ends at its noun), never one owned by a pronoun ("his people") nor the
    object of a verb ("Police detained two protesters"). None when there is none, or when
    the paragraph names two groups or more ("South Korean officials met North Korean
    delegates"): "they" stays as written."""
    m = getattr(eng, "masked", None) or eng.text
    lo = max(0, pos - _THEY_BACK)
    para = m.rfind("\n\n", lo, pos)
    spans = [(para + 2, pos), (lo, para)] if para >= 0 else [(lo, pos)]
    if para >= 0:
        before = m.rfind("\n\n", lo, para)
        spans[1] = (before + 2 if before >= 0 else lo, para)
    for a, b in spans:
        hits = list(_plural_re(eng.cues).finditer(m, a, b))
        if not hits:
            continue
        heads = {hits[0].group(0).lower()}
        for prev, h in zip(hits, hits[1:], strict=False):
            if not _OF_GROUP.fullmatch(m, prev.end(), h.start()):
                heads.add(h.group(0).lower())  # ("Representatives of North Korean
                #                                 defectors" is one group)
        if len(heads) > 1:
            return None  # (two groups: "they" may be either, or both)
        return _group_phrase(eng, m, a, hits[-1])
    return None


_OF_GROUP = re.compile(r"[ \t]+of[ \t]+(?:[\w’'\-]+[ \t]+){0,3}")


def _group_phrase(eng, m: str, lo: int, last) -> str | None:
    start = max(m.rfind("\n", lo, last.start()) + 1, m.rfind(",", lo, last.start()) + 1,
                m.rfind(";", lo, last.start()) + 1, lo)
    for end in _SENTENCE_END.finditer(m, start, last.start()):
        start = end.end()
    toks = m[start:last.start()].split()[-5:]
    keep: list[str] = []
    verbs = _group_verbs(eng.cues)
    for i, w in enumerate(reversed(toks)):
        wl = w.lower()
        if wl == "of" and i + 1 < len(toks):
            owner = _plural_re(eng.cues).fullmatch(toks[-i - 2].strip(",")) if i + 2 <= len(
                toks) else None
            if owner is not None:  # "Representatives of North Korean defectors": the
                return owner.group(0)  # representatives speak (not the defectors)
        verb = w[:1].islower() and (wl in eng.cues.forms or wl in _BE_WORDS or
                                    wl.endswith("ed") or wl in verbs)
        if verb:
            return None  # ("Police detained two protesters": the object speaks not)
        if wl in _GROUP_CUT or not _GROUP_WORD.fullmatch(w):
            if wl in ("his", "her", "their", "its", "our", "my", "your") and not keep:
                return None  # ("the minds of his people")
            break
        keep.append(w)
    keep.reverse()
    while keep and keep[0] in _CAP_STOP and keep[0] not in ("The",):
        keep = keep[1:]  # ("But officials …")
    return " ".join(keep + [eng.text[last.start():last.end()]])


@lru_cache(maxsize=4)
def _group_verbs(cues) -> frozenset[str]:
    return frozenset(w.lower() for w in cues.data.get("group_verbs") or [])


_BE_WORDS = frozenset({"is", "are", "was", "were", "be", "been", "has", "have", "had", "will",
                       "would", "could", "should", "may", "might", "can", "did", "do", "does"})


def unnamed_heads(cues) -> frozenset[str]:
    """Heads of a description of one person left unnamed on purpose ("a source", "a
    resident"): ``referring_unnamed`` of the cue file."""
    return _referring(cues)[1]
