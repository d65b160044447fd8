"""01 corpus overview: which articles, outlets and dates, who is in them, how much is body text.

Every chart here is drawn for any size: past ``PER_ARTICLE_MAX`` articles no chart draws one
mark per article (counts per month × outlet, the distribution of body share, the top actors
with the rest as "others").
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from korea_analysis import charts
from korea_analysis.annotate import Annotations, count_words
from korea_analysis.views.common import (
    UNKNOWN_OUTLET,
    fmt_percent,
    format_date,
    scan,
    source_line,
    table,
)

#: Up to this many articles a chart may draw one bar per article; above it, distributions.
PER_ARTICLE_MAX = 30
#: Outlets drawn with their own colour; the rest are "other outlets".
TOP_OUTLETS = 7
OTHERS = "others"


def corpus_overview(ann: Annotations) -> pd.DataFrame:
    """One row per article: title, outlet, date and size."""
    a = ann.articles
    out = pd.DataFrame({
        "article": a["article_id"],
        "title": a["title"].fillna(""),
        "outlet": a["source"].fillna(UNKNOWN_OUTLET),
        "published": [format_date(d, p) for d, p in zip(a["published"], a["date_precision"],
                                                         strict=True)],
        "words": a["n_words"],
        "body words": a["n_body_words"],
        "sentences": a["n_sentences"],
        "body sentences": a["n_body_sentences"],
    })
    return out.reset_index(drop=True)


def corpus_sentence(ann: Annotations) -> str:
    """The overview in one sentence, numbers only (no article text, nothing to escape)."""
    a = ann.articles
    dates = a["published"].dropna()
    span = (f"published {dates.min():%Y-%m} to {dates.max():%Y-%m}" if len(dates)
            else "with no publication dates")
    n_out = a["source"].dropna().nunique()
    return (f"{len(a):,} articles, {a['n_words'].sum():,} words "
            f"({a['n_body_words'].sum():,} in body text), {span}; "
            f"{n_out} named outlet(s), {a['source'].isna().sum():,} with the outlet unknown.")


def outlet_table(ann: Annotations) -> pd.DataFrame:
    """Articles, words and dates per outlet, most articles first."""
    a = ann.articles.assign(outlet=ann.articles["source"].fillna(UNKNOWN_OUTLET))
    g = a.groupby("outlet").agg(articles=("article_id", "size"), words=("n_words", "sum"),
                                body_words=("n_body_words", "sum"),
                                first=("published", "min"), last=("published", "max"))
    g["share of articles"] = g["articles"] / max(len(a), 1)
    g = g.sort_values(["articles", "words"], ascending=False).reset_index()
    g = g.rename(columns={"body_words": "body words"})
    return g[["outlet", "articles", "share of articles", "words", "body words", "first",
              "last"]]


def _top_outlets(outlets: pd.Series, k: int = TOP_OUTLETS) -> pd.Series:
    """Outlet names with all but the ``k`` largest folded into "other outlets"."""
    named = outlets.fillna(UNKNOWN_OUTLET)
    keep = named.value_counts().index[:k]
    return named.where(named.isin(keep), f"{OTHERS} ({named.nunique() - len(keep)} outlets)")


def period_of(published: pd.Series, min_per_period: float = 3) -> str:
    """The period charts count by: "M" (month), "Q" (quarter) or "Y" (year).

    By the span: months up to 4 years, quarters up to 12, else years (12–50 bars). Then
    coarser while the dated articles average fewer than ``min_per_period`` per period, so a
    sparse corpus is not drawn as a row of empty months.
    """
    dates = published.dropna()
    if dates.empty:
        return "M"
    months = (dates.max().year - dates.min().year) * 12 + dates.max().month - dates.min().month
    order = ["M", "Q", "Y"]
    freq = "M" if months <= 48 else "Q" if months <= 144 else "Y"
    while freq != "Y":
        n = len(pd.period_range(dates.min().to_period(freq), dates.max().to_period(freq),
                                freq=freq))
        if len(dates) / n >= min_per_period:
            break
        freq = order[order.index(freq) + 1]
    return freq


def articles_per_period(ann: Annotations, freq: str | None = None) -> pd.DataFrame:
    """Articles per month (or quarter/year, by the span) and outlet; undated left out.

    Columns: ``period`` (str, e.g. "2016-03", "2016Q1", "2016") then one column per outlet
    (the largest ``TOP_OUTLETS``, the rest as "others"); every period in the span is a row,
    empty ones with 0.
    """
    a = ann.articles
    dated = a[a["published"].notna()]
    if dated.empty:
        return pd.DataFrame(columns=["period"])
    freq = freq or period_of(dated["published"])
    per = dated["published"].dt.to_period(freq)
    t = pd.crosstab(per, _top_outlets(dated["source"]))
    full = pd.period_range(per.min(), per.max(), freq=freq)
    t = t.reindex(full, fill_value=0)
    order = list(t.sum().sort_values(ascending=False).index)
    order = [c for c in order if not c.startswith(OTHERS)] + [c for c in order
                                                              if c.startswith(OTHERS)]
    t = t[order]
    t.index = t.index.astype(str)
    t.index.name = "period"
    t.columns.name = None
    return t.reset_index()


def articles_per_period_chart(ann: Annotations, freq: str | None = None):
    """Stacked bars of articles per period, one colour per outlet; returns (figure, data)."""
    data = articles_per_period(ann, freq)
    a = ann.articles
    undated = int(a["published"].isna().sum())
    fig, ax = plt.subplots(figsize=(9, 4.2))
    if data.empty:
        ax.text(0.5, 0.5, "No article has a publication date", ha="center", va="center",
                transform=ax.transAxes)
        ax.set_axis_off()
        charts.finish(ax, "The corpus has no publication dates", n=f"{len(a):,} articles",
                      source=source_line(ann))
        return fig, data
    freq = freq or period_of(a["published"].dropna())
    unit = {"M": "month", "Q": "quarter", "Y": "year"}[freq]
    x = np.arange(len(data))
    bottom = np.zeros(len(data))
    for i, col in enumerate(data.columns[1:]):
        colour = "#BBBBBB" if col.startswith(OTHERS) else charts.OKABE_ITO[i % 8]
        ax.bar(x, data[col], bottom=bottom, label=col, color=colour, width=0.85)
        bottom += data[col].to_numpy()
    step = max(1, len(data) // 16)
    ax.set_xticks(x[::step], data["period"][::step], rotation=45, ha="right")
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1), title="outlet")
    busiest = data["period"].iloc[int(bottom.argmax())]
    if len(data) == 1:
        title = f"All dated articles are from {busiest}"
    elif bottom.max() <= 1:
        title = f"{int(bottom.sum())} articles spread over {len(data)} {unit}s"
    else:
        title = f"Articles per {unit}: most in {busiest} ({int(bottom.max()):,})"
    ax.yaxis.set_major_locator(plt.MaxNLocator(integer=True))
    note = f"; {undated:,} undated not shown" if undated else ""
    charts.finish(ax, title, n=f"{int(bottom.sum()):,} dated articles{note}",
                  source=source_line(ann), xlabel=unit, ylabel="articles")
    return fig, data


def words_by_kind(ann: Annotations) -> pd.DataFrame:
    """Words per article and sentence kind (body, title, heading, summary, faq, …)."""
    s = table(ann, "sentences", ["article_id", "kind", "text"])
    s = s.assign(words=s["text"].map(count_words))
    words = s.pivot_table(index="article_id", columns="kind", values="words", aggfunc="sum",
                          fill_value=0)
    order = [k for k in ("body", "list") if k in words] + sorted(
        k for k in words if k not in ("body", "list"))
    return words[order].reindex(ann.articles["article_id"]).fillna(0).astype(int)


def words_per_kind(ann: Annotations) -> pd.DataFrame:
    """Sentences and words per sentence kind over the whole corpus, with their shares."""
    # counted a cache part at a time: the text of every sentence is never held at once
    parts = []
    for s in scan(ann, "sentences", ["kind", "body", "text"]):
        words = s["text"].map(count_words)
        parts.append(pd.DataFrame({"kind": s["kind"], "words": words, "body": s["body"]})
                     .groupby("kind").agg(sentences=("words", "size"), words=("words", "sum"),
                                          body=("body", "any")))
    if not parts:
        parts = [pd.DataFrame({"sentences": pd.Series(dtype="int64"),
                               "words": pd.Series(dtype="int64"),
                               "body": pd.Series(dtype=bool)},
                              index=pd.Index([], name="kind", dtype=object))]
    both = pd.concat(parts).groupby(level="kind")
    g = both[["sentences", "words"]].sum()
    g["share of words"] = g["words"] / max(int(g["words"].sum()), 1)
    g["counted as body"] = both["body"].any()
    return g.sort_values("words", ascending=False).reset_index()


def body_share(ann: Annotations) -> pd.Series:
    """Share of each article's words that are body text (indexed by article_id)."""
    a = ann.articles.set_index("article_id")
    return a["n_body_words"] / a["n_words"].where(a["n_words"] > 0)


