"""Portrayal per actor: means over mentions, intervals from resampling articles."""
import re

import numpy as np
import pandas as pd
import pytest

from korea_analysis import stance


def mentions_of(rows):
    """rows: (article_id, actor, polarity) -> a mentions table."""
    df = pd.DataFrame(rows, columns=["article_id", "actor", "polarity"])
    return df.assign(subjectivity=0.5)


def test_means_counts_and_shares_by_hand():
    m = mentions_of([("a1", "PRK", -0.5), ("a1", "PRK", -0.1), ("a2", "PRK", 0.0),
                     ("a2", "KOR", 0.4), ("a3", "KOR", 0.2)])
    out = stance.actor_sentiment(m, n_boot=200).set_index("actor")
    assert out.loc["PRK", "n_mentions"] == 3 and out.loc["PRK", "n_articles"] == 2
    assert out.loc["PRK", "polarity"] == pytest.approx(-0.2)
    assert out.loc["KOR", "polarity"] == pytest.approx(0.3)
    assert out.loc["PRK", "share"] == pytest.approx(0.6)
    # every resample of PRK is a weighted mean of -0.3 (a1) and 0.0 (a2): inside [-0.3, 0]
    assert -0.3 <= out.loc["PRK", "polarity_low"] < out.loc["PRK", "polarity_high"] <= 0.0


def test_one_article_gives_no_interval_and_equal_articles_a_point():
    m = mentions_of([("a1", "JPN", 0.3), ("a1", "RUS", 0.2), ("a2", "RUS", 0.2),
                     ("a3", "RUS", 0.2)])
    out = stance.actor_sentiment(m, n_boot=100).set_index("actor")
    assert np.isnan(out.loc["JPN", "polarity_low"]) and np.isnan(out.loc["JPN", "polarity_high"])
    assert out.loc["RUS", "polarity_low"] == pytest.approx(0.2)
    assert out.loc["RUS", "polarity_high"] == pytest.approx(0.2)


def simulated(n_articles, seed, true_mean=0.1):
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n_articles):
        shift = rng.normal(0, 0.2)  # articles differ: mentions within one are correlated
        for _ in range(rng.integers(1, 6)):
            rows.append((f"a{i}", "USA", true_mean + shift + rng.normal(0, 0.1)))
            rows.append((f"a{i}", "CHN", -true_mean + shift + rng.normal(0, 0.1)))
    return mentions_of(rows)


def test_intervals_cover_the_true_mean_about_95_percent_of_the_time():
    hits = total = 0
    for seed in range(60):
        out = stance.actor_sentiment(simulated(40, seed), n_boot=300, seed=seed)
        for actor, truth in (("USA", 0.1), ("CHN", -0.1)):
            r = out.set_index("actor").loc[actor]
            hits += r.polarity_low <= truth <= r.polarity_high
            total += 1
    assert 0.85 <= hits / total <= 1.0


def test_same_result_whatever_the_block_size_and_the_path(monkeypatch):
    m = simulated(30, 1)
    ref = stance.actor_sentiment(m, n_boot=250, seed=3)
    monkeypatch.setattr(stance, "BLOCK", 50)  # one resample per block, and the gather path
    small = stance.actor_sentiment(m, n_boot=250, seed=3)
    pd.testing.assert_frame_equal(ref, small)
    other = stance.actor_sentiment(m, n_boot=250, seed=4)
    assert not np.allclose(ref.polarity_low, other.polarity_low)


def test_weights_are_the_draws_of_one_generator_in_order_and_kept(monkeypatch):
    monkeypatch.setattr(stance, "_WEIGHTS", {})
    monkeypatch.setattr(stance, "BLOCK", 70)  # 7 resamples per block of draws, 5 blocks
    w = stance.poisson_weights(33, 10, seed=5)
    assert w.shape == (33, 10) and w.dtype == np.uint8 and not w.flags.writeable
    np.testing.assert_array_equal(w, np.random.default_rng(5).poisson(1.0, (33, 10)))
    assert stance.poisson_weights(33, 10, seed=5) is w  # drawn once
    assert not np.array_equal(stance.poisson_weights(33, 10, seed=6), w)
    monkeypatch.setattr(stance, "WEIGHTS_BYTES", 400)  # room for one: the oldest goes
    stance.poisson_weights(33, 11, seed=5)
    assert list(stance._WEIGHTS) == [(33, 11, 5)]


