"""02 actor sentiment: how each actor is portrayed, by outlet and over time, and dyads."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from korea_analysis import charts
from korea_analysis.annotate import Annotations
from korea_analysis.views.common import _bloc_legend, source_line


def portrayal_table(ann: Annotations, min_mentions: int = 3) -> pd.DataFrame:
    """actor_sentiment with names and blocs, actors with at least ``min_mentions``."""
    s = ann.actor_sentiment
    s = s[s["n_mentions"] >= min_mentions].copy()
    s.insert(1, "name", s["actor"].map(ann.actors.name_of))
    s.insert(2, "bloc", s["actor"].map(ann.actors.blocs))
    return s.sort_values("polarity", ignore_index=True)


def portrayal_chart(ann: Annotations, min_mentions: int = 3):
    """Mean polarity per actor with its 95% interval, coloured by bloc."""
    t = portrayal_table(ann, min_mentions)
    fig, ax = plt.subplots(figsize=(8, 1.4 + 0.45 * max(len(t), 1)))
    y = range(len(t))
    for i, r in enumerate(t.itertuples()):
        colour = charts.bloc_colour(r.bloc)
        if pd.notna(r.polarity_low):
            ax.plot([r.polarity_low, r.polarity_high], [i, i], color=colour, lw=2, alpha=0.6)
        ax.plot(r.polarity, i, "o", color=colour, ms=7)
        ax.annotate(f"n={r.n_mentions}", (r.polarity, i), xytext=(6, 6),
                    textcoords="offset points", fontsize=8, color="#555555")
    ax.set_yticks(list(y), [f"{n} ({c})" for n, c in zip(t["name"], t["actor"], strict=True)])
    ax.axvline(0, color="#888888", lw=1)
    _bloc_legend(ax, t["bloc"])
    if len(t):
        lo, hi = t.iloc[0], t.iloc[-1]
        title = (f"{hi['name']} is portrayed most positively ({hi.polarity:+.2f}), "
                 f"{lo['name']} least ({lo.polarity:+.2f})")
    else:
        title = f"No actor has {min_mentions}+ mentions"
    charts.finish(ax, title, n=f"{int(t['n_mentions'].sum())} mentions",
                  source=source_line(ann), xlabel="mean polarity toward the actor (−1 to +1), "
                  "95% interval over articles", ylabel="")
    return fig, t


def portrayal_by(ann: Annotations, by: str, min_mentions: int = 3) -> pd.DataFrame:
    """Mean polarity per actor and outlet (``by="outlet"``) or month (``by="month"``)."""
    from korea_analysis import stance

    m = stance.with_article_fields(ann.mentions, ann.articles)
    out = stance.aggregate(m, by=[by])
    keep = ann.actor_sentiment.loc[ann.actor_sentiment["n_mentions"] >= min_mentions, "actor"]
    return out[out["actor"].isin(keep)].reset_index(drop=True)


def portrayal_over_time_chart(ann: Annotations, min_mentions: int = 3):
    t = portrayal_by(ann, "month", min_mentions)
    t = t[t["month"] != "(undated)"]
    fig, ax = plt.subplots()
    for actor, g in t.groupby("actor"):
        g = g.sort_values("month")
        ax.plot(g["month"], g["polarity"], marker="o",
                color=charts.bloc_colour(ann.actors.blocs.get(actor)), alpha=0.8)
        ax.annotate(actor, (g["month"].iloc[-1], g["polarity"].iloc[-1]), xytext=(4, 0),
                    textcoords="offset points", fontsize=8)
    ax.axhline(0, color="#888888", lw=1)
    charts.finish(ax, "Portrayal by month of publication", n=f"{int(t['n_mentions'].sum())} "
                  "mentions", source=source_line(ann), xlabel="month",
                  ylabel="mean polarity toward the actor")
    fig.autofmt_xdate()
    return fig, t


def dyad_matrix(ann: Annotations, actors: list[str] | None = None) -> pd.DataFrame:
    """Actor × actor cooperation (+) / conflict (−) score, symmetric, NaN where no events."""
    d = ann.dyads
    names = actors or sorted(set(d["actor_a"]) | set(d["actor_b"]))
    mat = pd.DataFrame(float("nan"), index=names, columns=names)
    for r in d.itertuples():
        if r.actor_a in mat.index and r.actor_b in mat.index:
            mat.loc[r.actor_a, r.actor_b] = mat.loc[r.actor_b, r.actor_a] = r.score
    return mat


def dyad_heatmap(ann: Annotations, min_events: int = 1):
    d = ann.dyads[ann.dyads["n_events"] >= min_events]
    counts = pd.concat([d.groupby("actor_a")["n_events"].sum(),
                        d.groupby("actor_b")["n_events"].sum()]).groupby(level=0).sum()
    order = list(counts.sort_values(ascending=False).index)
    mat = dyad_matrix(ann, order)
    n = dyad_matrix_counts(ann, order)
    fig, ax = plt.subplots(figsize=(1.6 + 0.7 * len(order), 1.2 + 0.6 * len(order)))
    im = ax.imshow(mat.to_numpy(float), cmap="RdBu", vmin=-1, vmax=1)
    ax.set_xticks(range(len(order)), order, rotation=45, ha="right")
    ax.set_yticks(range(len(order)), order)
    ax.grid(False)
    for i in range(len(order)):
        for j in range(len(order)):
            v = mat.iat[i, j]
            if pd.notna(v):
                ax.text(j, i, f"{v:+.2f}\nn={int(n.iat[i, j])}", ha="center", va="center",
                        fontsize=7, color="white" if abs(v) > 0.6 else "black")
    fig.colorbar(im, ax=ax, label="conflict (−1) … cooperation (+1)", shrink=0.8)
    charts.finish(ax, "Who cooperates (blue) and who clashes (red) in the text",
                  n=f"{int(d['n_events'].sum())} events", source=source_line(ann))
    long = d[["actor_a", "actor_b", "n_events", "score", "score_low", "score_high"]]
    return fig, long.reset_index(drop=True)


def dyad_matrix_counts(ann: Annotations, order: list[str]) -> pd.DataFrame:
    mat = pd.DataFrame(0, index=order, columns=order)
    for r in ann.dyads.itertuples():
        if r.actor_a in mat.index and r.actor_b in mat.index:
            mat.loc[r.actor_a, r.actor_b] = mat.loc[r.actor_b, r.actor_a] = r.n_events
    return mat


def evidence_sentences(ann: Annotations, actor: str, k: int = 2) -> pd.DataFrame:
    """The ``k`` most positive and most negative sentences about ``actor``, with their score."""
    m = ann.mentions[ann.mentions["actor"] == actor]
    per = m.groupby(["article_id", "sentence_id"], as_index=False)["polarity"].mean()
    s = per.merge(ann.sentences[["article_id", "sentence_id", "text"]],
                  on=["article_id", "sentence_id"])
    top = s.nlargest(k, "polarity").assign(side="most positive")
    low = s.nsmallest(k, "polarity").assign(side="most negative")
    out = pd.concat([top, low[~low.index.isin(top.index)]])
    return out[["side", "polarity", "article_id", "sentence_id", "text"]].reset_index(drop=True)


def evidence_table(ann: Annotations, min_mentions: int = 3, k: int = 1) -> pd.DataFrame:
    rows = []
    for actor in portrayal_table(ann, min_mentions)["actor"]:
        rows.append(evidence_sentences(ann, actor, k).assign(actor=actor))
    if not rows:
        return pd.DataFrame(columns=["actor", "side", "polarity", "article_id", "sentence_id",
                                     "text"])
    out = pd.concat(rows, ignore_index=True)
    return out[["actor"] + [c for c in out.columns if c != "actor"]]
