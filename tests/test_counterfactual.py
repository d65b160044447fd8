"""Counterfactual corpora through the whole pipeline (load_corpus -> annotate -> positions):
change what the text says an actor does, and the actor must move; change only the bloc
labels in the dictionary, and nothing may move. The articles are short ones of our own."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import korea_analysis as ka
from korea_analysis.actors import DEFAULT_ACTORS
from korea_analysis.annotate import current_events

#: The peninsula as usually reported: two blocs.
BASE = {
    "alliance-drills": """South Korea and the United States hold joint drills

South Korea and the United States began joint military drills on Monday.

Seoul thanked Washington for its support.

Japan and South Korea agreed to strengthen security cooperation.""",
    "north-threatens": """North Korea threatens the United States

North Korea threatened the United States with a nuclear strike.

Washington condemned Pyongyang for the missile launch.

North Korea denounced South Korea over the drills.""",
    "pyongyang-friends": """Russia and North Korea sign a partnership

Russia and North Korea signed a comprehensive strategic partnership on Wednesday.

Moscow praised Pyongyang for its friendship.

China pledged support for North Korea.

Pyongyang praised Beijing for its friendship.""",
    "washington-beijing": """The United States criticises China

The United States criticised China over its support for Pyongyang.

Japan condemned North Korea for the missile launch.""",
}
#: Russia partners with Seoul and condemns Pyongyang.
RUSSIA_WITH_SEOUL = {
    "moscow-seoul-pact": """Russia and South Korea sign a partnership

Russia signed a strategic partnership with South Korea on Tuesday.

Seoul welcomed the agreement with Moscow.""",
    "moscow-condemns": """Russia condemns North Korea

Russia condemned North Korea for the missile launches.

Moscow urged Pyongyang to stop the tests.""",
}
#: China sides with Tokyo.
CHINA_WITH_TOKYO = {
    "beijing-tokyo": """China sides with Japan

China sided with Japan on Friday.

Beijing and Tokyo signed a security agreement.

Japan praised China for its support.""",
    "beijing-tokyo-talks": """Japan and China pledge closer ties

Japan thanked China for its support on Monday.

China pledged support for Japan.""",
}
#: Coordinated objects: the objects do not act on each other.
COORDINATED = {
    "coordinated-objects": """Pyongyang denounces its enemies

Pyongyang denounced Seoul and Washington as hostile forces.

India sided with Japan and South Korea against North Korea's threats.""",
}


def annotate(tmp_path: Path, *corpora: dict[str, str], actors=None):
    folder = tmp_path / "corpus"
    folder.mkdir(parents=True)
    for corpus in corpora:
        for name, text in corpus.items():
            (folder / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    return ka.annotate(ka.load_corpus(folder), actors, cache=False)


def placed(ann) -> dict[str, float]:
    pos = ann.alignment[ann.alignment["enough"]]
    return dict(zip(pos["actor"], pos["position"], strict=True))


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    return placed(annotate(tmp_path_factory.mktemp("base"), BASE))


def test_the_base_corpus_separates_the_blocs(base):
    assert set(base) == {"CHN", "JPN", "KOR", "PRK", "RUS", "USA"}
    assert all(base[a] > 0 for a in ("USA", "KOR", "JPN"))
    assert all(base[a] < 0 for a in ("PRK", "RUS", "CHN"))


def test_russia_partnering_with_seoul_moves_russia_toward_south_korea(base, tmp_path):
    after = placed(annotate(tmp_path, BASE, RUSSIA_WITH_SEOUL))
    assert after["RUS"] > base["RUS"]
    assert abs(after["RUS"] - after["KOR"]) < abs(base["RUS"] - base["KOR"])
    assert after["RUS"] > 0 and after["KOR"] > 0 > after["PRK"]  # it changes sides


def test_china_siding_with_tokyo_moves_china_toward_japan(base, tmp_path):
    after = placed(annotate(tmp_path, BASE, CHINA_WITH_TOKYO))
    assert after["CHN"] > base["CHN"]
    assert abs(after["CHN"] - after["JPN"]) < abs(base["CHN"] - base["JPN"])
    assert after["PRK"] < 0 < after["USA"]  # the rest stays put


def _has_conflict(events: pd.DataFrame, a: str, b: str) -> bool:
    pair = ({a, b} == {s, t} for s, t in zip(events["source"], events["target"], strict=True))
    return bool((pd.Series(list(pair), dtype=bool) & (events["score"] < 0).to_numpy()).any())


def test_coordinated_objects_create_no_conflict_between_them(tmp_path):
    """Pyongyang denounces Seoul and Washington: two conflicts, none between the two objects;
    India sides with Tokyo and Seoul: no conflict between them either."""
    ev = current_events(annotate(tmp_path, COORDINATED).events)
    assert _has_conflict(ev, "PRK", "KOR") and _has_conflict(ev, "PRK", "USA")
    assert not _has_conflict(ev, "KOR", "USA")
    assert not _has_conflict(ev, "JPN", "KOR")


def test_relabelling_the_blocs_moves_no_actor(tmp_path):
    text = Path(DEFAULT_ACTORS).read_text(encoding="utf-8")
    swapped = re.sub(r"bloc: (DPRK-Russia-China|ROK-US-Japan)",
                     lambda m: "bloc: " + ("ROK-US-Japan" if m.group(1).startswith("DPRK")
                                           else "DPRK-Russia-China"), text)
    assert swapped != text
    relabelled = tmp_path / "actors.yaml"
    relabelled.write_text(swapped, encoding="utf-8")
    a = annotate(tmp_path / "a", BASE, RUSSIA_WITH_SEOUL)
    b = annotate(tmp_path / "b", BASE, RUSSIA_WITH_SEOUL, actors=relabelled)
    assert a.alignment["bloc"].tolist() != b.alignment["bloc"].tolist()
    pd.testing.assert_frame_equal(a.alignment.drop(columns="bloc"),
                                  b.alignment.drop(columns="bloc"))
    pd.testing.assert_frame_equal(a.dyads, b.dyads)
