"""Score korea_analysis.sentiment against NewsMTSC (target-dependent sentiment in news).

    python benchmarks/newsmtsc.py ../shared/datasets/newsmtsc/dev_rw.jsonl [--backend NAME]

Every target of every sentence is scored with ``score_mention`` and its polarity mapped to
negative/neutral/positive. The two thresholds are tuned on NewsMTSC train only (the
``train.jsonl`` beside PATH, or ``--train``), never on the split being scored. A backend
fitted on train (``lexicon+linear``) keeps its own thresholds, which its training script
tuned on out-of-fold predictions: its in-sample train scores would be overconfident.
Prints a confusion matrix, per-class F1 and, last, ``F1m=.. acc=.. n=..`` (percent; n is
the number of targets).
``--speed`` also times ``score_mention`` over the bundled corpus (words per second).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import numpy as np

from korea_analysis import sentiment

LABELS = sentiment.LABELS
GOLD = {2.0: 0, 4.0: 1, 6.0: 2}


def read_targets(path: Path) -> list[tuple[str, int, int, int]]:
    """(sentence, from, to, gold label index) for every target in a NewsMTSC jsonl file."""
    out = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            d = json.loads(line)
            text = d["sentence_normalized"]
            for t in d["targets"]:
                if t["polarity"] not in GOLD:
                    raise SystemExit(f"{path}: line {lineno}: polarity {t['polarity']!r}")
                out.append((text, int(t["from"]), int(t["to"]), GOLD[t["polarity"]]))
    return out


def score_all(targets, backend: str) -> np.ndarray:
    return np.array([sentiment.score_mention(s, a, b, backend=backend)[0]
                     for s, a, b, _ in targets])


def classify(pol: np.ndarray, lo: float, hi: float) -> np.ndarray:
    return np.where(pol < lo, 0, np.where(pol > hi, 2, 1))


def macro_f1(gold: np.ndarray, pred: np.ndarray) -> tuple[float, float, np.ndarray]:
    cm = np.zeros((3, 3), dtype=int)
    np.add.at(cm, (gold, pred), 1)
    tp = np.diag(cm)
    f1 = np.where(cm.sum(0) + cm.sum(1) > 0, 2 * tp / np.maximum(cm.sum(0) + cm.sum(1), 1), 0)
    return float(f1.mean()), float(tp.sum() / max(cm.sum(), 1)), cm


def tune_thresholds(pol: np.ndarray, gold: np.ndarray, grid: int = 400) -> tuple[float, float]:
    """(lo, hi) maximising macro-F1: negative below lo, positive above hi, neutral between."""
    order = np.argsort(pol, kind="stable")
    s, g = pol[order], gold[order]
    uniq = np.unique(s)
    cuts = np.concatenate([[uniq[0] - 1e-6], (uniq[1:] + uniq[:-1]) / 2, [uniq[-1] + 1e-6]])
    if len(cuts) > grid:
        cuts = np.unique(np.quantile(cuts, np.linspace(0, 1, grid)))
    onehot = np.eye(3, dtype=np.int64)[g]
    cum = np.vstack([np.zeros(3, dtype=np.int64), np.cumsum(onehot, axis=0)])  # [k] = first k
    k = np.searchsorted(s, cuts)  # items below each cut
    below = cum[k]  # (C, 3): gold counts of items below the cut
    total = cum[-1]
    neg = below[:, None, :]  # predicted negative: below lo
    pos = (total - below)[None, :, :]  # predicted positive: above hi
    neu = total - neg - pos
    gold_n = total[None, None, :]
    f1 = (2 * neg[..., 0] / (neg.sum(-1) + gold_n[..., 0])
          + 2 * neu[..., 1] / np.maximum(neu.sum(-1) + gold_n[..., 1], 1)
          + 2 * pos[..., 2] / (pos.sum(-1) + gold_n[..., 2])) / 3
    valid = k[:, None] <= k[None, :]
    f1 = np.where(valid, f1, -1)
    i, j = np.unravel_index(np.argmax(f1), f1.shape)
    return float(cuts[i]), float(cuts[j])


ACTORS = re.compile(
    r"\b(North Korea|South Korea|Pyongyang|Seoul|Washington|Beijing|Moscow|Tokyo|China|"
    r"Russia|Japan|United States|U\.S\.|US|UN|Kim Jong[- ]Un|Kim Yo[- ]Jong|Putin|Trump|"
    r"Biden|Yoon|Lee Jae[- ]myung|Xi|Lavrov|Choe Son Hui|Kim)\b")


def speed(backend: str, repeat: int = 20) -> tuple[float, int, int]:
    """Words per second of score_mention over the bundled corpus, one call per actor mention."""
    from korea_analysis import load_corpus
    from korea_analysis.text import sentences

    jobs, words = [], 0
    for text in load_corpus()["text"]:
        for s in sentences(text):
            sent = text[s.start:s.end]
            words += len(sent.split())
            jobs.append((sent, [m.span() for m in ACTORS.finditer(sent)]))
    n_mentions = sum(len(m) for _, m in jobs)
    sentiment.score_mention("Seoul hailed it.", 0, 5, backend=backend)  # load the backend
    best = float("inf")
    for _ in range(repeat):
        sentiment.clear_caches()  # time tokenising too, not only cache hits
        t0 = time.perf_counter()
        for sent, spans in jobs:
            for a, b in spans:
                sentiment.score_mention(sent, a, b, backend=backend)
        best = min(best, time.perf_counter() - t0)
    return words / best, words, n_mentions


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", type=Path, help="NewsMTSC jsonl (e.g. dev_rw.jsonl)")
    ap.add_argument("--backend", default=sentiment.DEFAULT_BACKEND,
                    help=f"one of {', '.join(sentiment.backends())} "
                         f"(default {sentiment.DEFAULT_BACKEND})")
    ap.add_argument("--train", type=Path, help="train.jsonl to tune thresholds on "
                    "(default: train.jsonl beside PATH)")
    ap.add_argument("--speed", action="store_true",
                    help="also time score_mention over the bundled corpus")
    args = ap.parse_args(argv)
    try:
        backend = sentiment.get_backend(args.backend)
    except ValueError as e:
        ap.error(str(e))

    train = args.train or args.path.with_name("train.jsonl")
    if backend.trained:
        lo, hi = backend.thresholds
        how = "the backend's own (tuned out-of-fold on train when it was fitted)"
    elif train.is_file():
        tt = read_targets(train)
        lo, hi = tune_thresholds(score_all(tt, args.backend), np.array([t[3] for t in tt]))
        how = f"tuned on {train.name} ({len(tt)} targets)"
    else:
        lo, hi = backend.thresholds
        how = f"the backend's defaults ({train} not found)"
    print(f"backend {args.backend}: thresholds lo={lo:.4f} hi={hi:.4f}, {how}")

    targets = read_targets(args.path)
    gold = np.array([t[3] for t in targets])
    t0 = time.perf_counter()
    pol = score_all(targets, args.backend)
    dt = time.perf_counter() - t0
    f1m, acc, cm = macro_f1(gold, classify(pol, lo, hi))
    print(f"\n{args.path.name}: {len(targets)} targets, scored in {dt:.2f} s")
    print("gold \\ pred " + "".join(f"{lab:>10}" for lab in LABELS))
    for lab, row in zip(LABELS, cm, strict=True):
        print(f"{lab:>11} " + "".join(f"{v:>10d}" for v in row))
    for c, lab in enumerate(LABELS):
        p = cm[c, c] / max(cm[:, c].sum(), 1)
        r = cm[c, c] / max(cm[c].sum(), 1)
        f1 = 200 * p * r / max(p + r, 1e-9)
        print(f"{lab:>11}  P={100 * p:5.1f} R={100 * r:5.1f} F1={f1:5.1f}")
    if args.speed:
        wps, words, mentions = speed(args.backend)
        print(f"\nspeed: {wps:,.0f} words/s of score_mention over the bundled corpus "
              f"({words} words, {mentions} actor mentions)")
    print(f"F1m={100 * f1m:.1f} acc={100 * acc:.1f} n={len(targets)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
