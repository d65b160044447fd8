"""Shared by every notebook: loading, the house style, tables, wording and the source line.

Everything a report says about its numbers is decided here once, so every notebook says it
the same way: tables show their top rows and link the full CSV (:func:`show_table`), shares
print as percentages (:func:`fmt_percent`), the minimum evidence grows with the corpus
(:func:`min_evidence`), a title claims "most" only when the intervals allow it
(:func:`stands_out`), and each chart names the corpus it was drawn from (:func:`source_line`).
"""
from __future__ import annotations

import html
import math
import os
import re
from pathlib import Path

import numpy as np
import pandas as pd

from korea_analysis import __version__, charts
from korea_analysis.annotate import Annotations

UNKNOWN_OUTLET = "(outlet unknown)"

# Where show_table writes full tables when no folder is given; setup_notebook sets it to the
# notebook's figures_dir (the runner points that at <run>/figures, beside the HTML).
_TABLES = {"dir": None, "itables_ready": False}


def setup_notebook(figures_dir: str | os.PathLike | None = None, *,
                   interactive: bool = True) -> None:
    """House chart style, whole sentences in tables, and the offline interactive-table library.

    ``figures_dir`` is where :func:`show_table` writes full tables (the notebooks' parameter of
    that name). With ``interactive`` the DataTables bundle shipped inside itables is embedded
    once in the notebook's output (no CDN: the report works offline, and so do the tables in
    JupyterLab once the notebook is trusted).
    """
    charts.use_house_style()
    _release_freed_arrow_memory()
    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.max_rows", 500)
    pd.set_option("display.precision", 3)
    if figures_dir is not None:
        _TABLES["dir"] = str(figures_dir)
    if interactive:
        _init_itables()


#: Columns holding sentences or quotations: given a reading width in interactive tables.
_TEXT_COLUMNS = frozenset({"text", "quote", "sentence", "evidence", "title", "example"})


def _release_freed_arrow_memory() -> None:
    """Arrow buffers (the cached tables read back) from the system allocator, which returns
    freed memory, instead of mimalloc, which keeps it: on 25,000 articles notebook 02's peak
    falls from 0.98 to 0.79 GB, and no slower (benchmarks/report.py measures the kernels).
    A user's ``ARROW_DEFAULT_MEMORY_POOL`` wins."""
    if "ARROW_DEFAULT_MEMORY_POOL" in os.environ:
        return
    import pyarrow as pa

    pa.set_memory_pool(pa.system_memory_pool())


