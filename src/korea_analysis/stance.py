"""How each actor is portrayed: per-mention sentiment aggregated with honest intervals.

Each mention carries the polarity of the part of its sentence about it (see
:mod:`korea_analysis.sentiment`). Aggregates are means over mentions with a 95% interval from
a bootstrap over *articles* — mentions in one article are not independent. Every group is
measured on the same resampled corpora (Poisson weights per article, seeded), so the
intervals of two actors come from one set of resamples, and the cost is one draw per article
and resample, whatever the number of groups: the resamples are made in blocks, so memory stays
bounded on a corpus of any size.

:func:`directed` is stance in the other sense: how actor A speaks about and acts toward B
(from A's quotes and A's events), one row per ordered pair, with the same kind of interval;
:func:`directed_evidence` gives the sentence behind each cell.
"""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

SENTIMENT_COLUMNS = ["actor", "n_mentions", "n_articles", "polarity", "polarity_low",
                     "polarity_high", "subjectivity", "share"]
N_BOOT = 1000
BLOCK = 4_000_000  # numbers held per array while resampling (32 MB)


#: The resamples drawn last, (n_boot, n_articles, seed) -> weights as uint8: every table of
#: one corpus (per actor, per outlet, per month) resamples the same articles with the same
#: seed, so the draws -- most of the time of an interval -- are made once per corpus. The
#: oldest are dropped beyond WEIGHTS_BYTES (the newest is always kept).
_WEIGHTS: dict[tuple[int, int, int], np.ndarray] = {}
WEIGHTS_BYTES = 256_000_000


