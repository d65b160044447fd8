"""The whole pass: alignment from text, cache, workers and Dask give the same tables."""
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import korea_analysis as ka
from korea_analysis import alignment, parallel

COUNTERFACTUAL = Path(__file__).parent / "data" / "counterfactual"


def position(ann, actor):
    row = ann.alignment[ann.alignment.actor == actor].iloc[0]
    assert row.enough
    return row.position


@pytest.fixture(scope="module")
def bundled():
    return ka.annotate(ka.load_corpus(), cache=False)


def test_bundled_positions_separate_the_two_blocs(bundled):
    for actor in ("USA", "KOR", "JPN"):
        assert position(bundled, actor) > 0, actor
    for actor in ("PRK", "RUS", "CHN"):
        assert position(bundled, actor) < 0, actor
    placed = bundled.alignment[bundled.alignment.enough]
    assert alignment.bloc_agreement(placed, bundled.actors.blocs) == 1.0


def test_counterfactual_corpus_moves_russia_toward_south_korea(bundled):
    """Russia signs a partnership with South Korea and condemns the North: the text, not the
    dictionary's bloc label, must decide where Russia goes."""
    cf = ka.annotate(ka.load_corpus(COUNTERFACTUAL), cache=False)
    assert position(cf, "RUS") > 0 and position(cf, "KOR") > 0 and position(cf, "PRK") < 0
    both = ka.annotate(pd.concat([ka.load_corpus(), ka.load_corpus(COUNTERFACTUAL)],
                                 ignore_index=True), cache=False)
    assert position(both, "RUS") > position(bundled, "RUS")


def test_same_seed_same_result():
    arts = ka.load_corpus()
    a = ka.annotate(arts, cache=False, seed=7)
    b = ka.annotate(arts, cache=False, seed=7)
    pd.testing.assert_frame_equal(a.alignment, b.alignment)
    pd.testing.assert_frame_equal(a.dyads, b.dyads)
    pd.testing.assert_frame_equal(a.actor_sentiment, b.actor_sentiment)


def test_a_corpus_without_events_does_not_break():
    arts = pd.DataFrame({"article_id": ["x"], "text": ["Nothing about any country here."],
                         "published": [pd.NaT], "title": [None], "source": [None]})
    ann = ka.annotate(arts, cache=False)
    assert ann.events.empty and ann.dyads.empty
    assert ann.alignment.empty or not ann.alignment.enough.any()


def test_a_title_that_is_a_number_is_kept_as_text():
    arts = pd.DataFrame({"article_id": ["x", "y"], "text": ["Japan praised South Korea."] * 2,
                         "published": [pd.NaT, pd.NaT], "title": [2023, "Talks"],
                         "source": [float("nan"), "Yonhap"]})
    a = ka.annotate(arts, cache=False).articles
    assert a["title"].tolist() == ["2023", "Talks"]
    assert pd.isna(a["source"].tolist()[0]) and a["source"].tolist()[1] == "Yonhap"


def assert_same(a, b):
    for name, df in a.tables().items():
        pd.testing.assert_frame_equal(df, getattr(b, name), check_dtype=False, obj=name)


def corpus_of(n):
    base = ka.load_corpus()
    rows = [base.iloc[i % len(base)].to_dict() | {"article_id": f"a{i}"} for i in range(n)]
    return pd.DataFrame(rows)


def test_cache_reuses_rows_and_redoes_only_changed_articles(tmp_path, monkeypatch):
    arts = corpus_of(6)
    fresh = ka.annotate(arts, cache=False)
    first = ka.annotate(arts, cache=tmp_path)
    assert_same(fresh, first)
    calls = []
    real = parallel.annotate_chunk
    monkeypatch.setattr(parallel, "annotate_chunk",
                        lambda chunk, *args: calls.append(list(chunk.article_id)) or
                        real(chunk, *args))
    second = ka.annotate(arts, cache=tmp_path)
    assert calls == []  # nothing re-annotated
    assert_same(fresh, second)
    changed = arts.copy()
    changed.loc[2, "text"] = changed.loc[2, "text"] + "\n\nJapan praised South Korea."
    third = ka.annotate(changed, cache=tmp_path)
    assert calls == [["a2"]]  # only the changed article
    assert_same(ka.annotate(changed, cache=False), third)
    assert list(tmp_path.glob("*/*/*.parquet"))  # parquet, never pickle
    assert not list(tmp_path.rglob("*.pkl")) and not list(tmp_path.rglob("*.pickle"))


