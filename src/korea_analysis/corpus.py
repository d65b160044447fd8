"""Load a corpus of news articles into one table, or fail loudly naming the file and line.

Accepted inputs: a directory of ``.txt`` files (with an optional metadata CSV/TSV), several
such directories, a single ``.txt``, or a ``.csv`` / ``.tsv`` / ``.jsonl`` / ``.parquet``
file holding one article per row; or a metadata file alone, naming each article's text file.
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
TABULAR = {".csv", ".tsv", ".jsonl", ".parquet"}
#: Our column names a ``columns=`` mapping may point at the input's own names.
MAPPABLE = ("file", "article_id", "title", "source", "published", "text")
#: How many names a warning lists before it says "and N more".
LISTED = 10


class CorpusError(ValueError):
    """Bad input; the message names the file (and line or row) and what is wrong."""


class CorpusWarning(UserWarning):
    """Something in the input was left out; the message names it."""


def parse_columns(columns: str | Mapping[str, str] | None) -> dict[str, str]:
    """``"file=filename,source=publisher"`` (or a dict) → ``{"file": "filename", ...}``.

    Keys are our names (:data:`MAPPABLE`), values the input's own column names.
    """
    if not columns:
        return {}
    if isinstance(columns, str):
        pairs = {}
        for part in columns.split(","):
            if not part.strip():
                continue
            ours, eq, theirs = part.partition("=")
            if not eq or not ours.strip() or not theirs.strip():
                raise CorpusError(f"columns: {part.strip()!r} is not ours=theirs "
                                  "(e.g. file=filename,source=publisher)")
            pairs[ours.strip()] = theirs.strip()
        columns = pairs
    out = {}
    for ours, theirs in dict(columns).items():
        if ours == "id":
            ours = "article_id"
        if ours not in MAPPABLE:
            raise CorpusError(f"columns: unknown column {ours!r}; the names that can be mapped "
                              f"are {', '.join(MAPPABLE)}")
        out[ours] = str(theirs)
    return out


def split_paths(path) -> list[Path]:
    """One path, a list of paths, or paths joined by ``os.pathsep`` (``a:b`` on Unix)."""
    if isinstance(path, list | tuple):
        return [Path(p) for p in path]
    s = os.fspath(path)
    if os.pathsep in s and not Path(s).exists():
        return [Path(p) for p in s.split(os.pathsep) if p]
    return [Path(s)]


def load_corpus(
    path: str | os.PathLike | list | None = None,
    *,
    metadata: str | os.PathLike | None = None,
    columns: str | Mapping[str, str] | None = None,
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
    metadata columns are kept. ``path`` defaults to the bundled corpus (unless ``metadata``
    is given alone); it may be several folders (a list, or joined by ``os.pathsep``).

    ``metadata``: a CSV or TSV (by ``.tsv`` or a tab-separated header) with a ``file`` column
    naming each text, relative to the metadata file's folder (or to the corpus folder);
    ``.txt`` is added to a name without extension. Alone, it is the corpus: a row whose file
    does not exist is an error. With corpus folders it is a catalogue: the folders choose the
    articles, and rows naming no text in them are counted and warned about
    (``df.attrs["metadata_unmatched"]``). Without ``metadata``, a folder's own
    ``DIR/articles.csv`` or ``DIR.csv`` beside it is used, as a corpus.

    ``columns``: our names → the input's, a dict or ``"file=filename,source=publisher,
    published=publication_date"``; a mapped column the input does not have is an error.
    ``encoding``/``errors`` are passed to ``bytes.decode`` (e.g. ``errors="replace"``).
    Files skipped (not ``.txt``) are listed in ``df.attrs["skipped"]`` and warned about.
    """
    mapping = parse_columns(columns)
    opts = dict(encoding=encoding, errors=errors)
    cols = dict(text=text_column, id=id_column, title=title_column, source=source_column,
                date=date_column, file="file")
    for ours, key in (("text", "text"), ("article_id", "id"), ("title", "title"),
                      ("source", "source"), ("published", "date"), ("file", "file")):
        if ours in mapping:
            cols[key] = mapping[ours]
    cols["mapped"] = {mapping[k]: k for k in mapping}  # theirs -> ours, to check they exist
    meta = Path(metadata) if metadata else None
    if meta is not None and not meta.is_file():
        raise CorpusError(f"{meta}: metadata file does not exist")
    if path is None and meta is not None:
        paths: list[Path] = []
    else:
        paths = split_paths(path) if path is not None else [DEFAULT_CORPUS]
    for p in paths:
        if not p.exists():
            raise CorpusError(f"{p}: corpus path does not exist")
    skipped: list[str] = []
    info: dict = {"metadata": str(meta.resolve()) if meta else "", "metadata_unmatched": [],
                  "unlisted": []}
    if not paths:
        records = _from_metadata(meta, [], cols, opts, info, strict=True)
        where = meta
    elif all(p.is_dir() for p in paths):
        records = _from_directories(paths, meta, cols, opts, skipped, info)
        where = paths[0] if len(paths) == 1 else "corpus folders"
    elif len(paths) > 1:
        raise CorpusError(f"{os.pathsep.join(map(str, paths))}: several corpus paths must all "
                          "be folders")
    else:
        p = paths[0]
        where = p
        if meta is not None:
            raise CorpusError(f"{meta}: a metadata file goes with a folder of .txt files, not "
                              f"with {p.name}")
        if p.suffix.lower() == ".txt":
            records = [_txt_record(p, p.stem, opts)]
        elif p.suffix.lower() in TABULAR:
            records = _from_table(p, cols, opts)
        else:
            raise CorpusError(
                f"{p}: unsupported corpus file type {p.suffix or '(none)'!r}; "
                "expected a directory of .txt files, .txt, .csv, .tsv, .jsonl or .parquet"
            )
    if not records:
        raise CorpusError(f"{where}: no articles found")
    df = _finish(records)
    df.attrs["skipped"] = skipped
    df.attrs["corpus"] = os.pathsep.join(str(p.resolve()) for p in paths) if paths else (
        str(meta.resolve()))
    df.attrs.update(info)
    for s in skipped:
        warnings.warn(f"{where}: skipped {s}", CorpusWarning, stacklevel=2)
    if info["unlisted"]:
        warnings.warn(f"{info['metadata']}: {len(info['unlisted'])} text(s) not in the metadata "
                      f"(kept, without metadata): {_some(info['unlisted'])}", CorpusWarning,
                      stacklevel=2)
    if info["metadata_unmatched"]:
        warnings.warn(f"{info['metadata']}: {len(info['metadata_unmatched'])} row(s) name no "
                      f"text in {os.pathsep.join(map(str, paths))} (not in this corpus): "
                      f"{_some(info['metadata_unmatched'])}", CorpusWarning, stacklevel=2)
    return df


