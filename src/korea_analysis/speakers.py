"""Which country a quotation's speaker speaks for, and how that was decided.

A quote from :mod:`korea_analysis.quotes` names its speaker by text offsets; the actor
mentions of the same article (:mod:`korea_analysis.mentions`) say who is named where. The
speaker's country comes from the first of these that answers, and ``actor_source`` records
which one did (the values of the ``actor_source`` column in quotes.csv):

``dictionary``  the speaker is a dictionary person ("Kim Yo Jong");
``mention``     a country or institution mention at the speaker ("North Korea said");
``title`` / ``apposition`` / ``institution`` / ``context`` / ``description``
                the person mention at the speaker was decided that way (see
                :data:`korea_analysis.mentions.SOURCES`); a pronoun speaker takes the
                source of the mention its name resolved to;
``description`` also: a nationality in the speaker's own words or role ("a Chinese diplomat").

Nothing is guessed: when none answers the country stays empty (and so does the source).
"""
from __future__ import annotations

import re

from korea_analysis.actors import ActorDictionary, tokens
from korea_analysis.mentions import _longest, first_actor
from korea_analysis.persons import (
    _NOT_NAME,
    _TITLE_WORDS,
    ROLE_WORDS,
    SURNAME_FIRST,
    article_context,
    joint_states,
    shared_party_state,
    topic_of_expert_at,
)
from korea_analysis.quotes.words import DAY_NAMES, MONTH_NAMES
from korea_analysis.roles import OFFICE_OF, OWNED_OUTLET

_RELATIVE = re.compile(r"\b(?:who|whose|whom|which|where)\b")
#: where a reporter files from is not whom they speak for: "reporting from Seoul"
_REPORTING_FROM = re.compile(r"\b(?:reporting|speaking|writing|filing|broadcasting|based)"
                             r"\s+(?:from|in)\s+\S+(?:\s+[A-Z]\S*)*")
#: "Al Jazeera’s Craig Leeson": an outlet's or body's person, named by their own name
_OWNED_NAME = re.compile(r"(?P<owner>\S.*?)['’]s\s+(?P<name>(?:[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?"
                         r"\s+){1,3}[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?)")
#: words around an institution's name that only say what kind of body it is
_BODY_WORDS = frozenset({
    "the", "newspaper", "paper", "daily", "news", "agency", "outlet", "broadcaster", "organ",
    "mouthpiece", "official", "state", "run", "media", "television", "tv", "radio", "s", "’",
    "'", ",", "-"})

#: The values ``actor_source`` takes (empty when no country was decided).
SOURCES = ("dictionary", "title", "apposition", "institution", "context", "mention",
           "description")


