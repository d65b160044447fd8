"""Score ``find_quotes`` on a PolNeAR split (direct quotes and their speaker mentions).

usage: python benchmarks/polnear.py SPLIT_DIR [--out PRED.csv] [--scorer PATH] [--kinds ...]
       [--ranker]

SPLIT_DIR holds ``text/*.txt`` and ``attributions/*.ann`` (see the shared datasets README).
Writes one prediction row per quotation (article_id, start, end, speaker_start, speaker_end,
plus kind/speaker for reading), runs the shared scorer and prints its figures and the
throughput of ``find_quotes`` in words per second, timed with the sentences precomputed (as
in the pipeline, which splits sentences once for every step) and end to end.

Submitted kinds: ``direct`` and ``partial``. PolNeAR has a gold quote for every quoted
stretch inside an attributed Content, so fragments inside attributed speech count; scare
quotes with no speech cue (``term``) do not, and ``indirect`` has no quotation marks.

The scorer reads brat lines as ``T<n>\\t...``; one train file has a span text broken over a
line, which the scorer cannot parse, so the .ann files are copied to a temporary folder
without lines that carry no tab (no annotation is lost: those are continuation lines).
"""
from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from korea_analysis.quotes import find_quotes
from korea_analysis.text import sentences

SCORER = Path("/work/shared/scripts/score_polnear.py")
FIELDS = ["article_id", "start", "end", "speaker_start", "speaker_end", "kind", "speaker",
          "cue", "quote"]


def predict(text_dir: Path, kinds: set[str]) -> tuple[list[dict], dict[str, float]]:
    """Run find_quotes over every article; return rows and timing figures."""
    find_quotes("“Warm up,” he said.")  # compile the cue patterns before timing
    rows: list[dict] = []
    words = 0
    t_sent = t_find = 0.0
    for path in sorted(text_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        words += len(text.split())
        t0 = time.perf_counter()
        sents = sentences(text)
        t1 = time.perf_counter()
        quotes = find_quotes(text, sents)
        t2 = time.perf_counter()
        t_sent += t1 - t0
        t_find += t2 - t1
        for q in quotes:
            if q.kind not in kinds:
                continue
            rows.append(dict(article_id=path.stem, start=q.start, end=q.end,
                             speaker_start="" if q.speaker_start is None else q.speaker_start,
                             speaker_end="" if q.speaker_end is None else q.speaker_end,
                             kind=q.kind, speaker=q.speaker or "", cue=q.cue or "",
                             quote=q.quote[:80].replace("\n", " ")))
    timing = dict(words=words, find=t_find, total=t_sent + t_find)
    return rows, timing


def clean_annotations(ann_dir: Path, dest: Path) -> None:
    """Copy .ann files without the continuation lines the scorer cannot parse."""
    for f in ann_dir.glob("*.ann"):
        lines = f.read_text(encoding="utf-8").splitlines()
        (dest / f.name).write_text("\n".join(x for x in lines if "\t" in x) + "\n",
                                   encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split_dir", type=Path)
    ap.add_argument("--out", type=Path, default=None, help="prediction CSV (default: temp)")
    ap.add_argument("--scorer", type=Path, default=SCORER)
    ap.add_argument("--kinds", default="direct,partial",
                    help="comma-separated kinds to submit (default: direct,partial)")
    ap.add_argument("--ranker", action="store_true",
                    help="switch on the learned speaker ranker (quotes/ranker.py; off in the "
                         "pass)")
    args = ap.parse_args(argv)
    if args.ranker:
        from korea_analysis.quotes import ranker
        ranker.ENABLED = True
    kinds = set(args.kinds.split(","))
    rows, timing = predict(args.split_dir / "text", kinds)
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp) / "pred.csv"
        with open(out, "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=FIELDS)
            w.writeheader()
            w.writerows(rows)
        ann = Path(tmp) / "ann"
        ann.mkdir()
        clean_annotations(args.split_dir / "attributions", ann)
        res = subprocess.run([sys.executable, str(args.scorer), str(out), str(ann),
                              str(args.split_dir / "text")], capture_output=True, text=True)
        sys.stdout.write(res.stdout)
        sys.stderr.write(res.stderr)
    n = timing["words"]
    print(f"predicted {len(rows)} quotes; {n} words; find_quotes "
          f"{n / timing['find']:,.0f} words/s (sentences given), "
          f"{n / timing['total']:,.0f} words/s including sentence splitting")
    return res.returncode


if __name__ == "__main__":
    raise SystemExit(main())
