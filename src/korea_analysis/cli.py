"""``korea-analysis`` command line: ``annotate`` writes tables, ``report`` runs the notebooks."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import yaml

from korea_analysis import __version__


def _parse_value(text: str):
    """``-p name value``: the value is read as YAML, so 3, 0.5, true, [a, b] keep their type."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return text


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="korea-analysis", description=__doc__)
    ap.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    a = sub.add_parser("annotate", help="annotate a corpus and write each table as CSV")
    a.add_argument("corpus", nargs="*", default=None,
                   help="folder(s) of .txt, a .txt, .csv, .tsv, .jsonl or .parquet "
                        "(default: bundled, or what --metadata names)")
    a.add_argument("--out", required=True, help="folder for the CSV tables")
    a.add_argument("--actors", default=None, help="actor dictionary YAML (default: bundled)")
    a.add_argument("--cues", default=None, help="event cue dictionary YAML (default: bundled)")
    a.add_argument("--backend", default=None, help="sentiment backend (default: lexicon+linear)")
    _corpus_options(a)
    a.add_argument("--workers", type=int, default=None,
                   help="processes for the article pass (default: all cores)")
    a.add_argument("--no-cache", action="store_true", help="annotate everything afresh")
    a.add_argument("--scheduler", default=None,
                   help="Dask scheduler address (tcp://host:port) to run the article pass on")

    c = sub.add_parser("cache", help="show or clear the annotation cache")
    c.add_argument("action", choices=["info", "clear"])

    r = sub.add_parser("report", help="run every notebook into reports/ (ipynb + HTML)")
    r.add_argument("--corpus", action="append", default=None,
                   help="corpus path (default: bundled corpus); repeat for several folders")
    r.add_argument("--actors", default=None, help="actor dictionary YAML (default: bundled)")
    _corpus_options(r)
    r.add_argument("--workers", type=int, default=None,
                   help="processes for the annotation pass (default: all cores)")
    r.add_argument("--out", default="reports", help="reports folder (default: reports/)")
    r.add_argument("--only", nargs="+", metavar="NAME", help="run only these notebooks")
    r.add_argument("--jobs", type=int, default=None, help="notebooks at once (default: cores)")
    r.add_argument("--params", metavar="FILE", help="YAML file of notebook parameters")
    r.add_argument("-p", "--param", nargs=2, action="append", default=[],
                   metavar=("NAME", "VALUE"), help="one notebook parameter (value read as YAML)")
    r.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell")
    return ap


def _corpus_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--metadata", default=None, metavar="FILE",
                   help="CSV or TSV naming each article's text file (relative to its folder) "
                        "with its title, outlet and date")
    p.add_argument("--columns", default=None, metavar="MAP",
                   help="our column names = the metadata's, e.g. "
                        "file=filename,source=publisher,published=publication_date")
    p.add_argument("--keep-duplicates", action="store_true",
                   help="keep every copy of a syndicated story (default: count it once)")


def _corpus_arg(values) -> str | None:
    """Several corpus folders are joined with os.pathsep, as load_corpus reads them."""
    return os.pathsep.join(values) if values else None


def _format_warning(message, category, filename, lineno, line=None) -> str:
    """A warning reads as one line naming what was left out, not as a source location."""
    return f"korea-analysis: warning: {message}\n"


def main(argv: list[str] | None = None) -> int:
    import warnings

    from korea_analysis.corpus import CorpusError

    warnings.formatwarning = _format_warning
    args = build_parser().parse_args(argv)
    try:
        if args.command == "annotate":
            return _annotate(args)
        if args.command == "cache":
            return _cache(args)
        return _report(args)
    except Exception as e:
        from korea_analysis.actors import ActorDictionaryError
        from korea_analysis.events import CueDictionaryError
        from korea_analysis.report import ReportError

        if isinstance(e, CorpusError | ActorDictionaryError | CueDictionaryError | ReportError
                      | yaml.YAMLError | OSError):
            print(f"korea-analysis: error: {e}", file=sys.stderr)
            return 2
        raise


def _annotate(args) -> int:
    from korea_analysis.annotate import annotate
    from korea_analysis.corpus import load_corpus
    from korea_analysis.selection import select
    from korea_analysis.sentiment import DEFAULT_BACKEND

    corpus = _corpus_arg(args.corpus)
    articles = load_corpus(corpus if corpus or not args.metadata else None,
                           metadata=args.metadata, columns=args.columns)
    articles, info = select(articles, keep_duplicates=args.keep_duplicates)
    ann = annotate(articles, args.actors, cues=args.cues,
                   backend=args.backend or DEFAULT_BACKEND, cache=False if args.no_cache else None,
                   workers=args.workers or os.cpu_count() or 1, scheduler=args.scheduler)
    for p in ann.to_csv(args.out):
        print(p)
    dups = Path(args.out) / "duplicates.csv"
    info["duplicates"].to_csv(dups, index=False)
    print(dups)
    if info["duplicates_dropped"]:
        print(f"{info['duplicates_dropped']} later copies of syndicated stories left out "
              f"(listed in {dups}; --keep-duplicates keeps them)", file=sys.stderr)
    return 0


def _cache(args) -> int:
    from korea_analysis.cache import clear_cache, default_cache_dir

    if args.action == "clear":
        print(f"removed {clear_cache()}")
    else:
        base = default_cache_dir()
        files = [f for f in base.rglob("*") if f.is_file()] if base.exists() else []
        size = sum(f.stat().st_size for f in files)
        print(f"{base}: {size / 1e6:.1f} MB")
    return 0


def _report(args) -> int:
    from korea_analysis.report import ReportError, run

    params = {}
    if args.params:
        path = Path(args.params)
        if not path.is_file():
            raise ReportError(f"--params {path}: file does not exist")
        loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(loaded, dict):
            raise ReportError(f"--params {path}: expected a mapping of name: value")
        params.update(loaded)
    for name, value in args.param:
        params[name] = _parse_value(value)
    summary = run(corpus=_corpus_arg(args.corpus), actors=args.actors, out=args.out,
                  only=args.only, params=params, jobs=args.jobs, timeout=args.timeout,
                  metadata=args.metadata, columns=args.columns,
                  keep_duplicates=args.keep_duplicates or None, workers=args.workers)
    print(f"index: {summary.run_dir / 'index.html'}")
    if not summary.ok:
        failed = [r.name for r in summary.results if r.status != "ok"]
        print(f"korea-analysis: {len(failed)} notebook(s) failed: {', '.join(failed)}; "
              "earlier reports were left as they were", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
