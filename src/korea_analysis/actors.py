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
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def _key(surface: str) -> tuple[str, ...]:
    return tuple(t for t, _, _ in tokens(surface))


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


def load_actors(path: str | os.PathLike | None = None) -> ActorDictionary:
    """Read and index an actor dictionary (cached per file and modification time)."""
    return load_data_file(path or DEFAULT_ACTORS, _build, ActorDictionaryError,
                          "actor dictionary")


def load_data_file(path, build, error, what: str):
    """A user-editable YAML data file, read with ``safe_load`` and built once per version."""
    p = Path(path)
    if not p.is_file():
        raise error(f"{p}: {what} does not exist")
    return _cached(str(p.resolve()), p.stat().st_mtime_ns, build, error)


@functools.lru_cache(maxsize=16)
def _cached(path: str, _mtime: int, build, error):
    try:
        data = fast_yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
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
                        positions=tuple(positions))
        people.append(person)
        by_name[person.name] = person
        for n in (person.name, *person.aliases):
            add(n, Entry((person.actor,), person.name, "person", person), where)
            by_name.setdefault(n, person)
        if person.surname:
            surnames[person.surname].append(person)

    first: dict[str, int] = {}
    for key in entries:
        first[key[0]] = max(first.get(key[0], 0), len(key))
    prefixes = frozenset(key[:k] for key in entries for k in range(1, len(key) + 1))
    return ActorDictionary(path, actors, people, entries, first, dict(surnames), by_name,
                           frozenset(media), frozenset(state_media), prefixes)