def test_cached_rows_come_back_in_the_order_of_the_corpus_asked_for(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK", 2)
    arts = corpus_of(7)
    ka.annotate(arts, cache=tmp_path)  # written in chunks of two
    for order in ([6, 5, 4, 3, 2, 1, 0], [1, 0, 2, 3], [4, 5, 6]):
        sub = arts.iloc[order].reset_index(drop=True)
        assert_same(ka.annotate(sub, cache=False), ka.annotate(sub, cache=tmp_path))


def test_workers_give_identical_tables(monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK", 2)
    arts = corpus_of(8)
    assert_same(ka.annotate(arts, cache=False), ka.annotate(arts, cache=False, workers=2))


@pytest.mark.slow
def test_dask_local_cluster_gives_identical_tables(monkeypatch):
    distributed = pytest.importorskip("dask.distributed")
    monkeypatch.setattr(parallel, "CHUNK", 3)
    arts = corpus_of(8)
    local = ka.annotate(arts, cache=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        on_dask = ka.annotate(arts, cache=False, scheduler=client)
        by_address = ka.annotate(arts, cache=False, scheduler=cluster.scheduler_address)
    assert_same(local, on_dask)
    assert_same(local, by_address)


def test_bundled_quotes_have_speakers_and_countries(bundled):
    """Checked by hand against the four articles: who said it, for which country, how."""
    q = bundled.quotes
    def text_or_none(v):
        return v if isinstance(v, str) else None

    got = {(r.article_id[:8], r.sentence_id, r.kind): (text_or_none(r.speaker),
                                                       text_or_none(r.speaker_actor),
                                                       text_or_none(r.channel))
           for r in q.itertuples()}
    assert got[("armistic", 2, "indirect")] == ("Yoon Suk Yeol", "KOR", None)  # "Yoon said"
    assert got[("armistic", 4, "direct")] == ("White House", "USA", None)  # its statement
    assert got[("armistic", 6, "direct")] == ("Park Won-gon", "KOR", None)
    assert got[("armistic", 8, "direct")] == ("Park Won-gon", "KOR", None)
    assert got[("armistic", 17, "indirect")] == ("Kim Jong-un", "PRK", None)  # quoted as saying
    assert got[("lavrov-c", 14, "direct")] == ("Choe Son-hui", "PRK", "TASS")  # "she stated"
    assert got[("lavrov-c", 13, "partial")] == ("Choe Son-hui", "PRK", None)  # “unbreakable”
    assert got[("lavrov-c", 17, "term")] == (None, None, None)  # “comprehensive … partnership”
    assert got[("tensions", 16, "partial")] == (
        "A South Korean Ministry of Unification official", "KOR", "Newsweek")
    assert got[("kim-puti", 12, "indirect")] == ("Kim Son Gyong", "PRK", None)
    partial = q[(q.article_id == "armistice-70th-anniversary") & (q.kind == "partial")]
    assert list(partial.quote) == ["sound enough for Seoul and Washington to seek together",
                                   "power of dialogue,"]
    text = ka.load_corpus().set_index("article_id")["text"]
    for r in q.itertuples():  # offsets point at the quoted words
        assert text[r.article_id][r.start:r.end] == r.quote


def generated_corpus(n: int, path: Path) -> Path:
    """``n`` articles of our own sentences, 9 outlets, two years of dates, as one CSV."""
    sentences = ["North Korea threatened South Korea.", "South Korea and Japan held talks.",
                 "China praised Russia.", "The United States sanctioned North Korea.",
                 "“We will not back down,” said Kim Yo Jong.",
                 "Russia and North Korea signed an agreement."]
    rows = [{"article_id": f"g{i:05d}",
             "text": "\n\n".join(sentences[(i + k) % 6] for k in range(4)) + f" Story {i}.",
             "title": f"Story {i}", "source": f"Outlet {i % 9}",
             "published": (pd.Timestamp("2022-01-01") + pd.Timedelta(days=(i * 7) % 730))
             .date().isoformat()} for i in range(n)]
    out = path / "generated.csv"
    pd.DataFrame(rows).to_csv(out, index=False)
    return out


@pytest.mark.slow
def test_reports_stay_small_and_aggregate_past_a_few_dozen_articles(tmp_path):
    from korea_analysis import report

    corpus = generated_corpus(400, tmp_path)
    summary = report.run(corpus=corpus, out=tmp_path / "reports", log=lambda *_: None,
                         only=["01_corpus_overview", "03_quote_attribution", "05_over_time"],
                         params={"keep_duplicates": True})
    assert summary.ok, [(r.name, r.error) for r in summary.results]
    run = summary.run_dir
    for r in summary.results:
        size = (run / r.html).stat().st_size
        assert size < 2_500_000, f"{r.html}: {size:,} bytes"  # the table bundle is ~1 MB
        page = (run / r.html).read_text()
        assert "bundled corpus" not in page and "four articles" not in page
    figures = run / "figures"
    assert len(pd.read_csv(figures / "01_body_share.csv")) == 20  # 20 bins, not 400 bars
    per = pd.read_csv(figures / "01_articles_per_period.csv")
    assert len(per) == 24 and per.drop(columns="period").to_numpy().sum() == 400  # months
    assert len(per.columns) == 1 + 7 + 1  # 7 outlets and "others (2 outlets)"
    assert len(pd.read_csv(figures / "01_articles.csv")) == 400  # the full table beside it
    html = (run / "01_corpus_overview.html").read_text()
    assert re.search(r"This report reads [^<]*generated\.csv[^<]*: 400 articles", html)
    assert "9 outlets: Outlet 0 (45)" in html  # the corpus actually used, described
    assert "The first 20 of 400 rows shown" in html and 'href="figures/01_articles.csv"' in html
    trend = pd.read_csv(figures / "05_pairs_over_time.csv")
    assert trend["period"].nunique() == 24 and trend["n_events"].sum() > 0


# --- the charts' house style: labels a reader can read at any corpus size ------------------

def _overlapping_rotated_labels(ax) -> int:
    """Visible x tick labels closer together than one rotated line of text."""
    import math

    labels = [t for t in ax.get_xticklabels() if t.get_visible() and t.get_text()]
    px = [ax.transData.transform((t.get_position()[0], 0))[0] for t in labels]
    size = labels[0].get_fontsize() * ax.figure.dpi / 72
    need = size / math.sin(math.radians(abs(labels[0].get_rotation())))
    return sum(b - a < need for a, b in zip(px, px[1:], strict=False))


def test_period_labels_on_narrow_panels_are_thinned_until_they_do_not_overlap():
    import matplotlib
    matplotlib.use("Agg")
    from korea_analysis import charts

    periods = [f"{y}-{m:02d}" for y in (2015, 2016) for m in range(1, 13)]
    for ncols, width in ((4, 12), (1, 12)):
        with matplotlib.rc_context(charts.STYLE):  # not use_house_style: leave rcParams
            fig, axes = charts.panel_grid(ncols, ncols, panel=(0, 2.3), width=width)
            for ax in axes:
                ax.plot(range(24), range(24))
                ax.set_xticks(range(24), periods, rotation=45, ha="right", fontsize=8)
            charts.finish_grid(fig, "t", n=1)
        shown = [t.get_text() for t in axes[0].get_xticklabels() if t.get_visible()]
        assert _overlapping_rotated_labels(axes[0]) == 0
        assert shown[0] == "2015-01" and set(shown) <= set(periods)
        if ncols == 1:  # a wide panel has room for every month
            assert len(shown) == 24
        else:
            assert 3 <= len(shown) < 24


def test_a_panel_above_an_empty_cell_keeps_its_dates():
    import matplotlib
    matplotlib.use("Agg")
    from korea_analysis import charts

    fig, axes = charts.panel_grid(7, 4)  # row 2 has three panels: the 4th of row 1 is last
    for ax in axes[:7]:
        ax.set_xticks([0, 1], ["2016-01", "2016-02"])
    fig.canvas.draw()
    has_labels = [any(t.get_visible() and t.get_text() for t in ax.get_xticklabels())
                  for ax in axes[:7]]
    assert has_labels == [False, False, False, True, True, True, True]


def test_count_bars_get_a_labelled_integer_axis_no_higher_than_the_bars():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from korea_analysis import charts

    fig, ax = plt.subplots()
    ax2 = ax.twinx()
    ax2.bar(range(4), [3, 17, 5, 0])
    ax2.set_ylim(0, 17 * 3.2)
    charts.count_axis(ax2, "n_events")
    ticks = list(ax2.get_yticks())
    assert ax2.get_ylabel() == "events (n)"
    assert ticks[0] == 0 and max(ticks) <= 17 and len(ticks) >= 2
    assert all(float(t).is_integer() for t in ticks)


def test_a_label_over_the_tallest_bar_gets_room_below_the_title():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from korea_analysis import charts

    fig, ax = plt.subplots(figsize=(8, 4))
    ax.bar([0, 1], [10, 900])
    ax.annotate("median 100%", (1, 900), xytext=(-4, 3), textcoords="offset points",
                ha="right", va="bottom")
    charts.finish(ax, "A long title that states the finding", n=2)
    r = fig.canvas.get_renderer()
    assert ax.texts[0].get_window_extent(r).y1 <= ax.get_window_extent(r).y1 + 0.5
    assert ax.get_ylim()[1] > 900 * 1.05  # the axis was raised, the bars kept their scale


def test_shares_on_chart_labels_never_round_a_real_share_to_zero():
    from korea_analysis import charts

    assert charts.pct(99 / 22787) == "<1%"
    assert charts.pct(0) == "0%"
    assert charts.pct(0.1755) == "18%"


def test_the_cooperation_conflict_matrix_leaves_thin_pairs_blank(bundled):
    import matplotlib
    matplotlib.use("Agg")

    from korea_analysis import views

    d = bundled.dyads

    def thin_inside(k):  # a pair below k whose two actors both have a pair of k or more
        busy = d[d["n_events"] >= k]
        names = set(busy["actor_a"]) | set(busy["actor_b"])
        return ((d["n_events"] < k) & d["actor_a"].isin(names) & d["actor_b"].isin(names)).any()

    k = next(int(k) for k in sorted(d["n_events"].unique()) if thin_inside(k))
    fig, data = views.dyad_heatmap(bundled, min_events=k)
    ax = fig.axes[0]
    ns = [int(t.get_text().split("n=")[1]) for t in ax.texts if "n=" in t.get_text()]
    assert ns and min(ns) >= k
    assert (data["n_events"] >= k).all()
    img = ax.images[0].get_array()
    # the grid is symmetric: each pair drawn once (it was drawn twice), and no row or column
    # is left blank
    ylab = [t.get_text() for t in ax.get_yticklabels()]
    xlab = [t.get_text() for t in ax.get_xticklabels()]
    shown = d[(d["n_events"] >= k) & d["actor_a"].isin(names_of(ax)) & d["actor_b"].isin(
        names_of(ax))]
    assert int((~img.mask).sum()) == len(shown) == len(ns) > 0
    rows, cols = np.nonzero(~img.mask)
    pairs = [frozenset((ylab[i], xlab[j])) for i, j in zip(rows, cols, strict=True)]
    assert len(set(pairs)) == len(pairs)
    assert set(pairs) == {frozenset(p) for p in zip(shown["actor_a"], shown["actor_b"],
                                                      strict=True)}
    assert set(rows) == set(range(img.shape[0])) and set(cols) == set(range(img.shape[1]))


def names_of(ax):
    return {t.get_text() for t in ax.get_yticklabels()} | {t.get_text() for t in
                                                           ax.get_xticklabels()}


def test_chart_titles_start_with_a_capital_even_when_a_label_comes_first():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from korea_analysis import charts

    fig, ax = plt.subplots()
    charts.finish(ax, "no bloc / unattributed gets the most", n=1)
    assert ax.get_title() == "No bloc / unattributed gets the most"
    fig, axes = charts.panel_grid(2, 2)
    charts.finish_grid(fig, "wash-post and nyt agree", n=1)
    assert fig._suptitle.get_text() == "Wash-post and nyt agree"
    plt.close("all")


def test_left_out_rows_are_a_short_note_with_the_full_list_beside_the_report(tmp_path, monkeypatch):
    """58 metadata rows without a text were a wall of file names at the top of every report:
    the note gives the count and links a CSV with every name; a terminal still gets the notes."""
    from IPython.core.formatters import DisplayFormatter

    from korea_analysis import views

    names = [f"paper_2016-01-{d:02d}_story-about-talks" for d in range(1, 31)]
    captured = []
    info = {"metadata": str(tmp_path / "catalogue" / "meta.tsv"),
            "metadata_unmatched_files": names, "unlisted_files": ["lonely.txt"],
            "skipped_files": [],
            "notes": [f"{tmp_path}/meta.tsv: 30 row(s) name no text in {tmp_path} (not in this "
                      f"corpus): {', '.join(names[:10])} and 20 more",
                      f"{tmp_path}/meta.tsv: 1 text(s) not in the metadata (kept, without "
                      "metadata): lonely.txt",
                      "something else the loader said"]}
    import IPython.display

    from korea_analysis.views import common

    monkeypatch.setattr(IPython.display, "display", captured.append)
    monkeypatch.setitem(common._TABLES, "dir", str(tmp_path / "figures"))
    views.show_notes(info)
    (shown,) = captured
    bundle, _ = DisplayFormatter().format(shown)
    page = bundle["text/html"]
    assert "30 rows of <code>catalogue/meta.tsv</code> name no text" in page
    assert "1 text in the corpus folder(s) is not listed" in page
    assert 'href="figures/left_out_metadata_rows.csv"' in page
    assert "something else the loader said" in page  # a note it has no sentence for is kept
    assert not any(n in page for n in names)  # no wall of names: they are in the CSV
    assert pd.read_csv(tmp_path / "figures" / "left_out_metadata_rows.csv")["file"].tolist() \
        == names
    assert pd.read_csv(tmp_path / "figures" / "texts_without_metadata.csv")["file"].tolist() \
        == ["lonely.txt"]
    assert bundle["text/plain"].startswith(f"Note: {info['notes'][0]}")


def test_labels_of_points_close_together_do_not_overlap():
    """IGONAT and USA sat almost on one spot of the 04 map and their labels ran into each
    other: each label takes a spot around its point free of other labels and points."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.transforms import Bbox

    from korea_analysis import charts

    xs, ys = [0.50, 0.52, 0.49, -0.8, 0.51], [0.10, 0.11, 0.08, -0.5, 0.13]
    labels, sizes = ["IGONAT", "USA", "KOR", "PRK", "JPN"], [600, 60, 200, 60, 100]
    fig, ax = plt.subplots(figsize=(7, 6))
    ax.scatter(xs, ys, s=sizes)
    ax.legend(["actors"], loc="upper right")
    charts.finish(ax, "A map", n=5)
    texts = charts.place_labels(ax, xs, ys, labels, sizes=sizes)
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(r) for t in texts]
    assert [t.get_text() for t in texts] == labels and len(ax.texts) == len(labels)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert Bbox.intersection(a, b) is None or Bbox.intersection(a, b).width * \
                Bbox.intersection(a, b).height < 1
    far = boxes[3]  # a point on its own keeps the first spot: above right
    px, py = ax.transData.transform((xs[3], ys[3]))
    assert far.x0 > px and far.y0 > py
    plt.close(fig)


def test_the_stance_matrix_has_no_row_or_column_without_a_cell(bundled):
    """02 on PolNeAR drew seven rows for three actors that speak or act: an actor only
    spoken about got a row of blanks. Rows are speakers with a cell, columns addressees."""
    import matplotlib
    matplotlib.use("Agg")
    import numpy as np

    from korea_analysis import views

    fig, data = views.stance_heatmap(bundled, top=10, n_boot=0)
    ax = fig.axes[0]
    img = np.ma.getmaskarray(ax.images[0].get_array())
    rows = [t.get_text() for t in ax.get_yticklabels()]
    cols = [t.get_text() for t in ax.get_xticklabels()]
    assert set(rows) == set(data["source"]) and set(cols) == set(data["target"])
    assert img.shape == (len(rows), len(cols))
    assert (~img).any(axis=1).all() and (~img).any(axis=0).all()
    assert len(data) == int((~img).sum())


def test_a_panel_with_counts_but_no_point_says_why():
    """05's west-journal panel (4 events, no month with 3) was grey bars and an empty plot."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from korea_analysis.views.time import _panel

    fig, (thin, busy) = plt.subplots(1, 2)
    t = pd.DataFrame({"score": [np.nan] * 3, "score_low": [np.nan] * 3,
                      "score_high": [np.nan] * 3, "n_events": [2, 0, 2]})
    _panel(thin, t, "score", "score_low", "score_high", "n_events", "C0", "thin (4 events)")
    _panel(busy, t.assign(score=[0.2, np.nan, -0.1]), "score", "score_low", "score_high",
           "n_events", "C0", "busy")
    assert [x.get_text() for x in thin.texts] == ["no period with enough events\nfor a point"]
    assert not busy.texts
    plt.close(fig)


def test_bars_coloured_by_bloc_say_which_colour_is_which(bundled):
    """01's mentions and 03's speakers said "colour: bloc" with no key to the colours."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from korea_analysis import charts, views

    fig, ax = plt.subplots()
    charts.bloc_key(ax, ["DPRK-Russia-China", None, "ROK-US-Japan", "DPRK-Russia-China"])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "DPRK-Russia-China", "ROK-US-Japan", "no bloc"]
    fig, ax = plt.subplots()
    charts.bloc_key(ax, [None, None])  # all grey: nothing to tell apart, no key
    assert ax.get_legend() is None
    for fig, _ in (views.top_actors_chart(bundled), views.top_speakers_chart(bundled)):
        keys = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
        assert {"ROK-US-Japan", "DPRK-Russia-China"} <= set(keys)
    plt.close("all")


def test_the_corpus_description_names_folders_and_metadata_once_in_words():
    """"This report reads train/text + dev/text (polnear/metadata.tsv) (/p/train/text and
    /p/dev/text): …" read as a typo; the full paths are said once, with the metadata file."""
    from korea_analysis import views
    from korea_analysis.annotate import Annotations

    arts = pd.DataFrame({"article_id": ["a"], "text": ["Japan praised South Korea."],
                         "published": pd.to_datetime(["2016-01-05"]), "title": ["t"],
                         "source": ["Outlet A"]})
    ann = ka.annotate(arts, cache=False)
    info = {"path": "/p/train/text:/p/dev/text", "metadata": "/p/metadata.tsv",
            "bundled": False, "n_loaded": 1, "outlets": [("Outlet A", 1)]}
    text = views.corpus_description(Annotations(ann.tables(), ann.extra | {"corpus_info": info}))
    assert text.startswith("This report reads the texts in /p/train/text and /p/dev/text, "
                           "with the metadata in /p/metadata.tsv: 1 article, ")
    assert ") (" not in text


def test_the_alignment_title_names_actors_as_the_chart_does():
    from korea_analysis.views.lineup import alignment_title

    p = pd.DataFrame({"actor": ["PRK", "CHN", "IGOUNO"], "name": ["North Korea", "China", None],
                      "position": [-1.0, 0.0, 0.9], "enough": [True, True, True],
                      "clear": [True, False, True]})
    assert alignment_title(p) == "North Korea (PRK) on one side, IGOUNO on the other"
    assert alignment_title(p.assign(clear=[False, False, True])).startswith("Only IGOUNO clearly")


def test_portrayal_over_time_leaves_a_gap_for_a_month_without_mentions():
    """02's panels drew a straight line across months with too few mentions (Russia on
    PolNeAR, over four months): such a month is a gap, as in 05."""
    import matplotlib
    matplotlib.use("Agg")
    import numpy as np

    from korea_analysis import views

    arts = pd.DataFrame({
        "article_id": ["a", "b", "c"],
        "text": ["Japan praised South Korea warmly. Japan thanked South Korea.",
                 "South Korea welcomed the good talks with the United States.",
                 "Japan criticised South Korea harshly. Japan blamed South Korea."],
        "published": pd.to_datetime(["2016-01-05", "2016-02-10", "2016-03-01"]),
        "title": ["t1", "t2", "t3"], "source": ["Wire"] * 3})
    ann = ka.annotate(arts, cache=False)
    fig, data = views.portrayal_over_time_chart(ann, min_mentions=1, top=6)
    panels = {ax.get_title().split(" (")[0]: ax for ax in fig.axes if ax.get_visible()}
    japan = np.asarray(panels["Japan"].lines[0].get_ydata(), dtype=float)
    assert len(japan) == 3 and np.isnan(japan[1]) and not np.isnan(japan[[0, 2]]).any()
    korea = np.asarray(panels["South Korea"].lines[0].get_ydata(), dtype=float)
    assert not np.isnan(korea).any()


def test_a_long_source_line_wraps_inside_the_chart_instead_of_widening_it():
    """04's footer (actors with too little evidence, the corpus, its dates) ran far past the
    chart: the saved PNG grew that wide and the page shrank the whole chart to fit."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from korea_analysis import charts

    fig, ax = plt.subplots(figsize=(6, 3))
    ax.plot([0, 1], [0, 1])
    charts.finish(ax, "A finding", n="8 actors (7 unclear) · 11 with too little evidence "
                  "(AUS, CAN, DEU, IGOEEC, IGONAT, …), 291 events in 99 articles",
                  source="train/text + dev/text (polnear/metadata.tsv), 921 articles, 7 "
                  "outlets, 2015-11-08 to 2016-10-07 · korea-analysis 0.1.0")
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    footer = fig.texts[-1]
    assert "\n" in footer.get_text()
    assert footer.get_window_extent(r).x1 <= fig.bbox.x1
    assert footer.get_window_extent(r).y1 <= ax.get_tightbbox(r).y0 + 1  # under the axes
    plt.close(fig)


def test_no_clear_change_says_how_many_pairs_could_not_be_judged():
    """05 on PolNeAR: "No clear change … for any main pair" over a table in which three of
    the six pairs had too little evidence to be judged at all."""
    from korea_analysis import views

    change = pd.DataFrame({"pair": ["CHN–USA", "IRN–USA", "GBR–USA"],
                           "early": ["2015-11 to 2016-02"] * 3, "late": ["2016-07 to 2016-10"] * 3,
                           "change": ["no clear change", "too little evidence",
                                      "too little evidence"]})
    assert views.tension_headline(change) == (
        "No clear change in cooperation–conflict for any main pair (2016-07 to 2016-10 vs "
        "2015-11 to 2016-02; 2 of 3 with too few events to tell)")
    assert views.tension_headline(change.assign(change="no clear change")).endswith(
        "(2016-07 to 2016-10 vs 2015-11 to 2016-02)")


def test_a_small_real_share_in_a_table_is_not_printed_as_zero():
    """03's country table printed Japan's 5 of 13,005 quotes as "0.0%"."""
    from korea_analysis import views

    assert views.fmt_percent(5 / 13005, 1) == "<0.1%"
    assert views.fmt_percent(99 / 22787) == "<1%"
    assert views.fmt_percent(0, 1) == "0.0%" and views.fmt_percent(0.0006, 1) == "0.1%"


def test_the_outlet_chart_of_quoted_words_is_ordered_by_share_not_by_name():
    import matplotlib
    matplotlib.use("Agg")

    import korea_analysis as ka
    from korea_analysis import views

    short = '"We will talk," the minister said.'
    long = ('"We will never accept these sanctions and we will answer every new provocation '
            'with all the strength we have," the minister said.')
    texts = [short, long, long, short, long]
    sources = ["Alpha Daily", "Zulu Times", "Zulu Times", "Mid News", "Mid News"]
    ann = ka.annotate(pd.DataFrame({"article_id": [f"o{i}" for i in range(len(texts))],
                                    "text": texts, "title": "", "source": sources,
                                    "published": pd.NaT}), cache=False)
    fig, data = views.quoted_words_chart(ann, by="outlet")
    words = data.set_index("outlet").sum(axis=1)
    assert list(words.index) == ["Zulu Times", "Mid News", "Alpha Daily"]  # largest first
    assert words.is_monotonic_decreasing
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["Alpha Daily", "Mid News", "Zulu Times"]  # drawn bottom up: largest on top


def test_the_code_hash_covers_subpackages_and_ignores_bytecode(tmp_path):
    # the quotes/ rules live in a subpackage: editing them must start a fresh cache
    from korea_analysis.cache import code_hash
    (tmp_path / "quotes").mkdir()
    (tmp_path / "a.py").write_text("x = 1\n")
    (tmp_path / "quotes" / "rules.py").write_text("y = 1\n")
    before = code_hash(tmp_path)
    (tmp_path / "quotes" / "__pycache__").mkdir()
    (tmp_path / "quotes" / "__pycache__" / "rules.json").write_text("{}")
    assert code_hash(tmp_path) == before
    (tmp_path / "quotes" / "rules.py").write_text("y = 2\n")
    assert code_hash(tmp_path) != before
