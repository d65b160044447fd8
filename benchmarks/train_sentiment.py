"""Fit the ``lexicon+linear`` sentiment backend on NewsMTSC train; write its weights.

    python benchmarks/train_sentiment.py ../shared/datasets/newsmtsc/train.jsonl [--cv]

Needs scikit-learn (training only: the package applies the weights in pure Python).
Features come from ``korea_analysis.sentiment.mention_features``, the reference that the
fast run-time path (``FastLinear``) is tested against, so training and scoring cannot drift
apart. Everything is chosen on train alone:
the regularisation C and the number of features kept by cross-validation grouped by sentence
(``--cv``), the two polarity thresholds on out-of-fold predictions (in-sample scores would be
overconfident). Dev splits are for reporting with ``benchmarks/newsmtsc.py``, not for fitting.

One weight is set, not fitted: ``--geo-weight``, how far the geopolitical lexicon
(sentiment_lexicon.csv) moves the logits (negative down, positive up). NewsMTSC is US
politics; it hardly speaks of sanctions or missile launches, and a model fitted on it alone
calls "UNSC imposed new sanctions on North Korea" and "The minister condemned Japan."
neutral toward the country. The prior (weight 3) costs 0.7 points of cross-validated F1 on
NewsMTSC; the table printed shows the price of each weight.

Writes ``sentiment_linear.csv`` (feature, weight per class; rows ``#bias`` and the dense
``#...`` features) and ``sentiment_linear.yaml`` (thresholds and how they were obtained).
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import numpy as np
import yaml
from newsmtsc import classify, macro_f1, read_targets, tune_thresholds
from scipy import sparse
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold

from korea_analysis import sentiment

SEED = 13
PRIOR_DIRECTION = np.array([-1.0, 0.0, 1.0])  # the geo prior's weights per class, times weight


def featurise(targets) -> list[dict[str, float]]:
    lex = sentiment.load_lexicon()
    out = []
    for text, a, b, _ in targets:
        out.append(sentiment.mention_features(sentiment.locate(text, a, b), lex))
    return out


def keep_columns(X, names: list[str], min_df: int) -> np.ndarray:
    """Columns seen in at least ``min_df`` rows; dense ``#`` features always."""
    df = np.asarray((X != 0).sum(axis=0)).ravel()
    dense = np.array([n.startswith("#") for n in names])
    return np.flatnonzero((df >= min_df) | dense)


def fit(X, y, C: float) -> LogisticRegression:
    return LogisticRegression(C=C, max_iter=3000, class_weight="balanced").fit(X, y)


def top_columns(model: LogisticRegression, names: list[str], k: int | None) -> np.ndarray:
    """The k columns with the largest weights (dense features always kept)."""
    if k is None or k >= len(names):
        return np.arange(len(names))
    w = model.coef_ - model.coef_.mean(axis=0)  # softmax is unchanged by a shift per feature
    size = np.abs(w).max(axis=0)
    size[[i for i, n in enumerate(names) if n.startswith("#")]] = np.inf
    return np.sort(np.argsort(-size)[:k])


def oof_proba(X, y, groups, names: list[str], C: float, k: int | None, folds: int = 5
              ) -> np.ndarray:
    """Out-of-fold class probabilities, pruning to k features inside each fold."""
    P = np.zeros((len(y), 3))
    cv = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=SEED)
    for tr, te in cv.split(X, y, groups):
        m = fit(X[tr], y[tr], C)
        cols = top_columns(m, names, k)
        if len(cols) < X.shape[1]:
            m = fit(X[tr][:, cols], y[tr], C)
        P[te] = m.predict_proba(X[te][:, cols])
    return P


def with_prior(P: np.ndarray, geo: np.ndarray, weight: float) -> np.ndarray:
    """Probabilities after adding the geo prior to the logits."""
    z = np.log(np.clip(P, 1e-12, 1)) + weight * geo[:, None] * PRIOR_DIRECTION
    z -= z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def margin(P: np.ndarray) -> np.ndarray:
    """sentiment.probability_score's polarity, for rows of (P(neg), P(neu), P(pos))."""
    pos = np.maximum(0, P[:, 2] - np.maximum(P[:, 1], P[:, 0]))
    neg = np.maximum(0, P[:, 0] - np.maximum(P[:, 1], P[:, 2]))
    return pos - neg


