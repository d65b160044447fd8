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
                       "events": [12.0, float("nan")], "big": [1234.5, 0.5],
                       "when": pd.to_datetime(["2024-01-05", None])})
    r = views.readable(df)
    assert r["conflict_share"].tolist() == ["1.8%", ""]
    assert r["score"].tolist() == ["0.123", ""]
    assert r["n"].tolist() == [3, 4]
    assert r["events"].tolist() == ["12", ""] and r["big"].tolist() == ["1234", "0.500"]
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


@pytest.mark.parametrize("interactive", [True, False])
def test_show_table_shows_line_breaks_in_text_as_spaces(tmp_path, shown, interactive):
    """A sentence that runs over two lines of its article reads as one line in the page
    (HTML tables would print a literal backslash-n); the CSV keeps the text as it is."""
    df = pd.DataFrame({"text": ["The envoy arrived.\nTalks began  \r\n  at noon."],
                       "n": [2]})
    views.show_table(df, "lines", interactive=interactive, out_dir=tmp_path)
    page = "".join(shown)
    assert "The envoy arrived. Talks began at noon." in page
    assert "arrived.\\n" not in page and "began  \\r" not in page
    assert pd.read_csv(tmp_path / "lines.csv")["text"][0] == df["text"][0]
    assert views.readable(df)["n"].tolist() == [2]


def small_ann(extra=None):
    arts = pd.DataFrame({"article_id": ["a", "b"], "text": ["Japan praised South Korea."] * 2,
                         "published": pd.to_datetime(["2016-01-05", "2016-03-01"]),
                         "title": ["t1", "t2"], "source": ["Outlet A", None]})
    ann = ka.annotate(arts, cache=False)
    return Annotations(ann.tables(), ann.extra | (extra or {}))


def test_source_line_names_the_corpus_used_never_the_bundled_one_by_default():
    plain = views.source_line(small_ann())
    assert plain.startswith("2 articles, 1 outlet, 2016-01 to 2016-03 · korea-analysis")
    assert "bundled" not in plain
    info = {"path": "/data/polnear", "metadata": "/data/polnear/metadata.tsv", "bundled": False,
            "n_articles": 924, "n_outlets": 7, "first": "2015-07-01", "last": "2016-11-30"}
    line = views.source_line(small_ann({"corpus_info": info}))
    assert line.startswith("data/polnear (polnear/metadata.tsv), 924 articles, 7 outlets, "
                           "2015-07-01 to 2016-11-30 · ")
    two = dict(info, path="/p/train/text:/p/dev/text")
    assert views.source_line(small_ann({"corpus_info": two})).startswith(
        "train/text + dev/text (polnear/metadata.tsv), 924 articles")
    bundled = views.source_line(small_ann({"corpus_info": {"bundled": True, "n_articles": 4}}))
    assert bundled.startswith("the bundled sample corpus, 4 articles")


def test_corpus_description_says_what_was_left_out():
    info = {"path": "/data/polnear", "bundled": False, "n_loaded": 930, "n_articles": 2,
            "undated_dropped": 2, "out_of_range": 1, "duplicates_dropped": 3,
            "date_from": "2016-01-01", "date_to": "", "first": "2016-01-05",
            "last": "2016-03-01", "outlets": [("Outlet A", 1)], "skipped_files": []}
    text = views.corpus_description(small_ann({"corpus_info": info}))
    assert "data/polnear (/data/polnear): 2 articles" in text
    assert "1 outlet: Outlet A (1); 1 article(s) with no outlet." in text
    assert "Published 2016-01-05 to 2016-03-01." in text
    assert ("Of 930 articles loaded, left out: 2 undated (a date range was asked for); "
            "1 published outside 2016-01-01 to the end; 3 later copies") in text
    assert "bundled" not in text


@pytest.fixture(scope="module")
def forty():
    """40 articles of our own: 9 outlets, Jan–Mar 2024 plus two undated, 3 actors."""
    texts = ["South Korea condemned North Korea for the missile launch.",
             "Japan praised South Korea.\n\nCHINA AND RUSSIA\n\nChina met Russia in Beijing.",
             "The United States and South Korea held drills. North Korea threatened South Korea."]
    rows = []
    for i in range(40):
        rows.append({"article_id": f"a{i:02d}", "text": texts[i % 3],
                     "title": f"Story {i}", "source": f"Outlet {i % 9}" if i % 10 else None,
                     "published": (pd.Timestamp("2024-01-01") + pd.Timedelta(days=2 * i)
                                   if i < 38 else pd.NaT)})
    return ka.annotate(pd.DataFrame(rows), cache=False)