def body_share_chart(ann: Annotations):
    """How much of each article is body text, for any size; returns (figure, plotted data).

    Up to ``PER_ARTICLE_MAX`` articles: stacked bars of words per kind, one per article.
    Above: the distribution of the body share (histogram in 5-point bins).
    """
    share = body_share(ann)
    if len(share) <= PER_ARTICLE_MAX:
        return _body_share_per_article(ann, share)
    valid = share.dropna()
    bins = np.linspace(0, 1, 21)
    counts, edges = np.histogram(valid.clip(0, 1), bins=bins)
    fig, ax = plt.subplots(figsize=(8, 4))
    ax.bar(edges[:-1], counts, width=0.05, align="edge", color=charts.OKABE_ITO[0],
           edgecolor="white")
    med = valid.median()
    ax.axvline(med, color="#555555", ls="--", lw=1)
    ax.annotate(f"median {med:.0%}", (med, counts.max()), xytext=(-4, 3),
                textcoords="offset points", ha="right", va="bottom", fontsize=9)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    q1, q3 = valid.quantile([0.25, 0.75])
    if q3 - q1 < 0.05:  # nearly all alike: say how many are (almost) all body text
        title = (f"{(valid >= 0.95).mean():.0%} of the articles are 95% or more body text "
                 f"(median {med:.0%})")
    else:
        title = f"The middle half of the articles are {q1:.0%}–{q3:.0%} body text " \
                f"(median {med:.0%})"
    charts.finish(ax, title, n=f"{len(valid):,} articles",
                  source=source_line(ann), xlabel="share of the article's words that are body "
                  "text", ylabel="articles")
    data = pd.DataFrame({"body_share_from": edges[:-1], "body_share_to": edges[1:],
                         "articles": counts})
    return fig, data


