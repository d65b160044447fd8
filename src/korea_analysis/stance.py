"""How each actor is portrayed: per-mention sentiment aggregated with honest intervals.

Each mention carries the polarity of the part of its sentence about it (see
:mod:`korea_analysis.sentiment`). Aggregates are means over mentions with a 95% interval from
a bootstrap over *articles* — mentions in one article are not independent — using Poisson
weights per article (seeded), which needs memory only for the articles an actor appears in.
"""
from __future__ import annotations

import zlib

import numpy as np
import pandas as pd

SENTIMENT_COLUMNS = ["actor", "n_mentions", "n_articles", "polarity", "polarity_low",
                     "polarity_high", "subjectivity", "share"]
N_BOOT = 1000


def _interval(sums: np.ndarray, counts: np.ndarray, *, n_boot: int, seed: int, key: str
              ) -> tuple[float, float]:
    """95% percentile interval of sum(sums)/sum(counts) under article resampling."""
    if len(sums) < 2:
        return float("nan"), float("nan")
    rng = np.random.default_rng([seed, zlib.crc32(key.encode())])
    w = rng.poisson(1.0, size=(n_boot, len(sums)))
    den = w @ counts
    ok = den > 0
    means = (w @ sums)[ok] / den[ok]
    lo, hi = np.percentile(means, [2.5, 97.5])
    return float(lo), float(hi)


def aggregate(mentions: pd.DataFrame, by: list[str] | None = None, *, n_boot: int = N_BOOT,
              seed: int = 0) -> pd.DataFrame:
    """Mean polarity per actor (and per ``by`` columns) with a bootstrap interval.

    ``mentions`` needs ``actor``, ``article_id``, ``polarity``, ``subjectivity`` and the
    ``by`` columns (e.g. ``source`` for the outlet, ``month``).
    """
    by = ["actor"] + list(by or [])
    cols = by + ["n_mentions", "n_articles", "polarity", "polarity_low", "polarity_high",
                 "subjectivity", "share"]
    if mentions.empty:
        return pd.DataFrame(columns=cols)
    m = mentions.dropna(subset=["polarity"])
    per_article = m.groupby(by + ["article_id"], dropna=False).agg(
        s=("polarity", "sum"), n=("polarity", "size"))
    rows = []
    for key, g in m.groupby(by, dropna=False, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        pa = per_article.loc[key] if len(key) else per_article
        lo, hi = _interval(pa["s"].to_numpy(float), pa["n"].to_numpy(float), n_boot=n_boot,
                           seed=seed, key="|".join(map(str, key)))
        rows.append((*key, len(g), g["article_id"].nunique(), g["polarity"].mean(), lo, hi,
                     g["subjectivity"].mean()))
    out = pd.DataFrame(rows, columns=cols[:-1])
    groups = out.groupby(by[1:], dropna=False)["n_mentions"] if len(by) > 1 else None
    out["share"] = out["n_mentions"] / (groups.transform("sum") if groups is not None
                                        else out["n_mentions"].sum())
    return out.sort_values(["n_mentions"] + by, ascending=[False] + [True] * len(by),
                           ignore_index=True)


def actor_sentiment(mentions: pd.DataFrame, *, n_boot: int = N_BOOT, seed: int = 0
                    ) -> pd.DataFrame:
    """``actor_sentiment.csv``: one row per actor over the whole corpus."""
    return aggregate(mentions, n_boot=n_boot, seed=seed)[SENTIMENT_COLUMNS]


def with_article_fields(mentions: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Mentions joined with the outlet and the month of their article (for the by-tables)."""
    a = articles[["article_id", "source", "published"]].copy()
    a["outlet"] = a["source"].fillna("(outlet unknown)")
    a["month"] = a["published"].dt.to_period("M").astype(str).where(a["published"].notna(),
                                                                    "(undated)")
    return mentions.merge(a[["article_id", "outlet", "month"]], on="article_id", how="left")
