"""05 over time: are tensions increasing again? Cooperation–conflict and portrayal per period.

For a dated corpus: the event score (−1 conflict … +1 cooperation) per month, quarter or year
(chosen by the span, :func:`~korea_analysis.views.overview.period_of`) for the pairs with the
most events, with 95% intervals from a bootstrap over articles and the event counts; the
portrayal of the most mentioned actors per period; the same per outlet as small multiples;
and whether the last third of the span differs from the first third with intervals that
separate. Undated articles cannot be placed in time and are counted, not guessed.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from korea_analysis import charts
from korea_analysis.annotate import Annotations
from korea_analysis.views.common import min_evidence, pair_labels, source_line, table
from korea_analysis.views.overview import period_of

#: A period needs this many events (or mentions) for its point to be drawn; fewer are counted.
MIN_PER_PERIOD = 3
#: Each third compared by :func:`tension_change` needs this many events from this many
#: articles (the interval resamples articles: two articles make no interval worth a claim).
MIN_THIRD_EVENTS, MIN_THIRD_ARTICLES = 5, 3
UNIT = {"M": "month", "Q": "quarter", "Y": "year"}
TREND_COLUMNS = ["pair", "period", "n_events", "n_articles", "n_coop", "n_conflict", "score",
                 "score_low", "score_high"]


def dated_periods(ann: Annotations, freq: str | None = None) -> tuple[str, pd.PeriodIndex]:
    """(freq, every period from the first dated article to the last); empty when undated."""
    pub = ann.articles["published"].dropna()
    if pub.empty:
        return freq or "M", pd.PeriodIndex([], freq=freq or "M")
    freq = freq or period_of(pub)
    return freq, pd.period_range(pub.min().to_period(freq), pub.max().to_period(freq),
                                 freq=freq)


def is_dated(ann: Annotations) -> bool:
    """True when the dated articles span at least two periods (a trend can be drawn)."""
    return len(dated_periods(ann)[1]) >= 2


def _pair_label(a: str, b: str) -> str:
    return "–".join(sorted((a, b)))


def _events(ann: Annotations, freq: str) -> pd.DataFrame:
    """Current events with their pair (unordered), period and outlet; undated left out.

    Made once per ``ann`` and ``freq`` (05 asks for it four times: the main pairs, the trend,
    the change and the outlets); a shallow copy is returned, as :func:`table` does."""
    memo = ann.__dict__.setdefault("_views_time_events", {})
    if freq not in memo:
        memo[freq] = _make_events(ann, freq)
    return memo[freq].copy(deep=False)


def _make_events(ann: Annotations, freq: str) -> pd.DataFrame:
    from korea_analysis.annotate import current_events

    e = current_events(table(ann, "events", ["article_id", "source", "target", "score",
                                             "weight", "historical"]))
    e = e[e["source"].notna() & e["target"].notna() & (e["source"] != e["target"])]
    a = ann.articles[["article_id", "published", "source"]].rename(columns={"source": "outlet"})
    e = e.merge(a, on="article_id", how="left")
    w = e["weight"].astype(float).fillna(1.0) if "weight" in e else pd.Series(1.0,
                                                                              index=e.index)
    out = pd.DataFrame({"article_id": e["article_id"],
                        "pair": pair_labels(e["source"], e["target"], "–"),
                        "published": e["published"], "outlet": e["outlet"],
                        "score": e["score"].astype(float), "weight": w.to_numpy()})
    out["period"] = out["published"].dt.to_period(freq)
    return out


def main_pairs(ann: Annotations, k: int = 6, min_events: int | None = None) -> pd.DataFrame:
    """The ``k`` pairs with the most current events (either direction), at least
    ``min_events`` each (default :func:`min_evidence` of the corpus size)."""
    e = _events(ann, "M")
    min_events = min_evidence(len(ann.articles)) if min_events is None else min_events
    n = e.groupby("pair").agg(n_events=("score", "size"), n_articles=("article_id", "nunique"))
    n = n[n["n_events"] >= min_events].sort_values(["n_events", "n_articles"],
                                                   ascending=False).head(k)
    return n.reset_index()


def _means(df: pd.DataFrame, keys: list[str], *, value: str, weight: str | None,
           n_boot: int, seed: int) -> pd.DataFrame:
    """Weighted mean of ``value`` per ``keys`` group with a 95% interval over articles."""
    from korea_analysis.stance import intervals

    if df.empty:
        return pd.DataFrame(columns=keys + ["n", "n_articles", "mean", "low", "high"])
    w = df[weight].to_numpy(float) if weight else np.ones(len(df))
    g = df.groupby(keys, sort=True, observed=True)
    code = g.ngroup().to_numpy()
    art = pd.factorize(df["article_id"], sort=True)[0]
    per = pd.DataFrame({"g": code, "a": art, "s": df[value].to_numpy(float) * w, "n": w}) \
        .groupby(["g", "a"], sort=True).agg(s=("s", "sum"), n=("n", "sum")).reset_index()
    lo, hi = intervals(per["g"].to_numpy(), per["a"].to_numpy(), per["s"].to_numpy(float),
                       per["n"].to_numpy(float), g.ngroups, n_boot=n_boot, seed=seed)
    sums = per.groupby("g")[["s", "n"]].sum()
    out = g.size().rename("n").reset_index()
    out["n_articles"] = per.groupby("g")["a"].nunique().to_numpy()
    out["mean"] = (sums["s"] / sums["n"]).to_numpy()
    out["low"], out["high"] = lo, hi
    return out


def pair_trend(ann: Annotations, pairs: list[str] | None = None, freq: str | None = None, *,
               n_boot: int = 200, seed: int = 0) -> pd.DataFrame:
    """Cooperation–conflict per pair and period: mean event score, interval, event counts.

    ``pairs`` like ["KOR–PRK", "PRK-USA"] (default: :func:`main_pairs`). One row per pair and
    period of the span, empty periods with 0 events and a blank score; a period with fewer
    than :data:`MIN_PER_PERIOD` events keeps its counts but no score. Columns:
    :data:`TREND_COLUMNS`.
    """
    freq, periods = dated_periods(ann, freq)
    if pairs is None:
        pairs = main_pairs(ann)["pair"].tolist()
    pairs = [_pair_label(*_split(p)) for p in pairs]
    e = _events(ann, freq)
    e = e[e["pair"].isin(pairs) & e["period"].notna()]
    m = _means(e, ["pair", "period"], value="score", weight="weight", n_boot=n_boot, seed=seed)
    counts = e.assign(coop=e["score"] > 0, conflict=e["score"] < 0).groupby(
        ["pair", "period"], observed=True)[["coop", "conflict"]].sum().reset_index()
    m = m.merge(counts, on=["pair", "period"], how="left")
    m = m.rename(columns={"coop": "n_coop", "conflict": "n_conflict"})
    out = _on_grid(m, "pair", pairs, periods, count="n_events", value="score",
                   counts=("n_coop", "n_conflict"))
    return out[TREND_COLUMNS]


def _split(pair) -> tuple[str, str]:
    from korea_analysis.views.evidence import parse_pair

    a, b, _ = parse_pair(pair)
    return a, b



def _on_grid(means: pd.DataFrame, key: str, keys: list, periods, *, count: str, value: str,
             counts: tuple[str, ...] = ()) -> pd.DataFrame:
    """Every (key, period) cell, thin ones (under MIN_PER_PERIOD) left blank: gaps stay gaps.

    ``means`` has the columns of :func:`_means`; ``n`` becomes ``count``, the mean and its
    interval ``value``, ``value_low``, ``value_high``; counts of empty cells are 0."""
    grid = pd.MultiIndex.from_product([keys, periods], names=[key, "period"]).to_frame(
        index=False)
    out = grid.merge(means, on=[key, "period"], how="left")
    out.loc[out["n"].fillna(0) < MIN_PER_PERIOD, ["mean", "low", "high"]] = np.nan
    out = out.rename(columns={"n": count, "mean": value, "low": f"{value}_low",
                              "high": f"{value}_high"})
    for c in (count, "n_articles", *counts):
        out[c] = out[c].fillna(0).astype(int)
    out["period"] = out["period"].astype(str)
    return out


def tension_change(ann: Annotations, pairs: list[str] | None = None, freq: str | None = None,
                   *, n_boot: int = 200, seed: int = 0) -> pd.DataFrame:
    """Does the last third of the span differ from the first, pair by pair?

    The dated span is cut into thirds by period; each pair's mean event score in the first
    and last third gets a 95% interval (bootstrap over articles). ``change`` is "more
    conflict" or "more cooperation" only when the two intervals do not overlap; "no clear
    change" when they do; "too little evidence" with fewer than :data:`MIN_PER_PERIOD` events
    in either third.
    """
    freq, periods = dated_periods(ann, freq)
    if pairs is None:
        pairs = main_pairs(ann)["pair"].tolist()
    pairs = [_pair_label(*_split(p)) for p in pairs]
    cols = ["pair", "early", "late", "n_early", "early_score", "early_low", "early_high",
            "n_late", "late_score", "late_low", "late_high", "change"]
    if len(periods) < 2 or not pairs:
        return pd.DataFrame(columns=cols)
    third = max(1, math.ceil(len(periods) / 3))
    early, late = periods[:third], periods[-third:]
    e = _events(ann, freq)
    e = e[e["pair"].isin(pairs)]
    e = e.assign(part=np.where(e["period"].isin(early), "early",
                               np.where(e["period"].isin(late), "late", "")))
    e = e[e["part"] != ""]
    m = _means(e, ["pair", "part"], value="score", weight="weight", n_boot=n_boot, seed=seed)
    m = m.set_index(["pair", "part"])
    rows = []
    for p in pairs:
        r = {"pair": p, "early": _span(early), "late": _span(late)}
        for part in ("early", "late"):
            got = m.loc[(p, part)] if (p, part) in m.index else None
            r[f"n_{part}"] = int(got["n"]) if got is not None else 0
            r[f"_articles_{part}"] = int(got["n_articles"]) if got is not None else 0
            r[f"{part}_score"] = got["mean"] if got is not None else np.nan
            r[f"{part}_low"] = got["low"] if got is not None else np.nan
            r[f"{part}_high"] = got["high"] if got is not None else np.nan
        if min(r["n_early"], r["n_late"]) < MIN_THIRD_EVENTS or min(
                r["_articles_early"], r["_articles_late"]) < MIN_THIRD_ARTICLES or any(
                pd.isna(r[k]) for k in ("early_low", "early_high", "late_low", "late_high")):
            r["change"] = "too little evidence"
        elif r["late_high"] < r["early_low"]:
            r["change"] = "more conflict"
        elif r["late_low"] > r["early_high"]:
            r["change"] = "more cooperation"
        else:
            r["change"] = "no clear change"
        rows.append(r)
    return pd.DataFrame(rows, columns=cols)


def _span(periods: pd.PeriodIndex) -> str:
    return str(periods[0]) if len(periods) == 1 else f"{periods[0]} to {periods[-1]}"


def tension_headline(change: pd.DataFrame) -> str:
    """The answer to "are tensions increasing?" in one sentence, from :func:`tension_change`."""
    if change.empty:
        return "Too few events between any pair to tell"
    worse = change.loc[change["change"] == "more conflict", "pair"].tolist()
    better = change.loc[change["change"] == "more cooperation", "pair"].tolist()
    period = f"{change['late'].iloc[0]} vs {change['early'].iloc[0]}"
    if worse and better:
        return (f"Tensions rose for {', '.join(worse)} and eased for {', '.join(better)} "
                f"({period})")
    if worse:
        return f"Tensions rose for {', '.join(worse)} ({period}); no clear change for the rest"
    if better:
        return (f"Relations grew more cooperative for {', '.join(better)} ({period}); "
                "no clear change for the rest")
    if (change["change"] == "too little evidence").all():
        return "Too few events in the first and last third of the span to tell"
    thin = int((change["change"] == "too little evidence").sum())
    # "for any main pair" must not hide that some pairs could not be judged at all
    unjudged = f"; {thin} of {len(change)} with too few events to tell" if thin else ""
    return f"No clear change in cooperation–conflict for any main pair ({period}{unjudged})"


def _grid(n: int, ncols: int = 3, width: float = 12, height: float = 2.6):
    return charts.panel_grid(n, ncols, panel=(0, height), width=width)


def _panel(ax, t: pd.DataFrame, value: str, low: str, high: str, count: str, colour: str,
           label: str) -> None:
    x = np.arange(len(t))
    ax.fill_between(x, t[low].to_numpy(float), t[high].to_numpy(float), color=colour,
                    alpha=0.18, lw=0)
    # NaN breaks the line: a period without enough evidence is a gap, not an interpolation
    ax.plot(x, t[value].to_numpy(float), marker="o", ms=3.5, color=colour, lw=1.5)
    ax.axhline(0, color="#888888", lw=0.8)
    if not np.isfinite(t[value].to_numpy(float)).any():  # bars only: say why there is no line
        ax.text(0.5, 0.75, f"no period with enough {str(count).removeprefix('n_')}\nfor a point",
                transform=ax.transAxes, ha="center", va="center", fontsize=8, color="#666666")
    ax.set_title(label, fontsize=10)
    ax2 = ax.twinx()
    ax2.bar(x, t[count], color="#BBBBBB", alpha=0.45, width=0.8, zorder=0)
    ax2.set_ylim(0, max(1, t[count].max()) * 3.2)  # counts stay in the bottom third
    charts.count_axis(ax2, count)  # grey integer ticks up to the tallest bar, labelled
    ax2.grid(False)
    ax.set_zorder(ax2.get_zorder() + 1)
    ax.patch.set_visible(False)


def _ticks(axes, periods: list[str]) -> None:
    step = max(1, len(periods) // 8)
    for ax in axes:
        if ax.get_visible():
            ax.set_xticks(range(0, len(periods), step), periods[::step], rotation=45,
                          ha="right", fontsize=8)


def pair_trend_chart(trend: pd.DataFrame, ann: Annotations, headline: str | None = None):
    """Small multiples: one panel per pair, score line with its interval, counts as bars."""
    pairs = list(dict.fromkeys(trend["pair"]))
    fig, axes = _grid(max(len(pairs), 1))
    axes = list(axes)
    periods = list(dict.fromkeys(trend["period"]))
    for ax, p in zip(axes, pairs, strict=False):
        t = trend[trend["pair"] == p].reset_index(drop=True)
        _panel(ax, t, "score", "score_low", "score_high", "n_events", charts.OKABE_ITO[0],
               f"{p} ({int(t['n_events'].sum()):,} events)")
        ax.set_ylim(-1.05, 1.05)
    _ticks(axes, periods)
    axes[0].set_ylabel("conflict (−1) … cooperation (+1)", fontsize=8)
    unit = _unit_of(periods)
    charts.finish_grid(fig, headline or "Cooperation–conflict per " + unit,
                       n=f"{int(trend['n_events'].sum()):,} events in {len(pairs)} pairs; grey "
                       f"bars: events per {unit}; band: 95% interval; points need "
                       f"{MIN_PER_PERIOD}+ events", source=source_line(ann))
    return fig, trend


def _unit_of(periods: list[str]) -> str:
    if not periods:
        return "month"
    p = periods[0]
    return "quarter" if "Q" in p else "year" if len(p) == 4 else "month"


def portrayal_trend(ann: Annotations, actors: list[str] | None = None,
                    freq: str | None = None, *, top: int = 6, n_boot: int = 200,
                    seed: int = 0) -> pd.DataFrame:
    """Mean polarity toward each actor per period (the ``top`` most mentioned by default),
    with a 95% interval over articles; thin periods keep their counts, not a score."""
    freq, periods = dated_periods(ann, freq)
    m = table(ann, "mentions", ["article_id", "actor", "kind", "polarity"])
    m = m[m["kind"] != "byline"]
    m = m[m["actor"].notna() & m["polarity"].notna()]
    if actors is None:
        counts = m["actor"].value_counts()
        counts = counts[counts >= min_evidence(len(ann.articles))]
        actors = counts.index[:top].tolist()
    m = m[m["actor"].isin(actors)]
    pub = ann.articles.set_index("article_id")["published"]
    m = m.assign(period=m["article_id"].map(pub).dt.to_period(freq))
    m = m[m["period"].notna()]
    r = _means(m, ["actor", "period"], value="polarity", weight=None, n_boot=n_boot, seed=seed)
    out = _on_grid(r, "actor", actors, periods, count="n_mentions", value="polarity")
    out.insert(1, "name", out["actor"].map(ann.actors.name_of))
    return out[["actor", "name", "period", "n_mentions", "n_articles", "polarity",
                "polarity_low", "polarity_high"]]


def portrayal_trend_chart(trend: pd.DataFrame, ann: Annotations):
    """Small multiples: one panel per actor, polarity with its interval, mentions as bars."""
    actors = list(dict.fromkeys(trend["actor"]))
    fig, axes = _grid(max(len(actors), 1))
    axes = list(axes)
    periods = list(dict.fromkeys(trend["period"]))
    for ax, a in zip(axes, actors, strict=False):
        t = trend[trend["actor"] == a].reset_index(drop=True)
        _panel(ax, t, "polarity", "polarity_low", "polarity_high", "n_mentions",
               charts.bloc_colour(ann.actors.blocs.get(a)),
               f"{t['name'].iloc[0]} ({int(t['n_mentions'].sum()):,} mentions)")
    _ticks(axes, periods)
    axes[0].set_ylabel("mean polarity toward the actor", fontsize=8)
    unit = _unit_of(periods)
    charts.finish_grid(fig, f"How the most mentioned actors are portrayed, per {unit}",
                       n=f"{int(trend['n_mentions'].sum()):,} mentions of {len(actors)} "
                       f"actors; grey bars: mentions per {unit}; band: 95% interval",
                       source=source_line(ann))
    return fig, trend


def outlet_trend(ann: Annotations, freq: str | None = None, *, pairs: list[str] | None = None,
                 top: int = 8, n_boot: int = 200, seed: int = 0) -> pd.DataFrame:
    """Cooperation–conflict per outlet and period over the events of ``pairs`` (default:
    the main pairs), for the ``top`` outlets with the most such events."""
    freq, periods = dated_periods(ann, freq)
    if pairs is None:
        pairs = main_pairs(ann)["pair"].tolist()
    pairs = [_pair_label(*_split(p)) for p in pairs]
    e = _events(ann, freq)
    e = e[e["pair"].isin(pairs) & e["period"].notna()]
    e = e.assign(outlet=e["outlet"].fillna("(outlet unknown)"))
    keep = e["outlet"].value_counts().index[:top].tolist()
    e = e[e["outlet"].isin(keep)]
    r = _means(e, ["outlet", "period"], value="score", weight="weight", n_boot=n_boot,
               seed=seed)
    out = _on_grid(r, "outlet", keep, periods, count="n_events", value="score")
    return out[["outlet", "period", "n_events", "n_articles", "score", "score_low",
                "score_high"]]


def outlet_trend_chart(trend: pd.DataFrame, ann: Annotations, pairs: list[str]):
    """Small multiples: one panel per outlet, same axes, so outlets compare at a glance."""
    outlets = list(dict.fromkeys(trend["outlet"]))
    fig, axes = _grid(max(len(outlets), 1), ncols=4, height=2.3)
    axes = list(axes)
    periods = list(dict.fromkeys(trend["period"]))
    for i, (ax, o) in enumerate(zip(axes, outlets, strict=False)):
        t = trend[trend["outlet"] == o].reset_index(drop=True)
        _panel(ax, t, "score", "score_low", "score_high", "n_events",
               charts.OKABE_ITO[i % 8], f"{str(o)[:30]} ({int(t['n_events'].sum()):,} events)")
        ax.set_ylim(-1.05, 1.05)
    _ticks(axes, periods)
    axes[0].set_ylabel("conflict (−1) … cooperation (+1)", fontsize=8)
    unit = _unit_of(periods)
    shown = ", ".join(pairs[:6]) + ("…" if len(pairs) > 6 else "")
    charts.finish_grid(fig, f"Cooperation–conflict per {unit}, outlet by outlet ({shown})",
                       n=f"{int(trend['n_events'].sum()):,} events in {len(outlets)} outlets; "
                       f"grey bars: events per {unit}; points need {MIN_PER_PERIOD}+ events",
                       source=source_line(ann))
    return fig, trend


def latest_evidence(ann: Annotations, trend: pd.DataFrame) -> tuple[str, pd.DataFrame]:
    """(latest period with events, its events between the trend's pairs, strongest first)."""
    from korea_analysis.views.evidence import evidence

    have = trend[trend["n_events"] > 0]
    if have.empty:
        return "", evidence(ann, kind="event").iloc[0:0]
    last = have["period"].max()
    rows = evidence(ann, month=last, kind="event", sort="score")
    pairs = {frozenset(p.split("–")) for p in have["pair"]}
    ends = rows["actors"].str.replace(r" \(.*\)$", "", regex=True).str.split(" → ")
    return last, rows[[frozenset(e) in pairs for e in ends]].reset_index(drop=True)


def dates_note(ann: Annotations) -> str:
    """What the corpus's dates allow: the span and unit, or plainly that there are none."""
    a = ann.articles
    n_dated = int(a["published"].notna().sum())
    if n_dated == 0:
        return (f"None of the {len(a):,} articles has a publication date, so nothing can be "
                "shown over time. Give dates in the metadata (a `published` column) to see "
                "trends.")
    freq, periods = dated_periods(ann)
    undated = len(a) - n_dated
    if len(periods) < 2:
        text = (f"{n_dated:,} dated article(s), all in {periods[0]}: a single {UNIT[freq]}, "
                "so there is no trend to show.")
    else:
        text = (f"{n_dated:,} dated articles from {periods[0]} to {periods[-1]}: "
                f"{len(periods)} {UNIT[freq]}s.")
    if undated:
        text += f" {undated:,} undated article(s) are left out of every chart here."
    return text