def speaker_country(quote, mentions, actors: ActorDictionary, text: str | None = None
                    ) -> tuple[str | None, str]:
    """``(code, actor_source)`` of the country the speaker speaks for; ``(None, "")``."""
    if not quote.speaker:
        return None, ""
    person = actors.person(quote.speaker)
    if person is not None:
        return person.actor, "dictionary"
    if text is not None and quote.speaker_start is not None and " and " in quote.speaker \
            and joint_states(text, quote.speaker_start, quote.speaker_end, actors):
        return None, ""  # "Ukrainian and American officials": neither state alone
    if quote.speaker_start is not None:
        for m in mentions:
            if (m.start < quote.speaker_end and quote.speaker_start < m.end
                    and m.kind != "byline"):
                if m.kind == "country" and text is not None and topic_of_expert_at(
                        text, m.start, m.end):
                    continue  # "North Korea leadership experts": their subject
                if m.actor.startswith("IGO") and text is not None and _DELEGATES_AFTER.match(
                        text, m.end):
                    continue  # "UN diplomats": their states' diplomats at the UN
                if m.kind == "institution" and text is not None and (
                        (o := _OUTLETS_PERSON.match(text, m.end, quote.speaker_end))
                        and (m.entity in actors.media or (
                            m.entity in actors.state_media and o.group("noun") in _INFORMANTS))):
                    return None, ""  # "RFA’s source": the outlet's, of no country it says
                return m.actor, _source_of(m)
    for m in mentions:
        if m.kind != "byline" and (m.entity == quote.speaker or (
                m.kind == "institution" and m.text == quote.speaker)):
            return m.actor, _source_of(m)  # (the body as written: "FBI" for "the bureau")
    if quote.speaker_start is not None and _MEDIA_SPEAKER.fullmatch(quote.speaker):
        owner = _owner_before(quote.speaker_start, mentions)
        if owner is not None:
            return owner.actor, "mention"
    if quote.speaker_start is not None and (
            code := _ministry_of_sentence(quote, mentions, actors, text)):
        return code, "context"
    if text is not None and _GOVERNMENT.fullmatch(quote.speaker.strip()) and (
            code := _government_of_sentence(quote, mentions, text)):
        return code, "context"
    for is_role, words in ((False, quote.speaker), (True, quote.role)):
        if words:
            # a relative clause is not the speaker's nationality: "whose daughter was
            # abducted by North Korean agents" says nothing about her
            words = _RELATIVE.split(words, maxsplit=1)[0]
            first = words.split(None, 1)[0] if words.strip() else ""
            if first.islower() and first.endswith("ing"):
                continue  # "he, touring areas around the DPRK,": what he did, not who he is
            words = _REPORTING_FROM.sub("", words)
            code = first_actor(words, 0, len(words), actors)
            if code:
                if is_role and words.startswith(OFFICE_OF):
                    return code, "institution"  # "the president's office" (of Yoon …)
                return code, "description"
    if (code := _cut_name(quote.speaker, mentions)) is not None:
        return code, "description"
    for words in (quote.speaker, quote.role):  # (the quote finder may keep "a source" as
        # the speaker and "a source in Ryanggang Province" as its role)
        if words and (code := _resident_of(words, actors)) is not None:
            return code, "description"
    if "Party" in quote.speaker and (code := shared_party_state(quote.speaker, mentions,
                                                                 actors)):
        return code, "context"
    if (code := _body_speaking(quote.speaker, actors)) is not None:
        return code, "institution"
    if text is not None and _ABDUCTEES_KIN.match(quote.speaker.strip()) and (
            code := article_context(text, actors).abductees):
        return code, "context"  # as for an abductee's relative named by name
    return None, ""


#: abductees' relatives as a group: "the families of the kidnapping victims", "relatives of
#: the abductees"
_ABDUCTEES_KIN = re.compile(r"(?i)(?:the\s+)?(?:families|family|relatives|parents|kin)\s+of\s+"
                            r"(?:the\s+)?(?:abductees|kidnapping\s+victims|abduction\s+"
                            r"victims|those\s+abducted|the\s+abducted)$")


def _body_speaking(speaker: str, actors: ActorDictionary) -> str | None:
    """A body of affiliations.yaml speaking in its own name ("Daily NK reported", "the Asan
    Institute said"): the country it is based in, as for the people quoted as its own. (Not
    a territory, a party's member noun or an office.)"""
    aff = actors.affiliations
    words = speaker.strip()
    if aff is None or not words[:1].isalpha():
        return None
    if words[:4].lower() == "the ":
        words = words[4:]
    hit = aff.find(words)
    if (hit is None or hit[0] != 0 or hit[1] != len(words)
            or hit[2].type in ("territory", "party", "office")):
        return None
    return hit[2].country


#: someone who lives in a place or informs from it: "a source in North Hamgyong Province",
#: "a resident of North Pyongan province’s Ryongchon county", "locals in Hyesan"
_RESIDENT = re.compile(r"(?i)^(?:an?|one|some|several|two|three|the|other)?\s*"
                       r"(?:[a-z-]+\s+){0,2}?(?:sources?|residents?|locals?|inhabitants?|"
                       r"villagers?)\s+(?:(?:living|based)\s+)?(?:in|of)\s+(?:the\s+)?"
                       r"(?P<place>[A-Z].*)$")


def _resident_of(speaker: str, actors: ActorDictionary) -> str | None:
    """A source or resident "in" a region or city of one state (affiliations.yaml): that
    state, where they live and speak from (a defector or a visitor is not so described)."""
    m = _RESIDENT.match(speaker.strip())
    aff = actors.affiliations
    if m is None or aff is None:
        return None
    hit = aff.find(speaker, m.start("place"))
    if hit is None or hit[0] != m.start("place") or hit[2].type != "territory":
        return None
    return hit[2].country


