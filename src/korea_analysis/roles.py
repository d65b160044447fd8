"""Strings the quote module writes into a quote's speaker or role and :mod:`speakers` reads
back: one definition for both sides, so that a change on one side cannot silently stop the
other from recognising it."""
from __future__ import annotations

import re

#: a head of government's office speaking: role ``"office of <holder>"`` ("the president's
#: office said", the office of the president the article named before)
OFFICE_OF = "office of "

#: what a state owns and speaks through ("its official media", "their state news agency"):
#: the speaker becomes ``"<owner>’s <words>"`` ("North Korea’s official media")
OWNED_OUTLET_HEADS = frozenset({"media", "agency", "newspaper", "broadcaster", "television"})


def office_of(holder: str) -> str:
    """The role of a head of government's office: ``office of <holder>``."""
    return OFFICE_OF + holder


def owned_outlet(owner: str, words: str) -> str:
    """The speaker for a state's own outlet: ``<owner>’s <words>``."""
    return f"{owner}’s {words}"


#: a speaker written by :func:`owned_outlet`: "North Korea’s official media"
OWNED_OUTLET = re.compile(r"(?P<owner>.+?)['’]s\s+(?:[\w-]+\s+){0,3}(?:"
                          + "|".join(sorted(OWNED_OUTLET_HEADS)) + r")$")
