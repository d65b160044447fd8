from _shared import load, parameters

CELLS = [
("md", """
# Who said what

Who gets quoted — which speakers, countries, officials, state media or analysts — how much of
the quoted text each bloc and outlet carries, how each country's quoted words sound, how each
speaker's country was decided, and which quotes and speakers could not be placed.

Data: the corpus given as the `corpus` parameter; the source line under each chart names
the corpus actually used.
"""),
parameters(),
("code", """
from IPython.display import display

from korea_analysis import charts, views

""" + load() + """quotes = views.quote_table(ann)
views.show_text(views.corpus_sentence(ann))
views.show_text(f"{len(quotes):,} quotes: " + ", ".join(f"{n:,} {k}" for k, n in
                                                     quotes["kind"].value_counts().items())
                + ".")
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
## Finding: who is quoted most

The most quoted speakers (terms in scare quotes and unattributed quotes left out), coloured by
the bloc of the country they speak for.
"""),
("code", """
fig, data = views.top_speakers_chart(ann, top=20)
_ = charts.save(fig, data, "03_top_speakers", figures_dir)
"""),
("code", """
views.show_table(views.top_speakers(ann, top=500), "03_top_speakers_table", top=20)
"""),
("md", """
## Finding: who gets quoted, by country and type of speaker

Quotes per country of the speaker, split by type of speaker, the most quoted first (the CSV
lists every country). Scare quotes (terms) have no speaker and are counted under "no speaker";
quotations with no speaker found are listed at the end of this report.
"""),
("code", """
views.show_table(views.who_is_quoted(ann), "03_who_is_quoted", top=15)
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

Mean polarity (−1 … +1) and subjectivity (0 … 1) of the quoted words, direct and partial
quotes, for countries with at least `views.min_evidence(n_articles)` quotes (the bar grows
with the corpus; see the README).
"""),
("code", """
min_quotes = views.min_evidence(len(ann.articles))
views.show_text(f"Countries with at least {min_quotes} direct or partial quotes.")
views.show_table(views.quote_sentiment(ann, min_quotes), "03_quote_sentiment", top=20,
                 index=True)
"""),
("md", """
## How each speaker's country was decided

The rule that gave each attributed quote its country, in the order they are tried, and the
named speakers no rule could place (check these: their quotes count for no country).
"""),
("code", """
sources = views.country_sources(ann)
if sources is None:
    views.show_text("This version of the quotes table does not record how countries were "
                    "decided (no actor_source column).")
else:
    views.show_table(sources, "03_country_sources", interactive=False)
"""),
("code", """
views.show_text("The named speakers no rule could place, most quoted first, with the role "
                "the text gives them and an article that quotes them:")
views.show_table(views.unresolved_speakers(ann), "03_unresolved_speakers", top=50)
"""),
("md", """
## Every quote, with speaker, country, channel and cue

Search, sort and filter the first rows here; the CSV holds every quote.
"""),
("code", """
views.show_table(views.quote_listing(ann), "03_quotes", top=1000)
"""),
("md", """
## Quotes that could not be attributed

Quotes for which no speaker was found, with the article and sentence they are in (the first
rows here; the CSV holds every one).
"""),
("code", """
views.show_table(views.unattributed_quotes(ann), "03_unattributed_quotes", top=200)
"""),
]
