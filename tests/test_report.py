"""The runner: papermill executes the notebooks in a temporary folder and exports HTML."""
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from korea_analysis import report

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_corpus_overview_runs_into_html_with_its_chart(tmp_path):
    summary = report.run(out=tmp_path, only=["01_corpus_overview"], log=lambda *_: None)
    assert summary.ok, [r.error for r in summary.results]
    run_dir = summary.run_dir
    html = (run_dir / "01_corpus_overview.html").read_text()
    assert re.search(r'<img[^>]+src="data:image/png;base64,', html)  # the chart, embedded
    assert (run_dir / "figures" / "01_body_share.png").stat().st_size > 10_000
    assert "kim-putin-liberation-letters" in html
    assert "import korea_analysis" not in html  # code cells hidden
    assert not re.search(r'<script[^>]+src="https?://', html)  # nothing loads from a CDN
    chart = (run_dir / "figures" / "01_body_share.csv").read_text().splitlines()
    assert chart[0].startswith("article_id,body,")
    assert chart[1].startswith("armistice-70th-anniversary,582,")  # all 582 words are body
    # published: latest and the top-level link point at the complete run
    assert (tmp_path / "latest").resolve() == run_dir.resolve()
    assert (tmp_path / "01_corpus_overview.html").read_text() == html


def _notebook(path, body):
    nb = new_notebook(cells=[new_markdown_cell("# Broken\n\nA notebook that raises."),
                             new_code_cell('corpus: str = ""  # corpus', metadata={
                                 "tags": ["parameters"]}),
                             new_code_cell(body)])
    nb.metadata["kernelspec"] = {"name": "korea-analysis", "display_name": "k",
                                 "language": "python"}
    nbformat.write(nb, path)


@pytest.mark.slow
def test_a_failing_notebook_keeps_the_last_good_run(tmp_path):
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    _notebook(nbs / "a_good.ipynb", "print('fine')")
    first = report.run(out=tmp_path / "out", nb_dir=nbs, log=lambda *_: None)
    assert first.ok
    _notebook(nbs / "b_bad.ipynb", "raise RuntimeError('boom in cell')")
    second = report.run(out=tmp_path / "out", nb_dir=nbs, log=lambda *_: None)
    assert not second.ok
    bad = [r for r in second.results if r.name == "b_bad"][0]
    assert bad.status == "failed" and "RuntimeError: boom in cell" in bad.error
    assert (second.run_dir / "b_bad.failed.ipynb").exists()
    assert (second.run_dir / "a_good.html").exists()  # the others are still produced
    assert (tmp_path / "out" / "latest").resolve() == first.run_dir.resolve()
    index = (second.run_dir / "index.html").read_text()
    assert "boom in cell" in index and 'href="b_bad.failed.ipynb"' in index


def test_unknown_and_mistyped_parameters_fail_before_running(tmp_path):
    nb = ROOT / "notebooks" / "01_corpus_overview.ipynb"
    with pytest.raises(report.ReportError, match="unknown parameter.*corpuss"):
        report.check_parameters([nb], {"corpuss": "x"})
    with pytest.raises(report.ReportError, match="corpus=3 .int. does not match"):
        report.check_parameters([nb], {"corpus": 3})
    assert report.check_parameters([nb], {"corpus": "data"}) == {nb: {"corpus": "data"}}


def test_cli_reports_a_missing_corpus_clearly(tmp_path):
    res = subprocess.run([sys.executable, "-m", "korea_analysis.cli", "report", "--corpus",
                          str(tmp_path / "missing"), "--out", str(tmp_path / "r")],
                         capture_output=True, text=True)
    assert res.returncode == 2
    assert "missing: path does not exist" in res.stderr
    assert not (tmp_path / "r").exists()  # nothing created before the inputs are checked


@pytest.mark.slow
def test_a_dying_kernel_is_reported_and_the_others_still_run(tmp_path):
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    _notebook(nbs / "a_dies.ipynb", "import os\nos._exit(1)")
    _notebook(nbs / "b_fine.ipynb", "print('fine')")
    summary = report.run(out=tmp_path / "out", nb_dir=nbs, log=lambda *_: None, jobs=1)
    status = {r.name: r.status for r in summary.results}
    assert status == {"a_dies": "failed", "b_fine": "ok"}
    dead = summary.results[0].error
    assert "Dead" in dead or "died" in dead.lower(), dead
    assert not (tmp_path / "out" / "latest").exists()  # nothing complete to publish


