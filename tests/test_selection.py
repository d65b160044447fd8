"""select(): which articles the analyses use, and the record of what was left out."""
import subprocess
import sys

import pandas as pd
import pytest

from korea_analysis.corpus import DEFAULT_CORPUS, load_corpus
from korea_analysis.selection import select


def articles(rows):
    df = pd.DataFrame(rows, columns=["article_id", "source", "published", "text"])
    df["published"] = pd.to_datetime(df["published"])
    df["date_precision"] = ["day" if pd.notna(p) else None for p in df["published"]]
    df["title"] = None
    df.attrs["corpus"] = "/somewhere/else"
    return df


ROWS = [("a", "Wire", "2020-01-05", "Seoul and Pyongyang met."),
        ("b", "Paper", "2020-03-01", "Tokyo protested the launch."),
        ("c", "Wire", None, "Beijing called for calm."),
        ("d", "Wire", "2021-06-30", "Moscow and Pyongyang signed a pact.")]


def test_without_limits_everything_is_kept_and_described():
    chosen, info = select(articles(ROWS))
    assert list(chosen.article_id) == ["a", "b", "c", "d"]
    assert info["n_loaded"] == 4 and info["n_articles"] == 4
    assert info["undated_dropped"] == 0 and info["out_of_range"] == 0
    assert info["first"] == "2020-01-05" and info["last"] == "2021-06-30"
    assert info["n_dated"] == 3
    assert info["n_outlets"] == 2 and info["outlets"] == [("Wire", 3), ("Paper", 1)]
    assert info["bundled"] is False and info["path"] == "/somewhere/else"
    assert info["keep_duplicates"] is False
    assert list(info["duplicates"].columns) == ["article_id", "duplicate_of", "similarity"]


def test_a_date_range_counts_undated_and_out_of_range_apart():
    chosen, info = select(articles(ROWS), date_from="2020-02-01", date_to="2021-12-31")
    assert list(chosen.article_id) == ["b", "d"]
    assert info["undated_dropped"] == 1 and info["out_of_range"] == 1
    assert info["n_articles"] == 2 and info["first"] == "2020-03-01"
    assert (info["date_from"], info["date_to"]) == ("2020-02-01", "2021-12-31")


def test_an_empty_range_is_an_error():
    with pytest.raises(ValueError, match="no article published between 2030-01-01"):
        select(articles(ROWS), date_from="2030-01-01")


def test_the_bundled_corpus_says_so():
    _, info = select(load_corpus())
    assert info["bundled"] is True and info["n_articles"] == 4
    assert info["metadata"].endswith("articles.csv")


def test_views_load_puts_the_info_on_the_annotations(tmp_path, monkeypatch):
    monkeypatch.setenv("KOREA_ANALYSIS_CACHE", str(tmp_path / "cache"))
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "x1.txt").write_text("North Korea fired a missile, Seoul said.")
    (tmp_path / "t" / "x2.txt").write_text("South Korea and Japan held talks.")
    (tmp_path / "m.tsv").write_text("name\toutlet\tday\nx1\tWire\t2024-05-01\n"
                                    "x2\tPaper\t2023-01-01\n")
    from korea_analysis import views

    ann = views.load(str(tmp_path / "t"), metadata=str(tmp_path / "m.tsv"),
                     columns="file=name,source=outlet,published=day", date_from="2024-01-01")
    info = ann.extra["corpus_info"]
    assert list(ann.articles.article_id) == ["x1"]
    assert info["n_loaded"] == 2 and info["out_of_range"] == 1 and info["outlets"] == [
        ("Wire", 1)]
    assert ann.extra["undated_dropped"] == 0
    assert info["metadata"] == str((tmp_path / "m.tsv").resolve())


def test_cli_annotate_reads_metadata_with_a_mapping(tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "x1.txt").write_text("North Korea fired a missile, Seoul said.")
    (tmp_path / "m.tsv").write_text("name\toutlet\nt/x1\tWire\n")
    res = subprocess.run([sys.executable, "-m", "korea_analysis.cli", "annotate", "--out",
                          str(tmp_path / "o"), "--metadata", str(tmp_path / "m.tsv"),
                          "--columns", "file=name,source=outlet", "--no-cache"],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    arts = pd.read_csv(tmp_path / "o" / "articles.csv")
    assert list(arts.article_id) == ["x1"]
    assert (tmp_path / "o" / "duplicates.csv").exists()
    bad = subprocess.run([sys.executable, "-m", "korea_analysis.cli", "annotate", "--out",
                          str(tmp_path / "o2"), "--metadata", str(tmp_path / "m.tsv"),
                          "--columns", "file=name,source=publisher"], capture_output=True,
                         text=True)
    assert bad.returncode == 2
    assert "column 'publisher' (mapped to source) does not exist" in bad.stderr
    assert str(tmp_path / "m.tsv") in bad.stderr


def test_default_corpus_path_is_resolved():
    assert DEFAULT_CORPUS.is_dir()


def test_views_load_turns_loading_warnings_into_plain_notes(tmp_path, monkeypatch, capsys):
    import warnings

    monkeypatch.setenv("KOREA_ANALYSIS_CACHE", str(tmp_path / "cache"))
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "x1.txt").write_text("North Korea fired a missile, Seoul said.")
    (tmp_path / "m.tsv").write_text("name\toutlet\nx1\tWire\nother-split\tPaper\n")
    from korea_analysis import views

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ann = views.load(str(tmp_path / "t"), metadata=str(tmp_path / "m.tsv"),
                         columns="file=name,source=outlet")
    info = ann.extra["corpus_info"]
    assert info["metadata_unmatched"] == 1 and info["unlisted_texts"] == 0
    assert len(info["notes"]) == 1 and "1 row(s) name no text" in info["notes"][0]
    assert not [w for w in caught if "name no text" in str(w.message)]
    assert "Note: " in capsys.readouterr().out


