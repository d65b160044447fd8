"""The one pass over a corpus: every table the notebooks read is computed here, once.

``annotate(articles)`` walks each article once — sentences, actor mentions with their
sentiment, quotations with speakers, cooperation/conflict events — then derives the corpus
tables (sentiment per actor, dyads, alignment) from those rows. Articles go through in chunks
(:mod:`korea_analysis.parallel`, in this process, worker processes or a Dask cluster); each
chunk's rows are written to the parquet cache (:mod:`korea_analysis.cache`) as soon as it is
done, keyed by the article's content and the dictionaries in use, so memory stays bounded, a
second run (or the next notebook) re-annotates nothing, and the per-article tables are read
back only when first used. Notebooks and the CLI read these tables; none of them re-derives
sentences or mentions on its own, so every figure traces back to the same rows.
"""
from __future__ import annotations

import os
from collections import namedtuple
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pandas as pd
import pyarrow as pa

from korea_analysis import alignment, stance
from korea_analysis.actors import ActorDictionary, load_actors
from korea_analysis.cache import KEY, article_keys, open_cache
from korea_analysis.csv_out import write_csv
from korea_analysis.events import EVENT_COLUMNS, CueBook, article_voice, find_events, load_cues
from korea_analysis.mentions import find_mentions
from korea_analysis.quotes import find_quotes
from korea_analysis.schema import ARTICLE_TABLES, TYPES, to_arrow, to_frame
from korea_analysis.sentiment import DEFAULT_BACKEND, get_backend
from korea_analysis.speakers import (  # noqa: F401  (speaker_actor: the old import path)
    fronted_office,
    full_name,
    same_speaker_country,
    speaker_actor,
    speaker_country,
)
from korea_analysis.text import sentences as split_article

#: Tables over the whole corpus, derived from the per-article ones.
CORPUS_TABLES = ("actor_sentiment", "dyads", "alignment")
TABLES = (*ARTICLE_TABLES, *CORPUS_TABLES)


class Annotations:
    """All tables of one annotated corpus (see the README's data dictionary).

    Each table is an attribute (``ann.mentions``). Per-article tables held in the cache are
    read from it on first use, so annotating a large corpus does not put every row in memory.
    """

    def __init__(self, tables: dict, extra: dict | None = None):
        self._loaders = {}
        for name in TABLES:
            value = tables[name]
            if isinstance(value, pd.DataFrame):
                setattr(self, name, value)
            else:
                self._loaders[name] = value
        self.extra = dict(extra or {})

    def __getattr__(self, name: str):
        loaders = self.__dict__.get("_loaders", {})
        if name in loaders:
            df = loaders.pop(name)()
            setattr(self, name, df)
            return df
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __repr__(self) -> str:
        return f"Annotations({', '.join(TABLES)})"

    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: getattr(self, name) for name in TABLES}

    def to_csv(self, out: str | os.PathLike) -> list[Path]:
        """Write each table as ``<name>.csv`` in ``out``; returns the paths written.

        A table not loaded yet is read, written and let go, one at a time.
        """
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name in TABLES:
            df = self.__dict__[name] if name in self.__dict__ else self._loaders[name]()
            p = out / f"{name}.csv"
            write_csv(df, p)  # the same bytes as df.to_csv(p, index=False), faster
            written.append(p)
        return written

    @property
    def actors(self) -> ActorDictionary:
        return self.extra["actors"]


def count_words(text: str) -> int:
    """Words as white-space separated tokens: the unit of every words/second figure."""
    return len(text.split())


@dataclass
class Context:
    """What every article is annotated with (picklable: workers receive it once)."""

    actors: ActorDictionary
    cues: CueBook
    backend: str = DEFAULT_BACKEND


