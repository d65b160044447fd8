"""Quotations in news text and who said them, with string rules only (no parser model).

Why rules: the quoting conventions of wire copy are few and regular (``“…,” X said.``,
``X said: “…”``, ``said X, a professor at …``), and a regex pass is fast, offline and
explainable. Every offset points into the article text, so each attribution can be checked.

Steps: pair quotation marks per paragraph (carrying a quote across a paragraph break when the
next paragraph opens with a mark); mask quoted words so that cue words inside a quotation are
never taken for a speech verb; split the masked paragraphs into sentences; find the cue next
to each quotation and the speaker around it; resolve pronouns and surnames; finally report
unquoted reported speech (``indirect``). The cue words live in ``speech_cues.yaml``.

Modules, in the order the steps run (``pipeline.find_quotes`` calls them):
``marks`` (pair quotation marks, mask quoted words), ``sentences`` (split masked
paragraphs), ``cue_matches`` (cue words per sentence), ``cue_speakers`` and ``candidates``
(the speaker phrase each cue points at), ``names`` (full names, genders, pronouns),
``resolve`` (each quotation's speaker: own cue, then context; its kind), ``indirect``
(reported speech without marks) and ``build`` (``Quote`` rows). ``cues`` compiles the cue
file, ``words`` holds the shared word lists, ``records`` the ``Quote`` row.
"""
from korea_analysis.quotes.cues import Cues, load_cues
from korea_analysis.quotes.pipeline import find_quotes
from korea_analysis.quotes.records import KINDS, Quote

__all__ = ["KINDS", "Cues", "Quote", "find_quotes", "load_cues"]
