"""04 alignment: where the coverage places each actor between the two blocs."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from korea_analysis import charts
from korea_analysis.annotate import Annotations
from korea_analysis.views.common import _bloc_legend, source_line

AXIS_ENDS = ("DPRK–Russia–China", "ROK–US–Japan")


def alignment_table(ann: Annotations, *, min_events: int = 2, n_boot: int = 200, seed: int = 0,
                    orient: str = "USA") -> pd.DataFrame:
    """Positions recomputed with the notebook's parameters (the stored table uses defaults)."""
    from korea_analysis import alignment
    from korea_analysis.annotate import current_events

    pos = alignment.positions(current_events(ann.events), min_events=min_events, n_boot=n_boot,
                              seed=seed, orient=orient)
    pos.insert(1, "name", pos["actor"].map(ann.actors.name_of))
    pos.insert(2, "bloc", pos["actor"].map(ann.actors.blocs))
    return pos.sort_values("position", ignore_index=True)


def alignment_chart(pos: pd.DataFrame, ann: Annotations):
    """Actors on the bloc axis with their intervals; thin evidence is listed, not plotted."""
    ok = pos[pos["enough"]].sort_values("position")
    thin = pos[~pos["enough"]]
    fig, ax = plt.subplots(figsize=(8, 1.8 + 0.45 * max(len(ok), 1)))
    for i, r in enumerate(ok.itertuples()):
        c = charts.bloc_colour(r.bloc)
        ax.plot([r.position_low, r.position_high], [i, i], color=c, lw=2, alpha=0.6)
        ax.plot(r.position, i, "o", color=c, ms=8)
    ax.set_yticks(range(len(ok)), [f"{n} ({a})" for n, a in zip(ok["name"], ok["actor"],
                                                                strict=True)])
    ax.axvline(0, color="#888888", lw=1)
    ax.set_xlim(-1.35, 1.35)
    for x, label, ha, bloc in ((0.0, f"◀ {AXIS_ENDS[0]}", "left", "DPRK-Russia-China"),
                               (1.0, f"{AXIS_ENDS[1]} ▶", "right", "ROK-US-Japan")):
        ax.annotate(label, xy=(x, 0), xycoords="axes fraction", xytext=(0, -46),
                    textcoords="offset points", ha=ha, va="top", fontsize=9,
                    color=charts.BLOC_COLOURS[bloc], fontweight="bold")
    _bloc_legend(ax, ok["bloc"])
    note = f" · too little evidence: {', '.join(thin['actor'])}" if len(thin) else ""
    from korea_analysis.annotate import current_events

    charts.finish(ax, "Where the coverage places each actor between the two blocs",
                  n=f"{len(ok)} actors, {len(current_events(ann.events))} events{note}",
                  source=source_line(ann), xlabel="position on the bloc axis (95% interval, "
                  "bootstrap over articles)")
    return fig, ok


def alignment_map(pos: pd.DataFrame, ann: Annotations, min_events: int = 1):
    """The 2-D map, with cooperation (blue) and conflict (red) edges between actors."""
    ok = pos[pos["enough"]].set_index("actor")
    fig, ax = plt.subplots(figsize=(7, 6))
    d = ann.dyads[(ann.dyads["n_events"] >= min_events) & ann.dyads["actor_a"].isin(ok.index)
                  & ann.dyads["actor_b"].isin(ok.index)]
    for r in d.itertuples():
        a, b = ok.loc[r.actor_a], ok.loc[r.actor_b]
        ax.plot([a.x, b.x], [a.y, b.y], color="#0072B2" if r.score > 0 else "#D55E00",
                lw=0.5 + 3 * abs(r.score), alpha=0.5, zorder=1)
    for actor, r in ok.iterrows():
        ax.scatter(r.x, r.y, s=80 + 10 * r.n_events, color=charts.bloc_colour(r.bloc),
                   zorder=2, edgecolor="white")
        ax.annotate(actor, (r.x, r.y), xytext=(6, 6), textcoords="offset points", fontsize=9)
    ax.set_aspect("equal", adjustable="datalim")
    _bloc_legend(ax, ok["bloc"])
    charts.finish(ax, "Actors close together cooperate in the text; red edges are conflict",
                  n=f"{len(ok)} actors, {int(d['n_events'].sum())} events",
                  source=source_line(ann), xlabel="map dimension 1 (≈ bloc axis)",
                  ylabel="map dimension 2")
    return fig, d.reset_index(drop=True)


def unga_comparison(pos: pd.DataFrame, session: int = 78):
    """News-derived positions beside UNGA ideal points; returns (figure, data, rho, n)."""
    from korea_analysis import alignment

    ref = alignment.unga_reference(session)
    rho, n = alignment.rank_correlation(pos, ref)
    both = pos[pos["enough"]].merge(ref[["actor", "ideal_point"]], on="actor")
    fig, axes = plt.subplots(1, 2, figsize=(9, 1.5 + 0.4 * max(len(both), 1)), sharey=True)
    both = both.sort_values("ideal_point")
    for ax, col, label in ((axes[0], "position", "news coverage (this corpus)"),
                           (axes[1], "ideal_point", f"UN General Assembly votes ({session}th)")):
        ax.barh(both["actor"], both[col], color=[charts.bloc_colour(b) for b in both["bloc"]])
        ax.axvline(0, color="#888888", lw=1)
        ax.set_xlabel(label)
    charts.finish(axes[0], f"Rank correlation with UNGA voting: ρ = {rho:+.2f} (n={n})",
                  n=f"{n} actors", source="this corpus; Bailey, Strezhnev & Voeten (2017), "
                  "doi:10.7910/DVN/LEJUQZ")
    return fig, both[["actor", "name", "bloc", "position", "ideal_point"]], rho, n


def strongest_evidence(ann: Annotations, k: int = 1) -> pd.DataFrame:
    """For each dyad, the event(s) with the largest |score|, with the sentence behind them."""
    from korea_analysis.annotate import current_events

    e = current_events(ann.events).copy()
    e["pair"] = [" – ".join(sorted(p)) for p in zip(e["source"], e["target"], strict=True)]
    e["strength"] = e["score"].abs()
    top = e.sort_values("strength", ascending=False).groupby("pair").head(k)
    top = top.merge(ann.sentences[["article_id", "sentence_id", "text"]],
                    on=["article_id", "sentence_id"])
    return top[["pair", "source", "target", "cue", "score", "article_id", "sentence_id",
                "text"]].sort_values("pair", ignore_index=True)
