"""Run every notebook with papermill into its own report folder and export HTML.

Each run writes ``<out>/<timestamp>/`` (executed ``.ipynb``, HTML with the code hidden, the
charts' PNG + CSV, ``index.html``); ``<out>/latest`` is switched to it only when every
notebook succeeded, so a failed run never replaces or deletes the last good reports.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from korea_analysis import __version__
from korea_analysis.corpus import DEFAULT_CORPUS, split_paths

NOTEBOOK_DIR = Path(__file__).resolve().parents[2] / "notebooks"
KERNEL_NAME = "korea-analysis"
CELL_TIMEOUT = 600  # seconds per cell


class ReportError(RuntimeError):
    """A problem found before anything runs (bad parameter, missing notebook, bad folder)."""


@dataclass
class NotebookResult:
    name: str
    title: str
    question: str
    status: str = "pending"  # ok | failed
    seconds: float = 0.0
    error: str = ""
    ipynb: str = ""
    html: str = ""
    thumbnail: str = ""  # data: URI of the main chart (the index shows it downscaled)
    parameters: dict = field(default_factory=dict)


# --- kernel -------------------------------------------------------------------------------------

def ensure_kernel(name: str = KERNEL_NAME) -> str:
    """Make sure the project's kernel spec exists in this environment (installs it if not)."""
    from jupyter_client.kernelspec import KernelSpecManager

    if name not in KernelSpecManager().find_kernel_specs():
        from ipykernel.kernelspec import install

        install(kernel_name=name, display_name="Python (korea-analysis)", prefix=sys.prefix)
    return name


def kernel_manager_class():
    """Kernels that talk to the runner over Unix sockets in a private folder (IPC) rather than
    TCP ports: nothing listens on the network, and the kernel has no reason to print its
    "running over TCP without encryption" warning into the user's terminal. TCP elsewhere.
    Either way a finished kernel is shut down without first being interrupted
    (:func:`_quiet_shutdown`)."""
    if os.name != "posix":
        return _QuietKernelManager()
    return _IPCKernelManager()


def _quiet_shutdown(cls):
    """``cls`` whose kernels are asked to shut down without an interrupt first.

    jupyter_client interrupts a kernel before asking it to shut down; the kernel, idle after
    the last cell, answers SIGINT with "[IPKernelApp] ERROR | KeyboardInterrupt caught in
    kernel" on its stderr -- the runner's terminal. A notebook's kernel is only shut down
    once papermill is done with it, so there is nothing to interrupt: the shutdown request
    alone ends it, and one that does not answer (a cell that timed out, still running) is
    killed by jupyter_client after its wait, as before."""

    class Quiet(cls):
        async def _async_interrupt_kernel(self) -> None:
            if getattr(self, "shutting_down", False):
                return
            await super()._async_interrupt_kernel()

    Quiet.__name__ = Quiet.__qualname__ = f"Quiet{cls.__name__}"
    return Quiet


def _QuietKernelManager():  # noqa: N802 - built on first use: jupyter_client imports are slow
    from jupyter_client.manager import AsyncKernelManager

    return _quiet_shutdown(AsyncKernelManager)


def _IPCKernelManager():  # noqa: N802 - built on first use: jupyter_client imports are slow
    global _IPC_KM
    if _IPC_KM is None:
        import shutil
        import tempfile

        from jupyter_client.manager import AsyncKernelManager
        from traitlets import default

        class IPCKernelManager(_quiet_shutdown(AsyncKernelManager)):
            @default("transport")
            def _transport_default(self):
                return "ipc"

            @default("ip")
            def _ip_default(self):
                # a short path (Unix socket names are limited to ~100 bytes), private (0700)
                self._ipc_dir = tempfile.mkdtemp(prefix="ka-kernel-")
                return os.path.join(self._ipc_dir, "k")

            async def _async_cleanup_resources(self, restart: bool = False) -> None:
                await super()._async_cleanup_resources(restart=restart)
                if not restart and getattr(self, "_ipc_dir", None):
                    shutil.rmtree(self._ipc_dir, ignore_errors=True)

        _IPC_KM = IPCKernelManager
    return _IPC_KM


