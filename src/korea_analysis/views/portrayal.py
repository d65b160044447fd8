"""02 actor sentiment: how each actor is portrayed, by outlet and over time, and dyads."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from korea_analysis import charts
from korea_analysis.annotate import Annotations
from korea_analysis.views.common import (
    _bloc_legend,
    sentence_text,
    source_line,
    stands_out,
    table,
)

#: The columns of each table the directed-stance views read (stance.directed and
#: stance.directed_evidence): the rest of the table is never loaded.
STANCE_COLUMNS = {
    "quotes": ["article_id", "start", "end", "speaker_actor"],
    "events": ["article_id", "sentence_id", "source", "target", "score", "historical",
               "quad_class", "weight", "cue"],
    "mentions": ["article_id", "sentence_id", "start", "end", "actor", "kind", "polarity"],
}
#: The mention columns every view of 02 reads: one projection, read once and kept, serves
#: the portrayal tables, the directed stance and the evidence sentences.
MENTION_COLUMNS = ["article_id", "sentence_id", "start", "end", "actor", "kind", "polarity",
                   "subjectivity"]


def _stance_inputs(ann: Annotations) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(quotes, events, mentions without bylines) with the columns stance needs."""
    m = table(ann, "mentions", MENTION_COLUMNS)
    m = m[m["kind"] != "byline"]
    return (table(ann, "quotes", STANCE_COLUMNS["quotes"]),
            table(ann, "events", STANCE_COLUMNS["events"]), m)


def _stance_items(ann: Annotations) -> pd.DataFrame:
    """:func:`korea_analysis.stance.stance_items` of :func:`_stance_inputs`, made once per
    ``ann`` (02 asks for it three times: the table, the heatmap and the evidence)."""
    from korea_analysis import stance

    if "_views_stance_items" not in ann.__dict__:
        ann.__dict__["_views_stance_items"] = stance.stance_items(*_stance_inputs(ann))
    return ann.__dict__["_views_stance_items"]


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
    if len(t):  # "most"/"least" only when the intervals separate
        title = stands_out(t, "polarity", label="name",
                           nobody="No actor stands out: the 95% intervals overlap")
    else:
        title = f"No actor has {min_mentions}+ mentions"
    charts.finish(ax, title, n=f"{int(t['n_mentions'].sum())} mentions",
                  source=source_line(ann), xlabel="mean polarity toward the actor (−1 to +1), "
                  "95% interval over articles", ylabel="")
    return fig, t


def portrayal_by(ann: Annotations, by: str, min_mentions: int = 3) -> pd.DataFrame:
    """Mean polarity per actor and outlet (``by="outlet"``) or month (``by="month"``)."""
    from korea_analysis import stance

    m = table(ann, "mentions", MENTION_COLUMNS)
    # the article's field, as stance.with_article_fields joins it, for the one column used
    a = ann.articles
    fields = stance.with_article_fields(a[["article_id"]], a).set_index("article_id")[by]
    m[by] = m["article_id"].map(fields)
    out = stance.aggregate(m, by=[by])
    del m
    keep = ann.actor_sentiment.loc[ann.actor_sentiment["n_mentions"] >= min_mentions, "actor"]
    return out[out["actor"].isin(keep)].reset_index(drop=True)


def time_step(ann: Annotations) -> str:
    """"month" for a corpus spanning up to two years, else "quarter" up to six, else "year":
    few enough points per actor to read, each resting on more than a handful of articles."""
    dates = ann.articles["published"].dropna()
    if dates.empty:
        return "month"
    months = (dates.max().year - dates.min().year) * 12 + dates.max().month - dates.min().month
    return "month" if months <= 24 else "quarter" if months <= 72 else "year"