def test_articles_per_period_counts_months_by_outlet_with_others(forty):
    t = views.articles_per_period(forty)
    assert t["period"].tolist() == ["2024-01", "2024-02", "2024-03"]
    # days 0, 2, … 74 of 2024: January 0–30 (16), February 32–58 (14, a leap year), March 60–74
    assert t.drop(columns="period").sum(axis=1).tolist() == [16, 14, 8]
    assert t.drop(columns="period").to_numpy().sum() == 38  # the two undated left out
    others = [c for c in t.columns if c.startswith("others")]
    assert others == ["others (3 outlets)"]  # 9 outlets + unknown = 10: 7 named, 3 folded
    fig, data = views.articles_per_period_chart(forty)
    assert "2 undated not shown" in fig.texts[0].get_text()
    assert fig.texts[0].get_text().startswith("n=38 dated articles")


def test_period_follows_the_span_and_the_density():
    def every(days, start, end):
        return pd.Series(pd.date_range(start, end, freq=f"{days}D"))

    assert views.period_of(every(2, "2016-01-01", "2019-12-31")) == "M"  # 4 years, dense
    assert views.period_of(every(2, "2010-01-01", "2019-12-31")) == "Q"  # 10 years
    assert views.period_of(every(2, "1990-01-01", "2019-12-31")) == "Y"  # 30 years
    assert views.period_of(every(20, "2016-01-01", "2019-12-31")) == "Q"  # 1.5 a month
    four = pd.Series(pd.to_datetime(["2021-12-01", "2023-07-27", "2023-08-15", "2025-07-12"]))
    assert views.period_of(four) == "Y"  # 4 articles over 44 months: years
    assert views.period_of(pd.Series([pd.NaT])) == "M"


def test_body_share_is_a_distribution_past_a_few_dozen_articles(forty):
    fig, data = views.body_share_chart(forty)
    assert len(data) == 20 and data["articles"].sum() == 40  # 20 bins, not 40 bars
    heading = forty.articles.set_index("article_id").loc["a01"]
    assert heading.n_body_words < heading.n_words  # the "CHINA AND RUSSIA" heading
    small = ka.annotate(pd.DataFrame({"article_id": ["x", "y"],
                                      "text": ["Japan praised Korea."] * 2,
                                      "published": [pd.NaT] * 2, "title": [None] * 2,
                                      "source": [None] * 2}), cache=False)
    fig, data = views.body_share_chart(small)
    assert list(data["article_id"]) == ["x", "y"]  # a handful: one bar per article


def test_top_actors_folds_the_rest_into_others(forty):
    t = views.top_actors(forty, top=2)
    assert len(t) == 3 and t["actor"].iloc[-1] == "others"
    m = forty.mentions[forty.mentions["kind"] != "byline"]
    assert t["mentions"].sum() == m["actor"].notna().sum()
    assert t["mentions"].iloc[0] == m["actor"].value_counts().iloc[0]
    assert abs(t["share of mentions"].sum() - 1) < 1e-9
    full = views.top_actors(forty, top=50)
    assert "others" not in set(full["actor"])


def test_duplicates_table_reads_the_runner_info(forty):
    assert views.duplicates_table(forty).empty
    dups = pd.DataFrame({"article_id": ["a05"], "duplicate_of": ["a02"], "similarity": [0.97]})
    ann = Annotations(forty.tables(), forty.extra | {"corpus_info": {"duplicates": dups}})
    t = views.duplicates_table(ann)
    assert t.iloc[0].to_dict() == {"article_id": "a05", "duplicate_of": "a02",
                                   "copy's outlet": "Outlet 5", "outlet": "Outlet 2",
                                   "title": "Story 2", "similarity": 0.97, "kept": True}
    dropped = dups.assign(article_id="gone")  # a copy left out: not in the annotations
    ann = Annotations(forty.tables(), forty.extra | {"corpus_info": {"duplicates": dropped}})
    t = views.duplicates_table(ann)
    assert list(t.columns) == ["article_id", "duplicate_of", "outlet", "title", "similarity",
                               "kept"]
    assert t.iloc[0]["outlet"] == "Outlet 2" and not t.iloc[0]["kept"]


