"""Portrayal views of notebook 02, on sentences of our own."""
from __future__ import annotations

import pandas as pd

import korea_analysis as ka
from korea_analysis import views


def test_portrayal_over_time_draws_one_panel_per_actor_with_its_interval_and_n():
    texts = ["South Korea praised Japan warmly for the excellent agreement.",
             "North Korea condemned South Korea for the terrible drills."]
    rows = [{"article_id": f"p{i:02d}", "text": texts[i % 2], "title": "", "source": None,
             "published": pd.Timestamp("2024-01-05") + pd.Timedelta(days=9 * i)}
            for i in range(20)]  # days 0 … 171: January to June 2024
    ann = ka.annotate(pd.DataFrame(rows), cache=False)
    fig, data = views.portrayal_over_time_chart(ann, min_mentions=2, top=6)
    actors = sorted(data["actor"].unique())
    assert actors == ["JPN", "KOR", "PRK"]  # South Korea is in every article, the others in half
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert len(panels) == 3  # one per actor, the rest of the 1×3 grid is empty
    # (the title wherever the house style puts it: charts' style, once applied, puts it left)
    titles = sorted("".join(ax.get_title(loc=k) for k in ("left", "center", "right"))
                    for ax in panels)
    n_kor = int(data.loc[data["actor"] == "KOR", "n_mentions"].sum())
    assert f"South Korea (KOR), n={n_kor}" in titles and n_kor >= 20
    assert all(ax.collections for ax in panels)  # the interval band
    assert fig._suptitle.get_text().startswith("Portrayal by month")


def test_enough_evidence_says_whether_a_matrix_has_a_cell_without_bootstrapping():
    """02 asks views.enough_evidence before drawing a matrix: true exactly when the stance
    table (or the dyads) has a row at that minimum, for a bar just under and just over the
    best-evidenced cell."""
    import pytest

    texts = ['"We condemn South Korea for its reckless drills," a North Korean spokesman said.',
             "North Korea condemned South Korea for the drills. South Korea signed an "
             "agreement with Japan."]
    rows = [{"article_id": f"e{i:02d}", "text": texts[i % 2], "title": "", "source": None,
             "published": pd.NaT} for i in range(8)]
    ann = ka.annotate(pd.DataFrame(rows), cache=False)
    cells = views.stance_table(ann, 1, n_boot=0)
    most = int((cells["n_quotes"] + cells["n_events"]).max())
    assert most >= 4
    assert views.enough_evidence(ann, "stance", most)
    assert not views.enough_evidence(ann, "stance", most + 1)
    pairs = int(ann.dyads["n_events"].max())
    assert pairs >= 1
    assert views.enough_evidence(ann, "dyads", pairs)
    assert not views.enough_evidence(ann, "dyads", pairs + 1)
    with pytest.raises(ValueError, match="no matrix"):
        views.enough_evidence(ann, "heatmap", 1)