def _two_articles(tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "x1.txt").write_text("North Korea fired a missile, Seoul said. "
                                           "\"We will respond,\" the minister said.")
    (tmp_path / "t" / "x2.txt").write_text("South Korea and Japan held talks in Tokyo.")
    (tmp_path / "m.tsv").write_text("name\toutlet\tday\nx1\tWire\t2024-05-01\n"
                                    "x2\tPaper\t2023-01-01\nother\tWire\t2024-01-01\n")
    return dict(corpus=str(tmp_path / "t"), metadata=str(tmp_path / "m.tsv"),
                columns="file=name,source=outlet,published=day")


def test_notebooks_read_the_runners_selection_instead_of_the_corpus(tmp_path, monkeypatch,
                                                                   capsys):
    """The runner's selection (keys + info) gives the notebooks the same annotations and
    info as loading the corpus, without reading any article text."""
    from korea_analysis import corpus, views
    from korea_analysis.report import corpus_summary
    from korea_analysis.selection import SELECTION_ENV

    monkeypatch.setenv("KOREA_ANALYSIS_CACHE", str(tmp_path / "cache"))
    args = _two_articles(tmp_path)
    fresh = views.load(**args)
    want = {name: getattr(fresh, name) for name in ("articles", "mentions", "quotes",
                                                    "sentences", "dyads", "actor_sentiment")}
    sel = tmp_path / "run" / "selection.json"
    with pytest.warns(corpus.CorpusWarning, match="1 row"):  # the metadata row "other"
        corpus_summary(args["corpus"], metadata=args["metadata"], columns=args["columns"],
                       selection=sel, log=lambda *a: None)
    monkeypatch.setenv(SELECTION_ENV, str(sel))
    capsys.readouterr()

    def no_loading(*a, **k):
        raise AssertionError("the corpus was loaded again")

    monkeypatch.setattr(corpus, "load_corpus", no_loading)
    ann = views.load(**args)
    assert "Note: " in capsys.readouterr().out  # the loader's note, printed as before
    for name, df in want.items():
        pd.testing.assert_frame_equal(getattr(ann, name), df)
    info, got = fresh.extra["corpus_info"], ann.extra["corpus_info"]
    pd.testing.assert_frame_equal(got.pop("duplicates"), info.pop("duplicates"),
                                  check_dtype=False)
    assert got == info
    # other arguments than the runner's: the corpus is loaded as usual
    with pytest.raises(AssertionError, match="loaded again"):
        views.load(**args, keep_duplicates=True)
    with pytest.raises(AssertionError, match="loaded again"):
        views.load(**args, date_from="2024-01-01")


def test_a_selection_whose_articles_are_not_all_cached_is_not_used(tmp_path, monkeypatch):
    from korea_analysis import views
    from korea_analysis.selection import read_selection, write_selection

    monkeypatch.setenv("KOREA_ANALYSIS_CACHE", str(tmp_path / "cache"))
    args = dict(corpus="/some/corpus", backend="lexicon+linear")
    path = write_selection(tmp_path / "sel.json", args, ["not-a-cached-key"],
                           {"duplicates": pd.DataFrame({"article_id": ["b"],
                                                        "duplicate_of": ["a"]}),
                            "notes": [], "undated_dropped": 0, "outlets": [("Wire", 2)]})
    got = read_selection(args, path)
    assert got["keys"] == ["not-a-cached-key"] and got["info"]["outlets"] == [("Wire", 2)]
    assert got["info"]["duplicates"]["duplicate_of"].tolist() == ["a"]
    assert read_selection(dict(args, corpus="/another/corpus"), path) is None
    assert read_selection(args, tmp_path / "missing.json") is None
    assert views.from_cache(got["keys"]) is None