def portrayal_over_time_chart(ann: Annotations, min_mentions: int = 3, top: int = 6):
    """Mean polarity per month, quarter or year (:func:`time_step`) for the ``top`` actors
    with most mentions, one small panel per actor with its 95% interval (one shared axis: six
    lines in one panel, two of them in the same bloc colour, could not be told apart);
    periods with fewer than ``min_mentions`` mentions of an actor are left out."""
    step = time_step(ann)
    t = portrayal_by(ann, step, min_mentions)
    t = t[(t[step] != "(undated)") & (t["n_mentions"] >= min_mentions)]
    busiest = list(t.groupby("actor")["n_mentions"].sum().sort_values(ascending=False)
                   .index[:top])
    t = t[t["actor"].isin(busiest)].copy()
    freq = {"month": "M", "quarter": "Q", "year": "Y"}[step]
    t["date"] = pd.PeriodIndex(t[step], freq=freq).to_timestamp()
    fig, axes = charts.panel_grid(max(len(busiest), 1), 3, panel=(3.4, 2.4))
    # every period of the span, so that a period left out is a gap in the line, as in 05,
    # not a straight line drawn across months with too few mentions
    span = (pd.period_range(t[step].min(), t[step].max(), freq=freq).to_timestamp()
            if len(t) else pd.DatetimeIndex([]))
    for ax, actor in zip(axes, busiest, strict=False):
        g = (t[t["actor"] == actor].drop_duplicates("date").set_index("date")
             .reindex(span).rename_axis("date").reset_index())
        colour = charts.bloc_colour(ann.actors.blocs.get(actor))
        ax.fill_between(g["date"], g["polarity_low"].astype(float),
                        g["polarity_high"].astype(float), color=colour, alpha=0.2, lw=0)
        ax.plot(g["date"], g["polarity"], color=colour, marker="o", ms=3)
        ax.axhline(0, color="#888888", lw=1)
        ax.set_title(f"{ann.actors.name_of(actor)} ({actor}), n={int(g['n_mentions'].sum())}",
                     fontsize=9)
        ax.tick_params(labelsize=8)
    for ax in (a for a in axes if a.get_subplotspec().is_first_col()):
        ax.set_ylabel("mean polarity", fontsize=8)
    fig.autofmt_xdate()
    charts.finish_grid(fig, f"Portrayal by {step} of publication, the {len(busiest)} actors "
                       "most mentioned (band: 95% interval over articles)",
                       n=f"{int(t['n_mentions'].sum())} mentions; {step}s with fewer than "
                       f"{min_mentions} mentions of an actor left out", source=source_line(ann))
    return fig, t.drop(columns="date")


def dyad_matrix(ann: Annotations, actors: list[str] | None = None,
                value: str = "score") -> pd.DataFrame:
    """Actor × actor ``value`` of :attr:`ann.dyads` (default the mean score: + cooperation,
    − conflict), symmetric, NaN where no events."""
    d = ann.dyads
    names = actors or sorted(set(d["actor_a"]) | set(d["actor_b"]))
    mat = pd.DataFrame(float("nan"), index=names, columns=names)
    for a, b, v in zip(d["actor_a"], d["actor_b"], d[value], strict=True):
        if a in mat.index and b in mat.index:
            mat.loc[a, b] = mat.loc[b, a] = v
    return mat


