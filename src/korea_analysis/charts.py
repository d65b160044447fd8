"""One house style for every chart: a title that states the finding, n= and a source line.

Colours are the Okabe–Ito palette (safe for the common colour-vision deficiencies); each
bloc always gets the same colour. ``save`` writes the PNG with the exact data plotted as CSV
beside it, so a reader can check every bar.
"""
from __future__ import annotations

import os
from pathlib import Path

import matplotlib as mpl
import pandas as pd

OKABE_ITO = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442",
             "#000000"]
BLOC_COLOURS = {
    "ROK-US-Japan": "#0072B2",        # blue
    "DPRK-Russia-China": "#D55E00",   # vermillion
    "other": "#999999",
    None: "#999999",
}
DPI = 110

STYLE = {
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "figure.figsize": (8, 4.5),
    "axes.prop_cycle": mpl.cycler(color=OKABE_ITO),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 10,
    "font.size": 10,
    "axes.grid": True,
    "grid.alpha": 0.3,
}


def use_house_style() -> None:
    """Apply the style to every following chart (notebooks call it once)."""
    mpl.rcParams.update(STYLE)


def bloc_colour(bloc) -> str:
    return BLOC_COLOURS.get(bloc if isinstance(bloc, str) else None, BLOC_COLOURS["other"])


def finish(ax, title: str, *, n: int | str, source: str = "korea-analysis",
           xlabel: str | None = None, ylabel: str | None = None) -> None:
    """Title states the finding; the footer gives n= and the source of the data.

    ``source`` is the corpus the chart was drawn from (``views.source_line(ann)``); the
    default names only the tool, never a corpus it may not be.
    """
    ax.set_title(title)
    if xlabel is not None:
        ax.set_xlabel(xlabel)
    if ylabel is not None:
        ax.set_ylabel(ylabel)
    ax.figure.text(0.01, 0.005, f"n={n} · Source: {source}", fontsize=8, color="#555555",
                   ha="left", va="bottom")
    ax.figure.tight_layout(rect=(0, 0.04, 1, 1))


def finish_grid(fig, title: str, *, n: int | str, source: str = "korea-analysis") -> None:
    """:func:`finish` for small multiples: the finding as the figure's title (panels keep
    their own titles), n= and the source as the footer."""
    fig.suptitle(title, x=0.01, ha="left", fontsize=STYLE["axes.titlesize"],
                 fontweight=STYLE["axes.titleweight"])
    fig.text(0.01, 0.005, f"n={n} · Source: {source}", fontsize=8, color="#555555",
             ha="left", va="bottom")
    fig.tight_layout(rect=(0, 0.04, 1, 0.97))


def save(fig, data: pd.DataFrame, name: str, out_dir: str | os.PathLike | None = None) -> Path:
    """Write ``name.png`` and ``name.csv`` (the plotted data) into ``out_dir``.

    ``out_dir`` defaults to ``$KOREA_ANALYSIS_FIGURES`` (set by the report runner to the run
    folder) or ``figures/`` in the working directory.
    """
    out = Path(out_dir or os.environ.get("KOREA_ANALYSIS_FIGURES", "figures"))
    out.mkdir(parents=True, exist_ok=True)
    png = out / f"{name}.png"
    fig.savefig(png, bbox_inches="tight")
    data.to_csv(out / f"{name}.csv", index=False)
    return png


def panel_grid(n: int, ncols: int = 3, *, panel: tuple[float, float] = (3.4, 2.4),
               width: float | None = None):
    """Small multiples: ``n`` panels sharing both axes, at most ``ncols`` a row, unused cells
    hidden. ``panel``: inches per panel; ``width``: the whole figure's width instead."""
    import matplotlib.pyplot as plt

    ncols = max(1, min(ncols, n))
    nrows = max(1, -(-n // ncols))
    fig, axes = plt.subplots(nrows, ncols, sharex=True, sharey=True, squeeze=False,
                             figsize=(width or panel[0] * ncols + 0.8, panel[1] * nrows + 0.9))
    for ax in axes.flat[n:]:
        ax.set_visible(False)
    return fig, list(axes.flat)