def test_directed_from_items_made_once_is_the_same():
    quotes, events, mentions, sentences = _directed_inputs()
    items = stance.stance_items(quotes, events, mentions)
    pd.testing.assert_frame_equal(stance.directed(None, None, n_boot=50, items=items),
                                  stance.directed(quotes, events, mentions, n_boot=50))
    pd.testing.assert_frame_equal(
        stance.directed_evidence(None, None, sentences, items=items),
        stance.directed_evidence(quotes, events, sentences, mentions))


def test_groups_by_outlet_share_the_resamples():
    m = simulated(30, 2)
    m["outlet"] = np.where(m["article_id"].str[1:].astype(int) % 2 == 0, "A", "B")
    out = stance.aggregate(m, by=["outlet"], n_boot=200)
    assert len(out) == 4 and (out.polarity_low < out.polarity).all()
    assert (out.polarity < out.polarity_high).all()
    assert out.groupby("outlet")["share"].sum().round(12).eq(1).all()


# --------------------------------------------------------------------------- directed stance
def _directed_inputs():
    """Two articles. a1: Russia (RUS) condemns North Korea (event -0.2, weight 1) and the
    Russian minister is quoted about Seoul (KOR mention +0.6) and Russia itself (left out).
    a2: Russia signs a pact with Seoul (+0.8, weight 0.5), North Korea threatens Seoul."""
    events = pd.DataFrame({
        "article_id": ["a1", "a2", "a2", "a2"], "sentence_id": [0, 0, 1, 2],
        "source": ["RUS", "RUS", "PRK", "PRK"], "target": ["PRK", "KOR", "KOR", "KOR"],
        "cue": ["condemned", "signed a pact", "threatened", "ties"],
        "quad_class": ["verbal conflict", "verbal cooperation", "verbal conflict",
                       "verbal cooperation"],
        "score": [-0.2, 0.8, -0.44, 0.5], "weight": [1.0, 0.5, 1.0, 1.0],
        "historical": [False, False, False, True]})
    quotes = pd.DataFrame({"article_id": ["a1", "a2"], "start": [100, 0], "end": [200, 50],
                           "speaker_actor": ["RUS", None], "sentence_id": [1, 0]})
    mentions = pd.DataFrame({
        "article_id": ["a1", "a1", "a1", "a1", "a2"], "sentence_id": [1, 1, 1, 1, 0],
        "start": [110, 150, 190, 300, 10], "end": [115, 160, 199, 305, 20],
        "actor": ["KOR", "KOR", "RUS", "KOR", "KOR"], "kind": ["capital"] * 3 + ["country"] * 2,
        "polarity": [0.6, 0.0, 0.9, -1.0, -1.0]})
    sentences = pd.DataFrame({"article_id": ["a1", "a1", "a2", "a2", "a2"],
                              "sentence_id": [0, 1, 0, 1, 2],
                              "text": ["Russia condemned the North.", "“Seoul …,” he said.",
                                       "Russia signed a pact with Seoul.",
                                       "The North threatened Seoul.", "Old ties."]})
    return quotes, events, mentions, sentences


