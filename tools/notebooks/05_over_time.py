from _shared import load, parameters

CELLS = [
("md", """
# Are tensions increasing again?

How cooperation and conflict between the main pairs of actors move over time, month by month
(or by quarter or year for long spans), how each actor's portrayal moves, and whether the
outlets tell the same story — each point with its interval and the number of events behind
it.

Data: the corpus given as the `corpus` parameter; the source line under each chart names
the corpus actually used.
"""),
parameters("""
period: str = ""  # M (month), Q (quarter) or Y (year); empty: chosen by the corpus span
pairs: str = ""  # pairs to follow, e.g. "KOR-PRK,PRK-USA" (empty: those with the most events)
n_pairs: int = 6  # how many pairs to follow when pairs is empty
n_boot: int = 200  # bootstrap resamples of articles for the intervals
seed: int = 0  # random seed of the bootstrap (same seed, same result)
"""),
("code", """
from korea_analysis import charts, views

""" + load() + """"""),
("code", """
freq = period or None
chosen = [p.strip() for p in pairs.split(",") if p.strip()] or None
dated = views.is_dated(ann)
views.show_text(views.dates_note(ann))
if dated and chosen is None:
    main = views.main_pairs(ann, k=n_pairs)
    chosen = main["pair"].tolist()
    views.show_text(f"Pairs followed: the {len(chosen)} with the most events (at least "
                    f"{views.min_evidence(len(ann.articles))} each): {', '.join(chosen) or 'none'}.")
"""),
("md", """
## How we did it

Each sentence in which one actor acts toward another is an event scored from −1 (conflict) to
+1 (cooperation) by its cue (see notebook 02); events about history are left out. For each pair
(either direction) and period the score is the mean over its events (weighted by how sure the
cue is), with a 95% interval from resampling articles; a period needs 3 events for a point,
and grey bars show the events behind each, counted on the small right-hand axis ("events (n)";
"mentions (n)" for the portrayal panels). "Are tensions increasing?" compares the last third
of the span with the first: a pair has more conflict (or cooperation) only when the two
intervals do not overlap. `views.evidence(ann, pair=..., month=...)` lists the sentences
behind any point (the last section gives the call for this corpus's latest one).
"""),
("md", """
## Finding: cooperation and conflict, pair by pair
"""),
("code", """
if dated and chosen:
    change = views.tension_change(ann, chosen, freq, n_boot=n_boot, seed=seed)
    trend = views.pair_trend(ann, chosen, freq, n_boot=n_boot, seed=seed)
    fig, data = views.pair_trend_chart(trend, ann, views.tension_headline(change))
    _ = charts.save(fig, data, "05_pairs_over_time", figures_dir)
elif dated:
    views.show_text("No pair of actors has enough events to follow over time.")
else:
    views.show_text("The corpus has no dates spanning two periods: nothing to show over time.")
"""),
("md", """
## Finding: which pairs moved toward conflict or cooperation, first third against last

The answer in numbers: each pair's mean event score in the first and the last third of the
span, with intervals, and whether they separate.
"""),
("code", """
if dated and chosen:
    views.show_text(views.tension_headline(change))
    views.show_table(change, "05_tension_change", top=20)
"""),
("md", """
## Finding: how each actor is portrayed over time

Mean polarity toward the most mentioned actors per period, with the 95% interval over
articles; grey bars are mentions.
"""),
("code", """
if dated:
    ptrend = views.portrayal_trend(ann, freq=freq, n_boot=n_boot, seed=seed)
    if len(ptrend):
        fig, data = views.portrayal_trend_chart(ptrend, ann)
        _ = charts.save(fig, data, "05_portrayal_over_time", figures_dir)
    else:
        views.show_text("No actor has enough mentions to follow over time.")
"""),
("md", """
## Finding: do the outlets tell the same story?

The same cooperation–conflict score over the followed pairs' events, one panel per outlet on
the same axes.
"""),
("code", """
if dated and chosen:
    otrend = views.outlet_trend(ann, freq, pairs=chosen, n_boot=n_boot, seed=seed)
    if otrend["n_events"].sum():
        fig, data = views.outlet_trend_chart(otrend, ann, chosen)
        _ = charts.save(fig, data, "05_outlets_over_time", figures_dir)
    else:
        views.show_text("No outlet has events of the followed pairs.")
"""),
("md", """
## The numbers behind the charts

Every pair and period, with its events, cooperative and conflictual events, score and
interval (the CSV has them all).
"""),
("code", """
if dated and chosen:
    views.show_table(trend, "05_pairs_by_period", top=50)
"""),
("md", """
## The evidence: the strongest events of the latest period

The sentences behind the last period's points, strongest first — `views.evidence` gives the
same for any pair and period.
"""),
("code", """
if dated and chosen:
    last, rows = views.latest_evidence(ann, trend)
    views.show_text(f"Events of the followed pairs in {last}: {len(rows):,}.")
    # the sentence first, where a reader looks; every column is still in the CSV
    front = [c for c in ("published", "source", "actors", "score", "text") if c in rows]
    views.show_table(rows[front + [c for c in rows.columns if c not in front]],
                     "05_latest_evidence", top=100)
    if last:
        example = chosen[0].replace("–", "-")
        views.show_text(f'The sentences behind any point: views.evidence(ann, pair="{example}", '
                        f'month="{last}") lists those of {example} in {last}; give it any pair '
                        'and period of the tables above.')
"""),
]
