"""A learned ranker of speaker candidates (issue 12, item 8), off unless switched on.

For a quotation whose own sentence offers more than one speaker phrase (the speakers of the
sentence's cues, and the rules' choice), each candidate gets a handful of features
(:func:`features`) and a logistic-regression score from ``speaker_ranker.csv``; the best
one wins. The weights are fitted on PolNeAR train by ``benchmarks/train_ranker.py``
(scikit-learn at training time only; here a plain dot product).

It ships switched off (``ENABLED = False``): on PolNeAR dev it did not beat the rules (see
the training script's docstring for the figures). ``benchmarks/polnear.py --ranker`` and the
training script switch it on to measure it.
"""
from __future__ import annotations

import csv
import math
import os
from functools import lru_cache
from pathlib import Path

from korea_analysis.quotes.words import _MENTAL, _NESTED_PRONOUNS, _cap, _ing

#: beside sentiment_linear.csv, in the top package (whose data files the package ships)
WEIGHTS_PATH = Path(__file__).resolve().parent.parent / "speaker_ranker.csv"

#: switched on by ``benchmarks/polnear.py --ranker`` and the training script, or by the
#: environment variable ``KOREA_ANALYSIS_SPEAKER_RANKER=1`` (seen by worker processes too)
ENABLED = os.environ.get("KOREA_ANALYSIS_SPEAKER_RANKER") == "1"
#: when a list, ``rank`` appends ``(quote_span, [(speaker_span, features), ...])`` to it
COLLECT: list | None = None

FEATURES = ("rule", "before", "after", "dist", "adjacent", "pronoun", "who", "det", "cap",
            "words", "verb", "according", "passive", "nominal", "mental", "ing", "inverted",
            "nearest", "between", "lower")


def features(eng, q, cands, rule_sp) -> list[dict[str, float]]:
    """One feature dict per candidate ``(sp, role, cue)`` for the quotation ``q``."""
    m = eng.masked
    o, close = q.a - 1, q.b + 1
    dists = []
    for _sp, _, c in cands:
        d = o - c.b if c.b <= o else c.a - close if c.a >= close else 0
        dists.append(max(0, d))
    order = sorted(range(len(cands)), key=lambda i: dists[i])
    out = []
    for i, (sp, _, c) in enumerate(cands):
        words = m[sp[0]:sp[1]].split() or [""]
        w0 = words[0].lower()
        f = {
            "rule": float(sp == rule_sp),
            "before": float(c.b <= o),
            "after": float(c.a >= close),
            "dist": math.log1p(dists[i]) / 5.0,
            "adjacent": float(dists[i] <= 3 or m[close:c.a].strip(" ,.\n") == ""
                              or m[c.b:o].strip(" ,:\n") == ""),
            "pronoun": float(w0 in _NESTED_PRONOUNS and len(words) == 1),
            "who": float(w0 in ("who", "which", "that")),
            "det": float(w0 in ("the", "a", "an", "this", "its", "their")),
            "cap": float(all(_cap(w) for w in words)),
            "words": min(len(words), 8) / 8.0,
            "verb": float(c.kind == "verb"),
            "according": float(c.kind == "according"),
            "passive": float(c.kind == "passive"),
            "nominal": float(c.kind == "nominal"),
            "mental": float(eng.cues.forms.get(c.form) in _MENTAL),
            "ing": float(_ing(c.form)),
            "inverted": float(c.inverted),
            "nearest": float(i == order[0]),
            "between": float(any(d.a > min(c.b, o) and d.b < max(c.a, o) and d is not c
                                 for _, _, d in cands)),
            "lower": float(all(w.islower() for w in words)),
        }
        out.append(f)
    return out


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """``feature -> weight`` (and ``#bias``) from the shipped CSV; empty if there is none."""
    if not WEIGHTS_PATH.exists():
        return {}
    with open(WEIGHTS_PATH, newline="", encoding="utf-8") as fh:
        return {r["feature"]: float(r["weight"]) for r in csv.DictReader(fh)}


def score(f: dict[str, float], w: dict[str, float]) -> float:
    return w.get("#bias", 0.0) + sum(v * w.get(k, 0.0) for k, v in f.items())


def rank(eng, q, cs, attr):
    """The candidate the ranker prefers, as ``(sp, role, cue)``, or None to keep the rules'.

    ``cs``: the sentence's cues; ``attr``: the rules' choice (or None)."""
    m = eng.masked
    # "according to Xinhua" names a channel, not a speaker (the project's convention; PolNeAR
    # credits the outlet, and a ranker fitted on it would learn to): outlets never compete
    cands = [(c.sp, c.role, c) for c in cs if c.sp and not (
        c.kind == "according" and eng.outlet_name(m[c.sp[0]:c.sp[1]]))]
    attr_sp = attr.sp if attr is not None else None
    if attr is not None and attr.cue is not None and attr_sp is not None and \
            all(sp != attr_sp for sp, _, _ in cands):
        cands.append((attr_sp, attr.role, attr.cue))  # "what he called": the subject
    if len(cands) < 2 and (COLLECT is None or not cands):
        return None
    feats = features(eng, q, cands, attr_sp)
    if COLLECT is not None:
        COLLECT.append(((eng.text, q.a, q.b), [(sp, f) for (sp, _, _), f in zip(cands, feats,
                                                                               strict=True)]))
    if not ENABLED or len(cands) < 2:
        return None
    w = weights()
    if not w:
        return None
    best = max(range(len(cands)), key=lambda i: score(feats[i], w))
    return cands[best]