def _init_itables() -> None:
    import itables

    itables.init_notebook_mode(all_interactive=False, connected=False)
    _TABLES["itables_ready"] = True


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

    Under ``korea-analysis report`` the runner has already loaded, chosen and annotated the
    corpus and says so in ``$KOREA_ANALYSIS_SELECTION`` (:mod:`korea_analysis.selection`):
    when that selection was made with these same arguments and every article is in the
    cache, it is read back instead (no article text is loaded into the kernel).
    """
    from korea_analysis.annotate import annotate
    from korea_analysis.selection import load_and_select, read_selection
    from korea_analysis.sentiment import DEFAULT_BACKEND

    backend = backend or DEFAULT_BACKEND
    chosen = read_selection(dict(corpus=corpus, actors=actors, metadata=metadata,
                                 columns=columns, date_from=date_from, date_to=date_to,
                                 keep_duplicates=keep_duplicates, backend=backend))
    if chosen is not None:
        ann = from_cache(chosen["keys"], actors, backend)
        if ann is not None:
            show_notes(chosen["info"])
            ann.extra["corpus_info"] = chosen["info"]
            ann.extra["undated_dropped"] = chosen["info"]["undated_dropped"]
            return ann
    # the loader's notes (texts without metadata, rows naming no text) read as plain lines in
    # a report, not as a red traceback-styled warning box; they are kept in corpus_info
    articles, info = load_and_select(corpus, metadata=metadata, columns=columns,
                                     date_from=date_from, date_to=date_to,
                                     keep_duplicates=keep_duplicates)
    show_notes(info)
    ann = annotate(articles, actors or None, backend=backend, workers=workers)
    ann.extra["corpus_info"] = info
    ann.extra["undated_dropped"] = info["undated_dropped"]
    return ann


def from_cache(keys: list[str], actors: str = "", backend: str | None = None
               ) -> Annotations | None:
    """The annotations of the articles with these cache keys (:func:`annotate`'s result for
    them, to the row), read from the cache; None unless every one of them is cached.

    The same path as :func:`annotate` with a cache (:func:`korea_analysis.annotate.from_store`):
    every table is read or derived on first use, so a notebook that shows only dyads and
    alignment never reads the mentions.
    """
    from korea_analysis.actors import load_actors
    from korea_analysis.annotate import Context, from_store
    from korea_analysis.cache import open_cache
    from korea_analysis.events import load_cues
    from korea_analysis.sentiment import DEFAULT_BACKEND

    ctx = Context(load_actors(actors or None), load_cues(None), backend or DEFAULT_BACKEND)
    store = open_cache(None, ctx)
    index = store.index()
    if not all(k in index for k in keys):
        return None
    return from_store(store, keys, ctx)


# --- reading only what a view needs --------------------------------------------------------

def _cached_source(ann: Annotations, name: str):
    """(store, keys) when table ``name`` is still unread in the annotation cache, else None.

    :class:`Annotations` reads a cached table on first use through its loader, a
    :class:`korea_analysis.annotate.StoredTable`; a view that needs a few columns (or the rows
    of a few articles) reads those from the same store instead of loading the whole table.
    """
    from korea_analysis.annotate import StoredTable

    loader = ann.__dict__.get("_loaders", {}).get(name)
    if isinstance(loader, StoredTable) and loader.name == name:
        return loader.store, loader.keys
    return None


def _keys_of(ann: Annotations, keys: list[str], articles) -> list[str]:
    """The cache keys of ``articles`` (ids): only their parts need reading. The articles
    table is read in the order of ``keys``, one row each, so row i is key i."""
    ids = ann.articles["article_id"]
    if len(ids) != len(keys):
        return keys
    wanted = ids.isin(set(articles)).to_numpy()
    return [k for k, w in zip(keys, wanted, strict=True) if w]


def table(ann: Annotations, name: str, columns: list[str] | None = None, *,
          articles=None) -> pd.DataFrame:
    """``columns`` of the per-article table ``name`` (rows of ``articles`` ids only, if given).

    The same rows and values as ``getattr(ann, name)[columns]``, but when the table has not
    been loaded yet only those columns (and rows) are read from the parquet cache: at 100,000
    articles the sentences' text alone is gigabytes as Python strings, and most views need
    none of it. Columns read for every article are kept for the next view that asks for the
    same ones (a shallow copy is returned: adding a column does not change the kept one).
    """
    from korea_analysis.schema import ARTICLE_TABLES, to_arrow, to_frame

    if name not in ann.__dict__:
        src = _cached_source(ann, name)
        if src is not None:
            store, keys = src
            memo = ann.__dict__.setdefault("_views_columns", {})
            key = (name, tuple(columns) if columns is not None else None)
            if articles is None and key in memo:
                return memo[key].copy(deep=False)
            if articles is not None:
                articles = set(articles)
                keys = _keys_of(ann, keys, articles)
            t = store.read(name, keys, columns, articles=articles)
            if t is None:
                t = to_arrow(name, []).select(columns or ARTICLE_TABLES[name])
            df = to_frame(name, t)
            if articles is None and columns is not None:
                memo[key] = df
                return df.copy(deep=False)
            return df
    df = getattr(ann, name)
    if articles is not None:
        df = df[df["article_id"].isin(set(articles))].reset_index(drop=True)
    return df[list(columns)] if columns is not None else df


def scan(ann: Annotations, name: str, columns: list[str]):
    """``columns`` of table ``name`` as DataFrames of a few thousand articles each (one
    cache part at a time; one frame when the table is in memory): for counts over every
    row, e.g. the words of every sentence, without holding every sentence."""
    from korea_analysis.cache import KEY
    from korea_analysis.schema import to_frame

    src = None if name in ann.__dict__ else _cached_source(ann, name)
    if src is None:
        yield getattr(ann, name)[list(columns)]
        return
    store, keys = src
    for t in store.scan(name, keys, list(columns)):
        yield to_frame(name, t.drop_columns([KEY]) if KEY in t.column_names else t)


def sentence_text(ann: Annotations, rows: pd.DataFrame) -> pd.DataFrame:
    """``article_id``, ``sentence_id``, ``text`` of the sentences named by ``rows`` (any frame
    with those two columns), in corpus order: for merging the text of a few evidence rows
    without loading every sentence of the corpus (read part by part, filtered in Arrow)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from korea_analysis.cache import KEY
    from korea_analysis.schema import to_frame

    cols = ["article_id", "sentence_id", "text"]
    named = rows[["article_id", "sentence_id"]].dropna()
    src = None if "sentences" in ann.__dict__ else _cached_source(ann, "sentences")
    if src is None:
        s = ann.sentences[cols]
        pairs = set(zip(named["article_id"], named["sentence_id"].astype("int64"), strict=True))
        keep = [(a, i) in pairs for a, i in zip(s["article_id"], s["sentence_id"], strict=True)]
        return s[keep].reset_index(drop=True)
    store, keys = src
    ids = set(named["article_id"])
    keys = _keys_of(ann, keys, ids)
    wanted = pa.array(pd.unique(named["article_id"].astype(str) + "\0"
                                + named["sentence_id"].astype("int64").astype(str)))
    pieces = []
    for t in store.scan("sentences", keys, cols, articles=ids):
        key = pc.binary_join_element_wise(t.column("article_id"),
                                          pc.cast(t.column("sentence_id"), pa.string()), "\0")
        t = t.filter(pc.is_in(key, value_set=wanted))
        pieces.append(t.drop_columns([KEY]) if KEY in t.column_names else t)
    if not pieces:
        return pd.DataFrame({"article_id": pd.Series(dtype=object),
                             "sentence_id": pd.Series(dtype="int64"),
                             "text": pd.Series(dtype=object)})
    return to_frame("sentences", pa.concat_tables(pieces).select(cols))


