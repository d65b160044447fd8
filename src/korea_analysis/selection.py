"""Which loaded articles the analyses use, and a record of everything left out.

Reports describe the corpus they actually used: where it came from, how many articles were
loaded, and how many were left out for having no date (when a date range is given), for being
outside the range, or for being a later copy of a syndicated story (counted once by default).
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pandas as pd

from korea_analysis.corpus import DEFAULT_CORPUS, CorpusError
from korea_analysis.duplicates import find_duplicates


def duplicates_of(articles: pd.DataFrame, cache: bool = True) -> pd.DataFrame:
    """:func:`find_duplicates`, kept in the annotation cache folder (parquet) under a hash of
    the texts and of the detector's code: the runner finds them once, and each notebook
    reads them back instead of hashing 100,000 articles again."""
    if not cache or len(articles) < 2:
        return find_duplicates(articles)
    from korea_analysis import duplicates
    from korea_analysis.cache import default_cache_dir

    h = hashlib.sha256(Path(duplicates.__file__).read_bytes())
    for aid, text in zip(articles["article_id"].tolist(), articles["text"].tolist(),
                         strict=True):
        h.update(str(aid).encode() + b"\0" + text.encode() + b"\0")
    path = default_cache_dir() / "duplicates" / f"{h.hexdigest()[:24]}.parquet"
    if path.is_file():
        try:
            return pd.read_parquet(path)
        except Exception:  # a damaged file: found again and rewritten
            pass
    found = find_duplicates(articles)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        found.to_parquet(tmp, index=False)
        os.replace(tmp, path)
    except OSError:  # a read-only cache: the result is still right, only not kept
        pass
    return found


def select(articles: pd.DataFrame, *, date_from: str = "", date_to: str = "",
           keep_duplicates: bool = False, cache: bool = True) -> tuple[pd.DataFrame, dict]:
    """Keep the articles the analyses use; return them and ``info`` saying what was left out.

    With a date range, undated articles are left out (``undated_dropped``) as are those
    outside it (``out_of_range``). Later copies of a syndicated story are left out
    (``duplicates_dropped``) unless ``keep_duplicates``; ``duplicates`` lists every copy found
    either way. ``info`` also holds the corpus path, whether it is the bundled corpus, the
    metadata file, the dates, outlets (most articles first) and files skipped at loading.
    ``cache``: keep the duplicates found in the annotation cache folder (see
    :func:`duplicates_of`).
    """
    n_loaded = len(articles)
    pub = articles["published"]
    keep = pd.Series(True, index=articles.index)
    undated = out_of_range = 0
    if date_from or date_to:
        keep = pub.notna()
        undated = int((~keep).sum())
        lo = _date(date_from, "date_from")
        hi = _date(date_to, "date_to")
        in_range = keep.copy()
        if lo is not None:
            in_range &= pub >= lo
        if hi is not None:
            in_range &= pub <= hi
        out_of_range = int((keep & ~in_range).sum())
        keep = in_range
    chosen = articles[keep]
    if chosen.empty:
        raise ValueError(f"no article published between {date_from or 'the start'} and "
                         f"{date_to or 'the end'}")
    dups = duplicates_of(chosen.reset_index(drop=True), cache=cache)
    dropped = 0
    if not keep_duplicates and len(dups):
        later = chosen["article_id"].isin(set(dups["article_id"]))
        dropped = int(later.sum())
        chosen = chosen[~later]
    chosen = chosen.reset_index(drop=True)
    chosen.attrs = dict(articles.attrs)

    dated = chosen.dropna(subset=["published"]).sort_values("published", kind="stable")
    first = dated.iloc[0] if len(dated) else None
    last = dated.iloc[-1] if len(dated) else None
    outlets = chosen["source"].dropna().astype(str).str.strip()
    outlets = outlets[outlets != ""].value_counts()
    corpus_path = articles.attrs.get("corpus", "")
    info = {
        "path": corpus_path,
        "bundled": bool(corpus_path) and corpus_path == str(DEFAULT_CORPUS.resolve()),
        "metadata": articles.attrs.get("metadata", ""),
        "n_loaded": n_loaded,
        "n_articles": len(chosen),
        "undated_dropped": undated,
        "out_of_range": out_of_range,
        "duplicates_dropped": dropped,
        "keep_duplicates": bool(keep_duplicates),
        "date_from": date_from,
        "date_to": date_to,
        "first": _format(first),
        "last": _format(last),
        "n_dated": len(dated),
        "n_outlets": len(outlets),
        "outlets": [(str(k), int(v)) for k, v in outlets.items()],
        "skipped_files": list(articles.attrs.get("skipped", [])),
        # metadata rows naming no text in the corpus folders; texts the metadata does not list
        "metadata_unmatched": len(articles.attrs.get("metadata_unmatched", [])),
        "unlisted_texts": len(articles.attrs.get("unlisted", [])),
        # their names, for the list a report writes beside itself (views.show_notes)
        "metadata_unmatched_files": list(articles.attrs.get("metadata_unmatched", [])),
        "unlisted_files": list(articles.attrs.get("unlisted", [])),
        "duplicates": dups.reset_index(drop=True),
    }
    return chosen, info


def load_and_select(corpus=None, *, metadata: str = "", columns: str = "",
                    date_from: str = "", date_to: str = "", keep_duplicates: bool = False,
                    log=None) -> tuple[pd.DataFrame, dict]:
    """:func:`korea_analysis.corpus.load_corpus` then :func:`select`: the articles the
    analyses use and ``info``, as both the runner and :func:`korea_analysis.views.load` make
    them (one path, so the notebooks find every article the runner annotated).

    Empty strings mean the defaults. The loader's notes (texts without metadata, rows naming
    no text: :class:`~korea_analysis.corpus.CorpusWarning`) are not raised but kept, in order,
    in ``info["notes"]`` for the caller to show; other warnings pass through. ``log``: called
    with a line after loading and after selecting (their counts and seconds).
    """
    import time
    import warnings

    from korea_analysis.corpus import CorpusWarning, load_corpus

    t0 = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CorpusWarning)
        articles = load_corpus(corpus or None, metadata=metadata or None,
                               columns=columns or None)
    notes = []
    for w in caught:
        if issubclass(w.category, CorpusWarning):
            notes.append(str(w.message))
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    if log is not None:
        log(f"loaded {len(articles)} article(s) in {time.perf_counter() - t0:.1f}s")
    t0 = time.perf_counter()
    articles, info = select(articles, date_from=date_from or "", date_to=date_to or "",
                            keep_duplicates=bool(keep_duplicates))
    info["notes"] = notes
    if log is not None:
        log(f"selected {len(articles)} article(s) in {time.perf_counter() - t0:.1f}s "
            f"({len(info['duplicates'])} syndicated copies found, "
            f"{info['duplicates_dropped']} left out)")
    return articles, info


def _date(value: str, name: str):
    if not value:
        return None
    try:
        return pd.Timestamp(value)
    except (ValueError, TypeError):
        raise CorpusError(f"{name}: cannot parse date {value!r}; use ISO format like "
                          "2023-07-27") from None


def _format(row) -> str:
    """A date shown no more precisely than it is known ("2021-12" for December 2021)."""
    if row is None:
        return ""
    fmt = {"year": "%Y", "month": "%Y-%m"}.get(row.date_precision, "%Y-%m-%d")
    return row.published.strftime(fmt)


# --- the runner's selection, read back by every notebook -------------------------------------

#: Set by ``korea-analysis report`` for its kernels: the selection file of this run.
SELECTION_ENV = "KOREA_ANALYSIS_SELECTION"


def _arguments(args: dict) -> dict:
    """:func:`korea_analysis.views.load`'s arguments as compared: blanks as "", flags as bool."""
    out = {k: "" if args.get(k) in (None, "") else str(args[k])
           for k in ("corpus", "actors", "metadata", "columns", "date_from", "date_to",
                     "backend")}
    out["keep_duplicates"] = bool(args.get("keep_duplicates"))
    return out