def dyad_heatmap(ann: Annotations, min_events: int = 1, top: int = 12):
    """Pairs of the ``top`` actors with most events: colour = balance of cooperative and
    conflictual events (the sign rule of :func:`korea_analysis.alignment.dyads`), text = the
    share of conflict events and n."""
    d = ann.dyads[ann.dyads["n_events"] >= min_events]
    counts = pd.concat([d.groupby("actor_a")["n_events"].sum(),
                        d.groupby("actor_b")["n_events"].sum()]).groupby(level=0).sum()
    order = list(counts.sort_values(ascending=False).index[:top])
    mat = dyad_matrix(ann, order, "balance")
    share = dyad_matrix(ann, order, "conflict_share")
    n = dyad_matrix_counts(ann, order)
    mat = mat.where(n >= min_events)  # a pair below the bar is blank, not a saturated cell
    # the grid is symmetric: draw each pair once, below the diagonal (rows from the second
    # actor on, columns up to the last but one) unless an actor has events with itself
    below = np.tril(np.ones(mat.shape, dtype=bool), k=-1)
    self_pairs = bool(np.diag(mat.notna().to_numpy()).any()) if len(order) else False
    mat = mat.where(below | (np.eye(len(order), dtype=bool) & self_pairs))
    rows, cols = (order, order) if self_pairs or len(order) < 2 else (order[1:], order[:-1])
    mat = mat.loc[rows, cols]
    # rows and columns left with no pair (an actor whose pairs are all with later ones, or
    # below the bar) are dropped: a corpus with one busy actor shows one column, not a grid
    # of blanks
    rows = [r for r in rows if mat.loc[r].notna().any()]
    cols = [c for c in cols if mat[c].notna().any()]
    mat, share, n = (m.loc[rows, cols] for m in (mat, share, n))
    # wide enough for the title however few columns are left
    fig, ax = plt.subplots(figsize=(max(2.2 + 0.8 * len(cols), 8.0),
                                    1.6 + 0.65 * max(len(rows), 1)))
    im = ax.imshow(mat.to_numpy(float), cmap="RdBu", vmin=-1, vmax=1)
    ax.set_xticks(range(len(cols)), cols, rotation=45, ha="right")
    ax.set_yticks(range(len(rows)), rows)
    ax.grid(False)
    for i in range(len(rows)):
        for j in range(len(cols)):
            v = mat.iat[i, j]
            if pd.notna(v):
                ax.text(j, i, f"{share.iat[i, j]:.0%} confl.\nn={int(n.iat[i, j])}", ha="center",
                        va="center", fontsize=7, color="white" if abs(v) > 0.6 else "black")
    fig.colorbar(im, ax=ax, label="all conflict (−1) … all cooperation (+1)", shrink=0.8)
    shown = d[d["actor_a"].isin(order) & d["actor_b"].isin(order)]
    charts.finish(ax, "Who cooperates (blue) and who clashes (red), with the share of "
                  "conflict events (confl.) per pair",
                  n=f"{int(shown['n_events'].sum())} events, {len(shown)} pairs "
                  f"of the {len(order)} actors with most events", source=source_line(ann))
    long = shown[["actor_a", "actor_b", "n_events", "n_coop", "n_conflict", "conflict_share",
                  "sign", "score", "score_low", "score_high"]]
    return fig, long.reset_index(drop=True)


def dyad_matrix_counts(ann: Annotations, order: list[str]) -> pd.DataFrame:
    mat = pd.DataFrame(0, index=order, columns=order)
    for a, b, v in zip(ann.dyads["actor_a"], ann.dyads["actor_b"], ann.dyads["n_events"],
                       strict=True):
        if a in mat.index and b in mat.index:
            mat.loc[a, b] = mat.loc[b, a] = v
    return mat


# --------------------------------------------------------------------------- directed stance
def stance_table(ann: Annotations, min_n: int = 1, *, n_boot: int = 1000,
                 seed: int = 0) -> pd.DataFrame:
    """:func:`korea_analysis.stance.directed` with names: how A (``source``) speaks about and
    acts toward B (``target``), cells with at least ``min_n`` quotes + events."""
    from korea_analysis import stance

    d = stance.directed(None, None, n_boot=n_boot, seed=seed, items=_stance_items(ann))
    d = d[d["n_quotes"] + d["n_events"] >= min_n].copy()
    d.insert(1, "source_name", d["source"].map(ann.actors.name_of))
    d.insert(3, "target_name", d["target"].map(ann.actors.name_of))
    return d.reset_index(drop=True)


def enough_evidence(ann: Annotations, matrix: str, min_n: int) -> bool:
    """Whether a matrix of 02 has a cell to show: ``"stance"`` (:func:`stance_heatmap`, a
    directed pair with at least ``min_n`` quotes and events together) or ``"dyads"``
    (:func:`dyad_heatmap`, a pair with at least ``min_n`` events). Counts only: no interval
    is computed to decide it."""
    if matrix == "stance":
        items = _stance_items(ann)  # one row per quote or event: a cell's n is its rows
        return bool(len(items)) and int(items.groupby(["source", "target"]).size().max()) >= min_n
    if matrix == "dyads":
        return bool((ann.dyads["n_events"] >= min_n).any())
    raise ValueError(f"enough_evidence: no matrix {matrix!r} (have: stance, dyads)")


