"""The reports as a reader sees them: headless Chromium renders the index and every report.

Runs the whole report on a corpus of hostile articles (a <script>, an <img onerror>, Markdown
and HTML in titles and outlets) and checks in a real browser that every page renders, every
image loads, every link resolves, nothing is fetched from the network and no script from the
articles runs. Needs Debian's chromium (``.ci/run`` installs it) and the playwright package.
"""
import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from korea_analysis import report

HOSTILE = Path(__file__).parent / "data" / "hostile"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")]


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    summary = report.run(corpus=HOSTILE, out=out, log=lambda *_: None)
    assert summary.ok, [(r.name, r.error) for r in summary.results]
    return summary


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield b
        b.close()


def visit(browser, path: Path):
    """Open a page; returns (page, console messages, dialogs, network requests)."""
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    console, dialogs, requests = [], [], []
    page.on("console", lambda m: console.append(m.text))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    def route(r):
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            requests.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri(), wait_until="load")
    page.wait_for_timeout(300)
    return page, console, dialogs, requests


def test_every_page_renders_offline_without_running_article_scripts(hostile_run, browser):
    pages = [hostile_run.run_dir / "index.html"] + [hostile_run.run_dir / r.html
                                                     for r in hostile_run.results]
    assert len(pages) == 6  # the index and five reports
    for path in pages:
        page, console, dialogs, requests = visit(browser, path)
        assert page.title() != "PWNED", path.name
        assert not any("hostile-ran" in c for c in console), path.name
        assert dialogs == [], path.name
        assert requests == [], f"{path.name} tried the network: {requests}"
        images = page.eval_on_selector_all(
            "img", "els => els.map(e => [e.complete, e.naturalWidth, e.getAttribute('alt')])")
        assert all(done and width > 0 for done, width, _ in images), path.name
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            url = urlparse(href)
            if url.scheme == "file":
                assert Path(unquote(url.path)).exists(), f"{path.name}: broken link {href}"
        body = page.inner_text("body")
        assert body.strip(), path.name
        # the text describes this corpus, never the bundled one
        for claim in ("bundled corpus", "bundled sample", "four articles"):
            assert claim not in body, f"{path.name} says {claim!r} about the hostile corpus"
        page.close()


def test_hostile_text_is_shown_as_text(hostile_run, browser):
    page, *_ = visit(browser, hostile_run.run_dir / "01_corpus_overview.html")
    body = page.inner_text("body")
    assert "<img src=x onerror=" in body  # the title, shown literally
    assert "# Heading **bold** [x](javascript:alert(1))" in body  # Markdown not rendered
    assert page.eval_on_selector_all("img[src='x']", "els => els.length") == 0
    page, *_ = visit(browser, hostile_run.run_dir / "02_actor_sentiment.html")
    body = page.inner_text("body")  # evidence sentences hold the markup, shown as text
    assert "<script>document.title" in body or "<img src=x onerror=" in body
    page, *_ = visit(browser, hostile_run.run_dir / "03_quote_attribution.html")
    assert "We will respond <b onmouseover=alert(1)>now</b>" in page.inner_text("body")
    assert page.eval_on_selector_all("iframe", "els => els.length") == 0


def test_over_time_says_plainly_there_is_no_trend(hostile_run, browser):
    page, *_ = visit(browser, hostile_run.run_dir / "05_over_time.html")
    body = page.inner_text("body")
    assert ("3 dated article(s), all in 2024Q1: a single quarter, so there is no trend to "
            "show.") in body  # three articles in three months: counted by quarter
    assert "nothing to show over time" in body
    page.close()


def test_interactive_tables_show_markup_as_text(hostile_run, browser):
    """Sortable, searchable tables (itables, offline) keep article text and speaker names
    as text, also after DataTables redraws them (search, sort)."""
    page, console, dialogs, requests = visit(browser, hostile_run.run_dir /
                                             "03_quote_attribution.html")
    page.wait_for_selector("table.dataTable", timeout=10_000)  # the tables came alive
    assert page.eval_on_selector_all("table.dataTable", "els => els.length") >= 3
    speaker = "<script>console.log(`hostile-ran`)</script> Lee"
    body = page.inner_text("body")
    assert speaker in body and "Kim<img src=x onerror=console.log(`hostile-ran`)>Jong Un" in body
    assert page.eval_on_selector_all("img[src='x']", "els => els.length") == 0
    quotes = page.locator("div.dt-container", has_text="We will respond").last.element_handle()
    quotes.query_selector("input[type=search]").fill("Lee")  # DataTables redraws the rows
    page.wait_for_timeout(300)
    shown = quotes.inner_text()
    assert speaker in shown and "We will respond" not in shown
    quotes.query_selector("th").click()  # and sorts them
    page.wait_for_timeout(200)
    assert speaker in quotes.inner_text()
    assert page.eval_on_selector_all("img[src='x']", "els => els.length") == 0
    assert page.title() != "PWNED" and dialogs == [] and requests == []
    assert not any("hostile-ran" in c for c in console)
    page.close()
    page, console, *_ = visit(browser, hostile_run.run_dir / "01_corpus_overview.html")
    page.wait_for_selector("table.dataTable", timeout=10_000)
    assert "Speakers with <script>alert(1)</script> names" in page.inner_text("body")
    assert not any("hostile-ran" in c for c in console)
    page.close()


def test_no_empty_box_where_a_code_cell_shows_nothing(hostile_run, browser):
    """Code is hidden in the reports, so a code cell whose outputs hold nothing to see (the
    parameters cells, the script loading itables' offline library) must take no room: no empty
    box under the introduction. The library still loads: the tables come alive."""
    for r in hostile_run.results:
        page, *_ = visit(browser, hostile_run.run_dir / r.html)
        empty = page.evaluate("""() => [...document.querySelectorAll(
                '.jp-Cell, .jp-OutputArea-child')]
            .filter(c => c.getBoundingClientRect().height > 0 && !c.innerText.trim()
                    && !c.querySelector('img, table, svg, canvas'))
            .map(c => c.id || c.className)""")
        assert empty == [], f"{r.html}: boxes with nothing in them: {empty}"
        if r.name != "05_over_time":  # 3 dated articles: 05 has no table to show
            page.wait_for_selector("table.dataTable", timeout=10_000)
        page.close()


def test_index_screenshot(hostile_run, browser, tmp_path):
    from PIL import Image

    page, *_ = visit(browser, hostile_run.run_dir / "index.html")
    shot = tmp_path / "index.png"
    page.screenshot(path=str(shot), full_page=True)
    img = Image.open(shot).convert("L")
    assert img.width == 1200 and img.height >= 600
    dark = sum(img.histogram()[:128]) / (img.width * img.height)
    assert 0.005 < dark < 0.5  # text and thumbnails drawn, not a blank or black page
    with_chart = [r.name for r in hostile_run.results if r.thumbnail]
    assert len(with_chart) == 4 and "05_over_time" not in with_chart  # 3 articles: no trend
    assert page.eval_on_selector_all("img", "els => els.length") == 4  # one thumbnail each
    assert "all reports succeeded" in page.inner_text("body")
