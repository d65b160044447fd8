"""Quote rows: speaker mentions resolved to full names, titles split off, bodies described."""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from korea_analysis.quotes.antecedents import (
    acronym_antecedent,
    acronym_body,
    body_antecedent,
    described_before,
    described_person,
    is_bare_description,
    is_site,
    issued,
    it_antecedent,
    lead_person,
    named_inside,
    person_antecedent,
    plural_antecedent,
    site_antecedent,
    source_after,
    unnamed_heads,
)
from korea_analysis.quotes.candidates import _Article
from korea_analysis.quotes.cue_matches import _Engine
from korea_analysis.quotes.names import _NOT_PERSON, _looks_person
from korea_analysis.quotes.records import Quote
from korea_analysis.quotes.resolve import _Attr
from korea_analysis.quotes.words import _DETS, _NAME_CONNECT, _NP_INNER, _cap, _trim
from korea_analysis.roles import OWNED_OUTLET_HEADS, office_of, owned_outlet
from korea_analysis.text import Sentence


def _split_title(eng: _Article, a: int, b: int) -> tuple[tuple[int, int], tuple[int, int] | None]:
    """``North Korean Foreign Minister Choe Son-hui`` -> name span and title (role) span."""
    t = eng.text
    toks = [x.span() for x in re.finditer(r"\S+", t[a:b])]
    toks = [(a + x, a + y) for x, y in toks]
    last = -1
    for i, (x, y) in enumerate(toks[:-1]):
        w = t[x:y].rstrip(",")
        if w in eng.cues.titles or w.rstrip(".") + "." in eng.cues.titles:
            last = i
    if last < 0:
        # "Cruz constituent Dan Golvach": a lower-case word before a final name
        k = len(toks)
        while k > 0 and _cap(t[toks[k - 1][0]:toks[k - 1][1]]):
            k -= 1
        if 0 < k < len(toks) and len(toks) - k >= 2 and t[toks[k - 1][0]:toks[k - 1][1]] \
                .lower() not in _NP_INNER | _DETS and t[toks[k - 1][0]:toks[k - 1][1]] \
                .islower():
            last = k - 1
        else:
            return _place_then_name(t, toks) or ((a, b), None)
    rest = toks[last + 1:]
    if not rest or not all(_cap(t[x:y]) or t[x:y] in _NAME_CONNECT for x, y in rest):
        return _place_then_name(t, toks) or ((a, b), None)
    if any(t[x:y].rstrip(",.’'s") in _NOT_PERSON for x, y in rest) and len(rest) == 1:
        return (a, b), None
    return (rest[0][0], rest[-1][1]), (a, toks[last][1])


def _note_institution(eng: _Article, name: str, whole: str | None) -> None:
    """Remember an institution credited as a speaker: never a person for "he"/"she", and its
    fuller name for a later "it"."""
    eng.institution_names.add(name)
    if whole:
        eng.institution_roles.setdefault(name, whole)


def _place_then_name(t: str, toks: list[tuple[int, int]]):
    """``(Ambassador to) North Korea Alexander Matsegora``: a place, then a person's name."""
    words = [t[x:y] for x, y in toks]
    k = max((i for i, w in enumerate(words) if w.rstrip(",.’'s") in _NOT_PERSON), default=-1)
    if k < 0 or len(words) - k - 1 < 2 or not _looks_person(" ".join(words[k + 1:])):
        return None
    return (toks[k + 1][0], toks[-1][1]), (toks[0][0], toks[k][1])


_OWNER_THEN_NAME = re.compile(r"(?P<owner>(?:[A-Z][\w.&\-]*\s+){0,3}[A-Z][\w.&\-]*[’']s)\s+"
                              r"(?P<name>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){1,3})$")
_BODY_HEAD = re.compile(r"^(?:the|this|that|its|their)\s+(?:[\w’'\-]+\s+){0,3}?([a-z][\w\-]*)$",
                        re.I)


#: a broadcast transcript's label before a speaker ("[Soundbite] ", "[Interview] ")
_LABEL = re.compile(r"\[[A-Za-z][\w \-]{1,30}\][ \t]*")
#: a title in parentheses after a name ("Cho Myoung-gyon(Minister of Unification)")
_TITLE_IN_PARENS = re.compile(r"[ \t]*\((?P<title>[A-Z][^()\n]{2,80})\)[ \t]*$")
#: a title glued to a transcript speaker's name before its colon ("Lee(Minister) :")
_TITLE_GLUED = re.compile(r"\((?P<title>[A-Z][^()\n]{2,80})\)[ \t]*:")
#: a person's place in a photo, written after the name in a caption run into the text
_PHOTO_POSITION = re.compile(r"\s*\((?:L|R|C|2nd L|2nd R|left|right|center|centre|front|"
                             r"back)\)$")

