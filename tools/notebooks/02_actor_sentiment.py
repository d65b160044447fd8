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
## Finding: some actors are portrayed more negatively than others

Dots are mean polarity toward each actor, bars the 95% interval over articles; colour shows the
actor's bloc in the dictionary (colour only: blocs never enter a score).
"""),
("code", """
fig, data = views.portrayal_chart(ann, min_mentions)
_ = charts.save(fig, data, "02_portrayal", figures_dir)
display(views.portrayal_table(ann, min_mentions))
"""),
("md", """
## Finding: portrayal by outlet and over time

The same mean and interval per outlet and per month of publication, where the corpus has them.
"""),
("code", """
by_outlet = views.portrayal_by(ann, "outlet", min_mentions)
display(by_outlet)
if ann.articles["published"].dt.to_period("M").nunique() > 1:
    fig, data = views.portrayal_over_time_chart(ann, min_mentions)
    _ = charts.save(fig, data, "02_portrayal_by_month", figures_dir)
else:
    print("One month of publication only: no chart over time.")
"""),
("md", """
## Finding: who cooperates and who clashes

Each cell is the mean event score between two actors (+1 cooperation, −1 conflict) with the
number of events behind it.
"""),
("code", """
fig, data = views.dyad_heatmap(ann)
_ = charts.save(fig, data, "02_dyads", figures_dir)
display(ann.dyads)
"""),
("md", """
## The evidence: the most positive and most negative sentence about each actor
"""),
("code", """
display(views.evidence_table(ann, min_mentions))
"""),
]
