"""The data files themselves: actors.yaml (states, institutions, people) and affiliations.yaml.

These checks read the files directly, so a hand edit that breaks a convention fails here with
the entry named: unknown codes, an alias claimed twice, a position ending before it starts, two
same-surname holders of one top office at once, and a few dates checked against sources.
"""
import datetime as dt
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from korea_analysis.actors import DEFAULT_ACTORS, load_actors, tokens
from korea_analysis.mentions import _TOP_TITLES

AFFILIATIONS = Path(DEFAULT_ACTORS).with_name("affiliations.yaml")
AFFILIATION_TYPES = {"think tank", "university", "ngo", "company", "media", "territory", "party",
                     "office"}


@pytest.fixture(scope="module")
def actors_data():
    return yaml.safe_load(DEFAULT_ACTORS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def affiliations_data():
    return yaml.safe_load(AFFILIATIONS.read_text(encoding="utf-8"))


def key(surface: str) -> tuple[str, ...]:
    return tuple(t for t, _, _ in tokens(str(surface)))


def test_both_files_load_and_have_their_sections(actors_data, affiliations_data):
    assert actors_data["version"] == 1 and affiliations_data["version"] == 1
    assert isinstance(actors_data["actors"], dict) and isinstance(actors_data["people"], list)
    assert isinstance(affiliations_data["affiliations"], list)
    assert len(load_actors().people) == len(actors_data["people"])


def test_every_code_exists_in_actors(actors_data, affiliations_data):
    codes = set(actors_data["actors"])
    bad = [p["name"] for p in actors_data["people"] if p["actor"] not in codes]
    bad += [a["name"] for a in affiliations_data["affiliations"] if a["country"] not in codes]
    bad += [g for g, members in actors_data["groups"].items() if set(members) - codes]
    assert bad == []


def test_affiliation_entries_are_well_formed(affiliations_data):
    for a in affiliations_data["affiliations"]:
        assert set(a) == {"name", "aliases", "country", "type"}, a
        assert a["type"] in AFFILIATION_TYPES, a
        assert isinstance(a["aliases"], list), a
        assert all(isinstance(x, str) and x for x in a["aliases"]), a


def surface_owners(actors_data, affiliations_data):
    """token key -> list of (section, owner, code, type) for every name in both files."""
    owners = defaultdict(list)
    for code, a in actors_data["actors"].items():
        for field in ("names", "demonyms", "capitals"):
            for n in a.get(field) or []:
                owners[key(n)].append((field, code, code, ""))
        for inst in a.get("institutions") or []:
            for n in [inst["name"], *(inst.get("aliases") or [])]:
                owners[key(n)].append(("institution", inst["name"], code, inst.get("type")))
    for n, members in actors_data["groups"].items():
        owners[key(n)].append(("group", n, "/".join(members), ""))
    for p in actors_data["people"]:
        for n in dict.fromkeys([p["name"], *(p.get("aliases") or [])]):
            owners[key(n)].append(("person", p["name"], p["actor"], ""))
    for a in affiliations_data["affiliations"]:
        for n in dict.fromkeys([a["name"], *a["aliases"]]):
            owners[key(n)].append(("affiliation", a["name"], a["country"], a["type"]))
    return owners


def test_no_name_or_alias_is_claimed_twice(actors_data, affiliations_data):
    """One surface form, one owner. The only repeat allowed: a think tank or university that
    actors.yaml lists as an institution of type "other" and affiliations.yaml lists again under
    the same name and country (see the affiliations.yaml header)."""
    clashes = {}
    for k, owners in surface_owners(actors_data, affiliations_data).items():
        owners = list(dict.fromkeys(owners))  # "N. Korea" and "N.Korea" are one key, one owner
        if len(owners) < 2:
            continue
        kinds = sorted(o[0] for o in owners)
        same_body = (kinds == ["affiliation", "institution"]
                     and len({(o[1], o[2]) for o in owners}) == 1
                     and any(o[0] == "institution" and o[3] == "other" for o in owners))
        if not same_body:
            clashes[" ".join(k)] = owners
    assert clashes == {}


def test_every_position_has_a_start_before_its_end(actors_data):
    bad = []
    for p in actors_data["people"]:
        for pos in p.get("positions") or []:
            start, end = pos.get("start"), pos.get("end")
            if not isinstance(start, dt.date) or (end is not None and not isinstance(end, dt.date)):
                bad.append((p["name"], pos.get("title"), "date"))
            elif end is not None and end < start:
                bad.append((p["name"], pos.get("title"), str(start), str(end)))
    assert bad == []


def test_surnames_and_their_variants_belong_to_the_name(actors_data):
    """A surname must be a word of the canonical name, a variant a word of some alias, so a
    typo cannot silently send "Kim" to the wrong person."""
    bad = []
    for p in actors_data["people"]:
        names = [key(n) for n in [p["name"], *(p.get("aliases") or [])]]
        surname = p.get("surname")
        if surname is not None:
            sk = key(surname)
            if not any(sk == n[i:i + len(sk)] for n in names[:1] for i in range(len(n))):
                bad.append((p["name"], surname))
        for v in p.get("surname_variants") or []:
            vk = key(v)
            if not any(vk == n[i:i + len(vk)] for n in names for i in range(len(n))):
                bad.append((p["name"], v))
    assert bad == []


def overlap(a, b) -> bool:
    """Positions a and b share more than a hand-over day (end of one == start of the other)."""
    far = dt.date.max
    a0, a1, b0, b1 = a["start"], a.get("end") or far, b["start"], b.get("end") or far
    return max(a0, b0) < min(a1, b1) or (a0 == b0)


def test_same_surname_top_offices_do_not_overlap_unless_marked(actors_data):
    """A surname alone resolves to the one top office holder with it on the date
    (mentions._office_holder). Two same-surname holders of top offices of one actor at once
    make that ambiguous; every such pair must carry shared_surname: true on both."""
    top = defaultdict(list)  # (actor, surname) -> [(person, position)]
    for p in actors_data["people"]:
        for pos in p.get("positions") or []:
            if p.get("surname") and str(pos.get("title", "")).lower() in _TOP_TITLES:
                top[(p["actor"], p["surname"])].append((p, pos))
    unmarked = []
    for (code, _surname), held in top.items():
        for i, (p, a) in enumerate(held):
            for q, b in held[i + 1:]:
                if p["name"] != q["name"] and overlap(a, b) and not (
                        p.get("shared_surname") and q.get("shared_surname")):
                    unmarked.append((code, p["name"], q["name"], str(a["start"]), str(b["start"])))
    assert unmarked == []


def test_shared_surname_marks_are_not_stale(actors_data):
    """Every person marked shared_surname really does overlap another same-surname top office
    holder of the same actor (a mark left behind after a date fix would hide nothing)."""
    top = defaultdict(list)
    for p in actors_data["people"]:
        for pos in p.get("positions") or []:
            if str(pos.get("title", "")).lower() in _TOP_TITLES:
                top[(p["actor"], p.get("surname"))].append((p["name"], pos))
    stale = []
    for p in actors_data["people"]:
        if not p.get("shared_surname"):
            continue
        mine = [pos for n, pos in top[(p["actor"], p.get("surname"))] if n == p["name"]]
        others = [pos for n, pos in top[(p["actor"], p.get("surname"))] if n != p["name"]]
        if not any(overlap(a, b) for a in mine for b in others):
            stale.append(p["name"])
    assert stale == []


# Dates checked by hand against at least two stored sources each (see the comments in
# actors.yaml): the day Kim Jong Il died (his leadership ends, Kim Jong Un's begins), Moon
# Jae-in's inauguration, Kim Il Sung's premiership and presidency, Syngman Rhee's term,
# Medvedev's and Mishustin's confirmation as prime minister, Waltz's UN confirmation.
CHECKED = [
    ("Kim Jong Il", "leader", "end", dt.date(2011, 12, 17)),
    ("Kim Jong Un", "leader", "start", dt.date(2011, 12, 17)),
    ("Moon Jae-in", "president", "start", dt.date(2017, 5, 10)),
    ("Kim Il Sung", "premier", "start", dt.date(1948, 9, 9)),
    ("Kim Il Sung", "president", "start", dt.date(1972, 12, 28)),
    ("Kim Il Sung", "leader", "end", dt.date(1994, 7, 8)),
    ("Syngman Rhee", "president", "start", dt.date(1948, 7, 24)),
    ("Syngman Rhee", "president", "end", dt.date(1960, 4, 26)),
    ("Dmitry Medvedev", "prime minister", "start", dt.date(2012, 5, 8)),
    ("Mikhail Mishustin", "prime minister", "start", dt.date(2020, 1, 16)),
    ("Mike Waltz", "ambassador", "start", dt.date(2025, 9, 19)),
    ("Liu Xiaoming", "envoy", "start", dt.date(2021, 4, 12)),
    # vice presidents' oaths (Architect of the Capitol inauguration list; 247wallst list)
    ("Dick Cheney", "vice president", "start", dt.date(2001, 1, 20)),
    ("Mike Pence", "vice president", "start", dt.date(2017, 1, 20)),
    ("Kamala Harris", "vice president", "start", dt.date(2021, 1, 20)),
]


@pytest.mark.parametrize("name,title,field,day", CHECKED)
def test_hand_checked_dates(actors_data, name, title, field, day):
    person = next(p for p in actors_data["people"] if p["name"] == name)
    assert day in [pos.get(field) for pos in person["positions"] if pos["title"] == title]


def test_office_holders_on_checked_days():
    """Position look-ups on dates between the checked hand-overs name the expected people."""
    actors = load_actors()
    def holder(code, title, day):
        return sorted(p.name for p in actors.people if p.actor == code
                      and any(pos.title == title and pos.held_on(day) for pos in p.positions))
    assert holder("PRK", "leader", dt.date(2000, 6, 13)) == ["Kim Jong Il"]
    assert holder("PRK", "leader", dt.date(2012, 1, 1)) == ["Kim Jong Un"]
    assert holder("KOR", "president", dt.date(2018, 4, 27)) == ["Moon Jae-in"]
    assert holder("KOR", "president", dt.date(1950, 6, 25)) == ["Syngman Rhee"]
    assert holder("RUS", "prime minister", dt.date(2015, 1, 1)) == ["Dmitry Medvedev"]


def test_the_loader_reads_affiliations_and_the_new_person_fields(tmp_path):
    d = load_actors()
    aff = d.affiliations
    assert aff is not None and len(aff.bodies) >= 200
    text = "Mara Quill, a researcher at the Middlebury Institute, spoke."
    a, b, body = aff.find(text)
    assert (text[a:b], body.country) == ("Middlebury Institute", "USA")
    zel = d.person("Volodymyr Zelensky")
    assert "Zelenskyy" in zel.surname_variants and zel in d.surnames["Zelenskyy"]
    assert d.person("Kim Jong Un").shared_surname and not zel.shared_surname


def test_an_actors_file_can_name_its_own_affiliations(tmp_path):
    (tmp_path / "bodies.yaml").write_text(
        "version: 1\naffiliations:\n  - {name: Lantern Institute, aliases: [], country: KOR, "
        "type: think tank}\n", encoding="utf-8")
    (tmp_path / "actors.yaml").write_text(
        "version: 1\naffiliations: bodies.yaml\nactors:\n  KOR: {name: South Korea}\n",
        encoding="utf-8")
    d = load_actors(tmp_path / "actors.yaml")
    assert [b.name for b in d.affiliations.bodies] == ["Lantern Institute"]
    assert load_actors(affiliations=tmp_path / "bodies.yaml").affiliations.bodies[0].country \
        == "KOR"
    (tmp_path / "bad.yaml").write_text("version: 1\naffiliations:\n  - {name: X}\n",
                                       encoding="utf-8")
    with pytest.raises(ValueError, match="bad.yaml.*affiliations\\[0\\].*country"):
        load_actors(affiliations=tmp_path / "bad.yaml")
