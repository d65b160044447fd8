from _shared import load, parameters

CELLS = [
("md", """
# How each actor is portrayed

Which countries the coverage portrays positively or negatively, how that differs by outlet and
over time, and who cooperates or clashes with whom — each number with the sentences behind it.

Data: the corpus the `corpus` parameter names (described under the first cell), actors from
the dictionary `actors` names (empty: the bundled `src/korea_analysis/actors.yaml`).
"""),
parameters("""
backend: str = "lexicon+linear"  # sentiment backend: lexicon+linear, textblob, textblob-plain, vader
min_mentions: int = 3  # actors with fewer mentions are left out of charts
"""),
("code", """
from korea_analysis import charts, views

""" + load(', backend=backend') + """views.show_text(views.corpus_description(ann))
# the evidence an actor needs grows with the corpus (views.min_evidence documents the rule)
min_mentions = max(min_mentions, views.min_evidence(len(ann.articles)))
views.show_text(f"Actors and cells with fewer than {min_mentions} mentions are left out of "
                "the charts.")
"""),
("md", """
## How we did it

Every mention of an actor (country names, capitals such as "Pyongyang", institutions such as
KCNA, people such as "Kim Jong Un" or "Park" after "Park Won-gon") gets a polarity from −1
(negative) to +1 (positive), scored on the part of its sentence about it: the clause around the
mention, with negation handled. An actor's score is the mean over its mentions; the interval is
a 95% bootstrap over articles. Cooperation and conflict between two actors come from cue words
mapped to CAMEO event types (Goldstein scale /10), e.g. "signed … agreement" +0.8,
"sanctions" −0.8; where no cue fires, the sentence's polarity is used.
"""),
("md", """
## Finding: how each actor is portrayed, with its interval

Dots are mean polarity toward each actor, bars the 95% interval over articles; colour shows the
actor's bloc in the dictionary (colour only: blocs never enter a score). The title names an
actor as portrayed most or least positively only when its interval clears every other one.
"""),
("code", """
fig, data = views.portrayal_chart(ann, min_mentions)
_ = charts.save(fig, data, "02_portrayal", figures_dir)
views.show_table(views.portrayal_table(ann, min_mentions).sort_values("n_mentions",
                 ascending=False), "02_portrayal_table")
"""),
("md", """
## Finding: how each actor speaks about and acts toward the others

Stance in the directed sense: row A, column B is how A speaks about B (the polarity of B's
mentions inside quotations of A's speakers) and acts toward B (A's events toward B, by their
cue's score), pooled; "?" marks a cell whose 95% interval over articles spans 0 (or that rests
on one article). A cell is shown only with at least `views.min_evidence(n_articles)` quotes and
events together — the minimum evidence of every report, which grows with the corpus (see the
README); the line under this heading gives it for this corpus. An actor with no such cell as
speaker (or as addressee) gets no row (column). Read it beside the portrayal
above: how the coverage portrays an actor is not how that actor is said to treat the others.
The table under it gives the strongest sentence behind every cell.
"""),
("code", """
min_cell = views.min_evidence(len(ann.articles))  # the same rule as every other count
views.show_text(f"Cells need at least {min_cell} quotes and events together.")
if views.enough_evidence(ann, "stance", min_cell):
    stance_fig, stance_data = views.stance_heatmap(ann, min_n=min_cell, top=10)
    _ = charts.save(stance_fig, stance_data, "02_stance", figures_dir)
else:
    stance_data = None
    views.show_text(f"No actor speaks about or acts toward another {min_cell} or more times: "
                    "no matrix.")
"""),
("code", """
# The strongest sentence behind each cell of the matrix above (every cell: the CSV)
if stance_data is not None:
    views.show_table(views.stance_evidence(ann, stance_data), "02_stance_evidence", top=25)
"""),
("md", """
## Finding: each actor's mean portrayal in each outlet, and over time

Mean polarity per actor (rows) in each outlet (columns), for the actors and outlets with most
mentions, with the number of mentions; blank: fewer than `min_mentions` mentions there. Under
it, one panel per actor: its mean portrayal per month (per quarter or year when the corpus
spans more than two or six years), with the 95% interval over articles.
"""),
("code", """
views.show_table(views.portrayal_by_outlet_table(ann, min_mentions), "02_portrayal_by_outlet",
                 index=True, interactive=False)
if ann.articles["published"].isna().all():
    views.show_text("No article has a publication date: no chart over time.")
elif ann.articles["published"].dt.to_period("M").nunique() > 1:
    fig, data = views.portrayal_over_time_chart(ann, min_mentions)
    _ = charts.save(fig, data, "02_portrayal_by_month", figures_dir)
else:
    views.show_text("One month of publication only: no chart over time.")
"""),
("md", """
## Finding: the balance of cooperation and conflict for each pair, with its share of conflict events

Each cell is the balance of cooperative and conflictual events between two actors (blue: more
cooperation, red: more conflict — the sign analysts use, so many mild meetings do not hide the
threats), with the share of conflict events and the number of events behind it. A pair needs
the same minimum evidence as a cell above (`views.min_evidence(n_articles)` events); the table
under the chart lists every pair, however few its events.
"""),
("code", """
if views.enough_evidence(ann, "dyads", min_cell):
    fig, data = views.dyad_heatmap(ann, min_events=min_cell)
    _ = charts.save(fig, data, "02_dyads", figures_dir)
else:
    views.show_text(f"No pair of actors has {min_cell} or more events: no matrix.")
views.show_table(views.dyad_table(ann), "02_dyad_table")
"""),
("md", """
## The evidence: the most positive and most negative sentence about each actor
"""),
("code", """
views.show_table(views.evidence_table(ann, min_mentions), "02_evidence")
"""),
]