#: a delegate's noun after an organisation's name ("UN diplomats", "Security Council members")
_DELEGATES_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:diplomat|ambassador|delegate|delegation|"
                              r"member)s?\b")

#: an outlet's unnamed person: "RFA’s source", "Yonhap's sources" (an outlet's country is
#: not its sources')
_OUTLETS_PERSON = re.compile(r"['’]s\s+(?:[a-z][\w-]*\s+)*(?P<noun>[a-z][\w-]*)$")
#: who tells an outlet what they know, not its staff: a state outlet's correspondent speaks
#: for its state, its source does not
_INFORMANTS = frozenset({"source", "sources", "informant", "informants", "contact",
                         "contacts", "interviewee", "interviewees"})

#: capitalised words ending a speaker: "… of the Democratic People"
_TAIL_NAME = re.compile(r"(?:[A-Z][\w.-]*\s+)+[A-Z][\w.-]*$")


def _cut_name(speaker: str, mentions) -> str | None:
    """A speaker whose last words are a name cut at its possessive ("official news agency of
    the Democratic People", from "… Democratic People’s Republic of Korea"): the actor of the
    article's mentions that name begins, when they name one actor."""
    m = _TAIL_NAME.search(speaker.strip())
    if m is None:
        return None
    tail = m.group()
    codes = {x.actor for x in mentions if x.actor and x.kind != "byline"
             and x.text.startswith((tail + "’s ", tail + "'s "))}
    return codes.pop() if len(codes) == 1 else None


#: a state's outlets named by what they are: "state media", "official media", "media"
_MEDIA_SPEAKER = re.compile(r"(?i)(?:(?:state|official|state-run|government)\s+)*"
                            r"(?:media|television|news\s+agency|radio)")


#: a body named by the kind of body it is, as an anaphor: "the bureau said" (the FBI named
#: before), "the Committee" (the Committee for the Peaceful Reunification of Korea)
_BODY_ANAPHOR = re.compile(r"(?i)(?:the\s+)?(?P<head>bureau|agency|committee|commission|"
                           r"council|department|ministry|command)")
#: a ministry named without its country: "the foreign ministry", "the country's foreign
#: ministry"
_BARE_MINISTRY = re.compile(
    r"(?i)(?:(?:the|an?)\s+)?(?:(?:country|nation)['’]s\s+)?"
    r"(?:(?:foreign|defen[cs]e|unification)\s+)?ministry(?:\s+spokes(?:man|woman|person))?"
    # a state's outlets without the state: "state media reported …"
    r"|(?:the\s+)?(?:state|official|state-run)\s+(?:media|news\s+agency|television)")


_STATE_MEDIA_WORDS = re.compile(r"(?i)(?:the\s+)?(?:state|official|state-run)\s+"
                                r"(?:media|news\s+agency|television)")


def _anaphor_body(quote, mentions):
    """The institution a bare "the bureau" / "the Committee" speaker refers to: the last one
    named before the speaker whose name has that word ("Federal Bureau of Investigation")."""
    m = _BODY_ANAPHOR.fullmatch(quote.speaker.strip())
    if m is None or quote.speaker_start is None:
        return None
    head = m.group("head").lower()
    best = None
    for x in mentions:
        if x.end > quote.speaker_start:
            break
        if (x.kind == "institution" and x.actor and x.text != quote.speaker
                and head in x.entity.lower().split()):
            best = x
    return best