def annotate_article(row, ctx: Context) -> dict[str, list[tuple]]:
    """Rows of every per-article table for one article (``row`` has the loader's columns)."""
    aid, text = row.article_id, row.text
    sents = split_article(text)
    published = row.published.date() if pd.notna(row.published) else None
    backend = get_backend(ctx.backend)
    mentions = find_mentions(text, sents, ctx.actors, published)

    mention_rows = []
    for m in mentions:
        s = sents[m.sentence_id]
        if m.kind == "byline":  # a reporter: kept, left out of sentiment and events
            pol = subj = None
        else:
            pol, subj = backend.score_mention(text[s.start:s.end], m.start - s.start,
                                              m.end - s.start)
        mention_rows.append((aid, m.sentence_id, m.start, m.end, m.text, m.actor, m.entity,
                             m.kind, m.role, m.actor_source, pol, subj))

    quote_rows, speakers, decided = [], {}, []
    for q in find_quotes(text, sents, gender_of=ctx.actors.gender_of):
        if q.sentence_id is None or not sents[q.sentence_id].body:
            continue
        fronted_office(q, mentions)
        q.speaker = full_name(q, mentions, ctx.actors, dated=published is not None)
        decided.append((q, *speaker_country(q, mentions, ctx.actors, text)))
    for q, code, source in same_speaker_country(decided):
        pol, subj = backend.score_text(q.quote)
        quote_rows.append((aid, q.quote, q.start, q.end, q.speaker, q.speaker_start,
                           q.speaker_end, code, source, q.role, q.cue, q.channel, q.kind,
                           q.sentence_id, pol, subj))
        if code and q.kind != "term":  # direct, partial and indirect speech
            for sid, s in enumerate(sents):
                if s.start < q.end and q.start < s.end:
                    speakers[sid] = code

    actors_named = [m for m in mentions if m.kind != "byline"]
    events = find_events(text, sents, actors_named, cues=ctx.cues, speakers=speakers,
                         polarity=lambda clause: backend.score_text(clause)[0],
                         ignore=ctx.actors.media,
                         published_year=published.year if published else None,
                         voice=article_voice(text, ctx.actors))
    event_rows = [tuple([aid] + [e[c] for c in EVENT_COLUMNS[1:]]) for e in events]

    sent_rows = [(aid, i, s.paragraph, s.start, s.end, s.kind, s.body, text[s.start:s.end])
                 for i, s in enumerate(sents)]
    body = [s for s in sents if s.body]
    article_row = (aid, getattr(row, "title", None), getattr(row, "source", None), row.published,
                   count_words(text), len(sents), getattr(row, "date_precision", None),
                   sum(count_words(text[s.start:s.end]) for s in body), len(body))
    return {"articles": [article_row], "sentences": sent_rows, "mentions": mention_rows,
            "quotes": quote_rows, "events": event_rows}


def annotate_rows(chunk: pd.DataFrame, ctx: Context) -> dict[str, pa.Table]:
    """The per-article tables of a chunk of articles, each row with its article's key."""
    parts = {name: [] for name in TYPES}
    keys = {name: [] for name in TYPES}
    # rows as plain Python values (iterating Arrow-backed columns one value at a time is slow)
    Row = namedtuple("Row", chunk.columns, rename=True)
    for row in map(Row._make, zip(*(chunk[c].tolist() for c in chunk.columns), strict=True)):
        for name, rows in annotate_article(row, ctx).items():
            parts[name] += rows
            keys[name] += [row.cache_key] * len(rows)
    return {name: to_arrow(name, parts[name], keys[name]) for name in TYPES}


def current_events(events: pd.DataFrame) -> pd.DataFrame:
    """Events about the present: dyads and alignment leave out history (kept in events.csv)."""
    return events[~events["historical"].astype(bool)]


#: The columns the corpus tables are computed from.
CORPUS_INPUTS = {"mentions": ["article_id", "actor", "kind", "polarity", "subjectivity"],
                 "events": ["article_id", "source", "target", "score", "historical",
                            "quad_class", *[c for c in ("weight",) if c in EVENT_COLUMNS]]}


def corpus_tables(tables: dict[str, pd.DataFrame], actors: ActorDictionary, *,
                  n_boot: int = 200, seed: int = 0) -> dict[str, pd.DataFrame]:
    """Tables over the whole corpus, derived from the per-article rows."""
    return {"actor_sentiment": sentiment_table(tables["mentions"], seed=seed),
            **event_tables(tables["events"], actors, n_boot=n_boot, seed=seed)}


def sentiment_table(mentions: pd.DataFrame, *, seed: int = 0) -> pd.DataFrame:
    """Portrayal per actor over the corpus, from the mentions alone."""
    if "kind" in mentions:  # bylines name reporters, not actors
        mentions = mentions[mentions["kind"] != "byline"]
    return stance.actor_sentiment(mentions, n_boot=1000, seed=seed)


def event_tables(events: pd.DataFrame, actors: ActorDictionary, *, n_boot: int = 200,
                 seed: int = 0) -> dict[str, pd.DataFrame]:
    """Dyads and alignment positions over the corpus, from the events alone."""
    evidence = alignment.evidence(current_events(events))
    dyads = alignment.dyads(n_boot=n_boot, seed=seed, evidence=evidence)
    pos = alignment.positions(n_boot=n_boot, seed=seed, evidence=evidence)
    pos.insert(pos.columns.get_loc("n_events"), "bloc", pos["actor"].map(actors.blocs))
    return {"dyads": dyads, "alignment": pos}


def _stored(store, name: str, keys: list[str], columns: list[str] | None = None
            ) -> pd.DataFrame:
    t = store.read(name, keys, columns)
    if t is None:
        t = to_arrow(name, []).select(columns or ARTICLE_TABLES[name])
    return to_frame(name, t)