def stance_heatmap(ann: Annotations, min_n: int = 1, top: int = 10, *, n_boot: int = 1000,
                   seed: int = 0):
    """Rows: who speaks or acts (A); columns: toward whom (B); colour: A's mean stance toward B
    (−1 … +1), text: the score and n (quotes + events); the ``top`` actors with most
    evidence. Cells whose interval spans 0 are marked "?"."""
    t = stance_table(ann, min_n, n_boot=n_boot, seed=seed)
    t["n"] = t["n_quotes"] + t["n_events"]
    total = pd.concat([t.groupby("source")["n"].sum(), t.groupby("target")["n"].sum()])
    order = list(total.groupby(level=0).sum().sort_values(ascending=False).index[:top])
    shown = t[t["source"].isin(order) & t["target"].isin(order)]
    # a row (column) with no cell is left out: an actor only spoken about is no row of blanks
    rows = [a for a in order if a in set(shown["source"])]
    cols = [a for a in order if a in set(shown["target"])]
    mat = pd.DataFrame(float("nan"), index=rows, columns=cols)
    fig, ax = plt.subplots(figsize=(2.2 + 0.8 * max(len(cols), 1),
                                    1.6 + 0.65 * max(len(rows), 1)))
    for r in shown.itertuples():
        mat.loc[r.source, r.target] = r.score
    im = ax.imshow(mat.to_numpy(float), cmap="RdBu", vmin=-1, vmax=1)
    for r in shown.itertuples():
        i, j = rows.index(r.source), cols.index(r.target)
        unsure = not (r.low > 0 or r.high < 0)  # NaN interval (one article) is unsure too
        ax.text(j, i, f"{r.score:+.2f}{'?' if unsure else ''}\nn={r.n}", ha="center",
                va="center", fontsize=7, color="white" if abs(r.score) > 0.6 else "black")
    ax.set_xticks(range(len(cols)), cols, rotation=45, ha="right")
    ax.set_yticks(range(len(rows)), rows)
    ax.set_xlabel("toward (B)")
    ax.set_ylabel("who speaks or acts (A)")
    ax.grid(False)
    fig.colorbar(im, ax=ax, label="hostile (−1) … friendly (+1)", shrink=0.8)
    charts.finish(ax, "How each actor speaks about and acts toward the others",
                  n=f"{int(shown['n_quotes'].sum())} quotes and {int(shown['n_events'].sum())} "
                  f"events, {len(shown)} directed pairs; ? = 95% interval spans 0"
                  + ("; rows and columns without a cell left out"
                     if len(rows) < len(order) or len(cols) < len(order) else ""),
                  source=source_line(ann))
    return fig, shown.drop(columns="n").reset_index(drop=True)


def stance_evidence(ann: Annotations, cells: pd.DataFrame | None = None,
                    k: int = 1) -> pd.DataFrame:
    """The strongest sentence behind each directed cell (``cells``: rows of
    :func:`stance_table`, e.g. the heatmap's data, shown most evidence first; default every
    cell), with what kind of evidence it is (quote or event), its value and cue."""
    from korea_analysis import stance

    none = pd.DataFrame({"article_id": pd.Series(dtype=object),
                         "sentence_id": pd.Series(dtype="int64"),
                         "text": pd.Series(dtype=object)})
    ev = stance.directed_evidence(None, None, none, k=k, items=_stance_items(ann))
    # the text of the chosen rows only (a left join, as directed_evidence makes it)
    text = ev[["article_id", "sentence_id"]].merge(sentence_text(ann, ev),
                                                  on=["article_id", "sentence_id"], how="left")
    ev["text"] = text["text"].fillna("").to_numpy()
    if cells is not None:
        n = cells.assign(_n=cells["n_quotes"] + cells["n_events"])[["source", "target", "_n"]]
        ev = ev.merge(n.drop_duplicates(["source", "target"]), on=["source", "target"])
        ev = ev.sort_values(["_n", "source", "target"], ascending=[False, True, True],
                            kind="stable")
    ev.insert(0, "pair", [f"{a} → {b}" for a, b in zip(ev["source"], ev["target"],
                                                       strict=True)])
    cols = ["pair", "kind", "value", "text", "cue", "article_id", "sentence_id"]
    return ev[cols].reset_index(drop=True)


