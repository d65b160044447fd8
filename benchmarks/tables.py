"""Prove a speed change changes no result: snapshot every table, then compare two snapshots.

    .venv/bin/python benchmarks/tables.py snapshot /tmp/before [--polnear DIR]
    ... change the code ...
    .venv/bin/python benchmarks/tables.py snapshot /tmp/after  [--polnear ...]
    .venv/bin/python benchmarks/tables.py compare /tmp/before /tmp/after

The corpus: the bundled articles, 300,000 recombined words, the bundled articles repeated to
100,000 words and, if given, real news (DIR: e.g. ../shared/datasets/polnear/train/text;
--polnear repeats, for dev too).
Tables are compared exactly (values and dtypes), and their CSV files byte for byte. Both
snapshots run with the same PYTHONHASHSEED (the script sets 0 if unset).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd


def snapshot(out: Path, polnear: list[str] | None) -> None:
    os.environ["KOREA_ANALYSIS_PROGRESS"] = "0"
    sys.path.insert(0, os.path.dirname(__file__))
    from annotate import make_corpus

    import korea_analysis as ka

    parts = [ka.load_corpus(), make_corpus(300_000, seed=1),
             make_corpus(100_000, mode="repeat")]
    for folder in polnear or ():
        parts.append(ka.load_corpus(folder))
    corpus = pd.concat(parts, ignore_index=True).drop_duplicates("article_id")
    ann = ka.annotate(corpus, cache=False)
    out.mkdir(parents=True, exist_ok=True)
    for name, df in ann.tables().items():
        df.to_parquet(out / f"{name}.parquet")
        print(f"{name}: {len(df):,} rows")
    ann.to_csv(out / "csv")  # the CSV files too: compared byte for byte


def compare(a: Path, b: Path) -> int:
    same = True
    for f in sorted(a.glob("*.parquet")):
        x, y = pd.read_parquet(f), pd.read_parquet(b / f.name)
        try:
            pd.testing.assert_frame_equal(x, y, check_exact=True)
            print(f"same       {f.stem} ({len(x):,} rows)")
        except AssertionError as e:
            same = False
            print(f"DIFFERENT  {f.stem}: {str(e).splitlines()[0]}")
    for f in sorted((a / "csv").glob("*.csv")):
        if f.read_bytes() == (b / "csv" / f.name).read_bytes():
            print(f"same bytes {f.name}")
        else:
            same = False
            print(f"DIFFERENT  {f.name}")
    return 0 if same else 1


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    s = sub.add_parser("snapshot")
    s.add_argument("out", type=Path)
    s.add_argument("--polnear", action="append",
                   help="a folder of real articles to add (repeatable: train, dev)")
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = ap.parse_args(argv)
    if args.command == "compare":
        return compare(args.a, args.b)
    if os.environ.get("PYTHONHASHSEED") is None:  # the same seed for every snapshot
        env = dict(os.environ, PYTHONHASHSEED="0")
        return subprocess.call([sys.executable, __file__, *sys.argv[1:]], env=env)
    snapshot(args.out, args.polnear)
    return 0


if __name__ == "__main__":
    sys.exit(main())
