"""The actor dictionary and mention detection: who is named where, with exact offsets.

The dictionary (``actors.yaml`` beside this module, or any file a user passes) maps the ways
news names a country — names, demonyms, capitals used as metonyms, institutions, people with
date-bounded positions — to an actor code (ISO 3166 alpha-3, ``IGOUNO`` for the UN).

Matching works on word tokens: every dictionary surface form is tokenised the same way as the
text and stored in a hash table keyed by its token sequence, with an index of first tokens.
Each text token costs one hash look-up plus one per candidate length, whatever the size of the
dictionary (``benchmarks/annotate.py`` measures it). The longest match wins; matching is
case-sensitive ("US" is not "us"); possessives and hyphenated pairs fall out of tokenisation.
Bloc labels are returned for colouring only and never used here.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from korea_analysis import fast_yaml

DEFAULT_ACTORS = Path(__file__).with_name("actors.yaml")
#: Think tanks, universities, NGOs, companies, outlets and territories with their country.
DEFAULT_AFFILIATIONS = Path(__file__).with_name("affiliations.yaml")
AFFILIATION_TYPES = ("think tank", "university", "ngo", "company", "media", "territory",
                     "party", "office")

_TOKEN = re.compile(r"\w+|[^\w\s]")
KINDS = ("country", "demonym", "capital", "institution", "person")


class ActorDictionaryError(ValueError):
    """The dictionary file is malformed; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class Position:
    title: str
    office: str | None
    start: dt.date | None
    end: dt.date | None

    def held_on(self, day: dt.date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    actor: str
    surname: str | None = None
    gender: str | None = None
    aliases: tuple[str, ...] = ()
    positions: tuple[Position, ...] = ()
    #: other spellings of the surname alone ("Zelenskyy" for "Zelensky")
    surname_variants: tuple[str, ...] = ()
    #: a top office shared on overlapping dates with a same-surname person (Kim Il Sung and
    #: premier Kim Il): the surname alone is ambiguous then
    shared_surname: bool = False

    @property
    def analyst(self) -> bool:
        """Every position is a commentator's (analyst, professor, researcher …)."""
        return bool(self.positions) and all(p.title in ANALYST_TITLES for p in self.positions)

    def position_on(self, day: dt.date | None) -> Position | None:
        """The position held on ``day`` (the latest-starting one if several), else None."""
        held = [p for p in self.positions if p.held_on(day)]
        return max(held, key=lambda p: p.start or dt.date.min) if held else None


@dataclass(frozen=True, slots=True)
class Entry:
    actors: tuple[str, ...]  # usually one; "the two Koreas" names two
    entity: str  # canonical person or institution name; "" for a country
    kind: str
    person: Person | None = None


ANALYST_TITLES = frozenset({"analyst", "professor", "researcher", "fellow", "scholar",
                            "expert", "lecturer", "director", "commentator"})


@dataclass(frozen=True, slots=True)
class Affiliation:
    name: str
    country: str
    type: str


@dataclass
class Affiliations:
    """Non-state bodies (affiliations.yaml): a person quoted as one of theirs takes the
    body's country. Indexed on token sequences like the actor dictionary."""

    path: str
    bodies: list[Affiliation]
    entries: dict[tuple[str, ...], Affiliation] = field(repr=False)
    first: dict[str, int] = field(repr=False)

    def find(self, text: str, start: int = 0, end: int | None = None
             ) -> tuple[int, int, Affiliation] | None:
        """The first body named in ``text[start:end]`` (longest match): (start, end, body)."""
        toks = tokens(text, start, end)
        for i, (tok, a, _) in enumerate(toks):
            for n in range(min(self.first.get(tok, 0), len(toks) - i), 0, -1):
                body = self.entries.get(tuple(t for t, _, _ in toks[i:i + n]))
                if body is not None:
                    return a, toks[i + n - 1][2], body
        return None


@dataclass
class ActorDictionary:
    path: str
    actors: dict[str, dict]
    people: list[Person]
    entries: dict[tuple[str, ...], Entry] = field(repr=False)
    first: dict[str, int] = field(repr=False)  # first token -> longest entry starting with it
    surnames: dict[str, list[Person]] = field(repr=False)
    by_name: dict[str, Person] = field(repr=False)
    media: frozenset[str] = frozenset()  # non-state outlets: they report, they do not act
    state_media: frozenset[str] = frozenset()  # KCNA, TASS, Xinhua: they speak for a state
    #: every leading part of every entry's key: a match grows token by token while in here
    prefixes: frozenset[tuple[str, ...]] = field(default=frozenset(), repr=False)
    #: the non-state bodies people are quoted for (see :func:`load_affiliations`)
    affiliations: Affiliations | None = None
    #: an ``affiliations:`` file named in the dictionary itself (relative to it), if any
    affiliations_file: str | None = None
    #: state-media words ("puppet" -> KOR), matched only in an article about Korea
    house_style: dict[str, str] = field(default_factory=dict, repr=False)
    house_style_re: re.Pattern | None = field(default=None, repr=False)
    #: "leader" -> position titles, for "the Russian leader" (first with one holder wins)
    offices: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    offices_re: re.Pattern | None = field(default=None, repr=False)
    #: names that count only in a person's title ("Korea's vice foreign minister" -> KOR),
    #: never as a mention of their own (``title_names`` in the dictionary)
    title_names: dict[tuple[str, ...], str] = field(default_factory=dict, repr=False)

    @property
    def blocs(self) -> dict[str, str | None]:
        """Actor -> bloc label, for chart colours and reference figures only."""
        return {code: a.get("bloc") for code, a in self.actors.items()}

    def name_of(self, code: str) -> str:
        return self.actors.get(code, {}).get("name", code)

    def gender_of(self, name: str) -> str | None:
        p = self.by_name.get(name)
        return p.gender if p else None

    def person(self, name: str) -> Person | None:
        return self.by_name.get(name)


def tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    end = len(text) if end is None else end
    return [(m[0], *m.span()) for m in _TOKEN.finditer(text, start, end)]


#: a Korean-style name: surname, then a given name of two syllables joined by a hyphen
_HYPHENATED = re.compile(r"(\S+) ([A-Z][a-z]+)-([A-Za-z])([a-z]+)")


def _spellings(name: str, aliases=()) -> list[str]:
    """The other ways news writes a hyphenated given name: "Lee Jae-myung" is also "Lee
    Jaemyung", "Lee Jae Myung" and "Lee Jae-Myung" (romanisation varies by outlet)."""
    out = []
    for n in (name, *aliases):
        m = _HYPHENATED.fullmatch(n)
        if m:
            sur, one, first, rest = m.groups()
            out += [f"{sur} {one}{first.lower()}{rest}", f"{sur} {one} {first.upper()}{rest}",
                    f"{sur} {one}-{first.upper()}{rest}", f"{sur} {one}-{first.lower()}{rest}"]
    return out


def _key(surface: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(surface))  # the words of ``tokens``, without their offsets


def _date(value, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ActorDictionaryError(f"{where}: cannot read date {value!r} (use YYYY-MM-DD)"
                                   ) from None


def load_actors(path: str | os.PathLike | None = None, *,
                affiliations: str | os.PathLike | None = None) -> ActorDictionary:
    """Read and index an actor dictionary (cached per file and modification time).

    ``affiliations``: the bodies file to use; default the one the dictionary names under a
    top-level ``affiliations:`` key (a path relative to it), else the bundled
    ``affiliations.yaml``. A user's own ``--actors`` file can so bring its own.
    """
    d = load_data_file(path or DEFAULT_ACTORS, _build, ActorDictionaryError,
                       "actor dictionary")
    aff = load_affiliations(affiliations or d.affiliations_file or DEFAULT_AFFILIATIONS)
    if d.affiliations is aff:
        return d
    return dataclasses.replace(d, affiliations=aff)


def load_affiliations(path: str | os.PathLike | None = None) -> Affiliations:
    """Read and index an affiliations file (cached per file and modification time)."""
    return load_data_file(path or DEFAULT_AFFILIATIONS, _build_affiliations,
                          ActorDictionaryError, "affiliations file")


def _build_affiliations(path: str, data: dict) -> Affiliations:
    items = data.get("affiliations")
    if not isinstance(items, list):
        raise ActorDictionaryError(f"{path}: no 'affiliations' list")
    bodies, entries = [], {}
    for i, item in enumerate(items):
        where = f"{path}: affiliations[{i}] ({(item or {}).get('name', '?')})"
        if not isinstance(item, dict) or not item.get("name") or not item.get("country"):
            raise ActorDictionaryError(f"{where}: an affiliation needs 'name' and 'country'")
        kind = item.get("type") or "other"
        if kind not in (*AFFILIATION_TYPES, "other"):
            raise ActorDictionaryError(f"{where}: unknown type {kind!r} (one of "
                                       f"{', '.join(AFFILIATION_TYPES)})")
        body = Affiliation(str(item["name"]), str(item["country"]), kind)
        bodies.append(body)
        for n in [body.name, *(item.get("aliases") or [])]:
            k = _key(str(n))
            old = entries.get(k)
            if old is not None and old.country != body.country:
                raise ActorDictionaryError(f"{where}: {n!r} is already listed for {old.name} "
                                           f"({old.country})")
            entries.setdefault(k, body)
    first: dict[str, int] = {}
    for k in entries:
        first[k[0]] = max(first.get(k[0], 0), len(k))
    return Affiliations(path, bodies, entries, first)


def load_data_file(path, build, error, what: str):
    """A user-editable YAML data file, read with ``safe_load`` and built once per version."""
    p = Path(path)
    if not p.is_file():
        raise error(f"{p}: {what} does not exist")
    return _cached(str(p.resolve()), p.stat().st_mtime_ns, build, error)


@functools.lru_cache(maxsize=16)
def _cached(path: str, _mtime: int, build, error):
    try:
        data = fast_yaml.load_file(path) or {}
    except yaml.YAMLError as e:
        raise error(f"{path}: not valid YAML: {e}") from None
    if not isinstance(data, dict):
        raise error(f"{path}: expected a mapping at the top level")
    return build(path, data)


def _build(path: str, data: dict) -> ActorDictionary:
    actors = data.get("actors") or {}
    if not isinstance(actors, dict) or not actors:
        raise ActorDictionaryError(f"{path}: no 'actors' mapping")
    entries: dict[tuple[str, ...], Entry] = {}
    media: set[str] = set()
    state_media: set[str] = set()

    def add(surface: str, entry: Entry, where: str) -> None:
        key = _key(str(surface))
        if not key:
            raise ActorDictionaryError(f"{path}: {where}: empty name")
        old = entries.get(key)
        if old is not None and old.actors != entry.actors:
            raise ActorDictionaryError(
                f"{path}: {where}: {surface!r} is already listed for {'/'.join(old.actors)}")
        if old is None or (old.kind != "person" and entry.kind == "person"):
            entries[key] = entry

    for code, a in actors.items():
        if not isinstance(a, dict):
            raise ActorDictionaryError(f"{path}: actors.{code}: expected a mapping")
        for n in a.get("names") or []:
            add(n, Entry((code,), "", "country"), f"actors.{code}.names")
        for n in a.get("demonyms") or []:
            add(n, Entry((code,), "", "demonym"), f"actors.{code}.demonyms")
        for n in a.get("capitals") or []:
            add(n, Entry((code,), str(n), "capital"), f"actors.{code}.capitals")
        for inst in a.get("institutions") or []:
            if isinstance(inst, str):
                inst = {"name": inst}
            name = inst.get("name")
            if not name:
                raise ActorDictionaryError(f"{path}: actors.{code}.institutions: entry without "
                                           "a name")
            if inst.get("type") == "media":
                media.add(name)
            elif inst.get("type") == "state media":
                state_media.add(name)
            for n in [name, *(inst.get("aliases") or [])]:
                add(n, Entry((code,), name, "institution"), f"actors.{code}.institutions")
    for n, codes in (data.get("groups") or {}).items():
        add(n, Entry(tuple(codes), "", "country"), f"groups.{n}")
    for n in data.get("non_actor_phrases") or []:
        entries[_key(n)] = Entry((), "", "not_actor")

    people, surnames, by_name = [], defaultdict(list), {}
    for i, item in enumerate(data.get("people") or []):
        where = f"people[{i}] ({item.get('name', '?')})"
        if not item.get("name") or not item.get("actor"):
            raise ActorDictionaryError(f"{path}: {where}: a person needs 'name' and 'actor'")
        if item["actor"] not in actors:
            raise ActorDictionaryError(f"{path}: {where}: unknown actor {item['actor']!r}")
        positions = []
        for pos in item.get("positions") or []:
            start, end = _date(pos.get("start"), where), _date(pos.get("end"), where)
            if start and end and end < start:
                raise ActorDictionaryError(f"{path}: {where}: position ends before it starts")
            positions.append(Position(str(pos.get("title") or ""), pos.get("office"), start, end))
        person = Person(name=item["name"], actor=item["actor"], surname=item.get("surname"),
                        gender=item.get("gender"), aliases=tuple(item.get("aliases") or ()),
                        positions=tuple(positions),
                        surname_variants=tuple(item.get("surname_variants") or ()),
                        shared_surname=bool(item.get("shared_surname")))
        people.append(person)
        by_name[person.name] = person
        for n in (person.name, *person.aliases):
            add(n, Entry((person.actor,), person.name, "person", person), where)
            by_name.setdefault(n, person)
        for n in _spellings(person.name, person.aliases):
            if _key(n) not in entries:  # a listed name always wins over a made-up spelling
                entries[_key(n)] = Entry((person.actor,), person.name, "person", person)
                by_name.setdefault(n, person)
        for s in (person.surname, *person.surname_variants) if person.surname else ():
            surnames[s].append(person)

    first: dict[str, int] = {}
    for key in entries:
        first[key[0]] = max(first.get(key[0], 0), len(key))
    prefixes = frozenset(key[:k] for key in entries for k in range(1, len(key) + 1))
    house: dict[str, str] = {}
    for code, phrases in (data.get("house_style") or {}).items():
        if code not in actors:
            raise ActorDictionaryError(f"{path}: house_style: unknown actor {code!r}")
        for ph in phrases or []:
            house[str(ph)] = code
            if str(ph).startswith("the "):  # "The north" at a sentence start
                house["T" + str(ph)[1:]] = code
    house_re = None
    if house:  # "the north" is a place, not the state, before "of": "the north of Japan"
        alts = "|".join(re.escape(p) + (r"(?!\s+of\b)" if p[:4] in ("the ", "The ") else "")
                        for p in sorted(house, key=len, reverse=True))
        house_re = re.compile(rf"(?<![\w.])(?:{alts})(?![\w])")
    offices: dict[str, tuple[str, ...]] = {}
    for phrase, titles in (data.get("offices") or {}).items():
        if not isinstance(titles, list) or not titles:
            raise ActorDictionaryError(f"{path}: offices.{phrase}: expected a list of titles")
        offices[str(phrase)] = tuple(str(t) for t in titles)
    title_names: dict[tuple[str, ...], str] = {}
    for code, names in (data.get("title_names") or {}).items():
        if code not in actors:
            raise ActorDictionaryError(f"{path}: title_names: unknown actor {code!r}")
        for n in names or []:
            title_names[_key(str(n))] = code
    aff = data.get("affiliations")
    if aff is not None and not isinstance(aff, str):
        raise ActorDictionaryError(f"{path}: 'affiliations' must be a file name")
    aff_file = str(Path(path).parent / aff) if aff else None
    return ActorDictionary(path, actors, people, entries, first, dict(surnames), by_name,
                           frozenset(media), frozenset(state_media), prefixes,
                           affiliations_file=aff_file, house_style=house,
                           house_style_re=house_re, offices=offices,
                           title_names=title_names,
                           offices_re=re.compile(r"\s+(" + "|".join(
                               re.escape(p) for p in sorted(offices, key=len, reverse=True))
                               + r")\b") if offices else None)
