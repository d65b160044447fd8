"""Per-article annotation cache: parquet part files keyed by each article's content.

Layout: ``<cache>/<config>/<table>/<part>.parquet``. ``<config>`` hashes the package version,
code and data files, the dictionaries in use and the sentiment backend, so editing a
dictionary or upgrading starts a fresh cache. Each chunk of annotated articles is written as
one new part per table the moment it is done (the pass never holds a whole corpus's rows),
every row carrying its article's key (a hash of id, metadata and text), so only new or
changed articles are ever annotated. A part is written to a temporary name and renamed, the
``articles`` part last: an article counts as cached only once all its rows are on disk, and a
crash leaves at most orphan rows that are never read. Parquet, never pickle: a cache shared
with a colleague cannot run code.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import time
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

import korea_analysis
from korea_analysis.corpus import DATA_DIR

KEY = "_key"  # the article's content key, on every cached row
INDEX = "articles"  # the table whose parts say which articles are cached, and where


def default_cache_dir() -> Path:
    return Path(os.environ.get("KOREA_ANALYSIS_CACHE", DATA_DIR.parent / ".cache" / "annotations"))


def code_hash(pkg: Path) -> str:
    """The package's code and data files, subpackages included (``quotes/``), as this
    process imported them: hashed once, at import, so that a file edited while a long
    report runs cannot put the old code's rows under the new code's key."""
    h = hashlib.sha256(korea_analysis.__version__.encode())
    for f in sorted(pkg.rglob("*")):
        if f.suffix in (".py", ".yaml", ".csv", ".json") and "__pycache__" not in f.parts:
            h.update(f.relative_to(pkg).as_posix().encode() + f.read_bytes())
    return h.hexdigest()


_CODE_HASH = code_hash(Path(korea_analysis.__file__).parent)


def config_key(ctx) -> str:
    """Hash of everything that changes an article's rows: code, data files, dictionaries."""
    h = hashlib.sha256(_CODE_HASH.encode())
    aff = getattr(ctx.actors, "affiliations", None)
    for extra in (ctx.actors.path, ctx.cues.path, *([aff.path] if aff else [])):
        h.update(Path(extra).read_bytes())
    h.update(ctx.backend.encode())
    return h.hexdigest()[:16]


def article_keys(articles) -> list[str]:
    """One key per article: a hash of its id, metadata and text (as the rows cached)."""
    keys = []
    for i in range(0, len(articles), 10_000):  # a block at a time: texts as Python strings
        block = articles.iloc[i:i + 10_000]
        columns = [block[c].tolist() if c in block else [None] * len(block)
                   for c in ("article_id", "title", "source", "published", "date_precision",
                             "text")]
        for values in zip(*columns, strict=True):
            h = hashlib.sha256()
            for v in values:
                h.update(str(v).encode() + b"\0")
            keys.append(h.hexdigest()[:20])
    return keys


