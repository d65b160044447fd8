"""The rows ``find_quotes`` returns: one ``Quote`` per quotation or reported clause."""
from __future__ import annotations

from dataclasses import dataclass

KINDS = ("direct", "partial", "term", "indirect")


@dataclass(slots=True)
class Quote:
    """One quotation (or reported clause) with its speaker; offsets index the article text.

    ``quote`` is ``text[start:end]``: the words inside the marks, or the reported clause for
    ``indirect``. ``speaker`` is the name as the article gives it in full (a pronoun or a
    surname resolved; a body such as "the statement" kept as written); ``speaker_start`` /
    ``speaker_end`` point at the mention that the cue attaches to (may be "he"), None when
    nobody is named. ``role`` describes the speaker ("a professor at …", a title, or for a
    body its fuller mention), ``channel`` a relaying outlet ("TASS"), ``cue`` the cue as in
    the text (None when the speaker carries over from an earlier sentence). ``kind``: direct
    (a quoted statement), partial (a quoted fragment inside reported speech), term (quoted
    words with no speech cue: scare quotes, names), indirect (speech without marks).
    """

    quote: str
    start: int
    end: int
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    role: str | None = None
    cue: str | None = None
    channel: str | None = None
    kind: str = "term"
    sentence_id: int | None = None
