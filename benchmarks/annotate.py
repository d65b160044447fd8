"""Words/second and peak memory of the full ``annotate`` pass, against spaCy + textacy.

    .venv/bin/python benchmarks/annotate.py                 # 1,000,000 words, 1 and 2 workers
    .venv/bin/python benchmarks/annotate.py --articles 100000 --workers 2 --cache tmp --repeat 1
    .venv/bin/python benchmarks/annotate.py --corpus ../shared/datasets/polnear/train/text

The corpus is built from the bundled articles: ``recombine`` (default) draws body paragraphs
from all four at random (seeded) into articles of about ``--article-words`` words, so no two
articles are identical; ``repeat`` copies them whole; ``--corpus PATH`` reads real text
instead. ``--cache tmp`` runs with a fresh cache in a temporary folder, as a first real run
does (rows streamed to parquet chunk by chunk); the default keeps every row in memory. Peak
memory is sampled over this process and its workers together (psutil, every 0.1 s).
When spaCy, textacy and an English model are installed (``benchmarks/spacy_route.py``), the
first ``--spacy-words`` words also go through that route and the ratio is printed.
Words are white-space separated tokens. Not a test: nothing is asserted.
"""
from __future__ import annotations

import argparse
import ctypes
import gc
import os
import random
import statistics
import sys
import tempfile
import threading
import time

import pandas as pd
import psutil

import korea_analysis as ka
from korea_analysis.text import classify_paragraphs

sys.path.insert(0, os.path.dirname(__file__))


def make_corpus(words: int | None = None, *, articles: int | None = None,
                mode: str = "recombine", article_words: int = 500, seed: int = 0
                ) -> pd.DataFrame:
    """A synthetic corpus of about ``words`` words (or ``articles`` articles)."""
    base = ka.load_corpus()
    more = ((lambda n, k: n < words) if articles is None else (lambda n, k: k < articles))
    rows, n = [], 0
    if mode == "repeat":
        k = 0
        while more(n, len(rows)):
            for r in base.itertuples():
                rows.append({"article_id": f"{r.article_id}-{k}", "text": r.text,
                             "published": r.published, "title": r.title, "source": r.source})
                n += len(r.text.split())
            k += 1
        return pd.DataFrame(rows)
    rng = random.Random(seed)
    paras = [(r.published, r.text[p.start:p.end]) for r in base.itertuples()
             for p in classify_paragraphs(r.text) if p.kind == "body"]
    while more(n, len(rows)):
        date, chosen, size = rng.choice(paras)[0], [], 0
        while size < article_words:
            para = rng.choice(paras)[1]
            chosen.append(para)
            size += len(para.split())
        rows.append({"article_id": f"synthetic-{len(rows):07d}", "text": "\n\n".join(chosen),
                     "published": date, "title": None, "source": None})
        n += size
    return pd.DataFrame(rows)


class PeakMemory:
    """Largest memory in use by this process and its workers together, sampled in a thread.

    Proportional set size (PSS): a page shared by forked workers is counted once in all, not
    once per process as RSS sums would; where the system cannot tell PSS, RSS is summed.
    """

    def __init__(self, every: float = 0.2):
        self.every, self.peak, self._stop = every, 0, threading.Event()
        self._me = psutil.Process()

    @staticmethod
    def _used(p: psutil.Process) -> int:
        try:
            return getattr(p.memory_full_info(), "pss", None) or p.memory_info().rss
        except psutil.Error:
            return 0

    def _sample(self) -> None:
        while not self._stop.is_set():
            self._sample_once()
            self._stop.wait(self.every)

    def __enter__(self):
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self._sample_once()
        return False

    def _sample_once(self) -> None:
        procs = [self._me, *self._me.children(recursive=True)]
        self.peak = max(self.peak, sum(map(self._used, procs)))


