"""04 alignment: where the coverage places each actor between the two blocs."""
from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from korea_analysis import charts
from korea_analysis.annotate import Annotations
from korea_analysis.views.common import (
    _bloc_legend,
    pair_labels,
    sentence_text,
    source_line,
    table,
)

#: The event columns the alignment reads (korea_analysis.annotate.CORPUS_INPUTS).
ALIGNMENT_COLUMNS = ["article_id", "source", "target", "score", "historical", "quad_class",
                     "weight"]

AXIS_ENDS = ("DPRK–Russia–China", "ROK–US–Japan")


def alignment_table(ann: Annotations, *, min_events: int = 2, n_boot: int = 200, seed: int = 0,
                    orient: str = "USA") -> pd.DataFrame:
    """Positions recomputed with the notebook's parameters (the stored table uses defaults)."""
    from korea_analysis import alignment
    from korea_analysis.annotate import current_events

    pos = alignment.positions(current_events(table(ann, "events", ALIGNMENT_COLUMNS)),
                              min_events=min_events, n_boot=n_boot,
                              seed=seed, orient=orient)
    pos.insert(1, "name", pos["actor"].map(ann.actors.name_of))
    pos.insert(2, "bloc", pos["actor"].map(ann.actors.blocs))
    return pos.sort_values("position", ignore_index=True)


def unclear_actors(pos: pd.DataFrame) -> list[str]:
    """Placed actors whose interval spans the middle: the text does not settle their side."""
    return pos.loc[pos["enough"] & ~pos["clear"], "actor"].tolist()


def alignment_title(pos: pd.DataFrame) -> str:
    """The chart's finding, claimed only as far as the intervals allow."""
    ok = pos[pos["enough"]]
    if ok.empty:
        return "Too little evidence to place any actor between the two blocs"
    # by name when the table has names ("United Nations (IGOUNO)", as on the chart's axis)
    named = (ok["name"].where(ok["name"].notna() & (ok["name"] != ok["actor"]), "")
             if "name" in ok else pd.Series("", index=ok.index))
    ok = ok.assign(label=[f"{n} ({a})" if n else a for a, n in zip(ok["actor"], named,
                                                                    strict=True)])
    neg = ok[ok["clear"] & (ok["position"] < 0)]["label"].tolist()
    pos_ = ok[ok["clear"] & (ok["position"] > 0)]["label"].tolist()
    if neg and pos_:
        return f"{', '.join(neg)} on one side, {', '.join(pos_)} on the other"
    if neg or pos_:  # clear actors on one side only: say who, and that the other side is empty
        side = AXIS_ENDS[0] if neg else AXIS_ENDS[1]
        return (f"Only {', '.join(neg or pos_)} clearly on the {side} side; "
                "every other interval spans the middle")
    return "No actor's side is clear: every interval spans the middle"