#: a titled name, then the body it belongs to ("… Lee Hong-ki of the Joint Chiefs of Staff")
#: a dateline run into a speaker at a paragraph's start ("BEIJING - ", "PYONGYANG, Feb. 23 -")
_DATELINE = re.compile(r"[A-Z][A-Z’'\-]+(?:[ \t]+[A-Z][A-Z’'\-]+)*(?:,[ \t]+[A-Z][\w.]*"
                       r"(?:[ \t]+\d+)?)?[ \t]+[-–—]+[ \t]+(?=\S)")
#: a coordination whose second conjunct is a common noun phrase ("the U.S. and other
#: experts", "Ambassador John Bolton and key allies Britain and France"): the first speaks
#: "Lewis, a nonproliferation analyst, and " right before a speaker with an apposition of
#: its own: the first of two people who speak together
_JOINT_BEFORE = re.compile(
    r"(?<![\w’'\-])(?P<name>[A-Z][\w’'\-]+(?:[ \t]+[A-Z][\w’'\-]+){0,3}),[ \t]+"
    r"(?P<role>(?:an?|the)[ \t][^,.;:“”\"\n]{1,80}),[ \t]+and[ \t]+\Z")
_FIRST_CONJUNCT = re.compile(r"(?P<first>[^\n]+?)[ \t]+and[ \t]+(?!the\b)[a-z][\w\-]*[ \t][^\n]*")
_OF_WORD = re.compile(r"\s+of\s")
_NAME_OF = re.compile(r"(?:[^\n]*?\s)?(?P<name>[A-Z][\w’'\-]+(?:[ \t]+[A-Z][\w’'\-]+){1,3})"
                      r"[ \t]+(?P<of>of[ \t]+(?:the[ \t]+)?[A-Z][^\n]*)")

#: a head of government's office as a speaker ("the president's office", "the presidential
#: office", "the prime minister's office")
_OFFICE = re.compile(r"(?:[Tt]he[ \t]+)?(?:(president|prime[ \t]+minister|premier|chancellor)"
                     r"(?:['’]s)?|(presidential))[ \t]+office", re.I)

#: a photo credit before a speaker's name, from a caption run into the text: "(AP Photo/…) ",
#: "Getty Images", "Yonhap" glued to the name ("YonhapMoon Jae-in") or set off by "/"
_CREDIT_HEAD = re.compile(
    r"\(?(?:[A-Z][\w.]*[ \t]+){0,2}(?:Photo|Photos|Image|Images|Video)[ \t]*/[^)\n]{2,80}\)"
    r"[ \t\u00a0]*"
    r"|(?:AFP[ \t]+via[ \t]+)?(?:Getty[ \t]+Images|AFP|AP|EPA(?:-EFE)?|Reuters|Yonhap|Xinhua|"
    r"KCNA|Kyodo|Newsis|News1|Photo)(?:(?=[A-Z][a-z])|[ \t]*/[ \t]*(?:Getty[ \t]+Images|"
    r"Yonhap|Reuters|AFP|EPA|Pool)[ \t]+(?=[A-Z]))")

#: one who speaks for a body or a person: his words are theirs ("a spokesman for the ministry")
_SPOKES_HEADS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokesmen",
                           "spokespeople", "spokespersons"})
_SPOKES = r"(?:spokesman|spokeswoman|spokesperson|spokesmen|spokespeople|spokespersons)"
_SPOKESMAN_FOR = re.compile(r"(?i:an?|the)\s+" + _SPOKES + r"\s+(?:for|of)\s+(?P<body>"
                            r"(?:the\s+)?[\w’'\-]+(?:\s+[\w’'\-]+){0,9})")
_SPOKESMAN_FOR_IN = re.compile(r"(?<![\w’'])(?i:an?|the)\s+" + _SPOKES + r"\s+(?:for|of)\s+"
                               r"(?P<body>(?:the\s+)?(?:[A-Z][\w’'\-]*|foreign|defen[cs]e|"
                               r"unification|state|ministry|office|department|agency|council|"
                               r"committee|government|military)(?:\s+(?:of\s+(?:the\s+)?)?"
                               r"(?:[A-Z][\w’'\-]*|foreign|defen[cs]e|unification|state|"
                               r"ministry|office|department|agency|council|committee|government|"
                               r"military)){0,8})(?![\w’'\-])")