def test_unwritable_output_folder_is_a_clear_error(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    with pytest.raises(report.ReportError, match="cannot create the output folder"):
        report.new_run_dir(blocked / "reports")


def test_params_file_with_lists_and_wrong_types_is_checked_before_running(tmp_path):
    bad = tmp_path / "p.yaml"
    bad.write_text("min_mentions: [1, 2]\n")
    res = subprocess.run([sys.executable, "-m", "korea_analysis.cli", "report", "--params",
                          str(bad), "--out", str(tmp_path / "r")], capture_output=True, text=True)
    assert res.returncode == 2
    assert "min_mentions=[1, 2] (list) does not match" in res.stderr
    assert not (tmp_path / "r").exists()


@pytest.mark.slow
def test_papermill_cli_from_another_directory(tmp_path):
    """The notebooks run as documented, from any working directory, with a relative corpus."""
    corpus = tmp_path / "arts"
    corpus.mkdir()
    (corpus / "a.txt").write_text("North Korea and Russia signed a partnership agreement. "
                                  "South Korea and the United States held joint drills.")
    res = subprocess.run([str(Path(sys.executable).with_name("papermill")),
                          str(ROOT / "notebooks" / "03_quote_attribution.ipynb"), "out.ipynb",
                          "-p", "corpus", "arts", "-p", "figures_dir", "figs"],
                         cwd=tmp_path, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr[-2000:]
    out = (tmp_path / "out.ipynb").read_text()
    assert "1 articles" in out
    assert (tmp_path / "figs" / "03_quoted_words_by_bloc.csv").exists()


def test_every_notebook_declares_the_shared_corpus_parameters():
    nbs = report.discover()
    shared = {"corpus": "str", "actors": "str", "metadata": "str", "columns": "str",
              "keep_duplicates": "bool", "date_from": "str", "date_to": "str"}
    for nb in nbs:
        declared = report.declared_parameters(nb)
        got = {k: declared[k]["inferred_type_name"] for k in shared if k in declared}
        assert got == shared, nb.name
    per_nb = report.check_parameters(nbs, {"metadata": "m.tsv", "keep_duplicates": True})
    assert all(p == {"metadata": "m.tsv", "keep_duplicates": True} for p in per_nb.values())
    with pytest.raises(report.ReportError, match="keep_duplicates='yes' .str. does not match"):
        report.check_parameters(nbs, {"keep_duplicates": "yes"})


def test_cli_report_checks_the_metadata_path_before_running(tmp_path):
    res = subprocess.run([sys.executable, "-m", "korea_analysis.cli", "report", "--metadata",
                          str(tmp_path / "nope.tsv"), "--out", str(tmp_path / "r")],
                         capture_output=True, text=True)
    assert res.returncode == 2 and "nope.tsv: path does not exist" in res.stderr
    assert not (tmp_path / "r").exists()


# --- the index ------------------------------------------------------------------------------------

def _png(width, height, seed=0):
    import base64
    import io

    import numpy as np
    from PIL import Image

    noise = np.random.default_rng(seed).integers(0, 255, (height, width, 3), dtype=np.uint8)
    buf = io.BytesIO()
    Image.fromarray(noise).save(buf, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


def test_thumbnails_are_downscaled_and_small():
    import base64
    import io

    from PIL import Image

    big = _png(3000, 2000)
    assert len(big) > 10_000_000  # a chart drawn from noise: 18 MB of PNG
    thumb = report.thumbnail(big)
    raw = base64.b64decode(thumb.split(",", 1)[1])
    assert len(raw) <= report.THUMB_BYTES
    assert thumb.startswith("data:image/jpeg;base64,")  # noise does not compress as PNG
    assert Image.open(io.BytesIO(raw)).size == (480, 320)
    small = report.thumbnail(_png(200, 100))
    assert small.startswith("data:image/png;base64,")
    assert Image.open(io.BytesIO(base64.b64decode(small.split(",", 1)[1]))).size == (200, 100)
    assert report.thumbnail("data:image/png;base64,bm90IGEgcG5n") == ""  # not a PNG: left out


def test_index_escapes_everything_and_describes_the_corpus(tmp_path):
    hostile = '<script>alert("x")</script>'
    results = [report.NotebookResult(name="a", title=f"Title {hostile}", question=hostile,
                                     status="failed", error=f"ValueError: {hostile}",
                                     ipynb="a.failed.ipynb", thumbnail=_png(900, 300),
                                     parameters={"corpus": hostile}),
               report.NotebookResult(name="b", title="Fine", question="Q?", status="ok",
                                     html="b.html", seconds=2.25)]
    corpus = {"path": f"/data/{hostile}", "bundled": False, "metadata": "/data/m.tsv",
              "n_loaded": 12, "n_articles": 9, "articles": 9, "undated_dropped": 0,
              "out_of_range": 1, "date_from": "2020-01-01", "date_to": "", "duplicates_dropped": 2,
              "first": "2020-01-05", "last": "2021-06-30", "n_dated": 9, "n_outlets": 2,
              "outlets": [(hostile, 5), ("Wire", 4)], "skipped_files": [], "sha256": "abc"}
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    page = report.write_index(report.RunSummary(run_dir, results, corpus)).read_text()
    # title (link text and alt), question, error, parameters, path, outlet: all escaped
    assert "<script>" not in page and page.count("&lt;script&gt;") == 7
    assert "9 article(s) analysed of 12 loaded, from 2 outlet(s), dated 2020-01-05 to " \
           "2021-06-30" in page
    assert "1 article(s) outside 2020-01-01 to the end" in page
    assert "2 later copies of syndicated stories (each story counted once" in page
    assert "bundled" not in page
    assert 'href="b.html"' in page and "2.2 s" in page and 'href="a.failed.ipynb"' in page
    assert len(page) < 200_000  # the 900-pixel chart is downscaled


def test_index_lists_corpus_folders_and_parameters_readably(tmp_path):
    # two corpus folders came in joined by ":" and each report's parameters were one line of
    # raw JSON (&#34;corpus&#34;: ...): the index lists the folders and names each parameter
    first, second = tmp_path / "first <b>", tmp_path / "second"
    joined = os.pathsep.join([str(first), str(second)])
    params = {"corpus": joined, "metadata": "/m.tsv", "figures_dir": "/tmp/figs",
              "columns": "file=filename,source=publisher"}
    results = [report.NotebookResult(name="a", title="A", question="Q?", status="ok",
                                     html="a.html", seconds=1.0, parameters=params),
               report.NotebookResult(name="b", title="B", question="Q?", status="ok",
                                     html="b.html", seconds=1.0)]
    corpus = {"path": joined, "metadata": "/m.tsv", "n_loaded": 2, "n_articles": 2,
              "articles": 2, "first": "", "n_outlets": 0, "outlets": []}
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    page = report.write_index(report.RunSummary(run_dir, results, corpus)).read_text()
    assert joined not in page and "&#34;" not in page and "{" not in page.split("</style>")[1]
    assert "From the 2 folders listed below, with metadata from <code>/m.tsv</code>" in page
    shown = str(first).replace("<", "&lt;").replace(">", "&gt;")
    assert page.count(f"<li><code>{shown}</code></li>") == 1 and "<b>" not in page
    assert page.count(f"<li><code>{second}</code></li>") == 1
    # the corpus and metadata of the section above are not repeated in the rows
    assert "<dt>corpus</dt>" not in page and "<dt>metadata</dt>" not in page
    assert "as above" not in page
    assert "<dd><code>file=filename</code></dd><dd><code>source=publisher</code></dd>" in page
    assert "figures_dir" not in page and "/tmp/figs" not in page
    assert "defaults" in page  # b ran with its defaults
    # a notebook run on other folders than the section's lists them one by one
    other = dict(params, corpus=os.pathsep.join(["/x/one", "/x/two"]), metadata="/n.tsv")
    page = report.write_index(report.RunSummary(run_dir, [report.NotebookResult(
        name="a", title="A", question="Q?", status="ok", html="a.html", seconds=1.0,
        parameters=other)], corpus)).read_text()
    assert "<dd><code>/x/one</code></dd><dd><code>/x/two</code></dd>" in page
    assert "<dd><code>/n.tsv</code></dd>" in page
    # parameters every report shares are said once above the table, not in every row
    both = [report.NotebookResult(name=n, title=n, question="Q?", status="ok", html=f"{n}.html",
                                  seconds=1.0, parameters=dict(params, **extra))
            for n, extra in (("a", {}), ("b", {"min_mentions": 5}))]
    page = report.write_index(report.RunSummary(run_dir, both, corpus)).read_text()
    assert ('Every report ran with <span class="pname">columns</span> <code>file=filename</code>'
            ', <code>source=publisher</code>.') in page
    assert page.count("<code>file=filename</code>") == 1
    assert "<dt>min_mentions</dt>\n<dd><code>5</code></dd>" in page and "as every report" in page
    same = [report.NotebookResult(name=n, title=n, question="Q?", status="ok", html=f"{n}.html",
                                  seconds=1.0, parameters=params) for n in "ab"]
    page = report.write_index(report.RunSummary(run_dir, same, corpus)).read_text()
    assert "Every report ran with" in page and "<th>Parameters</th>" not in page
    one = dict(corpus, path=str(second))
    page = report.write_index(report.RunSummary(run_dir, results[1:], one)).read_text()
    assert f"From <code>{second}</code>" in page and "folders:" not in page


@pytest.mark.slow
def test_kernels_print_no_warning_and_figures_land_in_the_run_folder(tmp_path):
    nbs, elsewhere = tmp_path / "nbs", tmp_path / "elsewhere"
    nbs.mkdir()
    elsewhere.mkdir()
    _notebook(nbs / "a_chart.ipynb",
              "import matplotlib\nmatplotlib.use('Agg')\nimport matplotlib.pyplot as plt\n"
              "import pandas as pd\nfrom korea_analysis import charts\nfig, ax = plt.subplots()\n"
              "charts.save(fig, pd.DataFrame({'x': [1]}), 'probe')")
    code = ("from korea_analysis import report\n"
            f"s = report.run(out='out', nb_dir={str(nbs)!r}, log=lambda *_: None)\n"
            "print(s.run_dir)\nassert s.ok, [r.error for r in s.results]")
    res = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, capture_output=True,
                         text=True)
    assert res.returncode == 0, res.stderr[-2000:]
    assert "without encryption" not in res.stderr and "WARNING" not in res.stderr
    assert "IPKernelApp" not in res.stderr and "KeyboardInterrupt" not in res.stderr
    run_dir = Path(res.stdout.strip().splitlines()[-1])
    assert (run_dir / "figures" / "probe.png").exists()
    assert not (nbs / "figures").exists() and not (elsewhere / "figures").exists()


@pytest.mark.slow
def test_kernels_run_with_one_blas_thread_and_the_environment_is_restored(tmp_path, monkeypatch):
    """Kernels run `jobs` at a time: each gets one BLAS thread unless the user chose a number."""
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    _notebook(nbs / "a_env.ipynb",
              "import os\nassert os.environ['OPENBLAS_NUM_THREADS'] == '1', os.environ")
    summary = report.run(out=tmp_path / "out", nb_dir=nbs, log=lambda *_: None, jobs=1)
    assert summary.ok, [r.error for r in summary.results]
    assert "OPENBLAS_NUM_THREADS" not in os.environ


def test_index_counts_articles_without_an_outlet(tmp_path):
    # the bundled corpus: one article names NationPress, three name no outlet — the index said
    # "from 1 outlet(s)" as if every article came from it
    base = {"path": "/data/x", "bundled": False, "metadata": "", "n_loaded": 4,
            "n_articles": 4, "articles": 4, "undated_dropped": 0, "out_of_range": 0,
            "date_from": "", "date_to": "", "duplicates_dropped": 0, "first": "2021-12-01",
            "last": "2025-07-12", "n_dated": 4, "skipped_files": [], "sha256": "abc"}
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    ok = [report.NotebookResult(name="b", title="Fine", question="Q?", status="ok",
                                html="b.html", seconds=1.0)]
    one = dict(base, n_outlets=1, outlets=[("NationPress", 1)])
    page = report.write_index(report.RunSummary(run_dir, ok, one)).read_text()
    assert "from 1 outlet(s) (3 without an outlet), dated 2021-12-01" in page
    page = report.write_index(report.RunSummary(run_dir, ok, dict(
        base, n_outlets=2, outlets=[("A", 3), ("B", 1)]))).read_text()
    assert "from 2 outlet(s), dated" in page and "without an outlet" not in page
    page = report.write_index(report.RunSummary(run_dir, ok, dict(
        base, n_outlets=0, outlets=[]))).read_text()
    assert "4 article(s) analysed of 4 loaded, none of them naming its outlet, dated" in page


@pytest.mark.slow
def test_a_finished_kernel_is_shut_down_without_an_interrupt():
    """jupyter_client interrupts a kernel before shutting it down, and an idle kernel logs
    "[IPKernelApp] ERROR | KeyboardInterrupt caught in kernel" into the runner's terminal:
    the runner's kernels get the shutdown request alone, and still exit."""
    import asyncio
    import signal

    sent = []

    async def main():
        km = report.kernel_manager_class()(kernel_name=report.ensure_kernel())
        original = km._async_signal_kernel

        async def record(signum):
            sent.append(signum)
            await original(signum)

        km._async_signal_kernel = record
        await km.start_kernel()
        assert await km.is_alive()
        await km.shutdown_kernel()
        return await km.is_alive()

    assert asyncio.run(main()) is False
    assert signal.SIGINT not in sent
