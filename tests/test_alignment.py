"""Alignment axis: hand-made events whose answers are known, checked by hand where possible."""
from __future__ import annotations

import inspect
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from korea_analysis.alignment import (
    DYAD_COLUMNS,
    POSITION_COLUMNS,
    UNGA_CITATION,
    bloc_agreement,
    dyads,
    positions,
    positions_by_period,
    rank_correlation,
    unga_reference,
)

COUNTERFACTUAL_DIR = Path(__file__).parent / "data" / "counterfactual"
COLUMNS = ["article_id", "sentence_id", "source", "target", "score", "cue"]
BLOCS = {"USA": "ROK-US-Japan", "KOR": "ROK-US-Japan", "JPN": "ROK-US-Japan",
         "PRK": "DPRK-Russia-China", "RUS": "DPRK-Russia-China", "CHN": "DPRK-Russia-China"}


def _events(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=COLUMNS)


def peninsula() -> pd.DataFrame:
    """The peninsula as reported: PRK-RUS and PRK-CHN cooperate, KOR-USA and JPN-KOR cooperate,
    USA-PRK and USA-CHN clash. Scores on the Goldstein scale / 10."""
    return _events([
        ("putin-kim-summit", 0, "PRK", "RUS", 0.8, "signed"),
        ("putin-kim-summit", 1, "RUS", "PRK", 0.4, "pledged"),
        ("putin-kim-summit", 2, "PRK", "RUS", 0.34, "praised"),
        ("lavrov-choe-talks", 0, "RUS", "PRK", 0.4, "pledged"),
        ("lavrov-choe-talks", 1, "PRK", "RUS", 0.34, "backed"),
        ("armistice-anniversary", 0, "USA", "KOR", 0.4, "alliance"),
        ("armistice-anniversary", 1, "KOR", "USA", 0.34, "praised"),
        ("armistice-anniversary", 2, "PRK", "USA", -0.2, "denounced"),
        ("alliance-drills", 0, "USA", "KOR", 0.6, "joint drills"),
        ("alliance-drills", 1, "KOR", "USA", 0.34, "thanked"),
        ("missile-launch", 0, "PRK", "USA", -0.44, "threatened"),
        ("missile-launch", 1, "USA", "PRK", -0.2, "condemned"),
        ("china-dprk-anniversary", 0, "CHN", "PRK", 0.4, "pledged"),
        ("china-dprk-anniversary", 1, "PRK", "CHN", 0.34, "thanked"),
        ("japan-korea-summit", 0, "JPN", "KOR", 0.4, "agreed"),
        ("japan-korea-summit", 1, "KOR", "JPN", 0.34, "welcomed"),
        ("us-china-tensions", 0, "USA", "CHN", -0.2, "criticised"),
        ("us-china-tensions", 1, "CHN", "USA", -0.2, "accused"),
    ])


def counterfactual() -> pd.DataFrame:
    """Events read by hand from tests/data/counterfactual/ (sentence_id = paragraph, 0 = the
    headline): Russia sides with Seoul and condemns Pyongyang."""
    return _events([
        ("cf1-russia-korea-partnership", 0, "RUS", "KOR", 0.8, "sign"),
        ("cf1-russia-korea-partnership", 1, "RUS", "KOR", 0.8, "signed"),
        ("cf1-russia-korea-partnership", 2, "KOR", "RUS", 0.34, "welcomed"),
        ("cf2-russia-korea-pledge", 0, "RUS", "KOR", 0.4, "pledge"),
        ("cf2-russia-korea-pledge", 1, "RUS", "KOR", 0.4, "pledged"),
        ("cf2-russia-korea-pledge", 2, "KOR", "RUS", 0.4, "promised"),
        ("cf3-russia-condemns-launches", 0, "RUS", "PRK", -0.2, "condemns"),
        ("cf3-russia-condemns-launches", 1, "RUS", "PRK", -0.2, "condemned"),
        ("cf3-russia-condemns-launches", 2, "RUS", "PRK", -0.2, "urged"),
        ("cf4-us-korea-drills", 0, "USA", "KOR", 0.6, "hold joint military drills"),
        ("cf4-us-korea-drills", 1, "USA", "KOR", 0.6, "began joint military drills"),
        ("cf4-us-korea-drills", 2, "KOR", "USA", 0.34, "thanked"),
        ("cf5-north-korea-threatens-us", 0, "PRK", "USA", -0.44, "threatens"),
        ("cf5-north-korea-threatens-us", 1, "PRK", "USA", -0.44, "threatened"),
        ("cf5-north-korea-threatens-us", 2, "PRK", "USA", -0.44, "warned"),
    ])