def alignment_chart(pos: pd.DataFrame, ann: Annotations):
    """Actors on the bloc axis with their intervals; thin evidence is listed, not plotted;
    actors whose interval spans the middle are drawn hollow and marked "unclear"."""
    ok = pos[pos["enough"]].sort_values("position")
    thin = pos[~pos["enough"]]
    fig, ax = plt.subplots(figsize=(9, 1.8 + 0.45 * max(len(ok), 1)))
    for i, r in enumerate(ok.itertuples()):
        c = charts.bloc_colour(r.bloc)
        ax.plot([r.position_low, r.position_high], [i, i], color=c, lw=2, alpha=0.6)
        ax.plot(r.position, i, "o", color=c, ms=8, mfc=c if r.clear else "white", mew=2)
        ax.annotate(f"n={r.n_events}", (r.position, i), xytext=(6, 6),
                    textcoords="offset points", fontsize=8, color="#555555")
    ax.set_yticks(range(len(ok)), [f"{n} ({a})" + ("" if c else " · unclear")
                                   for n, a, c in zip(ok["name"], ok["actor"], ok["clear"],
                                                      strict=True)])
    ax.axvline(0, color="#888888", lw=1)
    ax.set_xlim(-1.35, 1.35)
    for x, label, ha, bloc in ((0.0, f"◀ {AXIS_ENDS[0]}", "left", "DPRK-Russia-China"),
                               (1.0, f"{AXIS_ENDS[1]} ▶", "right", "ROK-US-Japan")):
        ax.annotate(label, xy=(x, 0), xycoords="axes fraction", xytext=(0, -46),
                    textcoords="offset points", ha=ha, va="top", fontsize=9,
                    color=charts.BLOC_COLOURS[bloc], fontweight="bold")
    _bloc_legend(ax, ok["bloc"])
    unclear = unclear_actors(pos)
    note = f" ({len(unclear)} unclear: interval spans the middle, hollow)" if unclear else ""
    if len(thin):
        names = ", ".join(thin["actor"].head(5)) + (", …" if len(thin) > 5 else "")
        note += f" · {len(thin)} with too little evidence ({names})"
    from korea_analysis.annotate import current_events

    charts.finish(ax, alignment_title(pos),
                  n=f"{len(ok)} actors{note}, "
                  f"{len(current_events(table(ann, 'events', ['historical'])))} events in "
                  f"{pos.attrs.get('n_articles', len(ann.articles))} articles",
                  source=source_line(ann), xlabel="position on the bloc axis (95% interval, "
                  "bootstrap over articles)")
    return fig, ok


def alignment_by_period(ann: Annotations, *, period: str = "year", min_events: int = 2,
                        n_boot: int = 200, seed: int = 0, orient: str = "USA",
                        top: int = 8, min_articles: int = 5) -> pd.DataFrame:
    """Positions per period of publication for the ``top`` actors with most events (each
    period with its own interval), over the periods with at least ``min_articles`` articles
    with events (fewer cannot place anyone: ``attrs["thin_periods"]`` lists them) in which
    some actor has enough events (``attrs["empty_periods"]``: those with none); empty when
    fewer than two periods are left."""
    from korea_analysis import alignment
    from korea_analysis.annotate import current_events

    ev = current_events(table(ann, "events", ALIGNMENT_COLUMNS))
    t = alignment.positions_by_period(ev, ann.articles, period=period, min_events=min_events,
                                      n_boot=n_boot, seed=seed, orient=orient)
    t = _orient_like_pooled(t, alignment.positions(ev, min_events=min_events, n_boot=0,
                                                   seed=seed, orient=orient))
    dates = ann.articles.set_index("article_id")["published"]
    when = pd.to_datetime(ev["article_id"].map(dates))
    freq = alignment.PERIODS[period]
    per = ev.assign(p=when.dt.to_period(freq).astype(str)).groupby("p")["article_id"].nunique()
    thin = [p for p in t.attrs.get("periods", []) if per.get(p, 0) < min_articles]
    attrs = dict(t.attrs, thin_periods=thin)
    t = t[~t["period"].isin(thin)]
    # a period in which no actor has enough events draws nothing: PolNeAR's 2015 (two months)
    # left a "2 years" chart with one column of points
    placed = set(t.loc[t["enough"], "period"])
    attrs["empty_periods"] = sorted(set(t["period"]) - placed)
    t = t[t["period"].isin(placed)]
    t.attrs = attrs
    if t["period"].nunique() < 2:
        return t.iloc[:0]
    busiest = (t[t["enough"]].groupby("actor")["n_events"].sum()
               .sort_values(ascending=False).head(top).index)
    t = t[t["actor"].isin(busiest)].copy()
    t.insert(2, "name", t["actor"].map(ann.actors.name_of))
    t.insert(3, "bloc", t["actor"].map(ann.actors.blocs))
    return t.reset_index(drop=True)