def poisson_weights(n_boot: int, n_art: int, seed: int) -> np.ndarray:
    """The Poisson(1) weight of each article in each resample, ``(n_boot, n_art)`` uint8:
    ``default_rng(seed).poisson(1.0, (n_boot, n_art))``, drawn a block of rows at a time
    (the same numbers: rows are drawn in order) and kept for the next call with the same
    arguments (n_boot bytes per article)."""
    key = (int(n_boot), int(n_art), int(seed))
    if key not in _WEIGHTS:
        rng = np.random.default_rng(seed)
        out = np.empty((n_boot, n_art), dtype=np.uint8)
        block = max(1, BLOCK // max(n_art, 1))
        for b0 in range(0, n_boot, block):
            w = rng.poisson(1.0, size=(min(block, n_boot - b0), n_art))
            if w.size and w.max() > 255:  # P(Poisson(1) > 255) is nil, but never wrap
                raise OverflowError("a Poisson(1) weight above 255")
            out[b0:b0 + len(w)] = w
        out.flags.writeable = False  # shared by every later call
        _WEIGHTS[key] = out
        while len(_WEIGHTS) > 1 and sum(w.nbytes for w in _WEIGHTS.values()) > WEIGHTS_BYTES:
            del _WEIGHTS[next(iter(_WEIGHTS))]
    return _WEIGHTS[key]


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
    weights = poisson_weights(n_boot, n_art, seed)
    block = max(1, min(n_boot, BLOCK // max(n_art if dense else len(groups), 1)))
    means = np.empty((n_boot, n_groups))
    for b0 in range(0, n_boot, block):
        w = weights[b0:b0 + block].astype(float)
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
    """Mentions joined with the outlet and the month, quarter and year of their article (for
    the by-tables)."""
    a = articles[["article_id", "source", "published"]].copy()
    a["outlet"] = a["source"].fillna("(outlet unknown)")
    for name, freq in (("month", "M"), ("quarter", "Q"), ("year", "Y")):
        a[name] = a["published"].dt.to_period(freq).astype(str).where(a["published"].notna(),
                                                                      "(undated)")
    return mentions.merge(a[["article_id", "outlet", "month", "quarter", "year"]],
                          on="article_id", how="left")


# --------------------------------------------------------------------------- directed stance
DIRECTED_COLUMNS = ["source", "target", "n_quotes", "n_events", "n_articles", "score", "low",
                    "high", "quote_score", "event_score", "conflict_share"]
EVIDENCE_COLUMNS = ["source", "target", "kind", "value", "cue", "article_id", "sentence_id",
                    "text"]
_ITEM_COLUMNS = ["source", "target", "article_id", "sentence_id", "kind", "value", "weight",
                 "side", "cue"]


#: Articles whose quotes and mentions are paired at a time (memory, not results).
QUOTE_BLOCK = 2000


def _quote_items(quotes: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per (quote, actor it names other than the speaker's): the speaker's actor
    speaks about that actor with the mean polarity of its mentions inside the quote."""
    q = quotes[quotes["speaker_actor"].notna() & (quotes["speaker_actor"].astype(str) != "")]
    m = mentions[mentions["actor"].notna()]
    if "kind" in m.columns:
        m = m[m["kind"] != "byline"]  # people who report, not actors
    if q.empty or m.empty:
        return pd.DataFrame(columns=_ITEM_COLUMNS)
    q = q.reset_index(drop=True)[["article_id", "start", "end", "speaker_actor"]].assign(
        quote=lambda d: np.arange(len(d)))
    m = m[["article_id", "sentence_id", "start", "end", "actor", "polarity"]]
    # every quote against every mention of its article, a block of articles at a time: at
    # 100,000 articles the whole product is gigabytes, the mentions inside quotes are few
    block = pd.factorize(q["article_id"])[0] // QUOTE_BLOCK
    of_article = pd.Series(block, index=q["article_id"].to_numpy())
    of_article = of_article[~of_article.index.duplicated()]
    m_rows = m.groupby(m["article_id"].map(of_article).to_numpy(), sort=False).indices
    pieces = []
    for b, q_rows in pd.Series(block).groupby(block, sort=True).indices.items():
        j = q.iloc[q_rows].merge(m.iloc[m_rows.get(b, [])],
                                 on="article_id", suffixes=("", "_m"))
        pieces.append(j[(j["start_m"] >= j["start"]) & (j["end_m"] <= j["end"])
                        & (j["actor"].astype(str) != j["speaker_actor"].astype(str))
                        & j["polarity"].notna()])
    j = pd.concat(pieces, ignore_index=True)
    if j.empty:
        return pd.DataFrame(columns=_ITEM_COLUMNS)
    g = j.groupby(["quote", "actor"], sort=True).agg(
        source=("speaker_actor", "first"), article_id=("article_id", "first"),
        sentence_id=("sentence_id", "first"), value=("polarity", "mean")).reset_index()
    return pd.DataFrame({"source": g["source"].astype(str), "target": g["actor"].astype(str),
                         "article_id": g["article_id"].astype(str),
                         "sentence_id": g["sentence_id"].astype(int), "kind": "quote",
                         "value": g["value"].astype(float), "weight": 1.0,
                         "side": np.sign(g["value"].to_numpy(float)), "cue": ""})


def _event_items(events: pd.DataFrame) -> pd.DataFrame:
    from korea_analysis.alignment import event_class, event_weight

    e = events
    if "historical" in e.columns:
        e = e[~e["historical"].astype(bool)]
    e = e[e["source"].notna() & e["target"].notna() & e["score"].notna()
          & (e["source"].astype(str) != e["target"].astype(str))]
    if e.empty:
        return pd.DataFrame(columns=_ITEM_COLUMNS)
    return pd.DataFrame({"source": e["source"].astype(str), "target": e["target"].astype(str),
                         "article_id": e["article_id"].astype(str),
                         "sentence_id": e["sentence_id"].astype(int), "kind": "event",
                         "value": e["score"].astype(float).clip(-1, 1),
                         "weight": event_weight(e), "side": event_class(e),
                         "cue": e["cue"].fillna("").astype(str) if "cue" in e else ""})


def stance_items(quotes: pd.DataFrame | None, events: pd.DataFrame | None,
                 mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every piece of directed evidence, one row each: A's events toward B (``kind`` event,
    ``value`` the event score, its ``weight``) and, given ``mentions``, A's quotes naming B
    (``kind`` quote, ``value`` the mean polarity of B's mentions inside the quote, weight 1);
    ``side`` +1 cooperative / -1 conflictual (events by CAMEO quad class, quotes by sign)."""
    parts = [p for p in (
        _event_items(events) if events is not None else None,
        _quote_items(quotes, mentions) if quotes is not None and mentions is not None else None,
    ) if p is not None and len(p)]
    if not parts:
        return pd.DataFrame(columns=_ITEM_COLUMNS)
    return pd.concat(parts, ignore_index=True)[_ITEM_COLUMNS]


def directed(quotes: pd.DataFrame | None, events: pd.DataFrame | None,
             mentions: pd.DataFrame | None = None, *, n_boot: int = N_BOOT, seed: int = 0,
             items: pd.DataFrame | None = None) -> pd.DataFrame:
    """How A speaks about and acts toward B: one row per ordered pair (``source`` A,
    ``target`` B), from A's events toward B and A's quotes about B.

    What counts: each event whose ``source`` is A and ``target`` B (not historical), with its
    score and ``weight`` (missing: 1.0); and, when ``mentions`` is given, each quotation whose
    speaker speaks for A (``speaker_actor``) and names B inside the quoted words, with the
    mean polarity of B's mentions there (A's own mentions and bylines left out). Without
    ``mentions`` only events count. A quoted condemnation is therefore counted twice over:
    once as words (their sentiment), once as an act (its cue) -- they are the two things the
    matrix shows. ``score`` is the weighted mean of both, ``low`` / ``high`` its 95% interval
    from resampling articles (NaN with fewer than two articles), ``quote_score`` /
    ``event_score`` each part alone, ``conflict_share`` the conflictual share of the events'
    weight (NaN when no event). Rows are sorted by the evidence behind them, most first.
    ``items``: :func:`stance_items` of the same arguments, when already made.
    """
    if items is None:
        items = stance_items(quotes, events, mentions)
    if items.empty:
        return pd.DataFrame({c: pd.Series(dtype="object" if c in ("source", "target")
                                          else "int64" if c.startswith("n_") else "float64")
                             for c in DIRECTED_COLUMNS})
    items = items.assign(wv=items["weight"] * items["value"],
                         ev_w=np.where(items["kind"] == "event", items["weight"], 0.0),
                         q_n=(items["kind"] == "quote").astype(float),
                         conflict_w=np.where((items["kind"] == "event") & (items["side"] < 0),
                                             items["weight"], 0.0))
    items["ev_wv"] = items["ev_w"] * items["value"]
    items["q_v"] = items["q_n"] * items["value"]
    cells = items.groupby(["source", "target"], sort=True)
    cell = cells.ngroup().to_numpy()
    art = pd.factorize(items["article_id"], sort=True)[0]
    per = pd.DataFrame({"g": cell, "a": art, "s": items["wv"], "w": items["weight"]}).groupby(
        ["g", "a"], sort=True).sum().reset_index()
    lo, hi = intervals(per["g"].to_numpy(), per["a"].to_numpy(), per["s"].to_numpy(float),
                       per["w"].to_numpy(float), cells.ngroups, n_boot=n_boot, seed=seed)
    agg = cells.agg(n_quotes=("q_n", "sum"), n_events=("kind", lambda k: int((k == "event").sum())),
                    n_articles=("article_id", "nunique"), wv=("wv", "sum"), w=("weight", "sum"),
                    q_v=("q_v", "sum"), ev_wv=("ev_wv", "sum"), ev_w=("ev_w", "sum"),
                    conflict_w=("conflict_w", "sum")).reset_index()
    with np.errstate(invalid="ignore", divide="ignore"):
        out = pd.DataFrame({
            "source": agg["source"], "target": agg["target"],
            "n_quotes": agg["n_quotes"].astype(int), "n_events": agg["n_events"].astype(int),
            "n_articles": agg["n_articles"].astype(int),
            "score": np.where(agg["w"] > 0, agg["wv"] / agg["w"], np.nan),
            "low": lo, "high": hi,
            "quote_score": np.where(agg["n_quotes"] > 0, agg["q_v"] / agg["n_quotes"], np.nan),
            "event_score": np.where(agg["ev_w"] > 0, agg["ev_wv"] / agg["ev_w"], np.nan),
            "conflict_share": np.where(agg["ev_w"] > 0, agg["conflict_w"] / agg["ev_w"],
                                       np.nan),
        })
    out["_n"] = out["n_quotes"] + out["n_events"]
    return out.sort_values(["_n", "source", "target"], ascending=[False, True, True],
                           ignore_index=True).drop(columns="_n")[DIRECTED_COLUMNS]


def directed_evidence(quotes: pd.DataFrame | None, events: pd.DataFrame | None,
                      sentences: pd.DataFrame, mentions: pd.DataFrame | None = None, *,
                      k: int = 1, items: pd.DataFrame | None = None) -> pd.DataFrame:
    """The strongest piece of evidence behind each cell of :func:`directed` (the ``k`` with the
    largest weight x |value|, ties: first in the corpus), with its sentence: columns
    ``source``, ``target``, ``kind`` (event or quote), ``value``, ``cue``, ``article_id``,
    ``sentence_id``, ``text`` (``items``: :func:`stance_items` of the same arguments, when
    already made)."""
    if items is None:
        items = stance_items(quotes, events, mentions)
    if items.empty:
        return pd.DataFrame(columns=EVIDENCE_COLUMNS)
    items = items.assign(strength=items["weight"] * items["value"].abs())
    top = items.sort_values(["source", "target", "strength"], ascending=[True, True, False],
                            kind="stable").groupby(["source", "target"]).head(k)
    top = top.merge(sentences[["article_id", "sentence_id", "text"]],
                    on=["article_id", "sentence_id"], how="left")
    top["text"] = top["text"].fillna("")
    return top[EVIDENCE_COLUMNS].reset_index(drop=True)
