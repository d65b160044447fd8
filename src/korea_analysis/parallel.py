"""The article pass in chunks: in this process, in worker processes, or on a Dask cluster.

Whichever way it runs, the same chunks go through the same function and come back in corpus
order, so the tables are identical. At most a few chunks per worker are in flight, so memory
stays bounded however large the corpus. With a cache on this machine, each worker writes its
chunk's rows to the cache itself and returns only which articles it holds; a Dask worker
elsewhere returns the rows, and the caller writes them.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import NamedTuple

import pandas as pd
import pyarrow.compute as pc

CHUNK = 256  # articles per unit of work
IN_FLIGHT = 3  # chunks per worker submitted ahead of the one being collected

_CTX = None


def _init(ctx) -> None:
    global _CTX
    _CTX = ctx


class Done(NamedTuple):
    """One chunk annotated: its rows (``tables``), or the cache part they were written to."""

    keys: list[str]
    words: int
    tables: dict | None = None
    part: str | None = None


def annotate_chunk(chunk: pd.DataFrame, ctx=None, store_root: str | None = None) -> Done:
    """Every per-article table of ``chunk`` (rows carry the article's ``cache_key``),
    written to the cache at ``store_root`` when given."""
    from korea_analysis.annotate import annotate_rows
    from korea_analysis.cache import Store

    tables = annotate_rows(chunk, ctx or _CTX)
    keys = chunk["cache_key"].tolist()
    words = pc.sum(tables["articles"].column("n_words")).as_py() or 0
    if store_root is None:
        return Done(keys, words, tables=tables)
    return Done(keys, words, part=Store(Path(store_root)).write(tables))


def chunk_size(n_articles: int, workers: int) -> int:
    """Several chunks per worker when parallel, so the last ones do not leave a core idle."""
    return max(min(16, CHUNK), min(CHUNK, -(-n_articles // (8 * workers))))


def run_pass(todo: pd.DataFrame, ctx, workers: int = 1, scheduler=None,
             store_root: str | None = None) -> Iterator[Done]:
    """Annotate ``todo`` in chunks; yields one :class:`Done` per chunk, in corpus order.

    ``workers`` > 1 uses local processes; ``scheduler`` (an address such as
    ``tcp://host:8786`` or a ``dask.distributed.Client``) runs the chunks on a Dask cluster
    (whose workers return the rows: ``store_root`` is for this machine only).
    """
    parallel = workers > 1 or scheduler is not None
    size = chunk_size(len(todo), max(workers, 2)) if parallel else CHUNK
    chunks = (todo.iloc[i:i + size] for i in range(0, len(todo), size))
    if scheduler is not None:
        yield from _run_dask(chunks, ctx, scheduler)
    elif workers <= 1 or len(todo) <= size:
        for c in chunks:
            yield annotate_chunk(c, ctx, store_root)
    else:
        with ProcessPoolExecutor(max_workers=workers, initializer=_init,
                                 initargs=(ctx,)) as pool:
            yield from _in_order(lambda c: pool.submit(annotate_chunk, c, None, store_root),
                                 chunks, IN_FLIGHT * workers)


def _in_order(submit, chunks, window: int):
    """Results of ``submit(chunk)`` futures in order, with at most ``window`` pending."""
    pending: deque = deque()
    for c in chunks:
        pending.append(submit(c))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _run_dask(chunks, ctx, scheduler):
    """The same chunks on a Dask cluster; the dictionaries are sent to each worker once."""
    try:
        from dask.distributed import Client
    except ImportError:
        raise RuntimeError("a Dask scheduler was given but dask.distributed is not installed: "
                           "pip install 'korea-analysis[dask]'") from None
    own = not isinstance(scheduler, Client)
    client = Client(scheduler) if own else scheduler
    try:
        ctx_f = client.scatter(ctx, broadcast=True)
        n_workers = len(client.scheduler_info().get("workers", {})) or 1
        yield from _in_order(lambda c: client.submit(annotate_chunk, c, ctx_f, pure=False),
                             chunks, IN_FLIGHT * n_workers)
    finally:
        if own:
            client.close()