def _ministry_of_sentence(quote, mentions, actors: ActorDictionary, text: str | None = None
                          ) -> str | None:
    """A ministry (or "state media") named without its country speaks for the state whose
    outlet carries its words (the quote's channel: "… the country's foreign ministry said in
    a statement carried by the Korean Central News Agency"), else for the one state the
    article names at all; else it stays without a country."""
    if not _BARE_MINISTRY.fullmatch(quote.speaker.strip()):
        return None
    # the outlet the quote module found carrying these words ("… in a statement carried by
    # KCNA", "KCNA quoted …"): an outlet merely named in the sentence is no such evidence
    channel = (quote.channel or "").strip() if isinstance(quote.channel, str) else ""
    if channel:
        e = actors.entries.get(tuple(t for t, _, _ in tokens(channel)))
        if e is not None and e.entity in actors.state_media and len(e.actors) == 1:
            return e.actors[0]
    # … or a state outlet in the cue's own tail, no comma between ("the foreign ministry said
    # on Sunday in a release carried by the Korean Central News Agency"; not "…, adding
    # that KCNA had confirmed it", nor "Responding to a KCNA report, the ministry said")
    end = quote.speaker_end
    if text is not None and end is not None:
        for m in mentions:
            if (m.kind == "institution" and m.entity in actors.state_media and m.actor
                    and end <= m.start <= end + 80 and not re.search(r"[,;.“”\"]",
                                                                    text[end:m.start])):
                return m.actor
    # "state media" with no state: the one state whose state outlets the article names
    # ("… KCNA said" earlier, then "state media reported …")
    if _STATE_MEDIA_WORDS.fullmatch(quote.speaker.strip()):
        outlets = {m.actor for m in mentions if m.kind == "institution" and m.actor
                   and m.entity in actors.state_media}
        if len(outlets) == 1:
            return outlets.pop()
    # the one state the whole article names (a ministry speaks about other states too:
    # "North Korea's launch was a threat, the foreign ministry said" may be Japan's)
    codes = {m.actor for m in mentions if m.actor and m.kind in (
        "country", "demonym", "capital", "institution") and m.entity not in actors.media
        and m.entity not in actors.state_media}  # (a KCNA report cited is no state's voice)
    return codes.pop() if len(codes) == 1 else None


#: a government named without its state: "the government said"
_GOVERNMENT = re.compile(r"(?i)(?:the\s+)?government")
#: what may stand between a nationality and the name it marks: "South Korean President
#: Moon", "the North’s ceremonial leader, Kim Yong Nam"
_MARKED_BY = re.compile(r"(?:['’]s)?(?:\s+[\w-]+){0,4}\s*,?\s*")
_HEADS_OF_GOVERNMENT = frozenset({"prime minister", "president", "premier", "chancellor"})


def _government_of_sentence(quote, mentions, text: str) -> str | None:
    """"The government said on Friday that South Korean President Moon had promised to help
    Prime Minister Shinzo Abe …": a bare "the government" is the government of the one head
    of government or state its sentence names without a nationality (the press names its
    own leaders so, and marks the foreign ones: "South Korean President Moon"); None when
    it names none, or several."""
    if quote.sentence_id is None:
        return None
    here = [m for m in mentions if m.sentence_id == quote.sentence_id and m.kind != "byline"]
    states = set()
    for m in here:
        if m.kind != "person" or m.actor_source != "dictionary" or not m.actor or (
                m.role or "").lower() not in _HEADS_OF_GOVERNMENT:
            continue
        marked = any(x.kind in ("country", "demonym", "capital") and x.end <= m.start
                     and m.start - x.end <= 45 and _MARKED_BY.fullmatch(text, x.end, m.start)
                     for x in here)
        if not marked:
            states.add(m.actor)
    return states.pop() if len(states) == 1 else None


def _owner_before(start: int, mentions):
    """The demonym that ends right before ``start``, a modifier at most between ("North
    Korean state media warned", the speaker cut to "media"): the speaker is that state's
    outlet. (A country name there may end a clause instead: "… on North Korea, media
    said".)"""
    for m in mentions:
        if m.kind == "demonym" and m.actor and 1 <= start - m.end <= 20:
            return m
    return None


def same_speaker_country(decided):
    """``(quote, code, source)`` in order, a speaker left without a country taking the one
    country its other quotes in the article were given ("The south Korean paper Hangyore
    said …" then "Hangyore" again, by an anaphor): one speaker speaks for one country."""
    found: dict[str, set[tuple[str, str]]] = {}
    for q, code, source in decided:
        if code and q.speaker:
            found.setdefault(q.speaker, set()).add((code, source))
    out = []
    for q, code, source in decided:
        if not code and q.speaker and len({c for c, _ in found.get(q.speaker, ())}) == 1:
            code, source = min(found[q.speaker])
        out.append((q, code, source))
    return _definite_heads(_spokespeople(_coordinated(out)))


#: a definite description by its head noun alone: "The statement", "the report"
_THE_HEAD = re.compile(r"(?i)the\s+(?P<head>[a-z]+)")


