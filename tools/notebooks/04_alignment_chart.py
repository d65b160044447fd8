from _shared import load, parameters

CELLS = [
("md", """
# Who lines up with whom

Where the coverage places each actor between the DPRK–Russia–China and the ROK–US–Japan blocs,
computed only from what the text says actors do to each other — and how that compares with how
the same states vote at the UN General Assembly.

Data: the corpus the `corpus` parameter names, described under the first cell.
"""),
parameters("""
min_events: int = 2  # actors with fewer events are listed, not placed
n_boot: int = 200  # bootstrap resamples of articles for the intervals
seed: int = 0  # random seed of the bootstrap (same seed, same result)
orient: str = "USA"  # this actor is put on the positive side of the axis
"""),
("code", """
from korea_analysis import alignment, charts, views

""" + load() + """# the evidence an actor needs grows with the corpus (views.min_evidence documents the rule)
min_events = max(min_events, views.min_evidence(len(ann.articles)))
pos = views.alignment_table(ann, min_events=min_events, n_boot=n_boot, seed=seed, orient=orient)
views.show_text(views.corpus_description(ann))
views.show_text(f"Actors with fewer than {min_events} events are listed, not placed.")
"""),
("md", """
## How we did it

Each sentence in which one actor acts toward another is an event scored from −1 (conflict) to
+1 (cooperation); sentences about history (all their years 10+ years before publication, such
as the 1950–53 war) are left out. For every pair of actors the scores are averaged and taken
relative to the coverage's typical pair (news is full of meetings and visits, each a mild
positive: what separates blocs is which pairs get more or less cooperation than usual), then
shrunk toward zero when evidence is thin; the axis is the leading eigenvector of that signed
affinity matrix (allies on one side, adversaries on the other), oriented so that `orient` is
positive. Intervals come from resampling articles; an actor whose interval spans the middle is
drawn hollow and called unclear. Bloc labels in the dictionary colour the points and are
compared with the result afterwards — they never enter the computation.
"""),
("md", """
## Finding: each actor's place between the two blocs, and which are unclear

The title names the actors whose side is clear (interval on one side of 0). The table above
the chart lists every actor: `position` on the bloc axis with its 95% interval
(`position_low` … `position_high`), `map_dim1` and `map_dim2` its place on the map further
down, `n_events` and `n_articles` the evidence, `enough` whether that is enough to place it,
and `clear` whether its interval stays on one side of 0.
"""),
("code", """
fig, data = views.alignment_chart(pos, ann)
_ = charts.save(fig, data, "04_alignment", figures_dir)
clear = pos[pos["clear"]]
agree = alignment.bloc_agreement(clear, ann.actors.blocs)
if agree == agree:  # NaN: no actor whose side is clear has a bloc label
    views.show_text(f"Agreement with the expected blocs: {agree:.0%} of the actors whose side "
                    "is clear and who have a bloc label fall on their bloc's side.")
else:
    views.show_text("No actor with a bloc label has a clear side: agreement with the blocs "
                    "cannot be judged on this corpus.")
# x, y are the map's coordinates: named as the map's axes are (the CSV keeps every column)
views.show_table(pos.rename(columns={"x": "map_dim1", "y": "map_dim2"}), "04_positions")
"""),
("md", """
## Finding: each actor's place on the same axis, year by year

The same axis computed separately for each year of publication, each year with its own
interval (hollow: unclear that year), for the actors with most events. A year's axis takes the
sign that agrees with the whole corpus's (so an actor that changes sides shows as moving,
not every other actor).
"""),
("code", """
by_year = views.alignment_by_period(ann, period="year", min_events=min_events, n_boot=n_boot,
                                    seed=seed, orient=orient)
if len(by_year):
    fig, data = views.alignment_over_time_chart(by_year, ann)
    _ = charts.save(fig, data, "04_alignment_by_year", figures_dir)
else:
    views.show_text("Fewer than two years in which an actor can be placed (5 dated articles "
                    f"with events, and an actor with {min_events}+ events, that year): no "
                    "positions over time.")
"""),
("md", """
## Finding: a map where actors that cooperate sit close together

The horizontal dimension is the bloc axis above; edges join pairs with events, blue where
cooperative events outweigh conflictual ones, red where conflict does, grey for a tie; thicker
edges, a clearer balance.
"""),
("code", """
fig, data = views.alignment_map(pos, ann)
_ = charts.save(fig, data, "04_map", figures_dir)
"""),
("md", """
## Finding: the balance of cooperation and conflict for each pair, with its share of conflict events

Pairs with at least as many events as an actor needs to be placed (the minimum evidence above);
the table lists every pair, however few its events.
"""),
("code", """
if (ann.dyads["n_events"] >= min_events).any():
    fig, data = views.dyad_heatmap(ann, min_events=min_events)
    _ = charts.save(fig, data, "04_dyads", figures_dir)
else:
    views.show_text(f"No pair of actors has {min_events} or more events: no matrix.")
views.show_table(views.dyad_table(ann), "04_dyad_table")
"""),
("md", """
## Finding: how far the coverage's order of actors agrees with their UN votes (rank correlation ρ in the title)

UN General Assembly ideal points (Bailey, Strezhnev & Voeten 2017, J. Conflict Resolution
61(2); data: Voeten, Harvard Dataverse, doi:10.7910/DVN/LEJUQZ) place states by how they vote.
This axis places them by what this corpus reports they do to each other. The two measure
different things — votes vs coverage — so agreement in rank is a sanity check, not a validation.
"""),
("code", """
fig, data, rho, n = views.unga_comparison(pos, session=78)
_ = charts.save(fig, data, "04_unga", figures_dir)
views.show_table(data, "04_unga_table")
"""),
("md", """
## The strongest evidence behind each edge
"""),
("code", """
views.show_table(views.strongest_evidence(ann), "04_strongest_evidence")
"""),
]