def _body_share_per_article(ann: Annotations, share: pd.Series):
    table = words_by_kind(ann)
    fig, ax = plt.subplots(figsize=(8, 1.2 + 0.5 * len(table)))
    left = pd.Series(0, index=table.index)
    for kind in table.columns:
        ax.barh(table.index, table[kind], left=left, label=kind)
        left = left + table[kind]
    ax.invert_yaxis()
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1), title="kind")
    title = (f"Body text is {fmt_percent(share.min())}–{fmt_percent(share.max())} of each "
             "article" if share.notna().any() else "Words per article")
    charts.finish(ax, title, n=f"{len(table)} articles", source=source_line(ann),
                  xlabel="words", ylabel="article")
    data = table.reset_index().rename(columns={"index": "article_id"})
    return fig, data


def top_actors(ann: Annotations, top: int = 15) -> pd.DataFrame:
    """Mentions and articles per actor, the ``top`` most mentioned, the rest as one "others" row.

    Bylines are left out (they are not coverage of the actor). Columns: actor, name, mentions,
    articles, share of mentions.
    """
    m = table(ann, "mentions", ["article_id", "actor", "kind"])
    m = m[m["kind"] != "byline"]
    m = m[m["actor"].notna()]
    g = m.groupby("actor").agg(mentions=("actor", "size"), articles=("article_id", "nunique"))
    g = g.sort_values(["mentions", "articles"], ascending=False)
    total = int(g["mentions"].sum())
    head, rest = g.iloc[:top], g.iloc[top:]
    out = head.reset_index()
    out.insert(1, "name", out["actor"].map(ann.actors.name_of))
    if len(rest):
        out.loc[len(out)] = {"actor": OTHERS, "name": f"{len(rest)} other actors",
                             "mentions": int(rest["mentions"].sum()),
                             "articles": int(m.loc[m["actor"].isin(rest.index), "article_id"]
                                             .nunique())}
    out["share of mentions"] = out["mentions"] / max(total, 1)
    return out


