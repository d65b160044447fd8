"""Words/second (and peak memory) of the full ``annotate`` pass.

    .venv/bin/python benchmarks/annotate.py                      # ~200,000 words, 1 process
    .venv/bin/python benchmarks/annotate.py --words 2000000 --workers 1 2
    .venv/bin/python benchmarks/annotate.py --mode repeat        # the bundled articles repeated

The corpus is built from the bundled articles: ``repeat`` copies them whole; ``recombine``
(default) draws body paragraphs from all four at random (seeded) into articles of about
``--article-words`` words, so no two articles are identical. Not a test: nothing is asserted.
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import time

import pandas as pd

import korea_analysis as ka
from korea_analysis.text import classify_paragraphs


def make_corpus(words: int, *, mode: str = "recombine", article_words: int = 500,
                seed: int = 0) -> pd.DataFrame:
    """A synthetic corpus of about ``words`` words from the bundled articles."""
    base = ka.load_corpus()
    if mode == "repeat":
        rows, n, k = [], 0, 0
        while n < words:
            for r in base.itertuples():
                rows.append({"article_id": f"{r.article_id}-{k}", "text": r.text,
                             "published": r.published, "title": r.title, "source": r.source})
                n += len(r.text.split())
            k += 1
        return pd.DataFrame(rows)
    rng = random.Random(seed)
    paras = [(r.published, r.text[p.start:p.end]) for r in base.itertuples()
             for p in classify_paragraphs(r.text) if p.kind == "body"]
    rows, n, i = [], 0, 0
    while n < words:
        date, chosen, size = rng.choice(paras)[0], [], 0
        while size < article_words:
            para = rng.choice(paras)[1]
            chosen.append(para)
            size += len(para.split())
        rows.append({"article_id": f"synthetic-{i:07d}", "text": "\n\n".join(chosen),
                     "published": date, "title": None, "source": None})
        n += size
        i += 1
    return pd.DataFrame(rows)


def peak_rss_mb() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(me, kids) / 1024


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=200_000)
    ap.add_argument("--mode", choices=["recombine", "repeat"], default="recombine")
    ap.add_argument("--article-words", type=int, default=500)
    ap.add_argument("--workers", type=int, nargs="+", default=[1])
    ap.add_argument("--profile", action="store_true", help="print a pyinstrument profile")
    args = ap.parse_args(argv)

    corpus = make_corpus(args.words, mode=args.mode, article_words=args.article_words)
    words = int(corpus["text"].str.split().str.len().sum())
    print(f"corpus: {len(corpus):,} articles, {words:,} words ({args.mode})")
    ka.annotate(corpus.head(4), cache=False)  # warm up: dictionaries, lexicons
    for w in args.workers:
        t0 = time.perf_counter()
        if args.profile:
            from pyinstrument import Profiler

            with Profiler() as prof:
                ann = ka.annotate(corpus, cache=False, workers=w)
            prof.print(show_all=False)
        else:
            ann = ka.annotate(corpus, cache=False, workers=w)
        dt = time.perf_counter() - t0
        print(f"workers={w}: {dt:.2f} s, {words / dt:,.0f} words/s, "
              f"{len(ann.mentions):,} mentions, peak RSS {peak_rss_mb():,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