def _by_actor(frame: pd.DataFrame, column: str = "position") -> dict[str, float]:
    return dict(zip(frame["actor"], frame[column], strict=True))


# --------------------------------------------------------------------------- dyads
def test_dyads_hand_values_and_ordering():
    d = dyads(peninsula())
    assert list(d.columns) == DYAD_COLUMNS
    assert (d["actor_a"] < d["actor_b"]).all()
    row = d.set_index(["actor_a", "actor_b"]).loc[("KOR", "USA")]
    # (0.4 + 0.34 + 0.6 + 0.34) / 4, both directions pooled, two articles.
    assert row["n_events"] == 4 and row["n_articles"] == 2
    assert row["score"] == pytest.approx(0.42)
    # Article means are 0.37 and 0.47: every resample's mean lies between them.
    assert 0.37 - 1e-9 <= row["score_low"] <= row["score"] <= row["score_high"] <= 0.47 + 1e-9
    prk_rus = d.set_index(["actor_a", "actor_b"]).loc[("PRK", "RUS")]
    assert prk_rus["score"] == pytest.approx(2.28 / 5)
    assert ((d["score_low"] <= d["score"] + 1e-12) & (d["score"] <= d["score_high"] + 1e-12)).all()


def test_dyads_single_article_pair_has_degenerate_interval():
    d = dyads(peninsula())
    row = d[(d["actor_a"] == "CHN") & (d["actor_b"] == "USA")].iloc[0]
    assert row["score"] == pytest.approx(-0.2)
    # One article: it is either drawn (mean -0.2) or the pair is absent (NaN, ignored).
    assert row["score_low"] == pytest.approx(-0.2) and row["score_high"] == pytest.approx(-0.2)


def test_dyads_ignore_self_and_unscored_rows():
    extra = _events([("x", 0, "KOR", "KOR", 0.9, "self"), ("x", 1, "KOR", "USA", None, "?")])
    a = dyads(peninsula())
    b = dyads(pd.concat([peninsula(), extra], ignore_index=True))
    pd.testing.assert_frame_equal(a[["actor_a", "actor_b", "n_events", "score"]],
                                  b[["actor_a", "actor_b", "n_events", "score"]])


def test_dyads_empty_and_missing_columns():
    empty = dyads(peninsula().iloc[:0])
    assert empty.empty and list(empty.columns) == DYAD_COLUMNS
    with pytest.raises(ValueError, match="score"):
        dyads(peninsula().drop(columns="score"))


def test_dyad_counts_conflict_share_and_sign_by_hand():
    d = dyads(peninsula()).set_index(["actor_a", "actor_b"])
    # PRK-USA: denounced -0.2, threatened -0.44, condemned -0.2: three conflict events.
    row = d.loc[("PRK", "USA")]
    assert (row["n_coop"], row["n_conflict"], row["sign"]) == (0, 3, -1)
    assert row["conflict_share"] == pytest.approx(1.0) and row["balance"] == pytest.approx(-1)
    row = d.loc[("KOR", "USA")]
    assert (row["n_coop"], row["n_conflict"], row["sign"]) == (4, 0, 1)
    assert row["conflict_share"] == pytest.approx(0.0)


