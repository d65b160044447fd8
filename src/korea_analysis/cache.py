"""Per-article annotation cache (parquet) and the chunked, optionally parallel, article pass.

Rows of every per-article table are stored in ``<cache>/<config>/<table>.parquet`` with the
article's key (a hash of its id, metadata and text). ``<config>`` hashes the package code and
data files, the dictionaries in use and the sentiment backend, so editing a dictionary or
upgrading the package starts a fresh cache, and only new or changed articles are annotated.
Parquet, never pickle: a cache shared with a colleague cannot run code.
"""
from __future__ import annotations

import hashlib
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd

import korea_analysis
from korea_analysis.corpus import DATA_DIR

CHUNK = 256  # articles per unit of work


def default_cache_dir() -> Path:
    return Path(os.environ.get("KOREA_ANALYSIS_CACHE", DATA_DIR.parent / ".cache" / "annotations"))


def config_key(ctx) -> str:
    """Hash of everything that changes an article's rows: code, data files, dictionaries."""
    h = hashlib.sha256(korea_analysis.__version__.encode())
    pkg = Path(korea_analysis.__file__).parent
    for f in sorted(pkg.iterdir()):
        if f.suffix in (".py", ".yaml", ".csv", ".json"):
            h.update(f.name.encode() + f.read_bytes())
    for extra in (ctx.actors.path, ctx.cues.path):
        h.update(Path(extra).read_bytes())
    h.update(ctx.backend.encode())
    return h.hexdigest()[:16]


def article_key(row) -> str:
    h = hashlib.sha256()
    for v in (row.article_id, getattr(row, "title", None), getattr(row, "source", None),
              str(row.published), getattr(row, "date_precision", None), row.text):
        h.update(str(v).encode() + b"\0")
    return h.hexdigest()[:20]


class Store:
    """The cached rows of one configuration."""

    def __init__(self, root: Path):
        self.root = root

    def load(self, keys: set[str]) -> dict[str, pd.DataFrame]:
        out = {}
        for f in self.root.glob("*.parquet"):
            df = pd.read_parquet(f)
            out[f.stem] = df[df["_key"].isin(keys)]
        return out

    def save(self, name: str, df: pd.DataFrame) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        path = self.root / f"{name}.parquet"
        if path.exists():
            old = pd.read_parquet(path)
            df = pd.concat([old[~old["_key"].isin(df["_key"])], df], ignore_index=True)
        tmp = path.with_suffix(".tmp")
        df.to_parquet(tmp, index=False)
        os.replace(tmp, path)  # a crash mid-write never leaves a damaged cache


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


# --- the article pass ---------------------------------------------------------------------------

_CTX = None


def _init(ctx) -> None:
    global _CTX
    _CTX = ctx


def _annotate_chunk(chunk: pd.DataFrame, ctx=None) -> dict[str, pd.DataFrame]:
    from korea_analysis.annotate import annotate_article, frames

    ctx = ctx or _CTX
    keys, parts = [], []
    for row in chunk.itertuples(index=False):
        parts.append(annotate_article(row, ctx))
        keys.append(row.cache_key)
    tables = frames(parts)
    for name, df in tables.items():
        counts = [len(p[name]) for p in parts]
        df.insert(0, "_key", [k for k, n in zip(keys, counts, strict=True) for _ in range(n)])
    return tables


def run_pass(todo: pd.DataFrame, ctx, workers: int = 1, progress=None, scheduler=None):
    """Annotate ``todo`` in chunks; yields one dict of DataFrames per chunk, in order.

    ``workers`` > 1 uses local processes; ``scheduler`` (an address such as
    ``tcp://host:8786`` or a ``dask.distributed.Client``) runs the chunks on a Dask cluster.
    """
    # several chunks per worker, so the last ones do not leave a core idle
    parallel = workers > 1 or scheduler is not None
    size = (max(min(16, CHUNK), min(CHUNK, -(-len(todo) // (8 * max(workers, 2)))))
            if parallel else CHUNK)
    chunks = [todo.iloc[i:i + size] for i in range(0, len(todo), size)]
    if scheduler is not None:
        yield from _run_dask(chunks, ctx, scheduler, progress)
        return
    if workers <= 1 or len(chunks) <= 1:
        for c in chunks:
            out = _annotate_chunk(c, ctx)
            if progress:
                progress(len(c))
            yield out
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_init, initargs=(ctx,)) as pool:
        for c, out in zip(chunks, pool.map(_annotate_chunk, chunks), strict=True):
            if progress:
                progress(len(c))
            yield out


def _run_dask(chunks, ctx, scheduler, progress):
    """The same chunks on a Dask cluster; at most a few chunks per worker in flight."""
    try:
        from dask.distributed import Client
    except ImportError:
        raise RuntimeError("a Dask scheduler was given but dask.distributed is not installed: "
                           "pip install 'korea-analysis[dask]'") from None
    own = not isinstance(scheduler, Client)
    client = Client(scheduler) if own else scheduler
    try:
        ctx_f = client.scatter(ctx, broadcast=True)
        window = max(2, 4 * len(client.scheduler_info().get("workers", {}) or [1]))
        futures = []
        for i, c in enumerate(chunks):
            futures.append(client.submit(_annotate_chunk, c, ctx_f, pure=False))
            if len(futures) >= window or i == len(chunks) - 1:
                for f, cc in zip(futures, chunks[i + 1 - len(futures):i + 1], strict=True):
                    out = f.result()
                    if progress:
                        progress(len(cc))
                    yield out
                futures = []
    finally:
        if own:
            client.close()


def annotate_with_cache(articles: pd.DataFrame, ctx, store: Store | None, workers: int = 1,
                        scheduler=None) -> dict[str, pd.DataFrame]:
    """Per-article tables for ``articles``, from the cache where possible, in article order."""
    from korea_analysis.annotate import ARTICLE_TABLES
    from korea_analysis.progress import Progress

    arts = articles.assign(cache_key=[article_key(r) for r in articles.itertuples(index=False)])
    keys = set(arts["cache_key"])
    cached = store.load(keys) if store else {}
    done = set(cached["articles"]["_key"]) if "articles" in cached else set()
    todo = arts[~arts["cache_key"].isin(done)]
    pieces: dict[str, list[pd.DataFrame]] = {n: [cached[n]] if n in cached else []
                                             for n in ARTICLE_TABLES}
    if len(todo):
        words = int(todo["text"].str.split().str.len().sum())
        with Progress(len(todo), words, label="annotating") as bar:
            for out in run_pass(todo, ctx, workers, progress=bar.update, scheduler=scheduler):
                for n, df in out.items():
                    pieces[n].append(df)
        if store:
            for n in ARTICLE_TABLES:
                new = pieces[n][1 if n in cached else 0:]
                if new:
                    store.save(n, pd.concat(new, ignore_index=True))
    order = {k: i for i, k in enumerate(arts["cache_key"])}
    tables = {}
    for n, cols in ARTICLE_TABLES.items():
        df = pd.concat(pieces[n], ignore_index=True) if pieces[n] else pd.DataFrame(
            columns=["_key"] + cols)
        df = df.assign(_o=df["_key"].map(order)).sort_values("_o", kind="stable")
        tables[n] = df.drop(columns=["_key", "_o"]).reset_index(drop=True)[cols]
    return tables