#: cues that continue what their speaker said before ("he added")
_GOES_ON = frozenset({"add", "continue", "go on to say"})

#: what a state owns and speaks through: "its official media", "their state news agency"
_OWNED_MEDIA = OWNED_OUTLET_HEADS


def _speaker(eng: _Article, sp: tuple[int, int], speakers: list[tuple[int, str]],
             goes_on: bool = False) -> tuple[str, tuple[int, int], str | None]:
    """Resolve a speaker mention: the name as given in full, its span, and a title role.
    ``goes_on``: the cue continues a speech ("he added"), see ``resolve_pronoun``."""
    t = eng.text
    a, b = sp
    credit = _CREDIT_HEAD.match(t, a, b)
    if credit and credit.end() < b and _looks_person(t[credit.end():b]):
        a = credit.end()  # "Getty ImagesMoon Jae-in", "(AP Photo/Lee Jin-man) Moon Jae-in"
    dateline = _DATELINE.match(t, a, b)
    if dateline is not None and dateline.end() < b:
        a = dateline.end()  # "BEIJING - Chinese Foreign Ministry said": the dateline is no name
    pos = _PHOTO_POSITION.search(t, a, b)
    if pos is not None and pos.start() > a:
        b = pos.start()  # "Kim Yo Jong (L), the sister of …": a photo caption's position
    label = _LABEL.match(t, a, b)
    if label is not None and label.end() < b:
        a = label.end()  # "[Soundbite] Cho Myoung-gyon": a transcript's label is no name
    glued = _TITLE_GLUED.match(t, b)
    if glued is not None and _looks_person(t[a:b].strip()):
        # "[Soundbite] Cho Myoung-gyon(Minister of Unification) : “…”": the title is the role
        return eng.full_name(t[a:b].strip(), a), (a, b), glued.group("title")
    paren = _TITLE_IN_PARENS.search(t, a, b)
    if paren is not None and paren.start() > a and _looks_person(t[a:paren.start()].strip()):
        # "Cho Myoung-gyon(Minister of Unification)": the title in parentheses is the role
        return eng.full_name(t[a:paren.start()].strip(), a), (a, paren.start()), \
            paren.group("title")
    both = re.search(r"\s+and\s+(?=[A-Z])", t[a:b])
    if both and _cap(t[a:b]):  # "Secretary Lloyd Austin and Defense Secretary Suh Wook"
        (n1, e1), t1 = _split_title(eng, a, a + both.start())
        (n2, e2), t2 = _split_title(eng, a + both.end(), b)
        if _looks_person(t[n1:e1]) and _looks_person(t[n2:e2]):
            names = [eng.full_name(t[n1:e1], n1), eng.full_name(t[n2:e2], n2)]
            titles = [t[r[0]:r[1]] for r in (t1, t2) if r]
            return " and ".join(names), (n1, e2), "; ".join(titles) or None
    first = _FIRST_CONJUNCT.match(t, a, b) if " and " in t[a:b] else None
    if first is not None and not first.group("first").islower() and \
            " or " not in first.group("first"):
        b = a + len(first.group("first"))  # "U.S. Ambassador John Bolton and key allies …"
    of = _NAME_OF.fullmatch(t, a, b)
    if of is not None and of.start("name") > a and (_looks_person(of.group("name")) or
                                                    _cap(of.group("name"))):
        # "Lt. Gen. Lee Hong-ki of the Joint Chiefs of Staff", "Chief negotiator Kim Kye-gwan
        # of North Korea": the person, with the title and the body as the role
        (na, nb), title = _split_title(eng, a, of.end("name"))
        if nb == of.end("name") and na >= of.start("name") and _looks_person(t[na:nb]) and (
                (na, nb) == of.span("name") or title is not None and any(
                    w in eng.cues.titles for w in t[title[0]:title[1]].split())):
            # ("Acting Assistant Attorney General Brian Rabbitt of the Justice Department’s
            # criminal division")
            lead = re.sub(r"\s+", " ", t[title[0]:title[1]]) + " " if title else ""
            return t[na:nb], (na, nb), lead + re.sub(r"\s+", " ", t[of.start("of"):b])
    (na, nb), title = _split_title(eng, a, b)
    mention = t[na:nb]
    role = t[title[0]:title[1]] if title else None
    low = mention.lower()
    if low in ("who", "which"):  # "Loretta E. Lynch, who told Congress: “…”"
        end = na
        while end > 0 and t[end - 1] in " ,\n":
            end -= 1
        ante = eng._scan_back(max(0, end - 150), end)
        if ante is not None and t[ante[0]:ante[1]].lower() not in ("who", "which"):
            name, _, title = _speaker(eng, ante, speakers)
            return name, (na, nb), role or title
        return mention, (na, nb), role
    if low in ("him", "her"):  # "KCNA quoted him as saying …": who "he" would be
        low = mention = {"him": "he", "her": "she"}[low]
    if low in eng.cues.subject_pronouns:
        if low == "it":  # "Pyongyang's defence ministry issued a statement. It said …"
            for _p, said in speakers[-3:]:  # "Uriminzokkiri, a North Korean website, …"
                if said not in eng.institution_names and is_site(eng, said):
                    eng.institution_names.add(said)  # (then "it went on" is the site)
            inst = it_antecedent(eng, na, speakers)
            if inst:
                _note_institution(eng, *inst)
                return inst[0], (na, nb), role or inst[1]
        if low == "they":  # "Two senior U.S. officials said …. …, they said"
            group = plural_antecedent(eng, na)
            if group is not None:
                return group, (na, nb), role
        name = eng.resolve_pronoun(mention, na, speakers, goes_on=goes_on)
        # ("It said" again: the institution's fuller name carries over as its role)
        return name, (na, nb), role or eng.institution_roles.get(name)
    words = mention.split()
    if 1 < len(words) <= 4 and words[0] in _NAME_CONNECT and _cap(words[-1]):
        return eng.full_name(mention, na), (na, nb), role  # "von der Leyen said"
    if len(words) == 1 and _cap(mention):
        core = mention.rstrip("’'s") if mention.endswith(("’s", "'s")) else mention
        return eng.full_name(core, na), (na, nb), role
    if len(words) >= 2 and (words[0].lower() in _DETS or any(
            w.endswith(("’s", "'s")) for w in words)):
        inst = named_inside(eng, na, nb)
        if inst:  # "the DPRK's Rodong Sinmun newspaper" -> Rodong Sinmun
            _note_institution(eng, *inst)
            return inst[0], (na, nb), role or inst[1]
    if len(words) == 2 and words[0].lower() in ("the", "this") and \
            words[1].lower() in eng.cues.person_descriptions:
        person = person_antecedent(eng, words[1].lower(), na)
        if person:  # "The Secretary reaffirmed" after "Secretary of State Antony J. Blinken"
            return person, (na, nb), role
    if len(words) >= 2 and all(_cap(w) for w in words):
        owner = _OWNER_THEN_NAME.match(mention)
        if owner and _looks_person(owner.group("name")):  # "Al Jazeera’s Craig Leeson"
            return owner.group("name"), (na + owner.start("name"), nb), \
                role or owner.group("owner")
        person = lead_person(eng, mention, na, nb) if words[0].endswith(("’s", "'s")) else None
        if person:  # "Ruritania's Foreign Minister has confirmed …" in the lead
            return person, (na, nb), role or mention
        return mention, (na, nb), role
    if mention[:4] in ("the ", "The ") and len(words) == 2:
        spelled = acronym_antecedent(eng, mention, na)
        if spelled:  # "the JCS" -> Joint Chiefs of Staff
            eng.institution_names.add(spelled)
            return spelled, (na, nb), role
    office = _OFFICE.fullmatch(mention)
    if office:  # "the president's office said": the office of the president named before
        head = "president" if office.group(2) else office.group(1).lower().split()[-1]
        holder = person_antecedent(eng, {"chancellor": "leader"}.get(head, head), na)
        if holder:
            return mention, (na, nb), role or office_of(holder)
    if words[0].lower() in ("its", "their") and words[-1].lower() in _OWNED_MEDIA:
        owner = eng.resolve_pronoun("it", na, speakers)
        if owner.lower() != "it":  # "North Korea said … Its official media said …"
            return owned_outlet(owner, " ".join(words[1:])), (na, nb), role
    if words[0].lower() in ("a", "an") and len(words) <= 4 and \
            words[-1].lower() in issued(eng.cues):  # "a statement carried by KCNA"
        src = source_after(eng, nb)
        if src:
            _note_institution(eng, *src)
            return src[0], (na, nb), role or src[1]
    spokes = _SPOKESMAN_FOR.fullmatch(mention)
    if spokes is not None:  # "A spokesman for the foreign ministry": the ministry speaks
        body = spokes.group("body")
        if _looks_person(body):  # "a spokesman for Ban Ki-moon"
            return eng.full_name(body, na + spokes.start("body")), (na, nb), role or mention
        _note_institution(eng, body, mention)
        return body, (na, nb), role or mention
    mm = _BODY_HEAD.match(mention)
    if mm and (mm.group(1).lower() in eng.cues.bodies or mm.group(1).lower() in issued(
            eng.cues)) and role is None:
        role = _body_description(t, mm.group(1), na)
    if mm and is_bare_description(mention):  # "the ministry", "the report", "the president"
        head = mm.group(1).lower()
        pair = " ".join(words[-2:]).lower()  # "the wire service"
        src = source_after(eng, nb) if head in issued(eng.cues) else None
        inst = body_antecedent(eng, pair if pair in eng.cues.body_heads else head, na) or src
        if inst:  # ("the ministry" has no fuller mention to give: "a notice from the M…")
            _note_institution(eng, *inst)
            described = role if head in issued(eng.cues) or title else None
            return inst[0], (na, nb), described or inst[1]
        acronym = acronym_body(eng, head, na) if len(words) == 2 else None
        if acronym:  # "The FBI on Monday blamed …" then "The bureau said"
            eng.institution_names.add(acronym)
            return acronym, (na, nb), role or mention
        pair = " ".join(words[-2:]).lower()  # "the chief government spokesman"
        key = pair if pair in eng.cues.person_descriptions else head
        person = person_antecedent(eng, key, na, "former" in low.split()) or \
            described_person(eng, mention, head, na, nb)
        if person:
            return person, (na, nb), role
        if head in _SPOKES_HEADS:  # "The spokesman said" after "a spokesman for the ministry"
            body = None
            for sm in _SPOKESMAN_FOR_IN.finditer(t, max(0, na - 3000), na):
                body = sm
            if body is not None:
                words_b = body.group("body")
                if _looks_person(words_b):
                    return eng.full_name(words_b, body.start("body")), (na, nb), role
                _note_institution(eng, words_b, re.sub(r"\s+", " ", body.group(0)))
                return words_b, (na, nb), role or re.sub(r"\s+", " ", body.group(0))
    person = lead_person(eng, mention, na, nb)
    if person:  # "…, a senior Ruritanian security official said." then "Ivan Petrov, …"
        return person, (na, nb), role or mention
    return mention, (na, nb), role