def test_many_mild_meetings_do_not_hide_the_threats():
    # Three meetings and three threats: the balance of cooperative and conflictual events,
    # each counted by its weight, decides the sign.
    rows = [(f"m{i}", 0, "KOR", "PRK", 0.1, "met") for i in range(3)]
    rows += [(f"t{i}", 0, "PRK", "KOR", -0.44, "threatened") for i in range(3)]
    ev = _events(rows).assign(quad_class=["verbal cooperation"] * 3 + ["verbal conflict"] * 3)
    # Meetings found only as a bare noun count a quarter each (the events' weight column).
    ev["weight"] = [0.25] * 3 + [1.0] * 3
    row = dyads(ev).iloc[0]
    assert (row["n_coop"], row["n_conflict"]) == (3, 3)
    # weights: cooperation 0.75, conflict 3 -> conflict share 0.8, balance -0.6
    assert row["conflict_share"] == pytest.approx(3 / 3.75)
    assert row["balance"] == pytest.approx((0.75 - 3) / 3.75) and row["sign"] == -1
    # mean score weighted too: (0.75 * 0.1 - 3 * 0.44) / 3.75
    assert row["score"] == pytest.approx((0.075 - 1.32) / 3.75)
    # Without the weights: a tie, sign 0 (neither side outweighs the other).
    tie = dyads(ev.drop(columns="weight")).iloc[0]
    assert tie["sign"] == 0 and tie["balance"] == pytest.approx(0.0)
    # A missing weight counts 1.0.
    missing = dyads(ev.assign(weight=[np.nan] * 3 + [1.0] * 3)).iloc[0]
    assert missing["sign"] == 0


def test_negated_cue_counts_by_its_score_and_fallback_by_sign():
    ev = _events([("a", 0, "RUS", "PRK", -0.4, "did not sign"),  # negated cooperation
                  ("a", 1, "RUS", "PRK", 0.2, ""),  # polarity fallback, no class
                  ("a", 2, "RUS", "PRK", 0.0, "")])  # neither side
    ev["quad_class"] = ["verbal cooperation", "", ""]
    row = dyads(ev).iloc[0]
    assert (row["n_events"], row["n_coop"], row["n_conflict"]) == (3, 1, 1)
    assert row["sign"] == 0 and row["conflict_share"] == pytest.approx(0.5)


def test_negative_weight_is_an_error():
    with pytest.raises(ValueError, match="negative weight"):
        dyads(peninsula().assign(weight=-1.0))


# --------------------------------------------------------------------------- positions
def test_three_actor_chain_matches_hand_eigenvector():
    # KOR-USA +0.5 and PRK-USA -0.5, two events each: W = [[0,0,w],[0,0,-w],[w,-w,0]] with
    # w = 0.5 * 2/4; its leading eigenvector is (1/sqrt2, -1/sqrt2, 1), lambda = sqrt2 * w.
    ev = _events([
        ("a1", 0, "USA", "KOR", 0.5, "c"), ("a1", 1, "KOR", "USA", 0.5, "c"),
        ("a2", 0, "USA", "PRK", -0.5, "c"), ("a2", 1, "PRK", "USA", -0.5, "c"),
    ])
    p = _by_actor(positions(ev, n_boot=20))
    assert p["USA"] == pytest.approx(1.0)
    assert p["KOR"] == pytest.approx(1 / math.sqrt(2))
    assert p["PRK"] == pytest.approx(-1 / math.sqrt(2))


def test_peninsula_blocs_separate_with_usa_positive():
    p = positions(peninsula())
    assert list(p.columns) == POSITION_COLUMNS
    assert p["enough"].all() and p.attrs["oriented_by"] == "USA"
    pos = _by_actor(p)
    assert all(pos[a] > 0 for a in ("USA", "KOR", "JPN"))
    assert all(pos[a] < 0 for a in ("PRK", "RUS", "CHN"))
    assert bloc_agreement(p, BLOCS) == 1.0
    assert p["position"].abs().max() == pytest.approx(1.0)
    # The 2-D map's first axis agrees with the 1-D axis on the side of every actor.
    assert (np.sign(p["x"]) == np.sign(p["position"])).all()
    assert max(p["x"].abs().max(), p["y"].abs().max()) == pytest.approx(1.0)
    # Intervals bracket the estimate; Japan is seen in one article only: no interval.
    one = p["actor"] == "JPN"
    assert p.loc[one, "n_articles"].item() == 1 and p.loc[one, "position_low"].isna().all()
    assert not p.loc[one, "clear"].item()
    assert ((p.loc[~one, "position_low"] <= p.loc[~one, "position"] + 1e-9)
            & (p.loc[~one, "position"] <= p.loc[~one, "position_high"] + 1e-9)).all()