def write_selection(path: str | os.PathLike, args: dict, keys: list[str], info: dict) -> Path:
    """Keep what the runner chose — the cache keys of the articles used, in corpus order, and
    the selection ``info`` (duplicates beside it as parquet) — for the notebooks of the run,
    so that each kernel reads it back instead of loading every article's text again.
    ``args``: :func:`korea_analysis.views.load`'s arguments it was chosen with."""
    import json

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    dups = info.get("duplicates")
    dup_path = path.with_suffix(".duplicates.parquet")
    if dups is not None:
        pd.DataFrame(dups).to_parquet(dup_path, index=False)
    plain = {k: v for k, v in info.items() if k != "duplicates"}
    payload = {"arguments": _arguments(args), "keys": list(keys), "info": plain,
               "duplicates": dup_path.name if dups is not None else ""}
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_text(json.dumps(payload), encoding="utf-8")
    os.replace(tmp, path)
    return path


def read_selection(args: dict, path: str | os.PathLike | None = None) -> dict | None:
    """The runner's selection (``keys``, ``info``) if it was made with these arguments, else
    None (no runner, another corpus or options, an unreadable file: load as usual).
    ``path``: default ``$KOREA_ANALYSIS_SELECTION``."""
    import json

    path = path or os.environ.get(SELECTION_ENV)
    if not path:
        return None
    path = Path(path)
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if payload.get("arguments") != _arguments(args):
        return None
    info = dict(payload["info"])
    info["outlets"] = [tuple(o) for o in info.get("outlets", [])]
    if payload.get("duplicates"):
        try:
            info["duplicates"] = pd.read_parquet(path.with_name(payload["duplicates"]))
        except Exception:  # a damaged or missing file: load as usual
            return None
    return {"keys": payload["keys"], "info": info}