@lru_cache(maxsize=256)
def _body_pattern(head: str) -> re.Pattern:
    return re.compile(r"(?<![\w’'])(?:an?|the)\s+(?:[\w’'\-]+\s+){0,3}?" + re.escape(head) +
                      r"(?:\s+(?:released|issued|published|carried|posted|sent|read|from|by|of)"
                      r"\b(?:(?!\bthat\b)[^,.;:“”\"\n])*)", re.I)  # (not the clause after)


def _body_description(text: str, head: str, pos: int) -> str | None:
    """``the statement`` -> its first fuller mention (``a statement released by …``)."""
    best = None
    for mm in _body_pattern(head).finditer(text, 0, pos):
        best = mm
    if best is None:
        return None
    return re.sub(r"\s+", " ", best.group(0)).strip()


def _build(eng: _Engine, found, indirect, sentences: Sequence[Sentence]) -> list[Quote]:
    """Quote records in text order, speakers resolved against what came before."""
    text = eng.text
    starts = [s.start for s in sentences]
    items: list[tuple[int, int, Any]] = []
    for q, attr, kind in found:
        a, b = _trim(text, q.a, q.b)
        if b > a:
            items.append((a, b, (attr, kind)))
    for c, a, b in indirect:
        items.append((a, b, (_Attr(c.sp, c.role, c, c.channel, "indirect"), "indirect")))
    items.sort(key=lambda x: (x[0], x[1]))
    out: list[Quote] = []
    speakers: list[tuple[int, str]] = []
    credits: list[tuple[int, str, str | None, str]] = []  # (start, speaker, role, as written)
    described: dict[str, tuple[str, str]] = {}  # a description split into speaker and role
    for a, b, (attr, kind) in items:
        qt = Quote(text[a:b], a, b, kind=kind)
        si = bisect.bisect_right(starts, a) - 1
        qt.sentence_id = si if si >= 0 else None
        if attr is not None and attr.sp is not None:
            goes_on = attr.cue is not None and eng.cues.forms.get(attr.cue.form) in _GOES_ON
            name, (sa, sb), title = _speaker(eng, attr.sp, speakers, goes_on)
            if "\n" in name:  # ("said a\nstatement" in a text broken into lines)
                name = re.sub(r"\s+", " ", name)
            qt.speaker, qt.speaker_start, qt.speaker_end = name, sa, sb
            role = text[attr.role[0]:attr.role[1]] if attr.role else None
            named = _named_in_role(eng, name, attr.role) if role else None
            if named is not None:  # "said the summit's host, President Biden"
                qt.speaker, role = named[0], name + (", " + named[1] if named[1] else "")
            qt.role = role or title
            said = re.sub(r"\s+", " ", text[sa:sb])
            joint = _JOINT_BEFORE.search(text, max(0, sa - 200), sa) if qt.role and \
                _looks_person(qt.speaker) and _looks_person(said) else None
            if joint is not None and _looks_person(joint.group("name")):
                # "Lewis, a nonproliferation analyst, and Schilling, an aerospace engineer,
                # said": both speak, as "Lewis and Schilling said"
                first = eng.full_name(joint.group("name"), joint.start("name"))
                qt.speaker = name = first + " and " + qt.speaker
                qt.speaker_start = joint.start("name")
                qt.role = joint.group("role") + "; " + qt.role
            site = site_antecedent(eng, said, sa) if qt.speaker == said else None
            if site is not None:  # "the website wrote" after "the website Uriminzokkiri"
                qt.speaker = name = site
            if qt.speaker == said and (qt.role is None or _RELATIVE_ROLE.match(qt.role)):
                # ("The official, who spoke on condition of anonymity, said": no description)
                # "the official said" after "Kim …, the ministry's spokesman, said": Kim
                ref = described_before(eng, said, sa, sb, (a, b), credits)
                if ref is not None:
                    qt.speaker, qt.role = ref
                    name = qt.speaker
            if qt.role is None and qt.speaker in described:
                qt.speaker, qt.role = described[qt.speaker]  # ("he told RFA": the source)
            elif qt.role is None and qt.speaker == said:
                head = _DESCRIBED_HEAD.match(said)
                if head is not None and eng.person_description(said) and \
                        head.group("head").lower() in unnamed_heads(eng.cues):
                    # "a source in North Hamgyong Province": an unnamed source, described
                    qt.speaker, qt.role = described[said] = head.group("np"), said
            if qt.role:
                qt.role = re.sub(r"\s+", " ", qt.role).strip(" ,()")
            if not credits or credits[-1][0] != sa:
                credits.append((sa, qt.speaker, qt.role, said))
            if _looks_person(name) or not name[:1].islower() or eng.person_description(name):
                speakers.append((sa, name))
        if attr is not None:
            if attr.cue is not None:
                qt.cue = re.sub(r"\s+", " ", text[attr.cue.a:attr.cue.b])
            qt.channel = attr.channel
            if qt.channel and qt.speaker and qt.channel.lower() == qt.speaker.lower():
                qt.channel = None
        out.append(qt)
    return out