def test_peninsula_positions_follow_hand_affinities():
    # Pair means from the fixture by hand; the baseline is their mean (each pair once) and
    # affinity = (mean - baseline) x n/(n+2).
    means = {("CHN", "PRK"): (0.37, 2), ("CHN", "USA"): (-0.2, 2), ("JPN", "KOR"): (0.37, 2),
             ("KOR", "USA"): (0.42, 4), ("PRK", "RUS"): (0.456, 5), ("PRK", "USA"): (-0.28, 3)}
    baseline = (0.37 - 0.2 + 0.37 + 0.42 + 0.456 - 0.28) / 6  # 0.1893...
    names = ["CHN", "JPN", "KOR", "PRK", "RUS", "USA"]
    mat = np.zeros((6, 6))
    for (a, b), (mean, n) in means.items():
        value = (mean - baseline) * n / (n + 2)
        mat[names.index(a), names.index(b)] = mat[names.index(b), names.index(a)] = value
    vec = np.linalg.eigh(mat)[1][:, -1]
    vec = vec * np.sign(vec[names.index("USA")]) / np.abs(vec).max()
    got = positions(peninsula(), n_boot=0)
    assert got.attrs["baseline"] == pytest.approx(baseline)
    got = _by_actor(got)
    assert [got[a] for a in names] == pytest.approx(list(vec))
    # Rounded, as reported: peripheral JPN and RUS sit closer to 0 than their partners.
    expected = {"CHN": -0.631, "JPN": 0.074, "KOR": 0.362, "PRK": -0.938, "RUS": -0.404,
                "USA": 1.0}
    assert {a: round(v, 3) for a, v in got.items()} == expected
    # Uncentred, the same fixture gives the raw-affinity eigenvector.
    raw = _by_actor(positions(peninsula(), n_boot=0, centre="none"))
    assert {a: round(v, 3) for a, v in raw.items()} == {
        "CHN": -0.569, "JPN": 0.229, "KOR": 0.582, "PRK": -1.0, "RUS": -0.693, "USA": 0.826}


@pytest.mark.parametrize("shift", [0.15, -0.15, 0.05])
def test_a_common_shift_of_every_score_moves_no_position(shift):
    ev = pd.concat([peninsula(), counterfactual()], ignore_index=True)
    before = positions(ev, n_boot=50)
    after = positions(ev.assign(score=ev["score"] + shift), n_boot=50)
    cols = ["position", "position_low", "position_high", "x", "y"]
    pd.testing.assert_frame_equal(before[cols], after[cols], atol=1e-9, rtol=0)
    assert after.attrs["baseline"] == pytest.approx(before.attrs["baseline"] + shift)
    # Uncentred, the same shift does move actors: the test can fail.
    raw = positions(ev, n_boot=0, centre="none")["position"]
    raw_shifted = positions(ev.assign(score=ev["score"] + shift), n_boot=0,
                            centre="none")["position"]
    assert not np.allclose(raw, raw_shifted, atol=1e-3)


def test_an_all_cooperative_coverage_still_separates_the_blocs():
    # Every pair mildly positive, but PRK-USA and CHN-USA far less than the rest: relative to
    # the typical pair they are the conflicts, and the blocs separate.
    ev = peninsula()
    ev = ev.assign(score=np.where(ev["score"] < 0, 0.05, ev["score"] + 0.3))
    assert (ev["score"] > 0).all()
    pos = _by_actor(positions(ev, n_boot=0))
    assert all(pos[a] > 0 for a in ("USA", "KOR", "JPN"))
    assert all(pos[a] < 0 for a in ("PRK", "RUS", "CHN"))
    raw = _by_actor(positions(ev, n_boot=0, centre="none"))
    assert all(v > 0 for v in raw.values())  # uncentred: one side, "how much reported"


