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


def bloc_key(ax, blocs, *, loc: str = "lower right") -> None:
    """The legend of bars coloured by bloc (:func:`bloc_colour`): each bloc drawn, then grey
    for "no bloc" if any bar is grey. ``loc``: where the bars leave room (the short bars of a
    chart sorted longest first are at the bottom)."""
    from matplotlib.patches import Patch

    named = [b for b in dict.fromkeys(blocs) if isinstance(b, str) and b in BLOC_COLOURS
             and b != "other"]
    grey = any(not (isinstance(b, str) and b in named) for b in blocs)
    keys = [(b, bloc_colour(b)) for b in named] + ([("no bloc", BLOC_COLOURS[None])]
                                                   if grey else [])
    if named:  # all grey: nothing to tell apart
        ax.legend([Patch(color=c) for _, c in keys], [k for k, _ in keys], fontsize=8,
                  loc=loc, title="bloc (colour only)", title_fontsize=8)


def pct(share: float) -> str:
    """A share on a chart label: "18%", and "<1%" for a share that rounds to 0 but is not 0
    (99 of 22,787 mentions is not "0%")."""
    return "<1%" if 0 < share < 0.005 else f"{share:.0%}"


def sentence_case(title: str) -> str:
    """A title starts with a capital, even when it starts with a label from the data
    ("no bloc / unattributed gets …", an outlet called "wash-post"); the rest is kept."""
    return title[:1].upper() + title[1:]


def finish(ax, title: str, *, n: int | str, source: str = "korea-analysis",
           xlabel: str | None = None, ylabel: str | None = None) -> None:
    """Title states the finding; the footer gives n= and the source of the data.

    ``source`` is the corpus the chart was drawn from (``views.source_line(ann)``); the
    default names only the tool, never a corpus it may not be. The title starts with a
    capital (:func:`sentence_case`).
    """
    ax.set_title(sentence_case(title))
    if xlabel is not None:
        ax.set_xlabel(xlabel)
    if ylabel is not None:
        ax.set_ylabel(ylabel)
    bottom = _footer(ax.figure, f"n={n} · Source: {source}")
    ax.figure.tight_layout(rect=(0, bottom, 1, 1))
    _room_above(ax)
    thin_tick_labels(ax.figure)


FOOTER_SIZE = 8  # pt


def _footer(fig, text: str) -> float:
    """Write the n= and source line at the bottom left, wrapped to the figure's width (one
    long line widened the saved PNG, so the page shrank the whole chart to fit it); returns
    the fraction of the height it takes, for ``tight_layout``."""
    import textwrap

    # characters of 8 pt DejaVu Sans in the width, with a margin (about 0.55 em a character)
    width = max(40, int(fig.get_figwidth() * 72 * 0.97 / (FOOTER_SIZE * 0.55)))
    lines = textwrap.wrap(text, width, break_on_hyphens=False) or [""]
    fig.text(0.01, 0.005, "\n".join(lines), fontsize=FOOTER_SIZE, color="#555555",
             ha="left", va="bottom")
    extra = (len(lines) - 1) * FOOTER_SIZE * 1.25 / 72 / fig.get_figheight()
    return 0.04 + extra


def _room_above(ax) -> None:
    """Raise the top of a linear y axis until no label drawn in it (a "median" note over the
    tallest bar) sticks out above the frame, into the title."""
    lo, hi = ax.get_ylim()
    if ax.get_yscale() != "linear" or not ax.texts or hi <= lo:
        return
    renderer = ax.figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    over = max((t.get_window_extent(renderer).y1 - frame.y1 for t in ax.texts
                if t.get_visible() and t.get_text()), default=0)
    if over > 0 and frame.height > over + 4:
        ax.set_ylim(lo, hi + (hi - lo) * (over + 4) / (frame.height - over - 4))


#: Where a point's label may go, in the order tried: (x, y) direction, alignment.
_LABEL_SPOTS = ((1, 1, "left", "bottom"), (1, -1, "left", "top"), (-1, 1, "right", "bottom"),
                (-1, -1, "right", "top"), (1, 0, "left", "center"), (-1, 0, "right", "center"),
                (0, 1, "center", "bottom"), (0, -1, "center", "top"))


