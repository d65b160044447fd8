"""Shared by every notebook: loading, the house style, dates, labels and legends."""
from __future__ import annotations

import pandas as pd

from korea_analysis import __version__, charts
from korea_analysis.annotate import Annotations

UNKNOWN_OUTLET = "(outlet unknown)"


def setup_notebook() -> None:
    """House chart style, and tables that show whole sentences (evidence is never cut off)."""
    charts.use_house_style()
    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.max_rows", 500)
    pd.set_option("display.precision", 3)


def format_date(date, precision) -> str:
    """A date shown no more precisely than it is known ("2021-12" for December 2021)."""
    if pd.isna(date):
        return "unknown"
    return date.strftime({"year": "%Y", "month": "%Y-%m"}.get(precision, "%Y-%m-%d"))



def load(corpus: str = "", actors: str = "", *, metadata: str = "", columns: str = "",
         date_from: str = "", date_to: str = "", keep_duplicates: bool = False,
         backend: str | None = None, workers: int = 1) -> Annotations:
    """The notebooks' one entry point: load the corpus, choose the articles, annotate (cached).

    Empty strings mean the defaults (bundled corpus and dictionary, no metadata file, no
    column mapping, no date limit). ``metadata``/``columns``: see
    :func:`korea_analysis.corpus.load_corpus`. Later copies of a syndicated story are left out
    unless ``keep_duplicates``. What was used and left out is in ``ann.extra["corpus_info"]``
    (:func:`korea_analysis.selection.select`); ``ann.extra["undated_dropped"]`` is kept.
    """
    from korea_analysis.annotate import annotate
    from korea_analysis.corpus import load_corpus
    from korea_analysis.selection import select
    from korea_analysis.sentiment import DEFAULT_BACKEND

    articles = load_corpus(corpus or None, metadata=metadata or None, columns=columns or None)
    articles, info = select(articles, date_from=date_from, date_to=date_to,
                            keep_duplicates=keep_duplicates)
    ann = annotate(articles, actors or None, backend=backend or DEFAULT_BACKEND,
                   workers=workers)
    ann.extra["corpus_info"] = info
    ann.extra["undated_dropped"] = info["undated_dropped"]
    return ann


def source_line(ann: Annotations) -> str:
    return f"{len(ann.articles)} articles, korea-analysis {__version__}"


def _bloc_legend(ax, blocs) -> None:
    from matplotlib.lines import Line2D

    seen = [b for b in dict.fromkeys(blocs) if isinstance(b, str)]
    if seen:
        ax.legend([Line2D([], [], marker="o", ls="", color=charts.bloc_colour(b)) for b in seen],
                  seen, fontsize=8, loc="best", title="bloc (colour only)")