def pair_labels(first, second, sep: str, *, ordered: bool = False) -> np.ndarray:
    """``"A<sep>B"`` for each pair of codes, the smaller code first unless ``ordered`` (the
    labels of ``sep.join(sorted((a, b)))``, made column-wise: a corpus has millions of
    events)."""
    a = np.asarray(first, dtype=object)
    b = np.asarray(second, dtype=object)
    if not ordered and len(a):
        swap = (b < a).astype(bool)
        a, b = np.where(swap, b, a), np.where(swap, a, b)
    return (a + sep + b) if len(a) else np.array([], dtype=object)


# --- the corpus a chart was drawn from ------------------------------------------------------

def corpus_name(ann: Annotations) -> str:
    """What the corpus is called in text: its folder or file name, or "the bundled sample".

    Read from ``ann.extra["corpus_info"]`` (the runner's selection info); a corpus loaded some
    other way is described by its numbers only, never called the bundled corpus.
    """
    info = ann.extra.get("corpus_info") or {}
    if info.get("bundled"):
        return "the bundled sample corpus"
    meta = str(info.get("metadata") or "")
    path = str(info.get("path") or "")
    folders = " + ".join(_short_path(p) for p in path.split(os.pathsep) if p)
    if meta and os.pathsep not in meta:  # several: each folder's own, named by the folders
        return f"{folders} ({_short_path(meta)})" if folders else _short_path(meta)
    return folders


def _short_path(path: str) -> str:
    """A path as a reader recognises it: its last two parts ("polnear/metadata.tsv")."""
    p = Path(path)
    return f"{p.parent.name}/{p.name}" if p.parent.name else p.name


def source_line(ann: Annotations) -> str:
    """The chart footer: the corpus actually used, its size, outlets and dates, our version."""
    info = ann.extra.get("corpus_info") or {}
    a = ann.articles
    n = info.get("n_articles", len(a))
    n_out = info.get("n_outlets")
    if n_out is None:
        n_out = a["source"].dropna().nunique() if "source" in a else 0
    first, last = info.get("first"), info.get("last")
    if first is None and "published" in a:
        dates = a["published"].dropna()
        first = f"{dates.min():%Y-%m}" if len(dates) else ""
        last = f"{dates.max():%Y-%m}" if len(dates) else ""
    parts = [p for p in (corpus_name(ann), f"{n:,} articles",
                         f"{n_out} outlet{'s' if n_out != 1 else ''}" if n_out else "",
                         (f"{first} to {last}" if first != last else first) if first else
                         "undated") if p]
    return ", ".join(parts) + f" · korea-analysis {__version__}"