def _some(names: list[str]) -> str:
    shown = ", ".join(names[:LISTED])
    return shown + (f" and {len(names) - LISTED} more" if len(names) > LISTED else "")


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


def _own_metadata(directory: Path) -> Path | None:
    for m in (directory / "articles.csv", directory.parent / f"{directory.name}.csv"):
        if m.is_file():
            return m
    return None


def _from_directories(dirs: list[Path], metadata: Path | None, cols, opts, skipped: list[str],
                      info: dict) -> list[dict]:
    """Every ``.txt`` in the folders, with the metadata of the rows that name them.

    Without a metadata file, each folder brings its own ``articles.csv`` (or ``FOLDER.csv``)
    when it has one, as a single folder does.
    """
    if metadata is None and len(dirs) > 1:
        records, used = [], []
        for d in dirs:
            part: dict = {}
            part_skipped: list[str] = []
            records += _from_directories([d], None, cols, opts, part_skipped, part)
            skipped += [str(d / name) for name in part_skipped]
            if part.get("metadata"):
                used.append(part["metadata"])
            for key, value in part.items():
                if key != "metadata" and isinstance(value, list):
                    info.setdefault(key, []).extend(value)
        if used:
            info["metadata"] = os.pathsep.join(used)
        return records
    own = metadata is None and len(dirs) == 1
    meta_path = metadata or (_own_metadata(dirs[0]) if own else None)
    if meta_path is not None:
        info["metadata"] = str(meta_path.resolve())
    txts: dict[str, Path] = {}  # absolute path (normalised, links not followed) -> as found
    meta_abs = _abs(meta_path) if meta_path else None
    for d in dirs:
        for f in sorted(d.iterdir()):
            if f.name.startswith(".") or (meta_abs and _abs(f) == meta_abs):
                continue
            if f.is_file() and f.suffix.lower() == ".txt":
                txts[_abs(f)] = f
            else:
                skipped.append(f"{f.name} (not a .txt file)" if len(dirs) == 1 else
                               f"{f} (not a .txt file)")
    if meta_path is None:
        return [_txt_record(f, f.stem, opts) for f in txts.values()]
    records = _from_metadata(meta_path, dirs, cols, opts, info, strict=own, texts=txts)
    listed = {_abs(Path(r["path"])) for r in records}
    unlisted = [f for a, f in txts.items() if a not in listed]
    if metadata is not None:  # the user's own metadata file: say which texts it does not list
        info["unlisted"] = [f.name for f in unlisted]
    # present but not in the metadata: kept, without metadata
    records += [_txt_record(f, f.stem, opts) for f in unlisted]
    return records


