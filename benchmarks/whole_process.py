"""``korea-analysis annotate`` as a whole process, against spaCy + textacy on the same words.

    .venv/bin/python benchmarks/whole_process.py                  # 200,000 words, best of 3
    .venv/bin/python benchmarks/whole_process.py --repeat 5 --spacy 0   # ours only
    .venv/bin/python benchmarks/whole_process.py --profile        # pyinstrument, one run

Why: the issue's figure is the whole command a user runs (interpreter start, imports, loading
the corpus, the article pass, the corpus tables, the CSV files), not the pass alone. The
corpus is ``benchmarks/annotate.py``'s generator (bundled peninsula paragraphs recombined,
seeded), written as one CSV file with dates. Each run is a fresh process:

- ``total``: wall time of ``korea-analysis annotate CORPUS --out DIR`` (a fresh cache folder
  each run, as a first run does; ``--no-cache`` with ``--cache none``);
- the phases come from a second fresh process that runs the same command through
  ``cli.main`` with timers around its steps: ``imports`` (from interpreter start to the
  modules the command needs, not those imported on first use), ``load`` (load_corpus),
  ``select`` (selection.select: the syndicated-duplicates search),
  ``pass`` (the article pass, with reading the dictionaries), ``tables`` (reading the cache
  back and the corpus tables), ``csv`` (writing every table).

Ours runs with ``--workers 1`` and with every core (``--workers``: the counts to compare); spaCy
+ textacy (``benchmarks/spacy_route.py``) runs once on the same texts with as many processes
(``nlp.pipe(n_process=…)``), so each ratio compares like with like; its ``pass`` excludes
imports and the model load, which are shown apart. The ratio printed is
spaCy's pass alone against our whole process (the conservative one), and whole against whole.
The machine is shared: ``uptime``'s load average is printed beside every figure, and the
best of ``--repeat`` runs is kept. Not a test: nothing is asserted.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

#: Runs ``korea-analysis annotate`` in this fresh process with timers around its steps.
PHASES = r"""
import json, sys, time
t0 = time.perf_counter()
import korea_analysis.cli as cli
import korea_analysis.annotate, korea_analysis.corpus, korea_analysis.selection
import korea_analysis.sentiment, korea_analysis.parallel, korea_analysis.progress
import korea_analysis.cache
A = sys.modules["korea_analysis.annotate"]  # the package's ``annotate`` is the function
C, S = sys.modules["korea_analysis.corpus"], sys.modules["korea_analysis.selection"]
t = {"imports": time.perf_counter() - t0 + float(sys.argv[1])}
c = {"imports": time.process_time()}  # CPU seconds since the process started

def timed(name, f):
    def g(*a, **k):
        s, sc = time.perf_counter(), time.process_time()
        try:
            return f(*a, **k)
        finally:
            t[name] = t.get(name, 0.0) + time.perf_counter() - s
            c[name] = c.get(name, 0.0) + time.process_time() - sc
    return g

A.corpus_tables = timed("corpus_tables", A.corpus_tables)
A._stored = timed("read_cache", A._stored)
A.Annotations.to_csv = timed("csv", A.Annotations.to_csv)
A.annotate = timed("annotate", A.annotate)
C.load_corpus = timed("load", C.load_corpus)
S.select = timed("select", S.select)
s, sc = time.perf_counter(), time.process_time()
rc = cli.main(sys.argv[2:])
t["main"], c["main"] = time.perf_counter() - s, time.process_time() - sc
print("PHASES " + json.dumps({"wall": t, "cpu": c}), file=sys.stderr)
sys.exit(rc)
"""


def load_average() -> str:
    return "load {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def write_corpus(words: int, folder: Path) -> tuple[Path, list[str], int]:
    from annotate import make_corpus

    corpus = make_corpus(words)
    path = folder / "corpus.csv"
    corpus[["article_id", "title", "source", "published", "text"]].to_csv(path, index=False)
    texts = corpus["text"].tolist()
    return path, texts, sum(len(t.split()) for t in texts)


def startup_seconds() -> float:
    """An empty interpreter's start, added to the measured imports of the phases run."""
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        best = min(best, time.perf_counter() - t0)
    return best


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _argv(corpus: Path, out: Path, cache: str, workers: int = 1) -> list[str]:
    return ["annotate", str(corpus), "--out", str(out), "--workers", str(workers)] + (
        ["--no-cache"] * (cache == "none"))


def run_whole(corpus: Path, out: Path, cache: str, env: dict, workers: int = 1
              ) -> tuple[float, float]:
    """Wall and CPU seconds of the command itself."""
    cmd = [str(Path(sys.executable).with_name("korea-analysis")),
           *_argv(corpus, out, cache, workers)]
    t0, c0 = time.perf_counter(), _children_cpu()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0, _children_cpu() - c0


def run_phases(corpus: Path, out: Path, cache: str, env: dict, start: float,
               workers: int = 1) -> dict:
    """Seconds of each step, ``{"wall": {...}, "cpu": {...}}`` (CPU of this process only:
    with workers, theirs is not in it)."""
    r = subprocess.run([sys.executable, "-c", PHASES, str(start),
                        *_argv(corpus, out, cache, workers)],
                       env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True)
    line = [x for x in r.stderr.splitlines() if x.startswith("PHASES ")][-1]
    out = {}
    for kind, t in json.loads(line.removeprefix("PHASES ")).items():
        tables = t.get("corpus_tables", 0.0) + t.get("read_cache", 0.0)
        load, select = t.get("load", 0.0), t.get("select", 0.0)
        out[kind] = {"imports": t["imports"], "load": load, "select": select,
                     "pass": t["annotate"] - tables, "tables": tables, "csv": t["csv"],
                     "other": t["main"] - t["annotate"] - t["csv"] - load - select}
    return out


