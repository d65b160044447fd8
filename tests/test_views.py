"""The shared view helpers: tables, percentages, evidence thresholds and honest titles."""
import pandas as pd
import pytest

import korea_analysis as ka
from korea_analysis import views
from korea_analysis.annotate import Annotations


@pytest.fixture
def shown(monkeypatch):
    """Capture what show_table displays (HTML strings) instead of sending it to a notebook."""
    import IPython.display

    out = []
    monkeypatch.setattr(IPython.display, "display",
                        lambda obj, *a, **k: out.append(getattr(obj, "data", obj)))
    return out


def test_fmt_percent_prints_shares_as_percent_and_blanks_as_blank():
    assert views.fmt_percent(0.25) == "25%"
    assert views.fmt_percent(0.375, 1) == "37.5%"
    assert views.fmt_percent(1) == "100%"
    assert views.fmt_percent(float("nan")) == ""
    assert views.fmt_percent(None) == ""
    assert views.fmt_percent(pd.Series([0.5, None])).tolist() == ["50%", ""]


def test_readable_formats_shares_floats_and_blanks():
    df = pd.DataFrame({"actor": ["KOR", None], "conflict_share": [0.01755, float("nan")],
                       "score": [0.12345, float("nan")], "n": [3, 4],
                       "when": pd.to_datetime(["2024-01-05", None])})
    r = views.readable(df)
    assert r["conflict_share"].tolist() == ["1.8%", ""]
    assert r["score"].tolist() == ["0.123", ""]
    assert r["n"].tolist() == [3, 4]
    assert r["actor"].tolist() == ["KOR", ""]
    assert r["when"].tolist() == ["2024-01-05", ""]
    assert "nan" not in r.to_string().lower() and "e-02" not in r.to_string()


def test_min_evidence_grows_with_the_square_root_of_the_corpus():
    assert views.min_evidence(0) == 3
    assert views.min_evidence(4) == 3
    assert views.min_evidence(36) == 3
    assert views.min_evidence(40) == 4  # sqrt(40)/2 = 3.16
    assert views.min_evidence(924) == 16  # sqrt(924)/2 = 15.2
    assert views.min_evidence(10_000) == 50
    assert views.min_evidence(100_000) == 159
    assert views.min_evidence(10, floor=1) == 2


def intervals(rows):
    return pd.DataFrame(rows, columns=["name", "polarity", "polarity_low", "polarity_high"])


def test_stands_out_says_most_only_when_intervals_separate():
    apart = intervals([("China", 0.40, 0.30, 0.50), ("Japan", 0.05, -0.05, 0.15),
                       ("Russia", -0.30, -0.40, -0.20)])
    assert views.stands_out(apart) == ("China is portrayed most positively (+0.40), "
                                       "Russia least positively (-0.30)")
    overlap = intervals([("China", 0.11, -0.10, 0.30), ("Japan", 0.05, -0.05, 0.15),
                         ("Russia", -0.02, -0.20, 0.10)])
    assert views.stands_out(overlap) == "No actor stands out: the 95% intervals overlap"
    top_only = intervals([("China", 0.60, 0.50, 0.70), ("Japan", 0.05, -0.05, 0.15),
                          ("Russia", 0.0, -0.10, 0.10)])
    assert views.stands_out(top_only).startswith("China is portrayed most positively (+0.60);")
    no_interval = intervals([("China", 0.9, None, None), ("Japan", 0.0, -0.1, 0.1)])
    assert views.separated(no_interval, "polarity", "polarity_low", "polarity_high",
                           "name") == (None, "Japan")
    assert views.stands_out(intervals([])) == "Too little evidence for any actor"


def test_show_table_writes_the_full_csv_shows_top_rows_and_escapes(tmp_path, shown):
    df = pd.DataFrame({"speaker": ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>"]
                       + [f"p{i}" for i in range(40)],
                       "share": [0.5, float("nan")] + [0.01] * 40})
    views.show_table(df, "quotes", top=25, out_dir=tmp_path / "figures")
    full = pd.read_csv(tmp_path / "figures" / "quotes.csv")
    assert len(full) == 42 and full["speaker"][0] == "<script>alert(1)</script>"
    page = "".join(shown)
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "p22" in page and "p23" not in page  # 25 rows: the two hostile ones and p0..p22
    assert "50.0%" in page and "NaN" not in page
    assert "https://www.unpkg.com" not in page  # the offline bundle, not the CDN
    assert 'href="figures/quotes.csv"' in page and "The first 25 of 42 rows" in page


def test_show_table_static_is_escaped_too(tmp_path, shown):
    df = pd.DataFrame({"<b>col</b>": ["<img src=x onerror=alert(1)>"], "n": [1]})
    views.show_table(df, "static", interactive=False, out_dir=tmp_path)
    page = "".join(shown)
    assert "<img" not in page and "&lt;img src=x" in page and "&lt;b&gt;col" in page
    assert "All 1 rows shown" in page
    with pytest.raises(ValueError, match="not a usable file name"):
        views.show_table(df, "../x", out_dir=tmp_path)


def small_ann(extra=None):
    arts = pd.DataFrame({"article_id": ["a", "b"], "text": ["Japan praised South Korea."] * 2,
                         "published": pd.to_datetime(["2016-01-05", "2016-03-01"]),
                         "title": ["t1", "t2"], "source": ["Outlet A", None]})
    ann = ka.annotate(arts, cache=False)
    return Annotations(ann.tables(), extra)


def test_source_line_names_the_corpus_used_never_the_bundled_one_by_default():
    plain = views.source_line(small_ann())
    assert plain.startswith("2 articles, 1 outlet, 2016-01 to 2016-03 · korea-analysis")
    assert "bundled" not in plain
    info = {"path": "/data/polnear", "metadata": "/data/polnear/metadata.tsv", "bundled": False,
            "n_articles": 924, "n_outlets": 7, "first": "2015-07-01", "last": "2016-11-30"}
    line = views.source_line(small_ann({"corpus_info": info}))
    assert line.startswith("polnear (metadata.tsv), 924 articles, 7 outlets, 2015-07-01 to "
                           "2016-11-30 · ")
    bundled = views.source_line(small_ann({"corpus_info": {"bundled": True, "n_articles": 4}}))
    assert bundled.startswith("the bundled sample corpus, 4 articles")


def test_corpus_description_says_what_was_left_out():
    info = {"path": "/data/polnear", "bundled": False, "n_loaded": 930, "n_articles": 2,
            "undated_dropped": 2, "out_of_range": 1, "duplicates_dropped": 3,
            "date_from": "2016-01-01", "date_to": "", "first": "2016-01-05",
            "last": "2016-03-01", "outlets": [("Outlet A", 1)], "skipped_files": []}
    text = views.corpus_description(small_ann({"corpus_info": info}))
    assert "polnear (`/data/polnear`)" in text and "2 articles" in text
    assert "1 outlet: Outlet A (1); 1 article(s) with no outlet." in text
    assert "Published 2016-01-05 to 2016-03-01." in text
    assert ("Of 930 articles loaded, left out: 2 undated (a date range was asked for); "
            "1 published outside 2016-01-01 to the end; 3 later copies") in text
    assert "bundled" not in text