def _definite_heads(decided):
    """"An official North Korean statement says …" then "The statement accuses …": a bare
    "the <noun>" left without a country is the last speaker before it described with that
    noun and given a country (its words and country). A person's noun too: "the source" is
    the source introduced before ("A source in North Hamgyong Province said …"), the
    definite article saying the reader has met them; "the official" after "North Korean
    officials" is one of them."""
    out, last = [], {}
    for q, code, source in decided:
        m = _THE_HEAD.fullmatch((q.speaker or "").strip())
        head = _singular(m.group("head").lower()) if m else ""
        if m and not code and (prev := last.get(head)):
            code, source = prev[1], prev[2]  # (the words stay as written: "The statement")
        elif code and q.speaker and " " in q.speaker.strip():
            last[_head_noun(q.speaker)] = (q.speaker, code, source)
        out.append((q, code, source))
    return out


#: where a description's head noun ends: "a source in …", "a resident of …", "officials
#: who …", "a source living in …"
_HEAD_END = re.compile(r"\s+(?:in|of|from|at|with|for|on|near|who|whom|which|that|"
                       r"bordering|living|based)\b|,")


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _head_noun(speaker: str) -> str:
    """The head noun of a speaker's description, singular and lower-case: "source" for "A
    source in North Korea’s North Hamgyeong province", "official" for "North Korean
    officials"."""
    words = _HEAD_END.split(speaker.strip(), maxsplit=1)[0].split()
    return _singular(words[-1].lower()) if words else ""


#: an unnamed spokesperson described with the body they speak for ("a North Korean foreign
#: ministry spokesman", "the spokesman")
_SPOKES = re.compile(r"(?i)^(?:an?|the)\s+(?:(?P<desc>[\w’'.\- ]{0,60}?)\s+)?"
                     r"spokes(?:man|woman|person)$")
_MINISTRY = re.compile(r"(?i)\b((?:foreign|defen[cs]e|unification|interior|trade|finance|"
                       r"justice|national\s+defen[cs]e)\s+ministry)\b")


def _spokespeople(decided):
    """An unnamed spokesperson speaks for their body: "a North Korean foreign ministry
    spokesman said" is the Foreign Ministry (the spokesperson's words stay as the role), and
    a later bare "the spokesman" is the one described before it, with its country."""
    out, last = [], None
    for q, code, source in decided:
        m = _SPOKES.match(q.speaker or "")
        if m:
            if m.group("desc") is None:  # "the spokesman": the one described before
                if last is not None and not code:
                    q.role = q.role or last[3]
                    q.speaker, code, source = last[0], last[1], last[2]
            else:
                body = _MINISTRY.search(m.group("desc"))
                if body is not None:
                    desc = q.speaker
                    q.speaker = " ".join(w.capitalize() for w in body.group(1).split())
                    q.role = q.role or desc
                if code:
                    last = (q.speaker, code, source, desc if body is not None else q.speaker)
        out.append((q, code, source))
    return out


_NUMBER_SPEAKER = re.compile(r"\d[\d,.]*(?:\s+[a-z][\w’']*)*$")


def _coordinated(decided):
    """"Bolton said … — 45 minutes — and warned that …": a number (with no name after it, as
    "38 North" has) is no speaker; the coordinated cue shares the subject of the sentence's
    quote before."""
    out = []
    for i, (q, code, source) in enumerate(decided):
        if _NUMBER_SPEAKER.match(q.speaker or ""):
            prev = next((p for p in reversed(decided[:i])
                         if p[0].sentence_id == q.sentence_id and p[0].speaker
                         and not _NUMBER_SPEAKER.match(p[0].speaker)), None)
            if prev is not None:
                q.speaker, q.speaker_start, q.speaker_end = (
                    prev[0].speaker, prev[0].speaker_start, prev[0].speaker_end)
                q.role = q.role or prev[0].role
                code, source = prev[1], prev[2]
            else:
                q.speaker = q.speaker_start = q.speaker_end = None
                code, source = None, ""
        out.append((q, code, source))
    return out


def speaker_actor(quote, mentions, actors: ActorDictionary) -> str | None:
    """The country a speaker speaks for (the code of :func:`speaker_country`)."""
    return speaker_country(quote, mentions, actors)[0]