def _phases_line(p: dict, words: int) -> str:
    return (f"imports {p['imports']:.2f}, load {p['load']:.2f}, select (duplicates) "
            f"{p['select']:.2f}, pass {p['pass']:.2f} "
            f"({words / p['pass']:,.0f} words/s), tables {p['tables']:.2f}, csv "
            f"{p['csv']:.2f}, other {p['other']:.2f} s")


def profile(corpus: Path, out: Path, cache: str, env: dict) -> None:
    argv = _argv(corpus, out, cache, 1)
    subprocess.run([sys.executable, "-m", "pyinstrument", "-m", "korea_analysis.cli", *argv],
                   env=env, check=True)


def spacy_whole(texts: list[str], n_process: int = 1) -> dict | None:
    import spacy_route

    why = spacy_route.available()
    if why:
        print(f"spaCy + textacy: skipped ({why})")
        return None
    code = ("import time,sys; t0=time.perf_counter(); import spacy, textacy, "
            "textacy.extract.triples; sys.path.insert(0, sys.argv[1]); import spacy_route; "
            "print(time.perf_counter()-t0)")
    r = subprocess.run([sys.executable, "-c", code, str(HERE)], check=True,
                       capture_output=True, text=True)
    imports = float(r.stdout.split()[-1])
    res = spacy_route.run(texts, n_process=n_process)
    res["imports"] = imports
    return res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=200_000)
    ap.add_argument("--repeat", type=int, default=3, help="runs of ours; the best is kept")
    ap.add_argument("--cache", choices=["tmp", "none"], default="tmp",
                    help="tmp: a fresh cache folder per run (default); none: --no-cache")
    ap.add_argument("--spacy", type=int, default=1, help="1: run spaCy + textacy; 0: skip")
    ap.add_argument("--profile", action="store_true", help="one run under pyinstrument")
    ap.add_argument("--workers", default=None,
                    help="comma-separated process counts to compare, each against spaCy "
                         "with as many processes (default: 1 and every core)")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="ka-whole-") as tmp:
        tmp = Path(tmp)
        corpus, texts, words = write_corpus(args.words, tmp)
        print(f"corpus: {len(texts):,} articles, {words:,} words, {corpus.stat().st_size:,} "
              f"bytes CSV; {os.cpu_count()} cores; {load_average()}", flush=True)
        env = dict(os.environ)  # the progress bar as a user sees it (on stderr)

        def fresh_env(i: int) -> dict:
            return dict(env, KOREA_ANALYSIS_CACHE=str(tmp / f"cache-{i}"))

        if args.profile:
            profile(corpus, tmp / "out-p", args.cache, fresh_env(-1))
            return 0
        start = startup_seconds()
        counts = sorted({int(w) for w in (args.workers or f"1,{os.cpu_count() or 1}").split(",")})
        for workers in counts:
            if measure(args, corpus, texts, words, tmp, fresh_env, start, workers):
                break
    return 0


def measure(args, corpus, texts, words, tmp, fresh_env, start, workers) -> bool:
    """Ours with ``workers`` processes, then spaCy with as many; True to stop (no spaCy)."""
    print(f"--- {workers} process(es) ---", flush=True)
    totals, phases = [], []
    for i in range(args.repeat):
        k = 1000 * workers + i
        totals.append(run_whole(corpus, tmp / f"out-{k}", args.cache, fresh_env(k), workers))
        phases.append(run_phases(corpus, tmp / f"outp-{k}", args.cache,
                                 fresh_env(100 + k), start, workers))
        print(f"run {i + 1}: total {totals[-1][0]:.2f} s wall, {totals[-1][1]:.2f} s CPU"
              f"; {load_average()}", flush=True)
        for kind in ("wall", "cpu"):
            print(f"  {kind:4}: {_phases_line(phases[-1][kind], words)}")
    total, cpu = min(t[0] for t in totals), min(t[1] for t in totals)
    print(f"korea-analysis annotate --workers {workers} (cache={args.cache}), best of "
          f"{args.repeat}: total {total:.2f} s wall ({words / total:,.0f} words/s), {cpu:.2f} s "
          f"CPU ({words / cpu:,.0f} words/s); {load_average()}")
    for kind in ("wall", "cpu"):
        best = {k: min(p[kind][k] for p in phases) for k in phases[0][kind]}
        print(f"  best {kind:4}: {_phases_line(best, words)}; tables+csv "
              f"{best['tables'] + best['csv']:.2f} s", flush=True)
    if not args.spacy:
        return False
    r = spacy_whole(texts, workers)
    if r is None:
        return True
    spacy_total = r["imports"] + r["load_seconds"] + r["seconds"]
    print(f"spaCy + textacy ({r['model_source']} {r['model_version']}, spacy "
          f"{r['spacy_version']}, textacy {r['textacy_version']}, n_process={workers}): pass "
          f"{r['seconds']:.1f} s wall ({words / r['seconds']:,.0f} words/s), "
          f"{r['cpu_seconds']:.1f} s CPU (this process), imports "
          f"{r['imports']:.1f} s, model load {r['load_seconds']:.1f} s; {r['quotes']:,} "
          f"quotes, {r['failed_docs']} docs refused; {load_average()}", flush=True)
    print(f"ratio at {workers} process(es) (wall): spaCy + textacy pass alone / our whole "
          f"process = {r['seconds'] / total:.1f}x; whole / whole = {spacy_total / total:.1f}x")
    if workers == 1:
        print(f"ratio (CPU): spaCy + textacy pass alone / our whole process = "
              f"{r['cpu_seconds'] / cpu:.1f}x")
    return False


if __name__ == "__main__":
    sys.exit(main())