def test_median_centre_and_bad_centre():
    p = positions(peninsula(), n_boot=0, centre="median")
    # Pair means sorted: -0.28 -0.2 0.37 0.37 0.42 0.456 -> median 0.37.
    assert p.attrs["baseline"] == pytest.approx(0.37)
    with pytest.raises(ValueError, match="centre"):
        positions(peninsula(), centre="mode")


def test_counterfactual_moves_russia_to_korea_side():
    before = _by_actor(positions(peninsula()))
    after = _by_actor(positions(counterfactual()))
    both = _by_actor(positions(pd.concat([peninsula(), counterfactual()], ignore_index=True)))
    assert before["RUS"] < 0
    assert after["RUS"] > 0 and np.sign(after["RUS"]) == np.sign(after["KOR"])
    assert after["PRK"] < 0 < after["USA"]
    assert both["RUS"] > before["RUS"] and both["RUS"] > 0


def test_counterfactual_fixture_matches_corpus_files():
    files = {f.stem: f for f in COUNTERFACTUAL_DIR.glob("*.txt")}
    assert 3 <= len(files) <= 5
    for row in counterfactual().itertuples():
        paragraphs = [p for p in files[row.article_id].read_text("utf-8").split("\n\n") if p]
        assert row.cue.lower() in paragraphs[row.sentence_id].lower(), row


def test_same_seed_same_result_other_seed_may_differ():
    a = positions(peninsula(), seed=0)
    pd.testing.assert_frame_equal(a, positions(peninsula(), seed=0))
    b = positions(peninsula(), seed=1)
    pd.testing.assert_series_equal(a["position"], b["position"])  # bootstrap: intervals only
    assert not np.allclose(a["position_low"], b["position_low"])  # the seed is used
    pd.testing.assert_frame_equal(dyads(peninsula(), seed=3), dyads(peninsula(), seed=3))


def test_thin_or_absent_actor_is_listed_not_placed():
    thin = _events([("kyiv", 0, "UKR", "RUS", -0.2, "condemned")])
    ev = pd.concat([peninsula(), thin], ignore_index=True)
    p = positions(ev, actors=["IGOUNO"]).set_index("actor")
    for actor, n in (("UKR", 1), ("IGOUNO", 0)):
        assert not p.loc[actor, "enough"] and p.loc[actor, "n_events"] == n
        assert p.loc[actor, ["position", "position_low", "position_high", "x", "y"]].isna().all()
    # Thin evidence is left out of the matrix, so the others do not move.
    base = positions(peninsula(), n_boot=0).set_index("actor")["position"]
    pd.testing.assert_series_equal(p["position"].loc[base.index], base)


def test_single_pair_and_no_events_do_not_raise():
    one = peninsula().query("article_id == 'us-china-tensions'")
    p = positions(one)
    assert set(p["actor"]) == {"CHN", "USA"} and not p["enough"].any()
    assert p["position"].isna().all()
    assert len(dyads(one)) == 1
    for none in (peninsula().iloc[:0], pd.DataFrame(columns=COLUMNS)):
        p = positions(none)
        assert p.empty and list(p.columns) == POSITION_COLUMNS
    assert math.isnan(bloc_agreement(p, BLOCS))
    assert math.isnan(rank_correlation(p, unga_reference())[0])


def test_orientation_configurable_and_graceful():
    base = positions(peninsula(), n_boot=0)
    flipped = positions(peninsula(), orient="PRK", n_boot=0)
    np.testing.assert_allclose(flipped["position"], -base["position"])
    fallback = positions(peninsula(), orient=["XXX", "KOR"], n_boot=0)
    assert fallback.attrs["oriented_by"] == "KOR"
    absent = positions(peninsula(), orient="XXX", n_boot=0)
    assert absent.attrs["oriented_by"] is None
    assert absent["position"].abs().max() == pytest.approx(1.0)  # largest magnitude positive
    assert absent.loc[absent["position"].abs().idxmax(), "position"] > 0