def corpus_description(ann: Annotations) -> str:
    """The corpus in a few sentences, generated from it: where from, how many, what was left out.

    Plain text (numbers, file names and outlet names; the caller shows it escaped).
    """
    info = ann.extra.get("corpus_info") or {}
    a = ann.articles
    n = len(a)
    where = corpus_name(ann)
    if info.get("path") and not info.get("bundled"):
        full = " and ".join(str(info["path"]).split(os.pathsep))
        meta = str(info.get("metadata") or "")
        if meta and os.pathsep not in meta and meta != info["path"]:
            # the paths once, in words ("… (polnear/metadata.tsv) (/work/…)" read as a typo)
            where = f"the texts in {full}, with the metadata in {meta}"
        else:
            where = f"{where} ({full})" if where else full
    out = [f"{'This report reads ' + where if where else 'This corpus has'}: "
           f"{n:,} article{'s' if n != 1 else ''}, {int(a['n_words'].sum()):,} words."]
    outlets = info.get("outlets")
    if outlets is None:
        vc = a["source"].dropna().astype(str).value_counts()
        outlets = list(vc.items())
    outlets = list(outlets)
    n_unknown = int(a["source"].isna().sum())
    if outlets:
        shown = ", ".join(f"{o} ({k:,})" for o, k in outlets[:8])
        more = f" and {len(outlets) - 8} more" if len(outlets) > 8 else ""
        out.append(f"{len(outlets)} outlet{'s' if len(outlets) != 1 else ''}: {shown}{more}"
                   + (f"; {n_unknown:,} article(s) with no outlet." if n_unknown else "."))
    else:
        out.append("No article names its outlet.")
    dates = a["published"].dropna()
    if len(dates):
        first = info.get("first") or f"{dates.min():%Y-%m-%d}"
        last = info.get("last") or f"{dates.max():%Y-%m-%d}"
        undated = n - len(dates)
        out.append(f"Published {first} to {last}"
                   + (f"; {undated:,} article(s) undated." if undated else "."))
    else:
        out.append("No article has a publication date, so nothing is shown over time.")
    left = []
    if info.get("undated_dropped"):
        left.append(f"{info['undated_dropped']:,} undated (a date range was asked for)")
    if info.get("out_of_range"):
        rng = f"{info.get('date_from') or 'the start'} to {info.get('date_to') or 'the end'}"
        left.append(f"{info['out_of_range']:,} published outside {rng}")
    if info.get("duplicates_dropped"):
        left.append(f"{info['duplicates_dropped']:,} later copies of a syndicated story "
                    "(each story counts once; keep_duplicates keeps every copy)")
    skipped = info.get("skipped_files") or []
    if skipped:
        left.append(f"{len(skipped):,} file(s) that could not be read")
    if left:
        loaded = info.get("n_loaded")
        out.append((f"Of {loaded:,} articles loaded, left out: " if loaded else "Left out: ")
                   + "; ".join(left) + ".")
    elif info:
        out.append("Nothing was left out.")
    if info.get("keep_duplicates") and len(info.get("duplicates", ())):
        out.append(f"{len(info['duplicates']):,} syndicated copies are kept (keep_duplicates).")
    return " ".join(out)


# --- numbers as a reader reads them ---------------------------------------------------------

def fmt_percent(value, digits: int = 0):
    """A share (0.1755) as "18%"; a blank (NaN/None) as ""; Series and lists element-wise."""
    if isinstance(value, pd.Series):
        return value.map(lambda v: fmt_percent(v, digits))
    if isinstance(value, (list, tuple, np.ndarray)):
        return [fmt_percent(v, digits) for v in value]
    if value is None or (isinstance(value, float) and math.isnan(value)) or pd.isna(value):
        return ""
    v = float(value)
    if 0 < abs(v) < 0.5 * 10 ** -(digits + 2):  # a real share that would print as 0.0%
        return f"{'-' if v < 0 else ''}<{10 ** -digits:g}%"  # (5 of 13,005 quotes: "<0.1%")
    return f"{v:.{digits}%}"


