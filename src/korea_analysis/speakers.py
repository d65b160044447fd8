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

from korea_analysis.actors import ActorDictionary
from korea_analysis.mentions import first_actor

_RELATIVE = re.compile(r"\b(?:who|whose|whom|which|where)\b")

#: The values ``actor_source`` takes (empty when no country was decided).
SOURCES = ("dictionary", "title", "apposition", "institution", "context", "mention",
           "description")


def speaker_country(quote, mentions, actors: ActorDictionary) -> tuple[str | None, str]:
    """``(code, actor_source)`` of the country the speaker speaks for; ``(None, "")``."""
    if not quote.speaker:
        return None, ""
    person = actors.person(quote.speaker)
    if person is not None:
        return person.actor, "dictionary"
    if quote.speaker_start is not None:
        for m in mentions:
            if (m.start < quote.speaker_end and quote.speaker_start < m.end
                    and m.kind != "byline"):
                return m.actor, _source_of(m)
    for m in mentions:
        if m.entity == quote.speaker and m.kind != "byline":
            return m.actor, _source_of(m)
    for words in (quote.speaker, quote.role):
        if words:
            # a relative clause is not the speaker's nationality: "whose daughter was
            # abducted by North Korean agents" says nothing about her
            words = _RELATIVE.split(words, maxsplit=1)[0]
            code = first_actor(words, 0, len(words), actors)
            if code:
                return code, "description"
    return None, ""


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


def full_name(quote, mentions) -> str | None:
    """A surname-only speaker ("Yoon said") takes the full name the mention resolved to; a
    speaker given with a title takes the name alone, a definite description its holder."""
    if not quote.speaker or quote.speaker_start is None:
        return quote.speaker
    for m in mentions:
        if (m.kind == "person" and m.entity and m.start < quote.speaker_end
                and quote.speaker_start < m.end
                and (quote.speaker in m.entity.split()  # "Yoon" -> "Yoon Suk Yeol"
                     # "State Minister of Defense Ren Takahama" -> "Ren Takahama"
                     or quote.speaker.endswith(" " + m.text)
                     or m.actor_source == "description")):  # "the Russian leader"
            return m.entity
    return quote.speaker
