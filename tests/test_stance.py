"""Portrayal per actor: means over mentions, intervals from resampling articles."""
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


def test_groups_by_outlet_share_the_resamples():
    m = simulated(30, 2)
    m["outlet"] = np.where(m["article_id"].str[1:].astype(int) % 2 == 0, "A", "B")
    out = stance.aggregate(m, by=["outlet"], n_boot=200)
    assert len(out) == 4 and (out.polarity_low < out.polarity).all()
    assert (out.polarity < out.polarity_high).all()
    assert out.groupby("outlet")["share"].sum().round(12).eq(1).all()