def _fmt_number(v) -> str:
    if v is None or pd.isna(v):
        return ""
    v = float(v)
    return f"{v:.3f}" if abs(v) < 100 else f"{v:.0f}"


def _is_share(name) -> bool:
    n = str(name).lower()
    return "share" in n or n.endswith(("_pct", " %", "percent"))


def readable(df: pd.DataFrame, percent: list[str] | None = None) -> pd.DataFrame:
    """The table as shown: shares as %, floats to 3 decimals, dates as dates, blanks blank.

    Columns named ``*share*`` (or listed in ``percent``) are shares; integer columns stay
    numbers. Text keeps its words, with line breaks as spaces (escaping is the display's job).
    """
    out = df.copy()
    pct = set(percent or []) | {c for c in out.columns if _is_share(c)}
    for col in out.columns:
        s = out[col]
        if col in pct and (pd.api.types.is_numeric_dtype(s) or s.dtype == object):
            out[col] = fmt_percent(pd.to_numeric(s, errors="coerce"), 1)
        elif pd.api.types.is_bool_dtype(s):
            out[col] = s.map({True: "yes", False: "no"}).astype(object).where(s.notna(), "")
        elif pd.api.types.is_integer_dtype(s):
            out[col] = s.astype(object).where(s.notna(), "")
        elif pd.api.types.is_float_dtype(s):
            whole = s.dropna()
            if len(whole) and (whole == whole.round()).all():  # counts stored as floats
                out[col] = s.map(lambda v: "" if pd.isna(v) else f"{int(v)}")
            else:
                out[col] = s.map(_fmt_number)
        elif pd.api.types.is_datetime64_any_dtype(s):
            out[col] = s.dt.strftime("%Y-%m-%d").where(s.notna(), "")
        else:
            out[col] = s.astype(object).where(s.notna(), "")
            out[col] = out[col].map(lambda v: "" if isinstance(v, float) and math.isnan(v)
                                    else _one_line(v) if isinstance(v, str)
                                    else v if isinstance(v, int) else _one_line(str(v)))
    return out


_LINE_BREAK = re.compile(r"[ \t]*[\r\n\v\f\u2028\u2029]+[ \t]*")


def _one_line(text: str) -> str:
    """Line breaks (with the blanks around them) as one space: a sentence that runs over a
    line of its article reads as one line in a table cell, where HTML tables would show a
    literal "\\n" (the full CSV keeps the text as it is)."""
    return _LINE_BREAK.sub(" ", text)


# --- tables: top rows in the page, the whole table as CSV beside it ------------------------