QUOTES = ("Kim Yo Jong said, \"We will respond.\" Park Won-gon said, \"Talks must resume.\" "
          "A Zorbanian official said, \"Nothing has changed.\"")


@pytest.fixture(scope="module")
def quoted():
    arts = pd.DataFrame({"article_id": ["q1", "q2"], "text": [QUOTES, QUOTES],
                         "published": pd.to_datetime(["2024-01-01", "2024-02-01"]),
                         "title": ["One", "Two"], "source": ["Outlet A", "Outlet B"]})
    return ka.annotate(arts, cache=False)


def with_sources(ann, sources):
    """The same annotations with an actor_source column (as the persons helper adds it)."""
    tables = ann.tables()
    tables["quotes"] = tables["quotes"].assign(actor_source=sources)
    return Annotations(tables, ann.extra)


def test_top_speakers_and_who_is_quoted(quoted):
    q = quoted.quotes
    assert set(q["speaker"].dropna()) >= {"Kim Yo Jong", "Park Won-gon"}
    t = views.top_speakers(quoted, top=2)
    assert len(t) == 2 and t["quotes"].tolist() == [2, 2]
    park = q["speaker"] == "Park Won-gon"
    unresolved = q.assign(speaker=q["speaker"].where(~park, "They"),
                          speaker_actor=q["speaker_actor"].where(~park, None))
    pron = Annotations(quoted.tables() | {"quotes": unresolved}, quoted.extra)
    assert "They" not in set(views.top_speakers(pron)["speaker"])  # a pronoun is no one
    assert "They" in set(views.unresolved_speakers(pron)["speaker"])
    kim = views.top_speakers(quoted).set_index("speaker").loc["Kim Yo Jong"]
    assert kim["country"] == "PRK" and kim["articles"] == 2
    w = views.who_is_quoted(quoted, top=1)
    assert w["country"].iloc[-1].startswith("others (")
    assert w["quotes"].sum() == len(q)
    # an institution counts once however it is written: an acronym, its name with "the"
    agency = q.assign(speaker=["KCNA", "the Korean Central News Agency"] * (len(q) // 2)
                      + ["KCNA"] * (len(q) % 2), speaker_actor="PRK", kind="direct")
    one = views.top_speakers(Annotations(quoted.tables() | {"quotes": agency}, quoted.extra))
    assert one["speaker"].tolist() == ["Korean Central News Agency"]
    assert one["quotes"].tolist() == [len(q)]
    # one article's "the source" is not another's: a description is counted per article,
    # a name written with "the" is not a description
    src = q.assign(speaker=q["article_id"].map({"q1": "the source", "q2": "the source"}),
                   speaker_actor=None, kind="direct")
    two = views.top_speakers(Annotations(quoted.tables() | {"quotes": src}, quoted.extra))
    assert two["speaker"].tolist() == ["the source", "the source"]
    assert two["articles"].tolist() == [1, 1]
    assert sorted(two["quotes"]) == sorted(q["article_id"].value_counts().tolist())
    us = q.assign(speaker="the U.S.", speaker_actor="USA", kind="direct")
    one = views.top_speakers(Annotations(quoted.tables() | {"quotes": us}, quoted.extra))
    assert one["quotes"].tolist() == [len(q)] and one["articles"].tolist() == [2]


def test_country_sources_and_unresolved_speakers(quoted):
    if "actor_source" not in quoted.quotes:  # until the persons helper's column lands
        assert views.country_sources(quoted) is None
    q = quoted.quotes
    src = ["dictionary" if s == "Kim Yo Jong" else "" if not isinstance(a, str) else "title"
           for s, a in zip(q["speaker"], q["speaker_actor"], strict=True)]
    ann = with_sources(quoted, src)
    t = views.country_sources(ann).set_index("decided by")
    assert t.loc["dictionary", "quotes"] == 2 and t.loc["dictionary", "speakers"] == 1
    assert abs(t["share of quotes"].sum() - 1) < 1e-9
    assert "meaning" in t and t.loc["dictionary", "meaning"].startswith("the speaker is a person")
    assert "country from" in views.quote_listing(ann)
    un = views.unresolved_speakers(quoted)
    named_no_country = q[q["speaker"].notna() & q["speaker_actor"].isna() & (q["kind"] != "term")]
    assert un["quotes"].sum() == len(named_no_country)
    assert set(un["speaker"]) == set(named_no_country["speaker"])


def test_evidence_from_a_pair_month_or_outlet_to_its_sentences(forty):
    ev = forty.events[~forty.events["historical"].astype(bool)]
    kp = ev[ev["source"].isin(["KOR", "PRK"]) & ev["target"].isin(["KOR", "PRK"])]
    assert len(kp) > 0
    rows = views.evidence(forty, pair="KOR-PRK", kind="event")
    assert len(rows) == len(kp)
    assert list(rows.columns) == views.EVIDENCE_COLUMNS
    assert all(("KOR" in a and "PRK" in a) for a in rows["actors"])
    directed = views.evidence(forty, pair="PRK>KOR", kind="event")
    assert len(directed) == ((kp["source"] == "PRK") & (kp["target"] == "KOR")).sum()
    assert views.evidence(forty, pair=("PRK", "KOR"), kind="event").shape == rows.shape
    feb = views.evidence(forty, pair="KOR–PRK", month="2024-02", kind="event")
    assert 0 < len(feb) < len(rows)
    assert (feb["published"].dt.strftime("%Y-%m") == "2024-02").all()
    undated = kp["article_id"].isin(["a38", "a39"]).sum()  # one event each, no date
    assert undated == 2
    q1 = views.evidence(forty, pair="KOR-PRK", month="2024Q1", kind="event")
    assert len(q1) == len(rows) - undated
    one = views.evidence(forty, actor="PRK", outlet="Outlet 3")
    assert set(one["source"]) == {"Outlet 3"} and set(one["kind"]) <= {"mention", "event"}
    mentions = views.evidence(forty, actor="PRK", kind="mention")
    m = forty.mentions[forty.mentions["actor"] == "PRK"]
    assert len(mentions) == m.groupby(["article_id", "sentence_id"]).ngroups
    assert mentions["text"].str.contains("North Korea").all()


def test_evidence_says_what_it_cannot_read(forty):
    with pytest.raises(ValueError, match="kind='speech'"):
        views.evidence(forty, kind="speech")
    with pytest.raises(ValueError, match="KOR-PRK"):
        views.evidence(forty, pair="KOR PRK")
    with pytest.raises(ValueError, match="month='March'"):
        views.evidence(forty, month="March")
    assert views.evidence(forty, actor="XYZ").empty


def test_evidence_finds_quotes_of_a_country(quoted):
    rows = views.evidence(quoted, actor="PRK", kind="quote")
    assert len(rows) == 2 and rows["actors"].tolist() == ["Kim Yo Jong (PRK)"] * 2
    assert rows["text"].str.contains("We will respond").all()


def dated_events_corpus():
    """12 months of our own sentences: KOR–PRK cooperative in the first months, hostile in
    the last; JPN–KOR steady; one outlet per half."""
    coop = "South Korea and North Korea signed an agreement. North Korea praised South Korea."
    hostile = "North Korea threatened South Korea. South Korea sanctioned North Korea."
    steady = "Japan and South Korea held talks."
    rows = []
    for month in range(1, 13):
        for k in range(3):
            text = (coop if month <= 4 else hostile if month >= 9 else steady) + " " + steady
            rows.append({"article_id": f"m{month:02d}-{k}", "text": text, "title": "t",
                         "source": "Early Post" if month <= 6 else "Late Times",
                         "published": pd.Timestamp(f"2020-{month:02d}-{5 + k}")})
    return ka.annotate(pd.DataFrame(rows), cache=False)


@pytest.fixture(scope="module")
def yearly():
    return dated_events_corpus()


def test_pair_trend_per_month_with_counts_and_intervals(yearly):
    assert views.is_dated(yearly)
    freq, periods = views.dated_periods(yearly)
    assert freq == "M" and len(periods) == 12
    pairs = views.main_pairs(yearly, k=2)
    assert set(pairs["pair"]) == {"KOR–PRK", "JPN–KOR"}
    t = views.pair_trend(yearly, ["PRK-KOR"], n_boot=100)
    assert t["pair"].unique().tolist() == ["KOR–PRK"] and len(t) == 12
    ev = yearly.events[yearly.events["source"].isin(["KOR", "PRK"])
                       & yearly.events["target"].isin(["KOR", "PRK"])]
    assert t["n_events"].sum() == len(ev)
    early, late = t.iloc[0], t.iloc[-1]
    assert early["score"] > 0 > late["score"]
    assert early["score_low"] <= early["score"] <= early["score_high"]
    assert t.loc[4:7, "n_events"].eq(0).all() and t.loc[4:7, "score"].isna().all()
    assert (t["n_coop"] + t["n_conflict"] <= t["n_events"]).all()
    q = views.pair_trend(yearly, ["KOR-PRK"], freq="Q", n_boot=50)
    assert q["period"].tolist() == ["2020Q1", "2020Q2", "2020Q3", "2020Q4"]


def test_tension_change_claims_only_separated_intervals(yearly):
    ch = views.tension_change(yearly, ["KOR-PRK", "JPN-KOR"], n_boot=200).set_index("pair")
    assert ch.loc["KOR–PRK", "change"] == "more conflict"
    assert ch.loc["KOR–PRK", "early"] == "2020-01 to 2020-04"
    assert ch.loc["KOR–PRK", "late"] == "2020-09 to 2020-12"
    assert ch.loc["JPN–KOR", "change"] in ("no clear change", "too little evidence")
    assert views.tension_headline(ch.reset_index()).startswith("Tensions rose for KOR–PRK")
    same = ch.reset_index().assign(change="no clear change")
    assert views.tension_headline(same).startswith("No clear change")


def test_portrayal_and_outlets_over_time(yearly):
    p = views.portrayal_trend(yearly, ["PRK"], n_boot=50)
    assert len(p) == 12 and p["n_mentions"].tolist() == [6] * 4 + [0] * 4 + [6] * 4
    assert p["polarity"].iloc[0] > p["polarity"].iloc[-1]
    o = views.outlet_trend(yearly, pairs=["KOR-PRK"], n_boot=50)
    assert set(o["outlet"]) == {"Early Post", "Late Times"}
    late = o[o["outlet"] == "Late Times"]
    assert late.loc[late["period"] <= "2020-06", "n_events"].eq(0).all()
    last, rows = views.latest_evidence(yearly, views.pair_trend(yearly, ["KOR-PRK"]))
    assert last == "2020-12" and len(rows) > 0
    assert (rows["published"].dt.strftime("%Y-%m") == "2020-12").all()


def test_undated_corpus_is_said_plainly():
    arts = pd.DataFrame({"article_id": ["x"], "text": ["North Korea threatened South Korea."],
                         "published": [pd.NaT], "title": [None], "source": [None]})
    ann = ka.annotate(arts, cache=False)
    assert not views.is_dated(ann)
    assert views.dates_note(ann).startswith("None of the 1 articles has a publication date")
    assert views.tension_change(ann).empty


def test_load_turns_loader_warnings_into_plain_notes(tmp_path, capsys):
    """A text the metadata does not list is a note in corpus_info, printed as a plain line."""
    import warnings

    from korea_analysis import views

    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "one.txt").write_text("Seoul and Tokyo agreed to hold talks on Monday.\n")
    (folder / "two.txt").write_text("Pyongyang condemned the drills on Tuesday.\n")
    meta = tmp_path / "meta.csv"
    meta.write_text("file,source,published\none.txt,Daily Test,2024-05-01\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no CorpusWarning may escape load()
        ann = views.load(str(folder), metadata=str(meta), columns="")
    notes = ann.extra["corpus_info"]["notes"]
    assert len(notes) == 1 and "1 text(s) not in the metadata" in notes[0]
    assert "two" in notes[0]
    assert f"Note: {notes[0]}" in capsys.readouterr().out
    assert len(ann.articles) == 2


def test_top_speakers_count_one_person_once_however_spelled(quoted):
    """Spellings of one person, and a speaker once left without a country, are one row."""
    q = quoted.quotes
    first_kim = q.index[q["speaker"] == "Kim Yo Jong"][0]
    first_park = q.index[q["speaker"] == "Park Won-gon"][0]
    variants = q.copy()
    variants.loc[first_kim, "speaker"] = "Kim Yo-jong"       # another spelling
    variants.loc[first_park, ["speaker", "speaker_actor"]] = ["Park", None]  # surname, no country
    ann = Annotations(quoted.tables() | {"quotes": variants}, quoted.extra)
    t = views.top_speakers(ann).set_index("speaker")
    assert t.loc["Kim Yo Jong", "quotes"] == 2 and "Kim Yo-jong" not in t.index
    assert t.loc["Park Won-gon", "quotes"] == 2 and "Park" not in t.index
    assert t.loc["Park Won-gon", "country"] == "KOR"


def test_top_actors_chart_turns_logarithmic_when_one_actor_dwarfs_the_rest():
    dominant = " ".join(["The United States held a briefing on trade."] * 20
                        + ["Japan sent a delegate.", "China sent an envoy."])
    even = "The United States met Japan. Japan met China. China met the United States."
    for text, scale in ((dominant, "log"), (even, "linear")):
        arts = pd.DataFrame({"article_id": ["m1"], "text": [text],
                             "published": pd.to_datetime(["2024-03-01"]),
                             "title": ["T"], "source": ["S"]})
        fig, table = views.top_actors_chart(ka.annotate(arts, cache=False))
        assert fig.axes[0].get_xscale() == scale, table


def test_table_reads_only_the_columns_and_articles_asked_for(tmp_path, monkeypatch):
    """views.table / scan / sentence_text give the rows and values of the loaded tables,
    from the cache without loading the whole table, and from memory as well."""
    monkeypatch.setenv("KOREA_ANALYSIS_CACHE", str(tmp_path / "cache"))
    arts = pd.DataFrame({"article_id": ["p", "q", "r"], "title": None, "source": "Wire",
                         "published": pd.to_datetime(["2024-01-02", "2024-02-03", None]),
                         "date_precision": ["day", "day", None],
                         "text": ["Seoul and Tokyo met. North Korea fired a missile.",
                                  "\"We will respond,\" the Japanese minister said in Tokyo.",
                                  "China and Russia held talks. Beijing called for calm."]})
    ann = ka.annotate(arts)
    cols = ["article_id", "sentence_id", "text"]
    got = views.table(ann, "sentences", cols, articles=["q", "r"])
    assert "sentences" not in ann.__dict__  # read from the cache, not loaded
    full = ann.sentences
    want = full.loc[full["article_id"].isin(["q", "r"]), cols].reset_index(drop=True)
    pd.testing.assert_frame_equal(got, want)
    pd.testing.assert_frame_equal(views.table(ann, "sentences", cols, articles=["q", "r"]),
                                  want)  # now from memory: the same
    fresh = ka.annotate(arts)
    parts = list(views.scan(fresh, "mentions", ["actor", "polarity"]))
    pd.testing.assert_frame_equal(pd.concat(parts, ignore_index=True),
                                  fresh.mentions[["actor", "polarity"]])
    rows = pd.DataFrame({"article_id": ["r", "p", "p"], "sentence_id": [1, 0, 7]})
    text = views.sentence_text(fresh, rows).sort_values(["article_id", "sentence_id"])
    assert [tuple(r) for r in text.itertuples(index=False)] == [
        ("p", 0, full.loc[(full.article_id == "p") & (full.sentence_id == 0), "text"].item()),
        ("r", 1, full.loc[(full.article_id == "r") & (full.sentence_id == 1), "text"].item())]
    pd.testing.assert_frame_equal(
        views.sentence_text(ann, rows).sort_values(["article_id", "sentence_id"],
                                                   ignore_index=True),
        text.reset_index(drop=True))


def test_notebooks_take_arrow_memory_from_the_system_allocator(monkeypatch):
    # mimalloc keeps freed buffers: at 100,000 articles that was the difference under 3 GB
    import pyarrow as pa
    before = pa.default_memory_pool()
    monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL", raising=False)
    try:
        views.setup_notebook(interactive=False)
        assert pa.default_memory_pool().backend_name == "system"
    finally:
        pa.set_memory_pool(before)