def _orient_like_pooled(t: pd.DataFrame, pooled: pd.DataFrame) -> pd.DataFrame:
    """Flip a period's axis when its positions run against the whole corpus's (negative sum
    of products over the actors placed in both). Each period is oriented by one actor
    (``orient``); when that actor sits near the middle in a year, the whole year flipped and
    the chart showed every other actor changing sides (dev set 2025: North Korea +0.9, South
    Korea −1.0). A flip is a choice of sign only: bloc labels never enter it. Flipped periods
    are listed in ``attrs["flipped_periods"]``."""
    ref = pooled.set_index("actor")["position"]
    t = t.copy()
    flipped = []
    for p, g in t[t["enough"]].groupby("period"):
        common = g[g["actor"].map(ref).notna()]
        if float((common["position"] * common["actor"].map(ref)).sum()) < 0:
            rows = t["period"] == p
            low, high = t.loc[rows, "position_low"].copy(), t.loc[rows, "position_high"].copy()
            t.loc[rows, "position"] = -t.loc[rows, "position"]
            t.loc[rows, "position_low"], t.loc[rows, "position_high"] = -high, -low
            for c in ("x",):
                if c in t.columns:
                    t.loc[rows, c] = -t.loc[rows, c]
            flipped.append(p)
    t.attrs["flipped_periods"] = flipped
    return t


