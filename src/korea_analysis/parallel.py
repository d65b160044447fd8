"""The article pass in chunks: in this process, in worker processes, or on a Dask cluster.

Whichever way it runs, the same chunks go through the same function and come back in corpus
order, so the tables are identical. At most a few chunks per worker are in flight, so memory
stays bounded however large the corpus: the caller writes each chunk out and lets it go.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

import pandas as pd

CHUNK = 256  # articles per unit of work
IN_FLIGHT = 3  # chunks per worker submitted ahead of the one being collected

_CTX = None


def _init(ctx) -> None:
    global _CTX
    _CTX = ctx


def annotate_chunk(chunk: pd.DataFrame, ctx=None) -> dict[str, pd.DataFrame]:
    """Every per-article table of ``chunk`` (rows carry the article's ``cache_key``)."""
    from korea_analysis.annotate import annotate_rows

    return annotate_rows(chunk, ctx or _CTX)


def chunk_size(n_articles: int, workers: int) -> int:
    """Several chunks per worker when parallel, so the last ones do not leave a core idle."""
    if workers <= 1:
        return CHUNK
    return max(min(16, CHUNK), min(CHUNK, -(-n_articles // (8 * workers))))


def run_pass(todo: pd.DataFrame, ctx, workers: int = 1, scheduler=None
             ) -> Iterator[dict[str, pd.DataFrame]]:
    """Annotate ``todo`` in chunks; yields one dict of tables per chunk, in corpus order.

    ``workers`` > 1 uses local processes; ``scheduler`` (an address such as
    ``tcp://host:8786`` or a ``dask.distributed.Client``) runs the chunks on a Dask cluster.
    """
    parallel = workers > 1 or scheduler is not None
    size = chunk_size(len(todo), workers if workers > 1 else 2 if parallel else 1)
    chunks = (todo.iloc[i:i + size] for i in range(0, len(todo), size))
    if scheduler is not None:
        yield from _run_dask(chunks, ctx, scheduler)
    elif workers <= 1 or len(todo) <= size:
        for c in chunks:
            yield annotate_chunk(c, ctx)
    else:
        with ProcessPoolExecutor(max_workers=workers, initializer=_init,
                                 initargs=(ctx,)) as pool:
            yield from _in_order(lambda c: pool.submit(annotate_chunk, c), chunks,
                                 IN_FLIGHT * workers)


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