_IPC_KM = None


# --- notebooks and their parameters -------------------------------------------------------------

def discover(nb_dir: str | os.PathLike = NOTEBOOK_DIR, only: list[str] | None = None) -> list[Path]:
    nb_dir = Path(nb_dir)
    found = sorted(p for p in nb_dir.glob("*.ipynb") if not p.name.startswith("."))
    if only:
        chosen = []
        for name in only:
            hits = [p for p in found if p.stem == name or p.name == name or
                    p.stem.split("_", 1)[-1] == name or p.stem.startswith(name)]
            if not hits:
                raise ReportError(f"--only {name}: no such notebook in {nb_dir} "
                                  f"(have: {', '.join(p.stem for p in found)})")
            chosen += [h for h in hits if h not in chosen]
        found = chosen
    if not found:
        raise ReportError(f"{nb_dir}: no notebooks found")
    return found


_TYPES = {"str": str, "int": int, "float": (int, float), "bool": bool, "list": list,
          "dict": dict, "None": type(None), "NoneType": type(None)}


def _type_ok(value, type_name: str) -> bool:
    names = [t.strip() for t in type_name.replace("Optional[", "").rstrip("]").split("|")]
    types = []
    for n in names:
        base = n.split("[", 1)[0]
        if base not in _TYPES:
            return True  # a type we do not check
        types.append(_TYPES[base])
    if isinstance(value, bool) and bool not in types:
        return False
    return isinstance(value, tuple(t for ts in types for t in (ts if isinstance(ts, tuple) else
                                                                (ts,))))


def declared_parameters(nb: Path) -> dict:
    import papermill

    return papermill.inspect_notebook(str(nb))


def check_parameters(notebooks: list[Path], params: dict) -> dict[Path, dict]:
    """Split ``params`` per notebook; unknown names and wrong types are errors, not warnings."""
    declared = {nb: declared_parameters(nb) for nb in notebooks}
    known = {name for d in declared.values() for name in d}
    unknown = sorted(set(params) - known)
    if unknown:
        raise ReportError(f"unknown parameter(s) {', '.join(unknown)}; the notebooks declare: "
                          f"{', '.join(sorted(known))}")
    per_nb = {}
    for nb, decl in declared.items():
        mine = {}
        for name, value in params.items():
            if name not in decl:
                continue
            tname = decl[name].get("inferred_type_name") or "None"
            if not _type_ok(value, tname):
                raise ReportError(f"parameter {name}={value!r} ({type(value).__name__}) does not "
                                  f"match {nb.name}'s declared type {tname}")
            mine[name] = value
        per_nb[nb] = mine
    return per_nb


def notebook_intro(nb: Path) -> tuple[str, str]:
    """Title (first ``# `` heading) and the question it answers (the paragraph after it)."""
    book = nbformat.read(nb, as_version=4)
    for cell in book.cells:
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith("# "):
            head, _, rest = cell.source.strip().partition("\n")
            first_para = rest.strip().split("\n\n")[0]
            return head[2:].strip(), " ".join(first_para.split())
    return nb.stem, ""


# --- execution -----------------------------------------------------------------------------------

def export_html(ipynb: Path, out: Path) -> Path:
    """HTML with code cells hidden and images embedded; what it shows needs no network."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nbformat.read(ipynb, as_version=4))
    body = _strip_remote_scripts(body).replace("</head>", _REPORT_CSS + "</head>", 1)
    out.write_text(body, encoding="utf-8")
    return out


# Text reads left to right: left-align table cells (numbers stay right-aligned by pandas'
# own inline styles where set), and keep long evidence sentences wrapping. A code cell or output
# with nothing to see takes no room instead of leaving an empty box under the introduction: the
# parameters cells (no output) and the script that loads itables' offline library (an output
# that starts with a script and shows nothing; its <noscript> note is not in the page when
# scripts run, and hiding the output does not stop the script).
_REPORT_CSS = """<style>
.jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th {
  text-align: left !important; vertical-align: top; }