def alignment_over_time_chart(t: pd.DataFrame, ann: Annotations, period: str = "year"):
    """Each actor's position per period with its interval (hollow: unclear that period), one
    small panel per actor on a shared axis (eight actors in two bloc colours on one axis could
    not be told apart); periods are placed by date, so a gap of years shows as a gap."""
    freq = {"year": "Y", "quarter": "Q", "month": "M"}.get(period, "Y")
    placed = t[t["enough"]].copy()
    placed["date"] = pd.PeriodIndex(placed["period"].astype(str), freq=freq).to_timestamp()
    actors = list(dict.fromkeys(placed["actor"]))
    fig, axes = charts.panel_grid(max(len(actors), 1), 4, panel=(2.9, 2.3))
    for ax, actor in zip(axes, actors, strict=False):
        g = placed[placed["actor"] == actor].sort_values("date")
        c = charts.bloc_colour(g["bloc"].iloc[0])
        ax.vlines(g["date"], g["position_low"], g["position_high"], color=c, alpha=0.5, lw=2)
        ax.plot(g["date"], g["position"], color=c, alpha=0.4, lw=1)
        ax.scatter(g["date"], g["position"], color=[c if v else "white" for v in g["clear"]],
                   edgecolor=c, s=30, zorder=3)
        ax.axhline(0, color="#888888", lw=1)
        ax.set_ylim(-1.4, 1.4)
        ax.set_title(f"{g['name'].iloc[0]} ({actor}), n={int(g['n_events'].sum())}",
                     fontsize=9)
        ax.tick_params(labelsize=8)
    for ax in (a for a in axes if a.get_subplotspec().is_first_col()):
        ax.set_ylabel("◀ DPRK–R–C · ROK–US–J ▶", fontsize=8)
    if freq == "Y" and len(placed):  # years as years (not "2017-03" between two points)
        span = placed["date"].dt.year.max() - placed["date"].dt.year.min()
        axes[0].xaxis.set_major_locator(mdates.YearLocator(base=max(1, -(-span // 4))))
        axes[0].xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        lo, hi = placed["date"].min(), placed["date"].max()
        axes[0].set_xlim(lo - pd.Timedelta(days=200), hi + pd.Timedelta(days=200))
    fig.autofmt_xdate()
    n_unclear = int((t["enough"] & ~t["clear"]).sum())
    charts.finish_grid(fig, f"Positions {period} by {period}, each with its own interval",
                       n=f"{len(actors)} actors over {placed['period'].nunique()} {period}s; "
                       f"hollow = unclear that {period} ({n_unclear})",
                       source=source_line(ann))
    return fig, t


def dyad_table(ann: Annotations, min_events: int = 1) -> pd.DataFrame:
    """Dyads as analysts read them: the pair's names, events, cooperative and conflictual
    events, the conflict share, the relation (the sign from their balance) and the mean score
    with its interval, most events first (codes and every column: ``ann.dyads``)."""
    d = ann.dyads[ann.dyads["n_events"] >= min_events].copy()
    d.insert(0, "pair", [f"{ann.actors.name_of(a)} – {ann.actors.name_of(b)}"
                         for a, b in zip(d["actor_a"], d["actor_b"], strict=True)])
    d["relation"] = d["sign"].map({1: "cooperation", -1: "conflict", 0: "mixed"})
    cols = ["pair", "n_events", "n_articles", "n_coop", "n_conflict", "conflict_share",
            "relation", "score", "score_low", "score_high"]
    return d.sort_values(["n_events", "actor_a", "actor_b"], ascending=[False, True, True],
                         ignore_index=True)[cols]


def alignment_map(pos: pd.DataFrame, ann: Annotations, min_events: int = 1):
    """The 2-D map, with cooperation (blue) and conflict (red) edges between actors."""
    ok = pos[pos["enough"]].set_index("actor")
    fig, ax = plt.subplots(figsize=(7, 6))
    d = ann.dyads[(ann.dyads["n_events"] >= min_events) & ann.dyads["actor_a"].isin(ok.index)
                  & ann.dyads["actor_b"].isin(ok.index)]
    for r in d.itertuples():  # colour: the dyad's sign (balance of cooperation and conflict)
        a, b = ok.loc[r.actor_a], ok.loc[r.actor_b]
        # red, not the DPRK bloc's orange, so that conflict edges are not read as a bloc
        colour = {1: "#0072B2", -1: "#CC1111"}.get(int(r.sign), "#999999")
        ax.plot([a.x, b.x], [a.y, b.y], color=colour, lw=0.5 + 3 * abs(r.balance), alpha=0.5,
                zorder=1)
    # area grows with the square root of events, capped: at 10 events per point a busy actor
    # (the USA in US news) drew a disc that hid its neighbours and their labels
    biggest = max(float(ok["n_events"].max()), 1.0) if len(ok) else 1.0
    sizes = [60 + 540 * (r.n_events / biggest) ** 0.5 for r in ok.itertuples()]
    for r, size in zip(ok.itertuples(), sizes, strict=True):
        ax.scatter(r.x, r.y, s=size, color=charts.bloc_colour(r.bloc),
                   zorder=2, edgecolor="white")
    ax.set_aspect("equal", adjustable="datalim")
    _bloc_legend(ax, ok["bloc"])
    charts.finish(ax, "Actors close together cooperate in the text; red edges are mostly "
                  "conflict, blue mostly cooperation, grey a tie",
                  n=f"{len(ok)} actors, {int(d['n_events'].sum())} events",
                  source=source_line(ann), xlabel="map dimension 1 (≈ bloc axis)",
                  ylabel="map dimension 2")
    # labels where they cover no other label or point (close actors had overlapping labels)
    charts.place_labels(ax, ok["x"].tolist(), ok["y"].tolist(), list(ok.index), sizes=sizes)
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

    e = current_events(table(ann, "events", ["article_id", "sentence_id", "source", "target",
                                             "cue", "score", "historical"])).copy()
    e["pair"] = pair_labels(e["source"], e["target"], " – ")
    e["strength"] = e["score"].abs()
    top = e.sort_values("strength", ascending=False).groupby("pair").head(k)
    top = top.merge(sentence_text(ann, top), on=["article_id", "sentence_id"])
    top["pair"] = pair_labels(top["source"], top["target"], " → ", ordered=True)
    return top[["pair", "cue", "score", "text", "article_id", "sentence_id"]].sort_values(
        "pair", ignore_index=True)