def evaluate(pol: np.ndarray, y: np.ndarray) -> tuple[float, float, tuple[float, float]]:
    lo, hi = tune_thresholds(pol, y)
    f1m, acc, _ = macro_f1(y, classify(pol, lo, hi))
    return f1m, acc, (lo, hi)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("train", type=Path, help="NewsMTSC train.jsonl")
    ap.add_argument("--cv", action="store_true", help="grid-search C and k by 5-fold CV")
    ap.add_argument("--C", type=float, default=3.0, help="regularisation (without --cv)")
    ap.add_argument("--grid-C", type=float, nargs="+", default=[3.0, 5.0, 10.0])
    ap.add_argument("--grid-k", type=int, nargs="+", default=[10000, 15000, 20000])
    ap.add_argument("--max-features", type=int, default=12000,
                    help="features kept in the shipped file (size: ~33 bytes each)")
    ap.add_argument("--min-df", type=int, default=2)
    ap.add_argument("--geo-weight", type=float, default=3.0,
                    help="fixed logit weight of the geopolitical lexicon (0: none)")
    ap.add_argument("--out-dir", type=Path, default=Path(sentiment.HERE))
    ap.add_argument("--dry-run", action="store_true", help="report, write nothing")
    args = ap.parse_args(argv)

    targets = read_targets(args.train)
    y = np.array([t[3] for t in targets])
    sentence_ids = {s: i for i, s in enumerate(dict.fromkeys(t[0] for t in targets))}
    groups = np.array([sentence_ids[t[0]] for t in targets])
    feats = featurise(targets)
    geo = np.array([f.pop(sentiment.GEO_PRIOR, 0.0) for f in feats])
    vec = DictVectorizer()
    X = vec.fit_transform(feats).tocsc()
    names = list(vec.get_feature_names_out())
    cols = keep_columns(X, names, args.min_df)
    X = sparse.csr_matrix(X[:, cols])
    names = [names[i] for i in cols]
    print(f"{len(targets)} targets, {len(sentence_ids)} sentences, {len(names)} features "
          f"(min_df={args.min_df}), groups {sorted(sentiment.FEATURE_GROUPS)}")

    C, k = args.C, args.max_features
    if args.cv:
        best = None
        for c in args.grid_C:
            for kk in args.grid_k:
                f1m, acc, _ = evaluate(margin(oof_proba(X, y, groups, names, c, kk)), y)
                print(f"  C={c:<5} k={kk:>6}: CV F1m={100 * f1m:.1f} acc={100 * acc:.1f} "
                      "(no geo prior)", flush=True)
                if kk <= args.max_features and (best is None or f1m > best[0]):
                    best = (f1m, c, kk)
        _, C, k = best
        print(f"chosen C={C} k={k}")

    P = oof_proba(X, y, groups, names, C, k)
    print("out-of-fold on train, by geo prior weight:")
    for gw in sorted({0.0, 1.0, 2.0, 3.0, 4.0, 6.0, args.geo_weight}):
        f1m, acc, _ = evaluate(margin(with_prior(P, geo, gw)), y)
        print(f"  {gw:4.1f}: F1m={100 * f1m:.1f} acc={100 * acc:.1f}")
    f1m, acc, (lo, hi) = evaluate(margin(with_prior(P, geo, args.geo_weight)), y)
    print(f"chosen geo weight {args.geo_weight}: F1m={100 * f1m:.1f} acc={100 * acc:.1f} "
          f"thresholds lo={lo:.4f} hi={hi:.4f}")

    model = fit(X, y, C)
    keep = top_columns(model, names, k)
    model = fit(X[:, keep], y, C)
    names = [names[i] for i in keep]
    if args.dry_run:
        return 0

    assert list(model.classes_) == [0, 1, 2], model.classes_
    w = model.coef_ - model.coef_.mean(axis=0)  # centred: same softmax, smaller numbers
    b = model.intercept_ - model.intercept_.mean()
    csv_path = args.out_dir / "sentiment_linear.csv"
    with open(csv_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("feature," + ",".join(sentiment.LABELS) + "\n")
        f.write("#bias," + ",".join(f"{v:.4g}" for v in b) + "\n")
        f.write(sentiment.GEO_PRIOR + ","
                + ",".join(f"{v:.4g}" for v in args.geo_weight * PRIOR_DIRECTION) + "\n")
        for i in np.argsort(names, kind="stable"):
            n = names[i]
            if "," in n or '"' in n:
                n = '"' + n.replace('"', '""') + '"'
            f.write(n + "," + ",".join(f"{v:.4g}" for v in w[:, i]) + "\n")
    meta = {
        "model": "multinomial logistic regression, class_weight=balanced",
        "trained_on": f"NewsMTSC {args.train.name} ({len(targets)} targets)",
        "trained": dt.date.today().isoformat(),
        "C": C,
        "features": len(names),
        "min_df": args.min_df,
        "feature_groups": sorted(sentiment.FEATURE_GROUPS),
        "geo_prior_weight": args.geo_weight,
        "thresholds": [round(lo, 4), round(hi, 4)],
        "thresholds_from": "out-of-fold polarities on train, 5 folds grouped by sentence",
        "cv_train": {"F1m": round(100 * f1m, 1), "acc": round(100 * acc, 1)},
    }
    with open(args.out_dir / "sentiment_linear.yaml", "w", encoding="utf-8") as f:
        f.write("# Written by benchmarks/train_sentiment.py; read by korea_analysis.sentiment.\n"
                "# The #geo_prior row of sentiment_linear.csv is set (geo_prior_weight), "
                "not fitted.\n")
        yaml.safe_dump(meta, f, sort_keys=False)
    print(f"wrote {csv_path} ({csv_path.stat().st_size / 1024:.0f} KiB, {len(names)} features)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