def test_directed_stance_by_hand():
    quotes, events, mentions, _ = _directed_inputs()
    d = stance.directed(quotes, events, mentions, n_boot=100).set_index(["source", "target"])
    assert list(d.reset_index().columns) == stance.DIRECTED_COLUMNS
    # RUS -> KOR: the quote (KOR mentions inside it: 0.6 and 0.0 -> 0.3; the one at 300 is
    # outside, RUS's own mention left out) and the pact (+0.8, weight 0.5).
    r = d.loc[("RUS", "KOR")]
    assert (r.n_quotes, r.n_events, r.n_articles) == (1, 1, 2)
    assert r.quote_score == pytest.approx(0.3) and r.event_score == pytest.approx(0.8)
    assert r.score == pytest.approx((0.3 + 0.5 * 0.8) / 1.5)
    assert r.conflict_share == pytest.approx(0.0)
    # every resample draws a1 and/or a2: the mean lies between their values 0.3 and 0.8
    assert 0.3 - 1e-9 <= r.low <= r.score <= r.high <= 0.8 + 1e-9
    # directed: PRK -> KOR exists (the historical "ties" row left out), KOR -> PRK does not
    r = d.loc[("PRK", "KOR")]
    assert (r.n_events, r.n_quotes) == (1, 0) and r.score == pytest.approx(-0.44)
    assert r.conflict_share == 1.0 and np.isnan(r.quote_score) and np.isnan(r.low)
    assert ("KOR", "PRK") not in d.index and ("RUS", "RUS") not in d.index
    # without mentions, quotes cannot say whom they are about: events only
    e = stance.directed(quotes, events, n_boot=0).set_index(["source", "target"])
    assert e.loc[("RUS", "KOR"), "n_quotes"] == 0
    assert e.loc[("RUS", "KOR"), "score"] == pytest.approx(0.8)


def test_directed_evidence_is_the_strongest_sentence_per_cell():
    quotes, events, mentions, sentences = _directed_inputs()
    ev = stance.directed_evidence(quotes, events, sentences, mentions)
    assert list(ev.columns) == stance.EVIDENCE_COLUMNS
    got = {(r.source, r.target): (r.kind, r.text) for r in ev.itertuples()}
    # RUS -> KOR: the pact (weight 0.5 x 0.8 = 0.4) is stronger than the quote (0.3)
    assert got[("RUS", "KOR")] == ("event", "Russia signed a pact with Seoul.")
    assert got[("RUS", "PRK")] == ("event", "Russia condemned the North.")
    assert got[("PRK", "KOR")] == ("event", "The North threatened Seoul.")
    assert len(ev) == 3


def test_directed_empty_inputs():
    quotes, events, mentions, sentences = _directed_inputs()
    empty = stance.directed(quotes.iloc[:0], events.iloc[:0], mentions)
    assert empty.empty and list(empty.columns) == stance.DIRECTED_COLUMNS
    assert stance.directed_evidence(None, events.iloc[:0], sentences).empty


# --------------------------------------------------------------------------- the views
@pytest.fixture(scope="module")
def bundled():
    import korea_analysis as ka

    return ka.annotate(ka.load_corpus(), cache=False)


def test_stance_views_on_the_bundled_corpus(bundled):
    import matplotlib

    matplotlib.use("Agg")
    from korea_analysis import views

    fig, data = views.stance_heatmap(bundled, top=4)
    actors = set(data["source"]) | set(data["target"])
    assert len(actors) <= 4 and {"PRK", "RUS"} <= actors
    ev = views.stance_evidence(bundled, data)
    assert len(ev) == len(data) and (ev["text"].str.len() > 0).all()
    # Pyongyang toward Moscow: friendly, mostly events, and the strongest sentence says so
    r = data.set_index(["source", "target"]).loc[("PRK", "RUS")]
    assert r.score > 0 and r.n_events >= 5


def test_by_outlet_table_is_compact_and_blank_not_nan(bundled):
    from korea_analysis import views

    t = views.portrayal_by_outlet_table(bundled, 3, top_actors=3, top_outlets=2)
    assert t.shape[0] <= 3 and t.shape[1] <= 2
    assert not t.isna().any().any()
    cells = [c for c in t.to_numpy().ravel() if c]
    assert cells and all(re.fullmatch(r"[+-]\d\.\d\d \(n=\d+\)", c) for c in cells)


def test_dyad_table_names_the_relation_by_the_balance(bundled):
    from korea_analysis import views

    d = views.dyad_table(bundled)
    assert (d["n_events"].diff().dropna() <= 0).all()  # most events first
    assert set(d["relation"]) <= {"cooperation", "conflict", "mixed"}
    row = d[d["pair"] == "South Korea – North Korea"].iloc[0]
    assert row["relation"] == "conflict" and row["n_conflict"] > row["n_coop"]