.jp-RenderedHTMLCommon td { max-width: 40em; min-width: 3em; }
.jp-CodeCell.jp-mod-noInput.jp-mod-noOutputs,
:is(.jp-CodeCell.jp-mod-noInput, .jp-OutputArea-child):has(
  .jp-OutputArea-output > script:first-child):not(:has(table, img, svg, canvas, iframe, pre, p)) {
  display: none; }
</style>
"""


def _strip_remote_scripts(page: str) -> str:
    """Remove <script src="https://…"> (require.js, MathJax): reports must render offline."""
    import re

    return re.sub(r'<script[^>]+src="https?://[^"]*"[^>]*>\s*</script>', "", page)


def _first_png(ipynb: Path) -> str:
    book = nbformat.read(ipynb, as_version=4)
    for cell in book.cells:
        for o in cell.get("outputs", []):
            png = o.get("data", {}).get("image/png")
            if png:
                return "data:image/png;base64," + "".join(png.split())
    return ""


def execute_one(nb: Path, run_dir: Path, params: dict, *, kernel: str = KERNEL_NAME,
                timeout: int = CELL_TIMEOUT, log=print) -> NotebookResult:
    import papermill

    title, question = notebook_intro(nb)
    res = NotebookResult(name=nb.stem, title=title, question=question, parameters=params)
    out_nb = run_dir / f"{nb.stem}.ipynb"
    t0 = time.perf_counter()
    log(f"[{nb.stem}] started")
    try:
        papermill.execute_notebook(
            str(nb), str(out_nb), parameters=params, kernel_name=kernel, cwd=str(nb.parent),
            progress_bar=False, execution_timeout=timeout, log_output=False,
            kernel_manager_class=kernel_manager_class())
        export_html(out_nb, run_dir / f"{nb.stem}.html")
        res.status, res.html = "ok", f"{nb.stem}.html"
        res.thumbnail = _first_png(out_nb)
    except Exception as e:  # a raising cell, a dead kernel, a timeout: all recorded, none fatal
        res.status = "failed"
        res.error = _short_error(e)
        if out_nb.exists():
            failed = out_nb.with_name(f"{nb.stem}.failed.ipynb")
            out_nb.replace(failed)
            out_nb = failed
    res.seconds = time.perf_counter() - t0
    res.ipynb = out_nb.name if out_nb.exists() else ""
    log(f"[{nb.stem}] {res.status} in {res.seconds:.1f}s" + (f": {res.error}" if res.error else ""))
    return res


def _short_error(e: Exception) -> str:
    ename = getattr(e, "ename", type(e).__name__)
    evalue = getattr(e, "evalue", str(e))
    return f"{ename}: {evalue}".strip()[:500]


# --- the run -------------------------------------------------------------------------------------

@dataclass
class RunSummary:
    run_dir: Path
    results: list[NotebookResult]
    corpus: dict

    @property
    def ok(self) -> bool:
        return all(r.status == "ok" for r in self.results)


def corpus_summary(corpus, actors=None, log=print, *, metadata="", columns="",
                   date_from="", date_to="", keep_duplicates=False, backend=None,
                   workers=1, selection=None) -> dict:
    """Load, choose and annotate the corpus once, as the notebooks will (filling the cache
    every notebook then reads); returns the selection info plus a content hash.

    ``selection``: a file to keep the choice in for the notebooks
    (:func:`korea_analysis.selection.write_selection`), so that their kernels read the
    article keys back instead of loading and hashing every article's text again."""
    import warnings

    from korea_analysis.annotate import annotate
    from korea_analysis.cache import article_keys
    from korea_analysis.corpus import CorpusWarning
    from korea_analysis.selection import load_and_select, write_selection
    from korea_analysis.sentiment import DEFAULT_BACKEND

    # the same steps as views.load, so the notebooks find every article in the cache
    articles, info = load_and_select(corpus, metadata=metadata, columns=columns,
                                     date_from=date_from, date_to=date_to,
                                     keep_duplicates=keep_duplicates, log=log)
    for note in info["notes"]:  # a warning line in the terminal; the notebooks print them
        warnings.warn(note, CorpusWarning, stacklevel=2)
    t0 = time.perf_counter()
    backend = backend or DEFAULT_BACKEND
    annotate(articles, actors or None, backend=backend, workers=workers)
    log(f"annotated {len(articles)} article(s) in {time.perf_counter() - t0:.1f}s "
        f"with {workers} worker(s)")
    keys = article_keys(articles)  # each a hash of id, metadata and text
    if selection is not None:
        write_selection(selection, dict(corpus=corpus, actors=actors, metadata=metadata,
                                        columns=columns, date_from=date_from,
                                        date_to=date_to, keep_duplicates=keep_duplicates,
                                        backend=backend), keys, info)
    digest = hashlib.sha256()
    for key in sorted(keys):
        digest.update(key.encode())
    info.pop("duplicates", None)
    info.pop("notes", None)
    info.update(path=info.get("path") or str(DEFAULT_CORPUS), articles=info["n_articles"],
                sha256=digest.hexdigest()[:16])
    return info


