from _shared import load, parameters

CELLS = [
("md", """
# Corpus overview

What is in the corpus: where it came from, how many articles from which outlets and months,
who is mentioned most, how much of each article is body text as opposed to headlines,
headings, summaries, FAQ blocks and boilerplate, and which stories were syndicated copies.
Every later report counts body sentences only, so this is where to check that the split is
right.

Data: the corpus given as the `corpus` parameter; the next cell describes the one actually
used — where it came from, its outlets and dates, and what was left out.
"""),
parameters(),
("code", """
from IPython.display import display


from korea_analysis import charts, views

""" + load() + """"""),
("md", """
## The corpus used
"""),
("code", """
views.show_text(views.corpus_description(ann))
views.show_table(views.outlet_table(ann), "01_outlets", top=20)
"""),
("md", """
## How we did it

`korea_analysis.load_corpus` reads the files (UTF-8; titles, outlets and dates from the
metadata); `korea_analysis.annotate` splits each article into paragraphs and sentences (syntok)
and marks non-body lines. Words are white-space separated tokens. Charts show counts per
period and distributions, never one mark per article past a few dozen articles; every table
links its full CSV.
"""),
("md", """
## Finding: when the articles were published, and by which outlets

Articles per month (per quarter or year for long spans), stacked by outlet; the smaller
outlets are grouped as "others".
"""),
("code", """
fig, data = views.articles_per_period_chart(ann)
_ = charts.save(fig, data, "01_articles_per_period", figures_dir)
"""),
("md", """
## Finding: who the coverage mentions most

Mentions of each actor in the dictionary (bylines left out), the most mentioned first and the
rest together as "others".
"""),
("code", """
fig, data = views.top_actors_chart(ann, top=15)
_ = charts.save(fig, data, "01_top_actors", figures_dir)
"""),
("code", """
views.show_table(views.top_actors(ann, top=50), "01_actors", top=20)
"""),
("md", """
## Finding: how much of each article is body text

Headlines, headings, summary bullets, FAQ blocks, datelines and copyright lines are kept in
the sentence table but left out of the analysis. The chart shows how the body share is
distributed over the articles (one bar per article for a handful of articles).
"""),
("code", """
fig, data = views.body_share_chart(ann)
_ = charts.save(fig, data, "01_body_share", figures_dir)
"""),
("code", """
views.show_table(views.words_per_kind(ann), "01_words_per_kind", interactive=False)
"""),
("md", """
## Syndicated copies

The same wire story republished by several outlets counts once in every analysis unless
`keep_duplicates` is set; here are the copies found. Each row is a later copy
(`article_id`) of the story's first article (`duplicate_of`, the one counted); `outlet` and
`title` are the first article's, `similarity` the share of word sequences the two have in
common (Jaccard, 1 = the same text), and `kept` whether the copy is counted too.
"""),
("code", """
dups = views.duplicates_table(ann)
if len(dups):
    views.show_text(f"{len(dups):,} article(s) are later copies of an earlier story.")
    views.show_table(dups, "01_duplicates", top=20)
elif "duplicates" in ann.extra.get("corpus_info", {}):
    views.show_text("No syndicated copies found: every article counts once.")
else:
    views.show_text("Syndicated copies were not looked for in this run.")
"""),
("md", """
## The articles

Title, outlet, date and size of each article (the first rows; the CSV has them all).
"""),
("code", """
views.show_table(views.corpus_overview(ann), "01_articles", top=20)
"""),
("md", """
## The sentences that are not body text

Check these: anything here is left out of every later count.
"""),
("code", """
views.show_table(views.non_body_by_kind(ann), "01_non_body_kinds", interactive=False)
views.show_table(views.non_body_sentences(ann), "01_non_body_sentences", top=50)
"""),
]
