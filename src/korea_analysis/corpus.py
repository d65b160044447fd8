"""Load a corpus of news articles into one table, or fail loudly naming the file and line.

Accepted inputs: a directory of ``.txt`` files (with an optional metadata CSV), a single
``.txt``, or a ``.csv`` / ``.jsonl`` / ``.parquet`` file holding one article per row.
Every problem raises :class:`CorpusError`; anything left out is reported, never dropped
silently.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

#: Repository data folder; ``KOREA_ANALYSIS_DATA`` points elsewhere (e.g. a non-editable install).
DATA_DIR = Path(os.environ.get("KOREA_ANALYSIS_DATA", Path(__file__).resolve().parents[2] / "data"))
#: The bundled corpus: the default of every command and notebook.
DEFAULT_CORPUS = DATA_DIR / "articles"

COLUMNS = ["article_id", "title", "source", "published", "date_precision", "text", "path"]
TABULAR = {".csv", ".jsonl", ".parquet"}


class CorpusError(ValueError):
    """Bad input; the message names the file (and line or row) and what is wrong."""


class CorpusWarning(UserWarning):
    """Something in the input was left out; the message names it."""


def load_corpus(
    path: str | os.PathLike | None = None,
    *,
    metadata: str | os.PathLike | None = None,
    text_column: str = "text",
    id_column: str = "article_id",
    title_column: str = "title",
    source_column: str = "source",
    date_column: str = "published",
    encoding: str = "utf-8",
    errors: str = "strict",
) -> pd.DataFrame:
    """Read articles into a DataFrame, one row per article.

    Columns: ``article_id``, ``title``, ``source``, ``published`` (datetime, NaT when
    unknown), ``date_precision`` (day/month/year for partial ISO dates such as ``2021-12``),
    ``text`` (line endings normalised to ``\\n``; a UTF-8 BOM removed) and ``path``; extra
    metadata columns are kept. ``path`` defaults to the bundled corpus. For a directory the
    metadata CSV is ``metadata`` or, if present, ``DIR/articles.csv`` or ``DIR.csv`` beside
    it, with a ``file`` column naming each text file relative to the directory.
    ``encoding``/``errors`` are passed to ``bytes.decode`` (e.g. ``errors="replace"``).
    Files skipped (not ``.txt``) are listed in ``df.attrs["skipped"]`` and warned about.
    """
    p = Path(path) if path is not None else DEFAULT_CORPUS
    opts = dict(encoding=encoding, errors=errors)
    cols = dict(text=text_column, id=id_column, title=title_column, source=source_column,
                date=date_column)
    if not p.exists():
        raise CorpusError(f"{p}: corpus path does not exist")
    skipped: list[str] = []
    if p.is_dir():
        records = _from_directory(p, metadata, cols, opts, skipped)
    elif p.suffix.lower() == ".txt":
        records = [_txt_record(p, p.stem, opts)]
    elif p.suffix.lower() in TABULAR:
        records = _from_table(p, cols, opts)
    else:
        raise CorpusError(
            f"{p}: unsupported corpus file type {p.suffix or '(none)'!r}; "
            "expected a directory of .txt files, .txt, .csv, .jsonl or .parquet"
        )
    if not records:
        raise CorpusError(f"{p}: no articles found")
    df = _finish(records)
    df.attrs["skipped"] = skipped
    df.attrs["corpus"] = str(p.resolve())
    for s in skipped:
        warnings.warn(f"{p}: skipped {s}", CorpusWarning, stacklevel=2)
    return df


# --- directories and text files -------------------------------------------------------------

def _read_text(path: Path, encoding: str, errors: str) -> str:
    data = path.read_bytes()
    enc = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        text = data.decode(enc, errors=errors)
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        col = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        raise CorpusError(
            f"{path}: line {line}, column {col}: bytes are not valid {encoding} "
            f"(0x{data[e.start]:02x} at byte {e.start}); give encoding= (e.g. 'cp1252') "
            "or errors='replace' to read it anyway"
        ) from None
    except LookupError:
        raise CorpusError(f"{path}: unknown encoding {encoding!r}") from None
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF so offsets do not depend on the platform that wrote the file."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _txt_record(path: Path, article_id: str, opts: Mapping, where: str | None = None) -> dict:
    text = _read_text(path, **opts)
    if not text.strip():
        raise CorpusError(f"{where or path}: the article is empty ({path.name})")
    return {"article_id": article_id, "text": text, "path": str(path)}


def _metadata_path(directory: Path, metadata) -> Path | None:
    if metadata is not None:
        m = Path(metadata)
        if not m.is_file():
            raise CorpusError(f"{m}: metadata file does not exist")
        return m
    for m in (directory / "articles.csv", directory.parent / f"{directory.name}.csv"):
        if m.is_file():
            return m
    return None


def _from_directory(directory: Path, metadata, cols, opts, skipped: list[str]) -> list[dict]:
    meta_path = _metadata_path(directory, metadata)
    txts = {}
    for f in sorted(directory.iterdir()):
        if f.name.startswith(".") or (meta_path and f.resolve() == meta_path.resolve()):
            continue
        if f.is_file() and f.suffix.lower() == ".txt":
            txts[f.name] = f
        else:
            skipped.append(f"{f.name} (not a .txt file)")
    if meta_path is None:
        return [_txt_record(f, f.stem, opts) for f in txts.values()]

    records, listed = [], set()
    for line, row in _csv_rows(meta_path, opts):
        name = (row.get("file") or "").strip()
        rid = (row.get(cols["id"]) or "").strip()
        if not name and not rid:
            raise CorpusError(f"{meta_path}: line {line}: row has neither 'file' nor "
                              f"'{cols['id']}'")
        name = name or f"{rid}.txt"
        f = directory / name
        if not f.is_file():
            raise CorpusError(f"{meta_path}: line {line}: file {name!r} does not exist in "
                              f"{directory}")
        listed.add(f.name)
        rec = _txt_record(f, rid or f.stem, opts, where=f"{meta_path}: line {line}")
        rec.update(_metadata_fields(row, cols, exclude=("file",)))
        rec["_where"] = f"{meta_path}: line {line}"
        records.append(rec)
    for name, f in txts.items():
        if name not in listed:  # present but not in the metadata: kept, without metadata
            records.append(_txt_record(f, f.stem, opts))
    return records


def _metadata_fields(row: Mapping, cols, exclude: Iterable[str] = ()) -> dict:
    out = {}
    for k, v in row.items():
        if k is None or k in exclude or k == cols["text"] or k == cols["id"]:
            continue
        names = {cols["title"]: "title", cols["source"]: "source", cols["date"]: "published"}
        key = names.get(k, k)
        out[key] = None if v is None or (isinstance(v, str) and not v.strip()) else v
    return out


def _csv_rows(path: Path, opts: Mapping):
    """Yield (line number where the row starts, row dict) from a CSV file."""
    text = _read_text(path, **opts)
    reader = csv.DictReader(text.splitlines(keepends=True))
    if not reader.fieldnames:
        raise CorpusError(f"{path}: the CSV file is empty (no header row)")
    start = 2
    try:
        for row in reader:
            if None in row:
                raise CorpusError(f"{path}: line {start}: more fields than the header has")
            yield start, row
            start = reader.line_num + 1
    except csv.Error as e:
        raise CorpusError(f"{path}: line {reader.line_num}: {e}") from None


# --- one article a row --------------------------------------------------------------------------

def _from_table(path: Path, cols, opts) -> list[dict]:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = ((f"line {n}", r) for n, r in _csv_rows(path, opts))
    elif suffix == ".jsonl":
        rows = _jsonl_rows(path, opts)
    else:
        try:
            frame = pd.read_parquet(path)
        except Exception as e:  # pyarrow raises several types for a damaged file
            raise CorpusError(f"{path}: cannot read parquet: {e}") from None
        rows = ((f"row {i + 1}", r) for i, r in enumerate(frame.to_dict("records")))
    records = []
    for where, row in rows:
        if cols["text"] not in row:
            raise CorpusError(f"{path}: {where}: no text column {cols['text']!r} "
                              f"(columns: {', '.join(map(str, row))}); pass text_column=")
        text = row[cols["text"]]
        if not isinstance(text, str) or not text.strip():
            raise CorpusError(f"{path}: {where}: the article text is empty")
        rid = row.get(cols["id"])
        rid = str(rid).strip() if rid is not None and str(rid).strip() else None
        rec = {"article_id": rid or f"{path.stem}-{where.split()[-1]}",
               "text": normalise_newlines(text), "path": str(path)}
        rec.update(_metadata_fields(row, cols, exclude=("path",)))
        rec["_where"] = f"{path}: {where}"
        records.append(rec)
    return records


def _jsonl_rows(path: Path, opts):
    text = _read_text(path, **opts)
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise CorpusError(f"{path}: line {n}: not valid JSON ({e.msg})") from None
        if not isinstance(obj, dict):
            raise CorpusError(f"{path}: line {n}: expected a JSON object, got "
                              f"{type(obj).__name__}")
        yield f"line {n}", obj


# --- shared checks ------------------------------------------------------------------------------

_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2})?$")


def parse_date(value, where: str) -> tuple[pd.Timestamp, str | None]:
    """Parse an ISO date; ``2021-12`` and ``2021`` are allowed and keep their precision."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return pd.NaT, None
    if isinstance(value, dt.date):
        return pd.Timestamp(value), "day"
    s = str(value).strip()
    if not s:
        return pd.NaT, None
    if _PARTIAL_DATE.match(s):
        return pd.Timestamp(s + ("-01" if len(s) == 7 else "-01-01")), (
            "month" if len(s) == 7 else "year")
    try:
        ts = pd.Timestamp(s)
    except (ValueError, TypeError):
        ts = None
    if ts is None or pd.isna(ts):
        raise CorpusError(f"{where}: cannot parse date {s!r}; use ISO format like 2023-07-27, "
                          "2021-12 or 2021")
    if ts.tzinfo is not None:
        ts = ts.tz_convert("UTC").tz_localize(None)
    return ts, "day"


def _finish(records: list[dict]) -> pd.DataFrame:
    seen: dict[str, str] = {}
    for rec in records:
        where = rec.pop("_where", rec["path"])
        aid = rec["article_id"]
        if aid in seen:
            raise CorpusError(f"{where}: duplicate article_id {aid!r} (first at {seen[aid]})")
        seen[aid] = where
        rec["published"], rec["date_precision"] = parse_date(rec.get("published"), where)
    df = pd.DataFrame.from_records(records)
    for c in COLUMNS:
        if c not in df:
            df[c] = None
    df["published"] = pd.to_datetime(df["published"])
    extra = [c for c in df.columns if c not in COLUMNS]
    return df[COLUMNS + extra].reset_index(drop=True)