def new_run_dir(out: Path) -> Path:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ReportError(f"{out}: cannot create the output folder ({e.strerror})") from None
    if not os.access(out, os.W_OK):
        raise ReportError(f"{out}: output folder is not writable")
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    run_dir, k = out / stamp, 1
    while run_dir.exists():
        k += 1
        run_dir = out / f"{stamp}-{k}"
    run_dir.mkdir()
    return run_dir


def publish(out: Path, run_dir: Path, names: list[str]) -> None:
    """Point ``latest`` (atomically) and top-level ``<name>.html`` links at a complete run."""
    latest = out / "latest"
    if latest.exists() and not latest.is_symlink():
        raise ReportError(f"{latest} exists and is not a link; move it away to publish")
    tmp = out / f".latest-{os.getpid()}"
    if tmp.is_symlink():
        tmp.unlink()
    os.symlink(run_dir.name, tmp)
    os.replace(tmp, latest)
    for name in names + ["index"]:
        link = out / f"{name}.html"
        if link.is_symlink() or not link.exists():
            if link.is_symlink():
                link.unlink()
            os.symlink(f"latest/{name}.html", link)


def run(*, corpus=None, actors=None, out="reports", only=None, params=None, jobs=None,
        nb_dir=NOTEBOOK_DIR, timeout=CELL_TIMEOUT, log=print, metadata=None, columns=None,
        keep_duplicates=None, workers=None) -> RunSummary:
    """Execute the notebooks; returns the summary (``.ok`` is False if any failed).

    The corpus is annotated once here, with ``workers`` processes (default: all cores),
    before any notebook starts; the notebooks then read the cache.
    """
    from korea_analysis.selection import SELECTION_ENV

    notebooks = discover(nb_dir, only)
    params = dict(params or {})
    for key, value in (("corpus", corpus), ("actors", actors), ("metadata", metadata),
                       ("columns", columns), ("keep_duplicates", keep_duplicates)):
        if value is not None and value != "":
            params[key] = value
    for key in ("corpus", "actors", "metadata"):
        if params.get(key):
            paths = split_paths(params[key]) if key == "corpus" else [Path(params[key])]
            for p in paths:
                if not p.exists():
                    raise ReportError(f"--{key} {p}: path does not exist")
            params[key] = os.pathsep.join(str(p.resolve()) for p in paths)
    per_nb = check_parameters(notebooks, params)
    workers = workers or os.cpu_count() or 1
    import tempfile

    scratch = tempfile.TemporaryDirectory(prefix="korea-analysis-run-")
    selection = Path(scratch.name) / "selection.json"
    corpus_info = corpus_summary(
        params.get("corpus") or None, params.get("actors"), log=log,
        metadata=params.get("metadata", ""), columns=params.get("columns", ""),
        date_from=params.get("date_from", ""), date_to=params.get("date_to", ""),
        keep_duplicates=params.get("keep_duplicates", False), backend=params.get("backend"),
        workers=workers, selection=selection)
    kernel = ensure_kernel()
    out = Path(out).resolve()
    run_dir = new_run_dir(out)
    # figures belong to the run, whichever folder this was called from: a relative
    # figures_dir is taken inside the run folder, and charts saved without one
    # ($KOREA_ANALYSIS_FIGURES, which the kernels inherit) land there too
    figures = run_dir / (params.get("figures_dir") or "figures")
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(notebooks)))
    log(f"korea-analysis {__version__}: {len(notebooks)} notebook(s), {jobs} at a time, "
        f"corpus {corpus_info['articles']} article(s) -> {run_dir}")
    results: dict[Path, NotebookResult] = {}
    log = _serialised(log)  # the notebooks' threads log whole lines
    # the kernels inherit this environment; they run `jobs` at a time, so one BLAS thread
    # each (multi-threaded OpenBLAS made the alignment bootstrap ~5x slower on 2 shared cores)
    # and each reads the runner's selection of articles back (views.load) instead of
    # loading the corpus again
    kernel_env = {"KOREA_ANALYSIS_FIGURES": str(figures),
                  "OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS", "1"),
                  SELECTION_ENV: str(selection)}
    saved_env = {k: os.environ.get(k) for k in kernel_env}
    os.environ.update(kernel_env)
    try:
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            futs = {}
            for nb in notebooks:
                p = dict(per_nb[nb])
                if "figures_dir" in declared_parameters(nb):
                    p["figures_dir"] = str(figures)
                futs[pool.submit(execute_one, nb, run_dir, p, kernel=kernel, timeout=timeout,
                                 log=log)] = nb
            for done, fut in enumerate(as_completed(futs), start=1):
                results[futs[fut]] = fut.result()
                log(f"progress: {done}/{len(notebooks)} done")
    finally:
        for k, v in saved_env.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        scratch.cleanup()
    summary = RunSummary(run_dir, [results[nb] for nb in notebooks], corpus_info)
    write_index(summary)
    if summary.ok:
        publish(out, run_dir, [r.name for r in summary.results])
    return summary