def _source_of(m) -> str:
    if m.kind != "person":
        return "mention"
    return getattr(m, "actor_source", "") or "mention"


def fronted_office(quote, mentions) -> None:
    """"The British Ambassador to the UN, Karen Pierce, said": the quote module may credit
    the body inside the office ("the UN") and keep the name as its role; the speaker is the
    person named in apposition. Moves the quote's speaker onto that person mention."""
    if not quote.role or quote.speaker_start is None:
        return
    at = [m for m in mentions if m.start < quote.speaker_end and quote.speaker_start < m.end]
    if not at or any(m.kind == "person" for m in at):
        return
    for m in mentions:
        if (m.kind == "person" and m.text == quote.role
                and 0 <= m.start - quote.speaker_end <= 3):
            quote.speaker, quote.speaker_start, quote.speaker_end = m.entity, m.start, m.end
            quote.role = None
            return


def full_name(quote, mentions, actors: ActorDictionary | None = None, *,
              dated: bool = True) -> str | None:
    """A surname-only speaker ("Yoon said") takes the full name the mention resolved to; a
    speaker given with a title takes the name alone, a definite description its holder; an
    outlet's person ("Al Jazeera’s Craig Leeson") the person's name; an institution given
    with the words that say what it is ("the DPRK's Rodong Sinmun newspaper") its name."""
    if quote.speaker and (holder := _role_holder(quote, mentions, dated)):
        return holder  # "Assistant Secretary-General" (for "he"): Khaled Khiari
    if not quote.speaker or quote.speaker_start is None:
        return quote.speaker
    # "President Lee Jae-myung on Sept. 11 described …": the date is not part of the name
    quote.speaker = _TRAILING_TIME.sub("", quote.speaker) or quote.speaker
    name = _person_name(quote, mentions)
    if name == quote.speaker and actors is not None and actors.person(name) is None:
        name = _titled_mention(quote.speaker, mentions) or name
    if name == quote.speaker and actors is not None:
        name = _state_outlet(quote.speaker, mentions, actors) or name
    if name == quote.speaker and actors is not None:
        name = _institution_name(quote.speaker, actors) or name
    if name == quote.speaker and (m := _OWNED_NAME.fullmatch(quote.speaker)):
        if not any(w in _NOT_NAME or w in _TITLE_WORDS for w in m.group("name").split()):
            name = m.group("name")
    if name == quote.speaker:
        name = _article_full_name(quote.speaker, mentions) or name
    if name == quote.speaker and (body := _anaphor_body(quote, mentions)) is not None:
        name = body.text  # "The bureau" -> "FBI", as the article named it
    return name


_THE = re.compile(r"(?i)the\s+")


def _role_holder(quote, mentions, dated: bool = True) -> str | None:
    """A speaker given by an office alone ("Assistant Secretary-General", "the leader",
    "The Secretary"): the one person the article named before it who holds that office on
    the date (the mention's role, or a role it begins: "secretary of state"); None when
    none or several do. In an undated article a dictionary person's office is only the
    last one held, not known to be held then ("the president" is not Trump in a 2016 text
    without a date): only an office the text gives counts."""
    words = quote.speaker.strip()
    if (m := _THE.match(words)) is not None:
        words = words[m.end():]
    low = words.lower()
    if not low or re.split(r"[\s-]+", low)[-1] not in _OFFICE_HEADS:
        return None  # no office word at its end ("he", "the team"): not an office
    if any(w[:1].isupper() and w.lower() not in _TITLE_LOWER
           for w in re.split(r"[\s-]+", words)):
        return None  # a name, or words beyond an office: as written
    start = quote.speaker_start if quote.speaker_start is not None else float("inf")
    holders = {m.entity for m in mentions if m.kind == "person" and m.entity and m.role
               and (dated or m.actor_source != "dictionary")
               and m.start < start and (m.role.lower() == low
                                        # "The Secretary": of state, of defense
                                        or m.role.lower().startswith(low + " "))}
    return holders.pop() if len(holders) == 1 else None


_TITLE_LOWER = frozenset(w.lower() for w in _TITLE_WORDS) | {"secretary-general", "general"}
#: the last word of an office ("secretary-general" ends in "general")
_OFFICE_HEADS = frozenset(ROLE_WORDS) | {"general", "leader", "secretary", "minister"}