def place_labels(ax, xs, ys, labels, *, sizes=None, fontsize: float = 9, **text_kw) -> list:
    """Label points so that no label covers another label, another point or the legend.

    Each label takes the first of eight spots around its point (above right first) where it
    overlaps nothing already there; when none is free, the spot that overlaps least (and
    stays inside the axes). ``sizes``: the points' marker areas as given to ``scatter``
    (points²), so a label clears a big disc. Call it once the figure is laid out
    (after :func:`finish`): placement is measured on the drawn figure. Returns the texts.
    """
    from matplotlib.transforms import Bbox

    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    px = fig.dpi / 72
    xy = ax.transData.transform(list(zip(xs, ys, strict=True))) if len(labels) else []
    radius = [(s ** 0.5) / 2 for s in sizes] if sizes is not None else [3.0] * len(labels)
    discs = [Bbox.from_extents(x - r * px, y - r * px, x + r * px, y + r * px)
             for (x, y), r in zip(xy, radius, strict=True)]
    legend = ax.get_legend()
    fixed = [legend.get_window_extent(renderer)] if legend is not None else []
    frame = ax.get_window_extent(renderer)

    def area(a, b) -> float:
        both = Bbox.intersection(a, b)
        return both.width * both.height if both is not None else 0.0

    taken, texts = [], []
    for i, label in enumerate(labels):
        others = fixed + taken + discs[:i] + discs[i + 1:]
        best = None
        for dx, dy, ha, va in _LABEL_SPOTS:
            gap = radius[i] + 2.0
            if dx and dy:  # a corner: a little closer, the box still clears the disc
                gap *= 0.8
            t = ax.annotate(label, (xs[i], ys[i]), xytext=(dx * gap, dy * gap),
                            textcoords="offset points", ha=ha, va=va, fontsize=fontsize,
                            **text_kw)
            box = t.get_window_extent(renderer)
            cost = (sum(area(box, o) for o in others)
                    + 4 * (box.width * box.height - area(box, frame)))
            if best is None or cost < best[0]:
                if best is not None:
                    best[1].remove()
                best = (cost, t, box)
            else:
                t.remove()
            if cost == 0:
                break
        taken.append(best[2])
        texts.append(best[1])
    return texts


def finish_grid(fig, title: str, *, n: int | str, source: str = "korea-analysis") -> None:
    """:func:`finish` for small multiples: the finding as the figure's title (panels keep
    their own titles), n= and the source as the footer."""
    fig.suptitle(sentence_case(title), x=0.01, ha="left", fontsize=STYLE["axes.titlesize"],
                 fontweight=STYLE["axes.titleweight"])
    bottom = _footer(fig, f"n={n} · Source: {source}")
    fig.tight_layout(rect=(0, bottom, 1, 0.97))
    thin_tick_labels(fig)


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
    for i, ax in enumerate(axes.flat):
        if i >= n:
            ax.set_visible(False)
        elif i + ncols >= n and i + ncols < nrows * ncols:
            # nothing is drawn below this panel: it carries its own x tick labels (shared
            # axes show them on the bottom row only, which would leave it without dates)
            ax.xaxis.set_tick_params(labelbottom=True)
    return fig, list(axes.flat)


def count_axis(ax, count: str = "n") -> None:
    """Style the twin axis of grey count bars (drawn under a score line): small grey integer
    ticks no higher than the tallest bar, and a label naming what is counted
    ("n_events" → "events (n)"), so the right-hand numbers cannot be read as scores."""
    from matplotlib.ticker import FixedLocator, MaxNLocator

    ax.tick_params(labelsize=7, colors="#888888")
    top = max([p.get_height() for p in ax.patches if p.get_visible()] + [1])
    ticks = [t for t in MaxNLocator(nbins=3, integer=True).tick_values(0, top) if 0 <= t <= top]
    ax.yaxis.set_major_locator(FixedLocator(ticks))
    what = str(count).removeprefix("n_").replace("_", " ") or "count"
    ax.set_ylabel(f"{what} (n)", fontsize=7, color="#888888", labelpad=2)
    ax.yaxis.set_label_position("right")
    lo, hi = ax.get_ylim()
    # beside its ticks, not halfway up an axis the bars do not reach (y in axes fraction;
    # matplotlib places x beyond the tick labels and keeps this y)
    ax.yaxis.label.set_y(max(0.2, min(0.5, (top / 2 - lo) / (hi - lo or 1))))


def thin_tick_labels(fig) -> None:
    """Keep every k-th label of axes with fixed (categorical) x ticks, the smallest k at which
    neighbouring labels no longer overlap — periods on narrow panels, many bars. Axes whose
    ticks a locator chose (numbers, log scales) already space their labels and are left."""
    import math

    from matplotlib.ticker import FixedLocator

    dpi = fig.dpi
    for ax in fig.axes:
        if not (ax.get_visible() and ax.xaxis.get_visible()) or not isinstance(
                ax.xaxis.get_major_locator(), FixedLocator):  # a twin's x axis is hidden
            continue
        locs = list(ax.get_xticks())
        labels = [t.get_text() for t in ax.get_xticklabels()]
        if len(locs) < 3 or len(labels) != len(locs) or not any(labels):
            continue
        first = ax.get_xticklabels()[0]
        px = [ax.transData.transform((x, 0))[0] for x in locs]
        gap = min(abs(b - a) for a, b in zip(px, px[1:], strict=False))
        size = first.get_fontsize() * dpi / 72
        angle = math.radians(abs(first.get_rotation()) % 180)
        if math.sin(angle) > 0.2:  # rotated: parallel strips one line high
            need = 1.15 * size / math.sin(angle)
        else:  # level: the widest label side by side
            need = 0.62 * size * max(len(s) for s in labels) + 0.6 * size
        k = math.ceil(need / gap) if gap > 0 else 1
        if k > 1:
            props = {"rotation": first.get_rotation(), "ha": first.get_horizontalalignment(),
                     "fontsize": first.get_fontsize()}
            ax.set_xticks(locs[::k], labels[::k], **props)