def release_freed_memory() -> None:
    """Return memory freed by Python to the system (glibc keeps it otherwise, and forked
    workers would then count pages the pass never uses)."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def run_ours(corpus: pd.DataFrame, words: int, workers: int, cache: str) -> float:
    with tempfile.TemporaryDirectory(prefix="ka-bench-") as tmp:
        where = False if cache == "none" else tmp if cache == "tmp" else cache
        with PeakMemory() as mem:
            t0 = time.perf_counter()
            ann = ka.annotate(corpus, cache=where, workers=workers)
            dt = time.perf_counter() - t0
        s = ann.actor_sentiment
        n_mentions = int(s["n_mentions"].sum()) if len(s) else 0
    print(f"korea-analysis, workers={workers}: {dt:,.1f} s, {words / dt:,.0f} words/s, "
          f"{len(corpus) / dt:,.0f} articles/s, {n_mentions:,} mentions, "
          f"peak memory {mem.peak / 2**20:,.0f} MB (all processes)", flush=True)
    return words / dt


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size = ap.add_mutually_exclusive_group()
    size.add_argument("--words", type=int, help="corpus size in words (default 1,000,000)")
    size.add_argument("--articles", type=int, help="corpus size in articles")
    ap.add_argument("--corpus", help="read this corpus instead of generating one")
    ap.add_argument("--mode", choices=["recombine", "repeat"], default="recombine")
    ap.add_argument("--article-words", type=int, default=500)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--cache", default="none",
                    help="none (rows in memory), tmp (a fresh cache folder) or a folder")
    ap.add_argument("--spacy-words", type=int, default=200_000,
                    help="words to run through spaCy + textacy (0: skip)")
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs per worker count; the best is kept (the machine is shared)")
    ap.add_argument("--profile", action="store_true", help="print a pyinstrument profile")
    args = ap.parse_args(argv)
    os.environ.setdefault("KOREA_ANALYSIS_PROGRESS", "0")

    if args.corpus:
        corpus = ka.load_corpus(args.corpus)
    else:
        corpus = make_corpus(None if args.articles else args.words or 1_000_000,
                             articles=args.articles, mode=args.mode,
                             article_words=args.article_words)
    release_freed_memory()  # the generator's strings: the peak below is the pass's
    words = int(sum(len(t.split()) for t in corpus["text"]))
    print(f"corpus: {len(corpus):,} articles, {words:,} words "
          f"({args.corpus or args.mode}); {os.cpu_count()} cores", flush=True)
    ka.annotate(corpus.head(4), cache=False)  # warm up: dictionaries, lexicons
    ours = {}
    for w in args.workers:
        runs = []
        for _ in range(args.repeat):
            if args.profile:
                from pyinstrument import Profiler

                with Profiler() as prof:
                    runs.append(run_ours(corpus, words, w, args.cache))
                prof.print(show_all=False)
            else:
                runs.append(run_ours(corpus, words, w, args.cache))
        ours[w] = max(runs)
        if len(runs) > 1:
            print(f"workers={w}: best {max(runs):,.0f}, median {statistics.median(runs):,.0f} "
                  f"words/s of {len(runs)} runs", flush=True)
    if len(ours) > 1:
        one = ours.get(1)
        for w, wps in ours.items():
            if one and w != 1:
                print(f"speed-up with {w} workers (best runs): {wps / one:.2f}x")
    if args.spacy_words:
        spacy_comparison(corpus, args.spacy_words, ours)
    return 0


def spacy_comparison(corpus: pd.DataFrame, limit: int, ours: dict[int, float]) -> None:
    import spacy_route

    why = spacy_route.available()
    if why:
        print(f"spaCy + textacy: skipped ({why})")
        return
    texts, n = [], 0
    for t in corpus["text"]:
        if n >= limit:
            break
        texts.append(t)
        n += len(t.split())
    for n_process in sorted(set(ours) | {1}):
        r = spacy_route.run(texts, n_process=n_process)
        wps = n / r["seconds"]
        mine = ours.get(n_process)
        ratio = f", korea-analysis is {mine / wps:,.1f}x faster" if mine else ""
        print(f"spaCy + textacy ({r['model_source']} {r['model_version']}, spacy "
              f"{r['spacy_version']}, textacy {r['textacy_version']}), n_process={n_process}: "
              f"{len(texts):,} articles, {n:,} words in {r['seconds']:,.1f} s, {wps:,.0f} words/s"
              f"{ratio}; {r['quotes']:,} quotes, {r['failed_docs']:,} articles refused by "
              "direct_quotations", flush=True)


if __name__ == "__main__":
    sys.exit(main())
