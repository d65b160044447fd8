CELLS = [
("md", """
# How each actor is portrayed

Which countries the coverage portrays positively or negatively, how that differs by outlet and
over time, and who cooperates or clashes with whom — each number with the sentences behind it.

Data: the bundled corpus unless `corpus` points elsewhere; actors from the bundled dictionary
(`src/korea_analysis/actors.yaml`) unless `actors` names another file.
"""),
("code", """
# Parameters (papermill overrides these; run as is in JupyterLab)
corpus: str = ""  # corpus: folder of .txt, a .txt, .csv, .jsonl or .parquet (empty: bundled)
actors: str = ""  # actor dictionary YAML (empty: the bundled one)
backend: str = "lexicon+linear"  # sentiment backend: lexicon+linear, textblob, textblob-plain, vader
min_mentions: int = 3  # actors with fewer mentions are left out of charts
date_from: str = ""  # first publication date to include, e.g. 2023-01-01 (empty: no limit)
date_to: str = ""  # last publication date to include (empty: no limit)
figures_dir: str = "figures"  # where each chart's PNG and CSV are written
""", "parameters"),
("code", """
from IPython.display import display

from korea_analysis import charts, views

views.setup_notebook()
ann = views.load(corpus, actors, date_from=date_from, date_to=date_to, backend=backend)
print(views.corpus_sentence(ann))
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
display(views.portrayal_table(ann, min_mentions))
"""),
("md", """
## Finding: how each actor speaks about and acts toward the others

Stance in the directed sense: row A, column B is how A speaks about B (the polarity of B's
mentions inside quotations of A's speakers) and acts toward B (A's events toward B, by their
cue's score), pooled; "?" marks a cell whose 95% interval over articles spans 0 (or that rests
on one article). Read it beside the portrayal above: how the coverage portrays an actor is not
how that actor is said to treat the others. The table under it gives the strongest sentence
behind every cell.
"""),
("code", """
stance_fig, stance_data = views.stance_heatmap(ann)
_ = charts.save(stance_fig, stance_data, "02_stance", figures_dir)
"""),
("code", """
# The strongest sentence behind each cell of the matrix above
display(views.stance_evidence(ann, stance_data))
"""),
("md", """
## Finding: portrayal by outlet and over time

Mean polarity per actor (rows) in each outlet (columns), for the actors and outlets with most
mentions, with the number of mentions; blank: fewer than `min_mentions` mentions there.
"""),
("code", """
display(views.portrayal_by_outlet_table(ann, min_mentions))
if ann.articles["published"].dt.to_period("M").nunique() > 1:
    fig, data = views.portrayal_over_time_chart(ann, min_mentions)
    _ = charts.save(fig, data, "02_portrayal_by_month", figures_dir)
else:
    print("One month of publication only: no chart over time.")
"""),
("md", """
## Finding: who cooperates and who clashes

Each cell is the balance of cooperative and conflictual events between two actors (blue: more
cooperation, red: more conflict — the sign analysts use, so many mild meetings do not hide the
threats), with the share of conflict events and the number of events behind it.
"""),
("code", """
fig, data = views.dyad_heatmap(ann)
_ = charts.save(fig, data, "02_dyads", figures_dir)
display(views.dyad_table(ann))
"""),
("md", """
## The evidence: the most positive and most negative sentence about each actor
"""),
("code", """
display(views.evidence_table(ann, min_mentions))
"""),
]