def _notebook_figures_dir() -> str | None:
    """The running notebook's ``figures_dir`` parameter, if there is one."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipykernel
        return None
    shell = get_ipython()
    value = shell.user_ns.get("figures_dir") if shell is not None else None
    return value if isinstance(value, str) and value else None


def tables_dir(out_dir: str | os.PathLike | None = None) -> Path:
    """Where full tables go, the charts' folder: ``out_dir``, else the folder given to
    :func:`setup_notebook`, else the notebook's ``figures_dir`` parameter, else
    ``$KOREA_ANALYSIS_FIGURES``, else ``figures/``."""
    return Path(out_dir or _TABLES["dir"] or _notebook_figures_dir()
                or os.environ.get("KOREA_ANALYSIS_FIGURES") or "figures")


def show_text(text: str) -> None:
    """A paragraph of generated text (it may hold outlet names or paths: shown escaped)."""
    from IPython.display import HTML, display

    display(HTML(f"<p>{html.escape(text)}</p>"))


class _Notes:
    """The loader's notes: short sentences with a link to the full list in a notebook (HTML),
    the notes themselves as plain lines elsewhere (``print``, a terminal)."""

    def __init__(self, plain: str, html_text: str):
        self.plain, self.html_text = plain, html_text

    def __repr__(self) -> str:
        return self.plain

    def _repr_html_(self) -> str:
        return self.html_text


def show_notes(info: dict) -> None:
    """What the loader left out or kept without metadata, as a reader can take it in: the
    count and where the full list is (a CSV beside the report, as :func:`show_table` writes
    them), not a wall of file names. ``info``: :func:`korea_analysis.selection.select`'s,
    with the loader's ``notes``; outside a notebook the notes print as plain lines."""
    from IPython.display import display

    notes = list(info.get("notes") or [])
    if not notes:
        return
    meta = html.escape(_short_path(str(info.get("metadata") or "the metadata")))
    lists = (  # (names, CSV, column, the sentence before the link)
        (info.get("metadata_unmatched_files"), "left_out_metadata_rows", "file",
         "{n:,} row{s} of <code>{meta}</code> name{v} no text in the corpus folder(s), so "
         "{they} not in this corpus"),
        (info.get("unlisted_files"), "texts_without_metadata", "file",
         "{n:,} text{s} in the corpus folder(s) {are} not listed in <code>{meta}</code>: "
         "kept, with no title, outlet or date"),
        (info.get("skipped_files"), "skipped_files", "file",
         "{n:,} file{s} in the corpus folder(s) {are} skipped"),
    )
    # the loader's notes the sentences above stand for (corpus.load_corpus's wording)
    covered = ("row(s) name no text", "not in the metadata", ": skipped ")
    said = []
    for names, name, column, sentence in lists:
        if not names:
            continue
        path = tables_dir() / f"{name}.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        pd.DataFrame({column: list(names)}).to_csv(path, index=False)
        one = len(names) == 1
        text = sentence.format(n=len(names), s="" if one else "s", v="s" if one else "",
                               they="it is" if one else "they are",
                               are="is" if one else "are", meta=meta)
        said.append(f"Note: {text}; the list: <a href=\"{html.escape(_link_to(path), True)}\">"
                    f"{html.escape(path.name)}</a> (CSV).")
    if not said:  # a selection made before the names were kept: the notes as they are
        covered = ()
    said += [f"Note: {html.escape(note)}" for note in notes
             if not any(c in note for c in covered)]
    display(_Notes("\n".join(f"Note: {note}" for note in notes),
                   "".join(f"<p>{line}</p>" for line in said)))


def _link_to(path: Path) -> str:
    """The CSV's address from the page: relative to the working folder when the folder was
    given relatively (JupyterLab), else ``<folder name>/<file>`` — the runner writes the HTML
    into the run folder and the tables into ``<run>/figures``, beside it."""
    folder = path.parent
    if not folder.is_absolute():
        return path.as_posix()
    return f"{folder.name}/{path.name}"


def show_table(df: pd.DataFrame, name: str, *, top: int = 20, interactive: bool = True,
               percent: list[str] | None = None, index: bool = False,
               out_dir: str | os.PathLike | None = None, caption: str = "") -> None:
    """Show the first ``top`` rows (sortable, filterable, searchable) and link the full CSV.

    The full table is written as ``<figures_dir>/<name>.csv`` (exact values, every row) and
    linked under the table. The rows shown are :func:`readable` (shares as %, blanks blank).
    Every cell and header is HTML-escaped: article text can hold ``<script>``. Interactive
    tables use itables' offline DataTables bundle (see :func:`setup_notebook`); with
    ``interactive=False`` a plain escaped HTML table is shown.
    """
    from IPython.display import HTML, display

    if not name or any(c in name for c in "/\\\0") or name.startswith("."):
        raise ValueError(f"show_table: {name!r} is not a usable file name")
    full = df.reset_index() if index else df
    path = tables_dir(out_dir) / f"{name}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    full.to_csv(path, index=False)
    shown = readable(full.head(top), percent)
    shown.columns = [str(c) for c in shown.columns]
    if interactive and len(shown):
        import itables

        if not _TABLES["itables_ready"]:
            _init_itables()
        page = 10 if len(shown) > 15 else len(shown)
        wide = [i for i, c in enumerate(shown.columns) if c in _TEXT_COLUMNS]
        paged = len(shown) > page
        # the search box always (itables drops it for one-page tables), paging when needed
        layout = {"topStart": "pageLength" if paged else None, "topEnd": "search",
                  "bottomStart": "info" if paged else None,
                  "bottomEnd": "paging" if paged else None}
        display(HTML(itables.to_html_datatable(
            shown, caption=html.escape(caption) if caption else None, connected=False,
            allow_html=False, showIndex=False, pageLength=page, layout=layout,
            lengthMenu=sorted({page, 10, 25, 50, 100} & set(range(1, len(shown) + 1))
                              | {page}),
            classes="display compact", maxBytes=0, column_filters="footer"
            if len(shown) > 15 else False,
            # wide tables scroll sideways instead of hiding columns past the page edge, and
            # sentences get room to read instead of a narrow, very tall column
            scrollX=True, autoWidth=False,
            **({"columnDefs": [{"targets": wide, "width": "32em"}]} if wide else {}))))
    else:
        if caption:
            display(HTML(f"<p><em>{html.escape(caption)}</em></p>"))
        display(HTML(shown.to_html(index=False, escape=True, na_rep="", border=0)))
    n = len(full)
    what = (f"All {n:,} rows" if n <= top else f"The first {min(top, n):,} of {n:,} rows")
    display(HTML(f'<p style="font-size:90%">{what} shown; the full table: '
                 f'<a href="{html.escape(_link_to(path), quote=True)}">'
                 f'{html.escape(path.name)}</a> (CSV).</p>'))