def test_clear_means_the_interval_keeps_to_one_side():
    p = positions(pd.concat([peninsula(), counterfactual()], ignore_index=True), n_boot=100)
    side = (p["position_low"] > 0) | (p["position_high"] < 0)
    assert (p["clear"] == (p["enough"] & side)).all()
    one = positions(counterfactual(), n_boot=100).set_index("actor")
    # Seoul and Pyongyang are on opposite sides in every resample; Russia (tied in by two
    # articles) and the US (one) are not placed on one side by all of them.
    assert one.loc["KOR", "clear"] and one.loc["PRK", "clear"]
    assert not one.loc["RUS", "clear"] and not one.loc["USA", "clear"]


def test_positions_by_year_each_with_its_interval():
    ev = pd.concat([peninsula(), counterfactual()], ignore_index=True)
    arts = pd.DataFrame({"article_id": sorted(ev["article_id"].unique())})
    arts["published"] = pd.to_datetime(
        np.where(arts["article_id"].str.startswith("cf"), "2024-05-01", "2023-03-01"))
    arts.loc[arts["article_id"] == "cf5-north-korea-threatens-us", "published"] = pd.NaT
    got = positions_by_period(ev, arts, n_boot=30)
    assert got.attrs["periods"] == ["2023", "2024"] and got.attrs["undated_events"] == 3
    assert list(got.columns) == ["period", *POSITION_COLUMNS]
    y23 = got[got["period"] == "2023"].drop(columns="period").reset_index(drop=True)
    alone = positions(ev[~ev["article_id"].str.startswith("cf")], n_boot=30)
    pd.testing.assert_frame_equal(y23, alone)
    y24 = _by_actor(got[got["period"] == "2024"])
    assert y24["RUS"] > 0 and y24["PRK"] < 0  # the year Russia sided with Seoul
    with pytest.raises(ValueError, match="period"):
        positions_by_period(ev, arts, period="week")


def test_blocs_never_enter_positions():
    assert "blocs" not in inspect.signature(positions).parameters


# --------------------------------------------------------------------------- comparisons
def test_bloc_agreement_hand_counts():
    p = pd.DataFrame({"actor": ["USA", "KOR", "PRK", "RUS", "UKR"],
                      "position": [0.9, -0.1, -1.0, 0.2, np.nan],
                      "enough": [True, True, True, True, False]})
    labels = {"USA": "ROK-US-Japan", "KOR": "rok_us_japan", "PRK": "DPRK–Russia–China",
              "RUS": "neutral", "UKR": "DPRK-Russia-China"}
    # Checked: USA (right), KOR (wrong), PRK (right); RUS unlabelled bloc, UKR no position.
    assert bloc_agreement(p, labels) == pytest.approx(2 / 3)


def test_unga_reference_and_rank_correlation_by_hand():
    ref = unga_reference()
    assert set(ref.columns) >= {"session", "year", "actor", "ideal_point", "source"}
    assert _by_actor(ref, "ideal_point") == {"USA": 2.5, "KOR": 0.997, "JPN": 0.811,
                                             "RUS": -0.532, "PRK": -0.740, "CHN": -0.801}
    assert (ref["year"] == 2023).all() and "LEJUQZ" in UNGA_CITATION
    assert unga_reference(77).set_index("actor").loc["CHN", "ideal_point"] == -1.092
    with pytest.raises(ValueError, match="77"):
        unga_reference(1)
    # Text ranks PRK<CHN<RUS<JPN<KOR<USA vs UNGA CHN<PRK<RUS<JPN<KOR<USA:
    # d^2 = 1 + 1 = 2, rho = 1 - 6*2 / (6*35) = 0.942857...
    rho, n = rank_correlation(positions(peninsula(), n_boot=0), ref)
    assert n == 6 and rho == pytest.approx(1 - 12 / 210)
    # Uncentred: PRK<RUS<CHN<JPN<KOR<USA, d^2 = 1 + 1 + 4 = 6, rho = 1 - 36/210.
    rho, n = rank_correlation(positions(peninsula(), n_boot=0, centre="none"), ref)
    assert n == 6 and rho == pytest.approx(1 - 36 / 210)


