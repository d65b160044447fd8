"""Wall time per stage, page sizes and peak memory of every notebook kernel of a whole report.

    .venv/bin/python benchmarks/report.py                      # polnear and polnear10k
    .venv/bin/python benchmarks/report.py --cases synthetic100k --json out.json
    .venv/bin/python benchmarks/report.py --cases polnear --keep   # keep the reports to look at

Runs ``korea-analysis report`` as a user does (a separate process, default workers and jobs
unless given) on:

- ``polnear``: PolNeAR train + dev with ``metadata.tsv`` through the column mapping
  (924 articles, 7 outlets, 2015-2016);
- ``polnear10k``: the same texts repeated to 10,000 articles with distinct ids, written as a
  folder with a metadata TSV, run with ``--keep-duplicates`` so that all 10,000 are analysed
  (the copies are still found, and timed);
- ``synthetic100k``: ``benchmarks/annotate.py``'s recombined generator at 100,000 articles
  (about 52.6M words), as a parquet file; ``synthetic25k`` the first 25,000 of them (the same
  generator and seed), to profile the stages after the pass in a quarter of the time.

Each case starts from an empty annotation cache (``--warm`` reuses one). Memory is sampled
with psutil every 0.5 s: the peak RSS of each notebook kernel (kernels are matched to
notebooks in the order they start) and of the runner with its worker processes. Targets
(issue 13): 10,000 articles under 3 minutes; 100,000 under 10 minutes with every kernel under
3 GB; every page under 5 MB; the index under 1 MB. Not a test: nothing is asserted.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = Path(os.environ.get("POLNEAR", ROOT.parent / "shared" / "datasets" / "polnear"))
if not POLNEAR.is_dir():
    POLNEAR = Path("/work/shared/datasets/polnear")
MAPPING = "file=filename,source=publisher,published=publication_date,title=title"
TARGETS = {"page_mb": 5.0, "index_mb": 1.0, "kernel_gb": 3.0,
           "seconds": {"polnear10k": 180, "synthetic100k": 600}}


# --- the corpora ---------------------------------------------------------------------------------

def polnear_args(_work: Path) -> list[str]:
    return ["--corpus", str(POLNEAR / "train" / "text"), "--corpus", str(POLNEAR / "dev" / "text"),
            "--metadata", str(POLNEAR / "metadata.tsv"), "--columns", MAPPING]


def polnear10k_args(work: Path, n: int = 10_000) -> list[str]:
    """PolNeAR train + dev repeated to ``n`` articles: ``<name>-r<k>.txt`` and a metadata TSV."""
    sys.path.insert(0, str(ROOT / "src"))
    from korea_analysis.corpus import load_corpus

    base = load_corpus([POLNEAR / "train" / "text", POLNEAR / "dev" / "text"],
                       metadata=POLNEAR / "metadata.tsv", columns=MAPPING)
    folder = work / "polnear10k"
    folder.mkdir()
    rows = ["filename\tpublisher\tpublication_date\ttitle"]
    k = 0
    while len(rows) - 1 < n:
        for r in base.itertuples():
            if len(rows) - 1 >= n:
                break
            name = f"{r.article_id}-r{k}"
            (folder / f"{name}.txt").write_text(r.text, encoding="utf-8")
            date = r.published.strftime("%Y-%m-%d") if r.published == r.published else ""
            title = (r.title or "").replace("\t", " ")
            rows.append(f"{name}\t{r.source or ''}\t{date}\t{title}")
        k += 1
    (work / "polnear10k.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return ["--corpus", str(folder), "--metadata", str(work / "polnear10k.tsv"),
            "--columns", MAPPING, "--keep-duplicates"]


def synthetic100k_args(work: Path, n: int = 100_000) -> list[str]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from annotate import make_corpus

    df = make_corpus(articles=n)
    df["source"] = [f"Outlet {i % 12}" for i in range(len(df))]  # a dozen outlets
    path = work / "synthetic100k.parquet"
    df.to_parquet(path, index=False)
    return ["--corpus", str(path)]


CASES = {"polnear": polnear_args, "polnear10k": polnear10k_args,
         "synthetic100k": synthetic100k_args,
         # a quarter of it, for profiling the stages after the pass on a shared machine
         "synthetic25k": lambda work: synthetic100k_args(work, 25_000)}


# --- running and measuring -----------------------------------------------------------------------

class Sampler(threading.Thread):
    """Peak RSS of each kernel under ``pid`` and of the rest of its process tree together."""

    def __init__(self, pid: int, every: float = 0.5):
        super().__init__(daemon=True)
        self.root, self.every = psutil.Process(pid), every
        self.kernels: dict[int, dict] = {}  # pid -> {"start": t, "peak": bytes}
        self.others_peak = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                break
            others = 0
            for p in procs:
                try:
                    rss = p.memory_info().rss
                    cmd = p.cmdline()
                    if any("ipykernel" in c for c in cmd) and "-f" in cmd:  # a kernel itself
                        k = self.kernels.setdefault(p.pid, {"start": p.create_time(), "peak": 0,
                                                            "ppid": p.ppid()})
                        k["peak"] = max(k["peak"], rss)
                    else:
                        others += rss
                except psutil.Error:
                    continue
            self.others_peak = max(self.others_peak, others)
            self._done.wait(self.every)

    def stop(self) -> None:
        self._done.set()
        self.join()


def run_case(name: str, work: Path, *, workers: int | None, jobs: int | None, warm: str | None,
             extra: list[str]) -> dict:
    t0 = time.perf_counter()
    args = CASES[name](work)
    prepare = time.perf_counter() - t0
    out = work / "reports"
    cmd = [str(Path(sys.executable).with_name("korea-analysis")), "report", *args,
           "--out", str(out), *extra]
    if workers:
        cmd += ["--workers", str(workers)]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    env = dict(os.environ, PYTHONUNBUFFERED="1",
               KOREA_ANALYSIS_CACHE=warm or str(work / "cache"))
    lines: list[tuple[float, str]] = []
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=env, cwd=work)
    sampler = Sampler(proc.pid)
    sampler.start()
    for line in proc.stdout:
        lines.append((time.perf_counter() - start, line.rstrip("\n")))
        print(f"  [{lines[-1][0]:7.1f}s] {line.rstrip()}", flush=True)
    rc = proc.wait()
    wall = time.perf_counter() - start
    sampler.stop()
    return summarise(name, rc, wall, prepare, lines, sampler, out)


def summarise(name, rc, wall, prepare, lines, sampler, out: Path) -> dict:
    stages, started, notebooks = {}, [], {}
    for t, line in lines:
        if m := re.match(r"loaded (\d+) article\(s\) in ([\d.]+)s", line):
            stages["load"] = float(m[2])
            stages["n_loaded"] = int(m[1])
        elif m := re.match(r"selected (\d+) article\(s\) in ([\d.]+)s \((\d+) syndicated", line):
            stages["select_and_duplicates"] = float(m[2])
            stages["n_articles"], stages["copies_found"] = int(m[1]), int(m[3])
        elif m := re.match(r"annotated \d+ article\(s\) in ([\d.]+)s", line):
            stages["annotation_pass"] = float(m[1])
            stages["runner_before_notebooks"] = t
        elif m := re.match(r"\[(\S+)\] started", line):
            started.append(m[1])
        elif m := re.match(r"\[(\S+)\] (ok|failed) in ([\d.]+)s(?:: (.*))?", line):
            notebooks[m[1]] = {"status": m[2], "seconds": float(m[3]), "error": m[4] or ""}
    kernels = sorted(sampler.kernels.values(), key=lambda k: k["start"])
    for nb, k in zip(started, kernels, strict=False):
        notebooks.setdefault(nb, {})["kernel_peak_gb"] = round(k["peak"] / 1e9, 2)
    run_dirs = sorted(p for p in out.iterdir() if p.is_dir() and not p.is_symlink()) if (
        out.is_dir()) else []
    pages = {}
    if run_dirs:
        run_dir = run_dirs[-1]
        for f in sorted(run_dir.glob("*.html")):
            pages[f.name] = round(f.stat().st_size / 1e6, 3)
        fig = run_dir / "figures"
        pages["figures/ (all files)"] = round(sum(f.stat().st_size for f in fig.rglob("*")
                                                  if f.is_file()) / 1e6, 3) if fig.is_dir() else 0
    return {"case": name, "returncode": rc, "wall_seconds": round(wall, 1),
            "prepare_corpus_seconds": round(prepare, 1), "stages": stages,
            "notebooks": notebooks, "pages_mb": pages,
            "runner_and_workers_peak_gb": round(sampler.others_peak / 1e9, 2),
            "kernels_sampled": [{"peak_gb": round(k["peak"] / 1e9, 2), "ppid": k["ppid"]}
                                for k in kernels],
            "run_dir": str(run_dirs[-1]) if run_dirs else ""}


def report_lines(r: dict) -> list[str]:
    s = r["stages"]
    out = [f"## {r['case']}: exit {r['returncode']}, {r['wall_seconds']} s wall "
           f"(target {TARGETS['seconds'].get(r['case'], '-')} s)",
           f"- corpus written in {r['prepare_corpus_seconds']} s (not counted)",
           f"- load {s.get('load', '?')} s ({s.get('n_loaded', '?')} articles); select + "
           f"duplicates {s.get('select_and_duplicates', '?')} s ({s.get('copies_found', '?')} "
           f"copies); annotation pass {s.get('annotation_pass', '?')} s; notebooks start at "
           f"{s.get('runner_before_notebooks', 0):.1f} s",
           f"- runner + annotation workers peak RSS {r['runner_and_workers_peak_gb']} GB"]
    for nb, v in r["notebooks"].items():
        size = r["pages_mb"].get(f"{nb}.html", "-")
        out.append(f"- {nb}: {v.get('status', '?')} in {v.get('seconds', '?')} s, kernel peak "
                   f"{v.get('kernel_peak_gb', '?')} GB, page {size} MB"
                   + (f" — {v['error']}" if v.get("error") else ""))
    out.append(f"- index.html {r['pages_mb'].get('index.html', '-')} MB; figures "
               f"{r['pages_mb'].get('figures/ (all files)', '-')} MB")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", default="polnear,polnear10k",
                    help=f"comma-separated, of {', '.join(CASES)}")
    ap.add_argument("--workers", type=int, default=None, help="--workers of the report")
    ap.add_argument("--jobs", type=int, default=None, help="--jobs of the report")
    ap.add_argument("--warm", default=None, metavar="CACHE", help="reuse this annotation cache")
    ap.add_argument("--keep", action="store_true", help="keep the work folder (reports)")
    ap.add_argument("--json", default=None, help="write the figures here as JSON")
    ap.add_argument("--only", nargs="+", default=None, help="--only of the report")
    args = ap.parse_args(argv)
    extra = ["--only", *args.only] if args.only else []
    results = []
    for name in args.cases.split(","):
        if name not in CASES:
            ap.error(f"unknown case {name!r}; have {', '.join(CASES)}")
        work = Path(tempfile.mkdtemp(prefix=f"ka-bench-{name}-"))
        print(f"# {name} in {work}", flush=True)
        try:
            r = run_case(name, work, workers=args.workers, jobs=args.jobs, warm=args.warm,
                         extra=extra)
        finally:
            if not args.keep:
                shutil.rmtree(work, ignore_errors=True)
        results.append(r)
        print("\n".join(report_lines(r)), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    print("\n".join(line for r in results for line in report_lines(r)))
    return 0 if all(r["returncode"] == 0 for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
