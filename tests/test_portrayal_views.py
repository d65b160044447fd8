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
    titles = sorted(ax.get_title() for ax in panels)
    n_kor = int(data.loc[data["actor"] == "KOR", "n_mentions"].sum())
    assert f"South Korea (KOR), n={n_kor}" in titles and n_kor >= 20
    assert all(ax.collections for ax in panels)  # the interval band
    assert fig._suptitle.get_text().startswith("Portrayal by month")
