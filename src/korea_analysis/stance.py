"""How each actor is portrayed: per-mention sentiment aggregated with honest intervals.

Each mention carries the polarity of the part of its sentence about it (see
:mod:`korea_analysis.sentiment`). Aggregates are means over mentions with a 95% interval from
a bootstrap over *articles* — mentions in one article are not independent. Every group is
measured on the same resampled corpora (Poisson weights per article, seeded), so the
intervals of two actors come from one set of resamples, and the cost is one draw per article
and resample, whatever the number of groups: the resamples are made in blocks, so memory stays
bounded on a corpus of any size.
"""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

SENTIMENT_COLUMNS = ["actor", "n_mentions", "n_articles", "polarity", "polarity_low",
                     "polarity_high", "subjectivity", "share"]
N_BOOT = 1000
BLOCK = 4_000_000  # numbers held per array while resampling (32 MB)


def intervals(groups: np.ndarray, articles: np.ndarray, sums: np.ndarray, counts: np.ndarray,
              n_groups: int, *, n_boot: int = N_BOOT, seed: int = 0
              ) -> tuple[np.ndarray, np.ndarray]:
    """95% percentile intervals of sum(sums)/sum(counts) per group under article resampling.

    One row per (group, article): ``groups`` and ``articles`` are codes (0..n-1), ``sums``
    and ``counts`` that article's total polarity and number of mentions in the group. A
    resample draws a Poisson(1) weight per article; a group's mean in it is the weighted
    ratio. Groups in fewer than two articles get NaN.
    """
    lo = np.full(n_groups, np.nan)
    hi = np.full(n_groups, np.nan)
    if n_groups == 0 or len(groups) == 0 or n_boot <= 0:
        return lo, hi
    n_art = int(articles.max()) + 1
    dense = n_art * n_groups <= BLOCK
    if dense:  # a few groups (per actor): one matrix product per block of resamples
        s = np.zeros((n_art, n_groups))
        c = np.zeros((n_art, n_groups))
        np.add.at(s, (articles, groups), sums)
        np.add.at(c, (articles, groups), counts)
    else:  # many groups (actor x month): gather each row's weight, then sum per group
        order = np.lexsort((articles, groups))
        groups, articles = groups[order], articles[order]
        sums, counts = sums[order], counts[order]
        starts = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])
        present = groups[starts]
    rng = np.random.default_rng(seed)
    block = max(1, min(n_boot, BLOCK // max(n_art if dense else len(groups), 1)))
    means = np.empty((n_boot, n_groups))
    for b0 in range(0, n_boot, block):
        w = rng.poisson(1.0, size=(min(block, n_boot - b0), n_art)).astype(float)
        if dense:
            num, den = w @ s, w @ c
        else:
            wa = w[:, articles]
            num = np.zeros((len(w), n_groups))
            den = np.zeros((len(w), n_groups))
            num[:, present] = np.add.reduceat(wa * sums, starts, axis=1)
            den[:, present] = np.add.reduceat(wa * counts, starts, axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            means[b0:b0 + len(w)] = np.where(den > 0, num / np.where(den > 0, den, 1.0), np.nan)
    n_articles = np.bincount(groups, minlength=n_groups)
    ok = n_articles >= 2
    if ok.any():
        with warnings.catch_warnings():  # a group absent from every resample: NaN
            warnings.simplefilter("ignore", RuntimeWarning)
            q = np.nanpercentile(means[:, ok], [2.5, 97.5], axis=0)
        lo[ok], hi[ok] = q[0], q[1]
    return lo, hi


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
    # Integer codes instead of strings from here: a large corpus has millions of mentions.
    keep = mentions["polarity"].notna().to_numpy()
    m = mentions if keep.all() else mentions[keep]
    grouped = m.groupby(by, dropna=False, sort=True)
    group = grouped.ngroup().to_numpy()
    sizes = grouped.size()  # mentions per group, indexed by the group's key, in code order
    article = pd.factorize(m["article_id"], sort=True)[0]
    polarity = m["polarity"].to_numpy(float)
    per_article = pd.DataFrame({"g": group, "a": article, "s": polarity}).groupby(
        ["g", "a"], sort=True).agg(s=("s", "sum"), n=("s", "size")).reset_index()
    lo, hi = intervals(per_article["g"].to_numpy(), per_article["a"].to_numpy(),
                       per_article["s"].to_numpy(float), per_article["n"].to_numpy(float),
                       len(sizes), n_boot=n_boot, seed=seed)
    n_articles = np.bincount(per_article["g"].to_numpy(), minlength=len(sizes))
    # means over each group's mentions in table order, as Series.mean computes them
    order = np.argsort(group, kind="stable")
    ends = np.cumsum(sizes.to_numpy())
    subjectivity = m["subjectivity"].to_numpy(float)
    rows = []
    for i, key in enumerate(sizes.index):
        key = key if isinstance(key, tuple) else (key,)
        rows_i = order[ends[i] - sizes.iloc[i]:ends[i]]
        rows.append((*key, int(sizes.iloc[i]), int(n_articles[i]),
                     pd.Series(polarity[rows_i]).mean(), lo[i], hi[i],
                     pd.Series(subjectivity[rows_i]).mean()))
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
