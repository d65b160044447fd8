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



def load(corpus: str = "", actors: str = "", *, date_from: str = "", date_to: str = "",
         backend: str | None = None) -> Annotations:
    """The notebooks' one entry point: load the corpus, keep the date range, annotate (cached).

    Empty strings mean the defaults (bundled corpus and dictionary, no date limit). With a
    date range, undated articles are left out and counted in ``ann.extra["undated_dropped"]``.
    """
    from korea_analysis.annotate import annotate
    from korea_analysis.corpus import load_corpus
    from korea_analysis.sentiment import DEFAULT_BACKEND

    articles = load_corpus(corpus or None)
    dropped = 0
    if date_from or date_to:
        pub = articles["published"]
        keep = pub.notna()
        dropped = int((~keep).sum())
        if date_from:
            keep &= pub >= pd.Timestamp(date_from)
        if date_to:
            keep &= pub <= pd.Timestamp(date_to)
        articles = articles[keep].reset_index(drop=True)
        if articles.empty:
            raise ValueError(f"no article published between {date_from or 'the start'} and "
                             f"{date_to or 'the end'}")
    ann = annotate(articles, actors or None, backend=backend or DEFAULT_BACKEND)
    ann.extra["undated_dropped"] = dropped
    return ann


def source_line(ann: Annotations) -> str:
    return f"{len(ann.articles)} articles, korea-analysis {__version__}"


def _bloc_legend(ax, blocs) -> None:
    from matplotlib.lines import Line2D

    seen = [b for b in dict.fromkeys(blocs) if isinstance(b, str)]
    if seen:
        ax.legend([Line2D([], [], marker="o", ls="", color=charts.bloc_colour(b)) for b in seen],
                  seen, fontsize=8, loc="best", title="bloc (colour only)")