#: a description of one unnamed person with a place or body after its head: the person
#: ("a source"), then where or of what ("in North Hamgyong Province", "of the ministry")
_DESCRIBED_HEAD = re.compile(r"(?P<np>(?i:an?|one|the)\s+(?:[\w’'\-]+\s+){0,4}?"
                             r"(?P<head>[a-z][\w\-]*))\s+(?:in|of|from|at|inside|near|"
                             r"close\s+to|familiar\s+with|based\s+in)\s+\S.*")
#: a role that is a relative clause, which says nothing of who the speaker is
_RELATIVE_ROLE = re.compile(r"(?:who|which|whose)\s")


def _named_in_role(eng: _Engine, name: str, role: tuple[int, int]):
    """A description as the speaker and a person's name after it (``said the summit's host,
    President Biden``): the name (in full) and its title; None otherwise."""
    words = name.split()
    if len(words) < 2 or words[0].lower() not in _DETS or all(_cap(w) for w in words[1:]):
        return None
    ra, rb = role
    of = _OF_WORD.search(eng.text, ra, rb)
    if of is not None and _looks_person(eng.text[ra:of.start()].split(None, 1)[-1]):
        rb = of.start()  # "Ambassador Susan Rice of the US"
    (na, nb), title = _split_title(eng, ra, rb)
    person = eng.text[na:nb]
    if not _looks_person(person) or len(person.split()) > 4:
        return None
    if len(person.split()) == 1:
        if title is None:
            return None
        person = eng.full_name(person, na)
    return person, (eng.text[title[0]:title[1]] if title else None)
