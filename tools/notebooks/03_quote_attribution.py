CELLS = [
("md", """
# Who said what

Who gets quoted — which countries, officials, state media or analysts — how much of the quoted
text each bloc and outlet carries, how each country's quoted words sound, and which quotes
could not be attributed.

Data: the bundled corpus unless `corpus` points elsewhere.
"""),
("code", """
# Parameters (papermill overrides these; run as is in JupyterLab)
corpus: str = ""  # corpus: folder of .txt, a .txt, .csv, .jsonl or .parquet (empty: bundled)
actors: str = ""  # actor dictionary YAML (empty: the bundled one)
date_from: str = ""  # first publication date to include, e.g. 2023-01-01 (empty: no limit)
date_to: str = ""  # last publication date to include (empty: no limit)
figures_dir: str = "figures"  # where each chart's PNG and CSV are written
""", "parameters"),
("code", """
from IPython.display import display

from korea_analysis import charts, views

views.setup_notebook()
ann = views.load(corpus, actors, date_from=date_from, date_to=date_to)
quotes = views.quote_table(ann)
print(views.corpus_sentence(ann))
print(f"{len(quotes)} quotes: " + ", ".join(f"{n} {k}" for k, n in
                                            quotes["kind"].value_counts().items()))
"""),
("md", """
## How we did it

Quotation marks are paired by type (“ ”, " ", « »), across paragraph breaks, without failing on
an odd count. Each quote is `direct` (a full quoted statement), `partial` (a fragment inside
reported speech) or `term` (scare quotes, no speech cue); speech without quote marks
("Yoon said the alliance …") is `indirect`. The speaker is found next to a speech cue
(said, added, noted, was quoted as saying, according to, …), "he"/"she" and surnames are
resolved to the person named earlier, and the speaker's country comes from the actor dictionary
or the description ("a professor at Ewha Womans University"). A relaying outlet ("as quoted by
TASS") is the `channel`, not the speaker.
"""),
("md", """
## Finding: who gets quoted, by country and type of speaker
"""),
("code", """
display(views.who_is_quoted(ann))
"""),
("md", """
## Finding: the share of quoted words per bloc

Words inside direct, partial and indirect quotes, by the bloc of the speaker's country in the
dictionary (colour and grouping only).
"""),
("code", """
fig, data = views.quoted_words_chart(ann, by="bloc")
_ = charts.save(fig, data, "03_quoted_words_by_bloc", figures_dir)
"""),
("md", """
## Finding: the share of quoted words per outlet
"""),
("code", """
fig, data = views.quoted_words_chart(ann, by="outlet")
_ = charts.save(fig, data, "03_quoted_words_by_outlet", figures_dir)
"""),
("md", """
## Finding: how each country's quoted words sound

Mean polarity (−1 … +1) and subjectivity (0 … 1) of the quoted words, direct and partial quotes.
"""),
("code", """
display(views.quote_sentiment(ann))
"""),
("md", """
## Every quote, with speaker, country, channel and cue
"""),
("code", """
display(views.quote_listing(ann))
"""),
("md", """
## Quotes that could not be attributed
"""),
("code", """
display(views.unattributed_quotes(ann))
"""),
]