@dataclass(frozen=True, eq=False)
class StoredTable:
    """Table ``name`` of the articles with these cache ``keys``, read from ``store`` when
    called (an :class:`Annotations` loader): views that need a few columns or articles read
    those from the same ``store`` and ``keys`` instead."""

    store: object
    name: str
    keys: list

    def __call__(self, columns: list[str] | None = None) -> pd.DataFrame:
        return _stored(self.store, self.name, self.keys, columns)


def from_store(store, keys: list[str], ctx: Context, *, n_boot: int = 200, seed: int = 0
               ) -> Annotations:
    """The annotations of the cached articles with these ``keys``, in this order.

    Per-article tables are read on first use; the corpus tables (``actor_sentiment``,
    ``dyads``, ``alignment``) are derived on first use too, each from the columns it needs
    (:data:`CORPUS_INPUTS`): a caller that shows none of them does not compute them, and
    dyads and alignment come from one pass over the events.
    """
    tables: dict = {name: StoredTable(store, name, keys) for name in ARTICLE_TABLES}
    derived: dict = {}

    def corpus_table(name: str) -> pd.DataFrame:
        if name == "actor_sentiment":
            return sentiment_table(_stored(store, "mentions", keys, CORPUS_INPUTS["mentions"]),
                                   seed=seed)
        if name not in derived:
            derived.update(event_tables(_stored(store, "events", keys, CORPUS_INPUTS["events"]),
                                        ctx.actors, n_boot=n_boot, seed=seed))
        return derived.pop(name)

    tables.update({name: partial(corpus_table, name) for name in CORPUS_TABLES})
    return Annotations(tables, {"actors": ctx.actors, "cues": ctx.cues, "backend": ctx.backend})


def _held(held: list[dict[str, pa.Table]], name: str) -> pd.DataFrame:
    tables = [h[name] for h in held] or [to_arrow(name, [], [])]
    return to_frame(name, pa.concat_tables(tables).drop_columns([KEY]))


def annotate(articles: pd.DataFrame,
             actors: str | os.PathLike | ActorDictionary | None = None, *,
             cues: str | os.PathLike | CueBook | None = None,
             backend: str = DEFAULT_BACKEND, cache: bool | str | os.PathLike | None = None,
             workers: int = 1, scheduler=None, n_boot: int = 200, seed: int = 0
             ) -> Annotations:
    """Annotate every article once and derive the corpus tables.

    ``actors``/``cues``: dictionary files (default: the bundled ones). ``cache``: a folder,
    ``None`` for the default (``$KOREA_ANALYSIS_CACHE`` or ``.cache/`` in the project) or
    ``False`` to compute everything afresh and hold it in memory. ``workers``: processes for
    the per-article pass; ``scheduler``: a Dask scheduler address or
    ``dask.distributed.Client`` to run it on instead. Results are identical whichever way the
    pass runs. With a cache, rows are written chunk by chunk and the tables of the result are
    read from it (the corpus tables derived) on first use (:func:`from_store`): memory stays
    bounded on a corpus of any size, and a caller that only fills the cache computes no
    corpus table.
    """
    from korea_analysis.parallel import run_pass
    from korea_analysis.progress import Progress

    ctx = Context(actors if isinstance(actors, ActorDictionary) else load_actors(actors),
                  cues if isinstance(cues, CueBook) else load_cues(cues), backend)
    store = open_cache(cache, ctx)
    keys = article_keys(articles)
    cached = store.index() if store is not None else {}
    new = [k not in cached for k in keys]
    if all(new):  # a cold run: no copy of the corpus
        todo = articles.assign(cache_key=keys)
    else:
        todo = articles[new].assign(cache_key=[k for k, n in zip(keys, new, strict=True) if n])
    held: list[dict[str, pa.Table]] = []  # the rows, when there is no cache to hold them
    if len(todo):
        root = str(store.root) if store is not None else None
        with Progress(len(todo)) as bar:
            for done in run_pass(todo, ctx, workers, scheduler=scheduler, store_root=root):
                if done.part is not None:
                    store.add(done.part, done.keys)
                elif store is not None:
                    store.write(done.tables)
                else:
                    held.append(done.tables)
                bar.update(len(done.keys), done.words)
    if store is not None:  # read back on first use, as every notebook does (from_store)
        return from_store(store, keys, ctx, n_boot=n_boot, seed=seed)
    tables = {name: _held(held, name) for name in ARTICLE_TABLES}
    tables.update(corpus_tables(tables, ctx.actors, n_boot=n_boot, seed=seed))
    return Annotations(tables, {"actors": ctx.actors, "cues": ctx.cues, "backend": backend})