def test_rank_correlation_ties_use_average_ranks():
    p = pd.DataFrame({"actor": list("abcd"), "position": [1.0, 2.0, 2.0, 3.0], "enough": True})
    ref = pd.DataFrame({"actor": list("abcd"), "ideal_point": [1.0, 2.0, 3.0, 4.0]})
    # Ranks (1, 2.5, 2.5, 4) vs (1, 2, 3, 4): r = 4.5 / sqrt(4.5 * 5).
    rho, n = rank_correlation(p, ref)
    assert n == 4 and rho == pytest.approx(4.5 / math.sqrt(22.5))
    assert math.isnan(rank_correlation(p.iloc[:2], ref)[0])


# --------------------------------------------------------------------------- the views
def test_alignment_title_claims_sides_only_when_clear():
    from korea_analysis.views.lineup import alignment_title, unclear_actors

    p = pd.DataFrame({"actor": ["PRK", "CHN", "KOR", "USA"],
                      "position": [-1.0, -0.2, 0.4, 1.0],
                      "enough": [True, True, True, True],
                      "clear": [True, False, False, True]})
    assert alignment_title(p) == "PRK on one side, USA on the other"
    assert unclear_actors(p) == ["CHN", "KOR"]
    assert alignment_title(p.assign(clear=False)).startswith("No actor's side is clear")
    assert alignment_title(p.assign(enough=False)).startswith("Too little evidence")
    # PolNeAR: only the UN clear, on the positive side — the title must not say "no actor"
    one = p.assign(clear=[False, False, False, True])
    assert alignment_title(one) == ("Only USA clearly on the ROK–US–Japan side; every other "
                                    "interval spans the middle")
    assert alignment_title(p.assign(clear=[True, False, False, False])).startswith(
        "Only PRK clearly on the DPRK–Russia–China side")


def test_same_result_whatever_the_block_size(monkeypatch):
    import korea_analysis.alignment as al

    ev = pd.concat([peninsula(), counterfactual()], ignore_index=True)
    d, p = dyads(ev, n_boot=60), positions(ev, n_boot=60)
    monkeypatch.setattr(al, "BLOCK", 70)  # one resample's cells split over many blocks
    pd.testing.assert_frame_equal(d, dyads(ev, n_boot=60), rtol=1e-12)
    pd.testing.assert_frame_equal(p, positions(ev, n_boot=60), rtol=1e-12)


def test_interval_matches_nanpercentile():
    import warnings

    from korea_analysis.alignment import _interval

    rng = np.random.default_rng(1)
    for shape in [(200, 50), (7, 3), (1, 4), (200, 1)]:
        draws = rng.normal(size=shape)
        draws[rng.random(shape) < 0.3] = np.nan
        draws[:, 0] = np.nan  # a pair absent from every resample
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            low, high = np.nanpercentile(draws, [2.5, 97.5], axis=0)
        got_low, got_high = _interval(draws)
        np.testing.assert_allclose(got_low, low, equal_nan=True)
        np.testing.assert_allclose(got_high, high, equal_nan=True)


def test_map_draws_conflict_edges_red_not_in_a_bloc_colour():
    # One conflictual pair and one cooperative pair; the map's conflict edge must not take the
    # DPRK bloc's orange (readers took orange edges for bloc membership).
    import matplotlib.colors as mcolors

    import korea_analysis as ka
    from korea_analysis import charts, views

    texts = ["South Korea condemned North Korea for the missile launch.",
             "The United States praised South Korea for the agreement.",
             "North Korea threatened the United States with a nuclear strike."] * 4
    ann = ka.annotate(pd.DataFrame({"article_id": [f"t{i}" for i in range(len(texts))],
                                    "text": texts, "title": "", "source": None,
                                    "published": pd.NaT}), cache=False)
    pos = views.alignment_table(ann, min_events=1, n_boot=20)
    fig, data = views.alignment_map(pos, ann)
    sign = {(r.actor_a, r.actor_b): int(r.sign) for r in data.itertuples()}
    assert sign[("KOR", "PRK")] == -1 and sign[("KOR", "USA")] == 1
    colours = {mcolors.to_hex(line.get_color()) for line in fig.axes[0].get_lines()}
    assert "#cc1111" in colours and "#0072b2" in colours
    assert mcolors.to_hex(charts.bloc_colour("DPRK-Russia-China")) not in colours
    fig, _ = views.dyad_heatmap(ann)
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert any(lab.startswith("100% confl.") for lab in labels)