class Store:
    """The cached rows of one configuration."""

    def __init__(self, root: Path):
        self.root = root
        self._index: dict[str, str] | None = None  # key -> part
        self._parts: dict[str, list[str]] = {}  # part -> its keys, in stored order
        self._plan: tuple[list[str], list, bool] | None = None

    def index(self) -> dict[str, str]:
        """Cached article key -> the part holding its rows (the first part, if written twice)."""
        if self._index is None:
            self._index = {}
            for f in sorted((self.root / INDEX).glob("*.parquet")):
                self._add(f.stem, pq.read_table(f, columns=[KEY]).column(KEY).to_pylist())
        return self._index

    def add(self, part: str, keys: list[str]) -> None:
        """Count ``part``, written to this store's folder by another process, as cached."""
        if self._index is not None:
            self._add(part, keys)

    def _add(self, part: str, keys: list[str]) -> None:
        self._parts[part] = keys
        for k in keys:
            self._index.setdefault(k, part)
        self._plan = None

    def write(self, tables: dict[str, pa.Table]) -> str:
        """Store one chunk's tables (each with a ``_key`` column) as a new part."""
        part = f"{time.time_ns():016x}-{uuid.uuid4().hex[:8]}"  # names sort as written
        for name in sorted(tables, key=lambda n: n == INDEX):  # the index part last
            t = tables[name]
            if t.num_rows == 0 and name != INDEX:
                continue
            folder = self.root / name
            folder.mkdir(parents=True, exist_ok=True)
            tmp = folder / f".{part}.tmp"
            pq.write_table(t, tmp)
            os.replace(tmp, folder / f"{part}.parquet")
        if self._index is not None:
            self._add(part, tables[INDEX].column(KEY).to_pylist())
        return part

    def _parts_for(self, keys: list[str]) -> tuple[list, bool]:
        """The parts holding ``keys`` with the keys wanted from each, and whether reading the
        parts whole, one after the other, already gives exactly those rows in that order."""
        if self._plan is not None and self._plan[0] is keys:
            return self._plan[1], self._plan[2]
        index = self.index()
        wanted: dict[str, list[str]] = {}  # parts in the order their first key comes
        for k in keys:
            part = index.get(k)
            if part is not None:
                wanted.setdefault(part, []).append(k)
        in_order = [k for k in keys if k in index]
        whole = (all(ks == self._parts[p] for p, ks in wanted.items())
                 and [k for ks in wanted.values() for k in ks] == in_order)
        plan = list(wanted.items())
        self._plan = (keys, plan, whole)
        return plan, whole

    def scan(self, name: str, keys: list[str], columns: list[str] | None = None, *,
             articles=None):
        """The rows of ``keys`` part by part (each a table; ``_key`` kept when the parts are
        not read whole), for aggregates that never need the whole table at once.

        ``columns``: only these (parquet reads no other column). ``articles``: only the rows
        of these article ids, filtered part by part, so that a few sentences of a large
        corpus are found without ever holding all of its sentences.
        """
        plan, whole = self._parts_for(keys)
        wanted = None if articles is None else pa.array(list(articles), type=pa.string())
        read_cols = columns
        if columns is not None:
            read_cols = list(columns)
            if wanted is not None and "article_id" not in read_cols:
                read_cols.append("article_id")
            if not whole:
                read_cols = [KEY, *read_cols]
        for part, ks in plan:
            f = self.root / name / f"{part}.parquet"
            if not f.exists():
                continue  # no rows of this table in that chunk
            t = pq.read_table(f, columns=read_cols)
            if not whole:
                t = t.filter(pc.is_in(t.column(KEY), value_set=pa.array(ks)))
            if wanted is not None:
                t = t.filter(pc.is_in(t.column("article_id"), value_set=wanted))
            yield t

    def read(self, name: str, keys: list[str], columns: list[str] | None = None, *,
             articles=None) -> pa.Table | None:
        """Rows of ``keys`` in the order of ``keys`` (then as stored); None if none stored.

        Usually (a corpus read back as it was written) the parts are read whole and in turn;
        otherwise each part's rows are filtered by key and all are sorted into corpus order.
        ``columns`` and ``articles``: as :meth:`scan`.
        """
        pieces = list(self.scan(name, keys, columns, articles=articles))
        if not pieces:
            return None
        t = pa.concat_tables(pieces)
        if KEY in t.column_names and not self._parts_for(keys)[1]:
            rank = pc.index_in(t.column(KEY), value_set=pa.array(keys))  # position in ``keys``
            t = t.take(pc.sort_indices(rank))  # a stable sort
        if KEY in t.column_names:
            t = t.drop_columns([KEY])
        if columns is not None and t.column_names != list(columns):
            t = t.select(list(columns))
        return t


def open_cache(cache, ctx) -> Store | None:
    if cache is False:
        return None
    base = default_cache_dir() if cache in (None, True) else Path(cache)
    return Store(base / config_key(ctx))


def clear_cache(cache=None) -> Path:
    base = default_cache_dir() if cache in (None, True) else Path(cache)
    if base.exists():
        shutil.rmtree(base)
    return base