def portrayal_by_outlet_table(ann: Annotations, min_mentions: int = 3, *, top_actors: int = 8,
                              top_outlets: int = 8) -> pd.DataFrame:
    """A compact actor × outlet table of the actors and outlets with most mentions: each cell
    "+0.12 (n=34)" (mean polarity, mentions), blank where the outlet has fewer than
    ``min_mentions`` mentions of the actor; the remaining outlets are left out (the full
    table is :func:`portrayal_by`)."""
    t = portrayal_by(ann, "outlet", min_mentions)
    if t.empty:
        return pd.DataFrame()
    actors = (t.groupby("actor")["n_mentions"].sum().sort_values(ascending=False)
              .index[:top_actors])
    outlets = (t.groupby("outlet")["n_mentions"].sum().sort_values(ascending=False)
               .index[:top_outlets])
    t = t[t["actor"].isin(actors) & t["outlet"].isin(outlets)
          & (t["n_mentions"] >= min_mentions)]
    cell = [f"{p:+.2f} (n={n})" for p, n in zip(t["polarity"], t["n_mentions"], strict=True)]
    wide = t.assign(cell=cell).pivot(index="actor", columns="outlet", values="cell")
    wide = wide.reindex(index=[a for a in actors if a in wide.index],
                        columns=[o for o in outlets if o in wide.columns]).fillna("")
    wide.index = [f"{ann.actors.name_of(a)} ({a})" for a in wide.index]
    wide.index.name = "actor"
    wide.columns.name = None
    return wide


def evidence_sentences(ann: Annotations, actor: str, k: int = 2) -> pd.DataFrame:
    """The ``k`` most positive and most negative sentences about ``actor``, with their score."""
    m = table(ann, "mentions", MENTION_COLUMNS)
    out = _strongest_sentences(m, actor, k)
    return _with_text(ann, out)


def _strongest_sentences(m: pd.DataFrame, actor: str, k: int) -> pd.DataFrame:
    """:func:`evidence_sentences` before the text is joined (every mention's sentence is in
    the sentences table, so choosing first and joining the few chosen gives the same rows)."""
    m = m[m["actor"] == actor]
    per = m.groupby(["article_id", "sentence_id"], as_index=False)["polarity"].mean()
    top = per.nlargest(k, "polarity").assign(side="most positive")
    low = per.nsmallest(k, "polarity").assign(side="most negative")
    return pd.concat([top, low[~low.index.isin(top.index)]])


def _with_text(ann: Annotations, out: pd.DataFrame) -> pd.DataFrame:
    s = out.merge(sentence_text(ann, out), on=["article_id", "sentence_id"])
    return s[["side", "polarity", "text", "article_id", "sentence_id"]].reset_index(drop=True)


def evidence_table(ann: Annotations, min_mentions: int = 3, k: int = 1) -> pd.DataFrame:
    m = table(ann, "mentions", MENTION_COLUMNS)
    chosen = [_strongest_sentences(m, actor, k).assign(actor=actor)
              for actor in portrayal_table(ann, min_mentions)["actor"]]
    del m
    rows = []
    if chosen:
        text = sentence_text(ann, pd.concat(chosen))
        for c in chosen:
            s = c.merge(text, on=["article_id", "sentence_id"])
            rows.append(s[["side", "polarity", "text", "article_id", "sentence_id", "actor"]]
                        .reset_index(drop=True))
    if not rows:
        return pd.DataFrame(columns=["actor", "side", "polarity", "text", "article_id",
                                     "sentence_id"])
    out = pd.concat(rows, ignore_index=True)
    return out[["actor"] + [c for c in out.columns if c != "actor"]]