def _abs(p: Path) -> str:
    """An absolute, normalised path: cheap (no system call per file, unlike resolve())."""
    return os.path.normpath(os.path.abspath(p))


def _resolve(name: str, meta_path: Path, dirs: list[Path], texts: dict | None) -> Path | None:
    """The file a metadata row names: from the metadata's folder, then from each corpus
    folder (by path, then by file name); ``.txt`` added to a name without one. With
    ``texts`` (the corpus folders' files) only those count; without, any file on disk."""
    names = [name] + ([f"{name}.txt"] if not Path(name).suffix else [])
    bases = [meta_path.parent, *dirs]
    for n in names:
        for base in bases:
            f = base / n
            if texts is None:
                if f.is_file():
                    return f
            elif (hit := texts.get(_abs(f))) is not None:
                return hit
    if texts is not None:  # "x" in the metadata, "<dir>/x.txt" on disk
        for n in names:
            for d in dirs:
                if (hit := texts.get(_abs(d / Path(n).name))) is not None:
                    return hit
    return None


def _from_metadata(meta_path: Path, dirs: list[Path], cols, opts, info: dict, *, strict: bool,
                   texts: dict | None = None) -> list[dict]:
    records = []
    fcol, idcol = cols["file"], cols["id"]
    for line, row in _csv_rows(meta_path, opts, cols["mapped"]):
        name = (row.get(fcol) or "").strip()
        rid = (row.get(idcol) or "").strip()
        if not name and not rid:
            raise CorpusError(f"{meta_path}: line {line}: row has neither '{fcol}' nor "
                              f"'{idcol}'")
        name = name or f"{rid}.txt"
        f = _resolve(name, meta_path, dirs, None if strict else texts)
        if f is None:
            if not strict:
                info["metadata_unmatched"].append(name)
                continue
            where = ", ".join(str(b) for b in dict.fromkeys([meta_path.parent, *dirs]))
            raise CorpusError(f"{meta_path}: line {line}: file {name!r} does not exist in "
                              f"{where}")
        rec = _txt_record(f, rid or f.stem, opts, where=f"{meta_path}: line {line}")
        rec.update(_metadata_fields(row, cols, exclude=(fcol,)))
        rec["_where"] = f"{meta_path}: line {line}"
        records.append(rec)
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


def _delimiter(path: Path, header: str) -> str:
    if path.suffix.lower() == ".tsv":
        return "\t"
    return "\t" if header.count("\t") > header.count(",") else ","


def _csv_rows(path: Path, opts: Mapping, mapped: Mapping[str, str] | None = None):
    """Yield (line number where the row starts, row dict) from a CSV or TSV file.

    ``mapped`` (their column → ours): each must be in the header, or the error names it.
    """
    text = _read_text(path, **opts)
    lines = text.splitlines(keepends=True)
    reader = csv.DictReader(lines, delimiter=_delimiter(path, lines[0] if lines else ""))
    if not reader.fieldnames:
        raise CorpusError(f"{path}: the file is empty (no header row)")
    for theirs, ours in (mapped or {}).items():
        if theirs not in reader.fieldnames:
            raise CorpusError(f"{path}: column {theirs!r} (mapped to {ours}) does not exist; "
                              f"the columns are: {', '.join(reader.fieldnames)}")
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
    mapped = cols["mapped"]
    if suffix in (".csv", ".tsv"):
        rows = ((f"line {n}", r) for n, r in _csv_rows(path, opts, mapped))
    elif suffix == ".jsonl":
        rows = list(_jsonl_rows(path, opts))
        keys = {k for _, r in rows for k in r}
        _check_mapped(path, mapped, keys, sorted(keys))
    else:
        try:
            frame = pd.read_parquet(path)
        except Exception as e:  # pyarrow raises several types for a damaged file
            raise CorpusError(f"{path}: cannot read parquet: {e}") from None
        _check_mapped(path, mapped, set(frame.columns), list(frame.columns))
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


def _check_mapped(path: Path, mapped: Mapping[str, str], have: set, shown: list) -> None:
    for theirs, ours in mapped.items():
        if ours != "file" and theirs not in have:
            raise CorpusError(f"{path}: column {theirs!r} (mapped to {ours}) does not exist; "
                              f"the columns are: {', '.join(map(str, shown))}")


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
