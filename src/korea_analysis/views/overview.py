"""01 corpus overview: which articles, outlets and dates, and how much is body text."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from korea_analysis import charts
from korea_analysis.annotate import Annotations, count_words
from korea_analysis.views.common import UNKNOWN_OUTLET, format_date


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
    return (f"{len(a)} articles, {a['n_words'].sum():,} words "
            f"({a['n_body_words'].sum():,} in body text), {span}; "
            f"{n_out} named outlet(s), {a['source'].isna().sum()} with the outlet unknown.")


def words_by_kind(ann: Annotations) -> pd.DataFrame:
    """Words per article and sentence kind (body, title, heading, summary, faq, …)."""
    s = ann.sentences.assign(words=ann.sentences["text"].map(count_words))
    table = s.pivot_table(index="article_id", columns="kind", values="words", aggfunc="sum",
                          fill_value=0)
    order = [k for k in ("body", "list") if k in table] + sorted(
        k for k in table if k not in ("body", "list"))
    return table[order].reindex(ann.articles["article_id"]).fillna(0).astype(int)


def body_share_chart(ann: Annotations):
    """Stacked bars of words per kind; returns (figure, plotted data)."""
    table = words_by_kind(ann)
    share = table.get("body", 0) / table.sum(axis=1).where(lambda x: x > 0)
    fig, ax = plt.subplots(figsize=(8, 1.2 + 0.5 * len(table)))
    left = pd.Series(0, index=table.index)
    for kind in table.columns:
        ax.barh(table.index, table[kind], left=left, label=kind)
        left = left + table[kind]
    ax.invert_yaxis()
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1), title="kind")
    lowest = share.idxmin() if share.notna().any() else None
    title = (f"Body text is {share.min():.0%}–{share.max():.0%} of each article"
             if lowest is not None else "Words per article")
    charts.finish(ax, title, n=f"{len(table)} articles", xlabel="words", ylabel="article")
    data = table.reset_index().rename(columns={"index": "article_id"})
    return fig, data


def non_body_sentences(ann: Annotations) -> pd.DataFrame:
    s = ann.sentences
    return s.loc[~s["body"], ["article_id", "sentence_id", "kind", "text"]].reset_index(drop=True)