TEMPLATES = Path(__file__).resolve().parent / "templates"
#: Thumbnails in the index: at most this wide (pixels; shown at half that) and this many bytes.
THUMB_WIDTH = 480
THUMB_BYTES = 120_000


def thumbnail(data_uri: str, width: int = THUMB_WIDTH, max_bytes: int = THUMB_BYTES) -> str:
    """The chart downscaled to ``width`` pixels: the index stays small at any corpus size.

    A PNG over ``max_bytes`` even so (a photo-like chart) becomes a JPEG; one that cannot be
    read is left out rather than embedded whole.
    """
    import base64
    import io

    from PIL import Image

    if not data_uri.startswith(("data:image/png;base64,", "data:image/jpeg;base64,")):
        return ""
    try:
        img = Image.open(io.BytesIO(base64.b64decode(data_uri.split(",", 1)[1])))
        img.load()
    except Exception:  # a damaged image: no thumbnail rather than a broken index
        return ""
    if img.width > width:
        img = img.resize((width, max(1, round(img.height * width / img.width))),
                         Image.Resampling.LANCZOS)
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=True)
    kind = "png"
    if out.tell() > max_bytes:
        out = io.BytesIO()
        img.convert("RGB").save(out, format="JPEG", quality=75, optimize=True)
        kind = "jpeg"
    return f"data:image/{kind};base64," + base64.b64encode(out.getvalue()).decode("ascii")