# --- how much evidence is enough, and when a title may say "most" --------------------------

def min_evidence(n_articles: int, floor: int = 3) -> int:
    """The fewest mentions, quotes or events an actor, pair or cell needs to be reported.

    Rule: ``max(floor, ceil(sqrt(n_articles) / 2))`` — 3 up to 36 articles, 16 at 924,
    50 at 10,000, 159 at 100,000. The square root because the uncertainty of a mean falls as
    1/sqrt(n): as the corpus grows the bar rises, so the charts keep to the actors a corpus
    of that size says something about, without ever hiding one that is widely covered
    (an actor in 1% of 10,000 articles has twice the 50 needed). The ``floor`` (3) keeps a
    single article from making a finding in a small corpus.
    """
    n = max(int(n_articles), 0)
    return max(int(floor), math.ceil(math.sqrt(n) / 2))


def separated(table: pd.DataFrame, value: str, low: str, high: str,
              label: str) -> tuple[str | None, str | None]:
    """(highest, lowest) labels, each only when its interval clears every other interval.

    A row whose interval is missing cannot stand out; the other rows' missing bounds are
    taken as their point value.
    """
    t = table.dropna(subset=[value])
    if len(t) < 2:
        return None, None
    lo = t[low].fillna(t[value])
    hi = t[high].fillna(t[value])
    top_i, bot_i = t[value].idxmax(), t[value].idxmin()
    top = bot = None
    if pd.notna(t.at[top_i, low]) and t.at[top_i, low] > hi.drop(top_i).max():
        top = t.at[top_i, label]
    if pd.notna(t.at[bot_i, high]) and t.at[bot_i, high] < lo.drop(bot_i).min():
        bot = t.at[bot_i, label]
    return top, bot


def stands_out(table: pd.DataFrame, value: str = "polarity", low: str | None = None,
               high: str | None = None, *, label: str = "name",
               verb: str = "is portrayed", most: str = "most positively",
               least: str = "least positively", fmt: str = "{:+.2f}",
               nobody: str = "No actor stands out: the 95% intervals overlap") -> str:
    """A title that claims "most"/"least" only when the intervals separate.

    ``low``/``high`` default to ``<value>_low``/``<value>_high``. The top row is "most" when
    its lower bound is above every other row's upper bound; the bottom row likewise.
    Otherwise: ``nobody``.
    """
    low = low or f"{value}_low"
    high = high or f"{value}_high"
    if table.empty:
        return "Too little evidence for any actor"
    top, bot = separated(table, value, low, high, label)
    t = table.set_index(label)
    if top is not None and bot is not None:
        return (f"{top} {verb} {most} ({fmt.format(t.at[top, value])}), "
                f"{bot} {least} ({fmt.format(t.at[bot, value])})")
    other_end = "no actor stands out at the other end"
    if top is not None:
        return f"{top} {verb} {most} ({fmt.format(t.at[top, value])}); {other_end}"
    if bot is not None:
        return f"{bot} {verb} {least} ({fmt.format(t.at[bot, value])}); {other_end}"
    return nobody


def _bloc_legend(ax, blocs) -> None:
    from matplotlib.lines import Line2D

    seen = [b for b in dict.fromkeys(blocs) if isinstance(b, str)]
    if seen:
        ax.legend([Line2D([], [], marker="o", ls="", color=charts.bloc_colour(b)) for b in seen],
                  seen, fontsize=8, loc="best", title="bloc (colour only)")