def test_positions_by_year_leave_out_a_year_in_which_nobody_is_placed():
    import korea_analysis as ka
    from korea_analysis import views

    texts = ["South Korea condemned North Korea for the missile launch.",
             "The United States praised South Korea for the agreement.",
             "North Korea threatened the United States with a nuclear strike."]
    # 2023: 6 articles (each actor in 4 events); 2024 and 2025: 30 each (20 events per actor)
    dates = ([pd.Timestamp("2023-03-01")] * 6 + [pd.Timestamp("2024-03-01")] * 30
             + [pd.Timestamp("2025-03-01")] * 30)
    ann = ka.annotate(pd.DataFrame({"article_id": [f"y{i:02d}" for i in range(len(dates))],
                                    "text": [texts[i % 3] for i in range(len(dates))],
                                    "title": "", "source": None, "published": dates}),
                      cache=False)
    t = views.alignment_by_period(ann, min_events=10, n_boot=20)
    assert sorted(t["period"].unique()) == ["2024", "2025"]
    assert t.attrs["empty_periods"] == ["2023"] and t.attrs["thin_periods"] == []
    assert t["enough"].all()
    fig, _ = views.alignment_over_time_chart(t, ann)
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert sorted(ax.get_title().split(" (")[0] for ax in panels) == [
        "North Korea", "South Korea", "United States"]  # one panel per actor, its own n=
    assert all("n=40" in ax.get_title() for ax in panels)  # 20 events a year, two years
    # every year under min_articles: no year left, no chart over time
    t = views.alignment_by_period(ann, min_events=10, n_boot=20, min_articles=31)
    assert t.empty


def test_positions_by_year_keep_the_corpus_orientation_when_the_usa_changes_sides():
    import korea_analysis as ka
    from korea_analysis import views

    y2024 = ["South Korea condemned North Korea for the missile launch.",
             "The United States praised South Korea for the agreement.",
             "North Korea threatened the United States with a nuclear strike."]
    y2025 = ["South Korea condemned North Korea for the missile launch.",
             "The United States praised North Korea for the agreement.",
             "The United States threatened South Korea with tariffs."]
    texts = [y2024[i % 3] for i in range(60)] + [y2025[i % 3] for i in range(30)]
    dates = [pd.Timestamp("2024-03-01")] * 60 + [pd.Timestamp("2025-03-01")] * 30
    ann = ka.annotate(pd.DataFrame({"article_id": [f"o{i:02d}" for i in range(len(texts))],
                                    "text": texts, "title": "", "source": None,
                                    "published": dates}), cache=False)
    t = views.alignment_by_period(ann, min_events=4, n_boot=20)
    pos = t.set_index(["period", "actor"])["position"]
    # 2024: South Korea with the US, against the North
    assert pos["2024", "KOR"] > 0 and pos["2024", "USA"] > 0 and pos["2024", "PRK"] < 0
    # 2025, oriented by the US alone, would put North Korea positive and South Korea negative
    # (every other actor changing sides); against the whole corpus's axis, the US moved
    assert t.attrs["flipped_periods"] == ["2025"]
    assert pos["2025", "KOR"] > 0 and pos["2025", "PRK"] < 0 and pos["2025", "USA"] < 0
    low, high = t.set_index(["period", "actor"]).loc[("2025", "KOR"),
                                                     ["position_low", "position_high"]]
    assert low <= pos["2025", "KOR"] <= high