def _left_out(c: dict) -> list[str]:
    parts = []
    if c.get("undated_dropped"):
        parts.append(f"{c['undated_dropped']} undated article(s) (a date range was given)")
    if c.get("out_of_range"):
        parts.append(f"{c['out_of_range']} article(s) outside {c.get('date_from') or 'the start'}"
                     f" to {c.get('date_to') or 'the end'}")
    if c.get("duplicates_dropped"):
        n = c["duplicates_dropped"]
        parts.append(f"{n} later {'copy' if n == 1 else 'copies'} of syndicated stories "
                     "(each story counted once; keep_duplicates keeps every copy)")
    if c.get("skipped_files"):
        parts.append(f"{len(c['skipped_files'])} file(s) that are not .txt")
    if c.get("metadata_unmatched"):
        parts.append(f"{c['metadata_unmatched']} metadata row(s) naming no text in the corpus "
                     "folder(s) (not in this corpus)")
    return parts


def _serialised(log):
    import threading

    lock = threading.Lock()

    def one_at_a_time(*args, **kwargs):
        with lock:
            log(*args, **kwargs)

    return one_at_a_time


def _shown_parameters(params: dict, c: dict) -> list[tuple[str, list[str]]]:
    """The notebook's parameters for the index, one (name, values) pair each: the corpus
    folders and metadata file the corpus section names are left out (said there), other
    folders one by one, column mappings and lists item by item, anything else as one string
    (not raw JSON)."""
    out = []
    for k, v in params.items():
        if k == "figures_dir" or v is None or v == "":
            continue
        if k in ("corpus", "metadata") and c.get("path" if k == "corpus" else k) == v:
            continue
        if k == "corpus":
            values = [str(p) for p in split_paths(v)]
        elif k == "columns" and isinstance(v, str):
            values = [part.strip() for part in v.split(",") if part.strip()]
        elif isinstance(v, list | tuple):
            values = [str(x) for x in v]
        elif isinstance(v, dict):
            values = [f"{a}: {b}" for a, b in v.items()]
        else:
            values = [str(v)]
        out.append((k, values))
    return out


def write_index(summary: RunSummary) -> Path:
    """``index.html`` from a jinja2 template (autoescaped: every value from the corpus, the
    parameters or an error message is escaped): every report with its question, thumbnail,
    status, time and inputs, and the corpus the run used."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                      undefined=StrictUndefined, keep_trailing_newline=True)
    c = dict(summary.corpus)
    defaults = dict(bundled=False, metadata="", n_loaded=c.get("articles", 0),
                    n_articles=c.get("articles", 0), n_outlets=0, outlets=[], first="", last="",
                    n_dated=c.get("articles", 0), sha256="", path="")
    for k, v in defaults.items():
        c.setdefault(k, v)
    # several corpus folders arrive joined by os.pathsep ("a:b"): the index lists them
    c["paths"] = [str(p) for p in split_paths(c["path"])] if c["path"] else []
    shown = [_shown_parameters(r.parameters, c) for r in summary.results]
    # what every report ran with is said once, above the table; each row keeps its own
    with_params = [dict((k, tuple(v)) for k, v in ps) for ps in shown if ps]
    common = ([(k, list(v)) for k, v in with_params[0].items()
               if all(p.get(k) == v for p in with_params[1:])]
              if len(with_params) > 1 and len(with_params) == len(shown) else [])
    results = []
    for r, ps in zip(summary.results, shown, strict=True):
        own = [(k, v) for k, v in ps if (k, v) not in common]
        results.append(dict(
            title=r.title, question=r.question, status=r.status, error=r.error, html=r.html,
            ipynb=r.ipynb, seconds=r.seconds, thumbnail=thumbnail(r.thumbnail),
            shown_parameters=own, had_parameters=bool(r.parameters)))
    page = env.get_template("index.html.j2").render(
        run_name=summary.run_dir.name, version=__version__, ok=summary.ok, c=c,
        left_out=_left_out(c), results=results, common=common,
        # a Parameters column only when some report's differ from the line above the table
        own_column=any(r["shown_parameters"] or not r["had_parameters"] for r in results))
    path = summary.run_dir / "index.html"
    path.write_text(page, encoding="utf-8")
    return path