#: The top actor's mentions over the second's past which the chart's axis is logarithmic.
LOG_AXIS_RATIO = 8


def top_actors_chart(ann: Annotations, top: int = 15):
    """Horizontal bars of the most mentioned actors, with the rest as "others"."""
    t = top_actors(ann, top)
    fig, ax = plt.subplots(figsize=(8, 1.4 + 0.36 * max(len(t), 1)))
    if t.empty:
        ax.set_axis_off()
        charts.finish(ax, "No actor from the dictionary is mentioned", n="0 mentions",
                      source=source_line(ann))
        return fig, t
    labels = [n if a == OTHERS else f"{n} ({a})" for a, n in zip(t["actor"], t["name"],
                                                                 strict=True)]
    colours = ["#BBBBBB" if a == OTHERS else charts.bloc_colour(ann.actors.blocs.get(a))
               for a in t["actor"]]
    y = np.arange(len(t))
    ax.barh(y, t["mentions"], color=colours)
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    charts.bloc_key(ax, [None if a == OTHERS else ann.actors.blocs.get(a) for a in t["actor"]])
    for i, (v, s) in enumerate(zip(t["mentions"], t["share of mentions"], strict=True)):
        ax.annotate(f"{v:,} ({charts.pct(s)})", (v, i), xytext=(3, 0), textcoords="offset points",
                    va="center", fontsize=8, color="#555555")
    lead = t.iloc[0]
    xlabel = "mentions (colour: bloc)"
    named = t[t["actor"] != OTHERS]["mentions"]
    if len(named) > 1 and named.iloc[0] > LOG_AXIS_RATIO * named.iloc[1]:
        # one actor dwarfs the rest (US coverage naming "the United States" everywhere): a
        # log axis keeps the others' bars readable; the labels still give the counts
        ax.set_xscale("log")
        xlabel = "mentions, log scale (colour: bloc)"
    charts.finish(ax, f"{lead['name']} is the most mentioned actor "
                  f"({lead['share of mentions']:.0%} of mentions)",
                  n=f"{int(t['mentions'].sum()):,} mentions in {ann.articles.shape[0]:,} "
                  "articles", source=source_line(ann), xlabel=xlabel)
    return fig, t


def duplicates_table(ann: Annotations) -> pd.DataFrame:
    """Syndicated copies found at loading (``corpus_info["duplicates"]``), with the story's
    first article's outlet and title.

    Empty when the runner found none or did not look. Columns: article_id (the later copy),
    duplicate_of (the first article, the one counted), outlet and title of the first,
    similarity, kept (whether the copy is in the analyses too: ``keep_duplicates``). A copy
    left out is not in the annotations, so its own outlet is shown only when kept.
    """
    info = ann.extra.get("corpus_info") or {}
    d = info.get("duplicates")
    cols = ["article_id", "duplicate_of", "outlet", "title", "similarity", "kept"]
    if d is None or len(d) == 0:
        return pd.DataFrame(columns=cols)
    d = pd.DataFrame(d).copy()
    meta = ann.articles.set_index("article_id")
    present = set(meta.index)

    def field(ids, col):
        return [meta.at[i, col] if i in present else "" for i in ids]

    d["outlet"] = field(d["duplicate_of"], "source")
    d["title"] = field(d["duplicate_of"], "title")
    d["kept"] = d["article_id"].isin(present)
    if d["kept"].any():
        d["copy's outlet"] = field(d["article_id"], "source")
        cols.insert(2, "copy's outlet")
    for c in cols:
        if c not in d:
            d[c] = ""
    return d[cols].reset_index(drop=True)


def non_body_by_kind(ann: Annotations) -> pd.DataFrame:
    """Non-body sentences per kind (what every later count leaves out)."""
    s = table(ann, "sentences", ["article_id", "kind", "body"])
    s = s[~s["body"]]
    return (s.groupby("kind").agg(sentences=("body", "size"), articles=("article_id", "nunique"))
            .sort_values("sentences", ascending=False).reset_index())


def non_body_sentences(ann: Annotations) -> pd.DataFrame:
    cols = ["article_id", "sentence_id", "kind", "text"]
    parts = [s.loc[~s["body"], cols] for s in scan(ann, "sentences", [*cols, "body"])]
    if not parts:
        return table(ann, "sentences", cols)
    return pd.concat(parts, ignore_index=True)
