"""What each notebook shows, computed from :class:`Annotations` so tests can reach it.

Notebooks call these and display the result; they hold no logic of their own.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from korea_analysis import __version__, charts
from korea_analysis.annotate import Annotations, count_words

UNKNOWN_OUTLET = "(outlet unknown)"


def setup_notebook() -> None:
    """House chart style, and tables that show whole sentences (evidence is never cut off)."""
    charts.use_house_style()
    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.max_rows", 500)
    pd.set_option("display.precision", 3)


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


def format_date(date, precision) -> str:
    """A date shown no more precisely than it is known ("2021-12" for December 2021)."""
    if pd.isna(date):
        return "unknown"
    return date.strftime({"year": "%Y", "month": "%Y-%m"}.get(precision, "%Y-%m-%d"))


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


# --- shared: load, filter, label --------------------------------------------------------------

def load(corpus: str = "", actors: str = "", *, date_from: str = "", date_to: str = "",
         backend: str | None = None) -> Annotations:
    """The notebooks' one entry point: load the corpus, keep the date range, annotate (cached).

    Empty strings mean the defaults (bundled corpus and dictionary, no date limit). With a
    date range, undated articles are left out and counted in ``ann.extra["undated_dropped"]``.
    """
    from korea_analysis.annotate import annotate
    from korea_analysis.corpus import load_corpus
    from korea_analysis.sentiment import DEFAULT_BACKEND

    articles = load_corpus(corpus or None)
    dropped = 0
    if date_from or date_to:
        pub = articles["published"]
        keep = pub.notna()
        dropped = int((~keep).sum())
        if date_from:
            keep &= pub >= pd.Timestamp(date_from)
        if date_to:
            keep &= pub <= pd.Timestamp(date_to)
        articles = articles[keep].reset_index(drop=True)
        if articles.empty:
            raise ValueError(f"no article published between {date_from or 'the start'} and "
                             f"{date_to or 'the end'}")
    ann = annotate(articles, actors or None, backend=backend or DEFAULT_BACKEND)
    ann.extra["undated_dropped"] = dropped
    return ann


def source_line(ann: Annotations) -> str:
    return f"{len(ann.articles)} articles, korea-analysis {__version__}"


# --- 02: how each actor is portrayed ---------------------------------------------------------

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


def _bloc_legend(ax, blocs) -> None:
    from matplotlib.lines import Line2D

    seen = [b for b in dict.fromkeys(blocs) if isinstance(b, str)]
    if seen:
        ax.legend([Line2D([], [], marker="o", ls="", color=charts.bloc_colour(b)) for b in seen],
                  seen, fontsize=8, loc="best", title="bloc (colour only)")


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


# --- 03: who said what -------------------------------------------------------------------------

_ANALYST = ("professor", "analyst", "researcher", "fellow", "expert", "scholar", "lecturer",
            "think tank", "institute", "university")
_OFFICIAL = ("minister", "president", "leader", "spokes", "secretary", "official", "ambassador",
             "envoy", "government", "ministry", "administration", "statement", "office",
             "military", "chief", "adviser", "advisor", "department", "council", "delegation")


def speaker_type(ann: Annotations, speaker, role, speaker_actor) -> str:
    """official / state media / analyst / other / unattributed, from the dictionary first."""
    if not isinstance(speaker, str) or not speaker:
        return "unattributed"
    person = ann.actors.person(speaker)
    if person is not None:
        titles = " ".join(p.title for p in person.positions).lower()
        return "analyst" if any(w in titles for w in _ANALYST) else "official"
    if speaker in ann.actors.state_media:
        return "state media"
    words = f"{speaker} {role if isinstance(role, str) else ''}".lower()
    if any(w in words for w in ("news agency", "state media", "kcna", "tass", "xinhua")):
        return "state media"
    if any(w in words for w in _ANALYST):
        return "analyst"
    if any(w in words for w in _OFFICIAL):
        return "official"
    return "other"


def quote_table(ann: Annotations) -> pd.DataFrame:
    """Every quote with speaker, country, type, cue and channel (text shown escaped)."""
    q = ann.quotes.copy()
    q["speaker_type"] = [speaker_type(ann, s, r, a) for s, r, a in
                         zip(q["speaker"], q["role"], q["speaker_actor"], strict=True)]
    q["bloc"] = q["speaker_actor"].map(ann.actors.blocs)
    q["words"] = q["quote"].map(count_words).astype("int64")
    return q[["speaker", "speaker_actor", "speaker_type", "kind", "quote", "cue", "channel",
              "role", "article_id", "sentence_id", "words", "polarity", "subjectivity", "bloc"]]


def who_is_quoted(ann: Annotations) -> pd.DataFrame:
    """Quotes and quoted words per country and speaker type (indirect speech counted apart)."""
    q = quote_table(ann)
    q["country"] = q["speaker_actor"].fillna("(no country)")
    out = q.pivot_table(index="country", columns="speaker_type", values="words", aggfunc="size",
                        fill_value=0)
    out["quotes"] = out.sum(axis=1)
    out["quoted words"] = q.groupby("country")["words"].sum()
    return out.sort_values("quotes", ascending=False)


def quoted_words_chart(ann: Annotations, by: str = "bloc"):
    """Share of quoted words per bloc (``by="bloc"``) or per outlet (``by="outlet"``)."""
    q = quote_table(ann)
    q = q[q["kind"] != "term"]
    if by == "outlet":
        outlets = ann.articles.set_index("article_id")["source"].fillna(UNKNOWN_OUTLET)
        q["group"] = q["article_id"].map(outlets)
    else:
        q["group"] = q["bloc"].fillna("no bloc / unattributed")
    t = q.groupby(["group", "speaker_type"])["words"].sum().unstack(fill_value=0)
    share = t.div(t.sum(axis=1).sum())
    fig, ax = plt.subplots(figsize=(8, 1.4 + 0.5 * max(len(share), 1)))
    left = pd.Series(0.0, index=share.index)
    for col in share.columns:
        ax.barh(share.index, share[col], left=left, label=col)
        left += share[col]
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1), title="speaker")
    top = left.idxmax() if len(left) else "nobody"
    charts.finish(ax, f"{top} gets the largest share of quoted words ({left.max():.0%})"
                  if len(left) else "No quotes", n=f"{int(q['words'].sum())} quoted words",
                  source=source_line(ann), xlabel="share of all quoted words",
                  ylabel="outlet" if by == "outlet" else "bloc of the speaker's country")
    data = t.reset_index().rename(columns={"group": by})
    return fig, data


def quote_sentiment(ann: Annotations) -> pd.DataFrame:
    """Mean polarity of each country's quoted words (direct and partial quotes)."""
    q = quote_table(ann)
    q = q[q["kind"].isin(["direct", "partial"]) & q["speaker_actor"].notna()]
    g = q.groupby("speaker_actor").agg(quotes=("quote", "size"), words=("words", "sum"),
                                       polarity=("polarity", "mean"),
                                       subjectivity=("subjectivity", "mean"))
    g.insert(0, "name", [ann.actors.name_of(c) for c in g.index])
    return g.sort_values("quotes", ascending=False)


def quote_listing(ann: Annotations) -> pd.DataFrame:
    """The quote table as a reader wants it: who, for which country, what, how; blanks not NaN."""
    q = quote_table(ann)
    cols = ["speaker", "speaker_actor", "kind", "quote", "cue", "channel", "role", "article_id",
            "sentence_id"]
    out = q[cols].rename(columns={"speaker_actor": "country"})
    text_cols = ["speaker", "country", "cue", "channel", "role"]
    out[text_cols] = out[text_cols].astype(object).where(out[text_cols].notna(), "")
    return out


def unattributed_quotes(ann: Annotations) -> pd.DataFrame:
    q = quote_table(ann)
    return q[q["speaker"].isna() & (q["kind"] != "term")][
        ["article_id", "sentence_id", "kind", "quote"]].reset_index(drop=True)


# --- 04: alignment ------------------------------------------------------------------------------

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