def _surname(name: str) -> str:
    parts = name.split()
    return parts[0] if parts[0] in SURNAME_FIRST else parts[-1]


def _article_full_name(speaker: str, mentions) -> str | None:
    """A surname alone that is not at a mention ("Obama" for "he", from the quote module's
    pronoun resolution): the one person the article names with that surname ("Barack
    Obama"); None when it names none or several ("Kim")."""
    speaker = speaker.strip()
    if " " in speaker or not speaker[:1].isupper() or speaker in _NOT_NAME:
        return None
    full = {m.entity for m in mentions if m.kind == "person" and m.entity
            and m.entity != speaker and (m.text == speaker or _surname(m.entity) == speaker)}
    return full.pop() if len(full) == 1 else None


#: a date or weekday after a speaker's name, kept by the cue's subject phrase
_TRAILING_TIME = re.compile(
    r"\s+(?:on|last|this)\s+(?:(?:" + "|".join(DAY_NAMES) + ")"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+\d{1,2}"
    r"|(?:" + "|".join(MONTH_NAMES) + r")\s+\d{1,2})(?:,?\s+\d{4})?\s*$")


def _state_outlet(speaker: str, mentions, actors: ActorDictionary) -> str | None:
    """"North Korea’s official media" (from "Its official media said"): the state outlet of
    that country the article names, when it names exactly one."""
    m = OWNED_OUTLET.match(speaker)
    if m is None:
        return None
    owner = m.group("owner")
    code = first_actor(owner, 0, len(owner), actors)
    outlets = {x.entity for x in mentions if x.kind == "institution" and x.actor == code
               and x.entity in actors.state_media}
    return outlets.pop() if code and len(outlets) == 1 else None


def _titled_mention(speaker: str, mentions) -> str | None:
    """A speaker written with words of its title before a person's name ("Policy Glyn
    Davis", from "… for North Korea Policy Glyn Davis"): the person mention's name."""
    for m in mentions:
        if m.kind == "person" and m.entity and speaker.endswith(" " + m.text):
            head = speaker[:-len(m.text)].split()
            if head and all(w[:1].isupper() and not w.endswith(("’s", "'s")) for w in head) \
                    and any(w in _NOT_NAME or w in _TITLE_WORDS for w in head):
                return m.entity
    return None


def _institution_name(speaker: str, actors: ActorDictionary) -> str | None:
    """The one institution the speaker names, as written, when the other words only say
    what kind of body it is or whose ("the DPRK's Rodong Sinmun newspaper" -> "Rodong
    Sinmun"); None when there is nothing to drop but "the". Read from the speaker's words,
    which may come from an earlier sentence ("the article" -> "newspaper, the Rodong
    Sinmun")."""
    toks = tokens(speaker)
    body, rest, i = None, [], 0
    while i < len(toks):
        n = _longest(toks, i, actors) if toks[i][0] in actors.first else 0
        if not n:
            rest.append(toks[i][0].lower())
            i += 1
            continue
        e = actors.entries[tuple(t for t, _, _ in toks[i:i + n])]
        if e.kind == "institution":
            if body is not None:
                return None
            body = (toks[i][1], toks[i + n - 1][2], e)
        elif e.kind not in ("country", "demonym"):
            return None
        else:
            rest.append(("country", e.actors))
        i += n
    if body is None or any(isinstance(w, tuple) and w[1] != body[2].actors for w in rest):
        return None
    words = [w for w in rest if not isinstance(w, tuple)]
    if not all(w in _BODY_WORDS for w in words) or len(words) == len(rest) and set(words) <= {
            "the"}:
        return None  # "the JCS", "KCNA": as written
    return speaker[body[0]:body[1]]


def _person_name(quote, mentions) -> str | None:
    for m in mentions:
        if (m.kind == "person" and m.entity and m.start < quote.speaker_end
                and quote.speaker_start < m.end
                and (quote.speaker in m.entity.split()  # "Yoon" -> "Yoon Suk Yeol"
                     # "State Minister of Defense Ren Takahama" -> "Ren Takahama"
                     or quote.speaker.endswith(" " + m.text)
                     or m.actor_source == "description")):  # "the Russian leader"
            return m.entity
    return quote.speaker
