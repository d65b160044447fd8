CELLS = [
("md", """
# Corpus overview

What is in the corpus: which articles, from which outlets and dates, and how much of each is
article body as opposed to headlines, headings, summaries, FAQ blocks and boilerplate.
Every later report counts body sentences only, so this is where to check that the split is right.

Data: the bundled corpus (`data/articles/`, four articles on the Korean peninsula,
2021–2025) unless `corpus` points elsewhere.
"""),
("code", """
# Parameters (papermill overrides these; run as is in JupyterLab)
corpus: str = ""  # corpus: folder of .txt, a .txt, .csv, .jsonl or .parquet (empty: the bundled corpus)
figures_dir: str = "figures"  # where each chart's PNG and CSV are written
""", "parameters"),
("code", """
from IPython.display import display


from korea_analysis import charts, views

views.setup_notebook()

ann = views.load(corpus)
"""),
("md", """
## How we did it

`korea_analysis.load_corpus` reads the files (UTF-8, metadata from `articles.csv`);
`korea_analysis.annotate` splits each article into paragraphs and sentences (syntok) and marks
non-body lines. Words are white-space separated tokens.
"""),
("md", """
## Finding: the articles, their outlets and dates
"""),
("code", """
overview = views.corpus_overview(ann)
print(views.corpus_sentence(ann))
display(overview)
"""),
("md", """
## Finding: how much of each article is body text

Headlines, headings, summary bullets, FAQ blocks, datelines and copyright lines are kept
in the sentence table but left out of the analysis; the bars show how many words each kind holds.
"""),
("code", """
fig, data = views.body_share_chart(ann)
_ = charts.save(fig, data, "01_body_share", figures_dir)
"""),
("md", """
## The sentences that are not body text

Check these: anything here is left out of every later count.
"""),
("code", """
display(views.non_body_sentences(ann))
"""),
]
