"""The one pass over a corpus: every table the notebooks read is computed here, once.

``annotate(articles)`` walks each article once — sentences, actor mentions with their
sentiment, quotations with speakers, cooperation/conflict events — then derives the corpus
tables (sentiment per actor, dyads, alignment) from those rows. Per-article rows are cached
as parquet keyed by the article's content and the dictionaries in use, so a second run (or the
next notebook) re-annotates nothing. Notebooks and the CLI read these tables; none of them
re-derives sentences or mentions on its own, so every figure traces back to the same rows.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

import pandas as pd

from korea_analysis import alignment, stance
from korea_analysis.actors import ActorDictionary, load_actors
from korea_analysis.events import EVENT_COLUMNS, CueBook, find_events, load_cues
from korea_analysis.mentions import find_mentions, first_actor
from korea_analysis.quotes import find_quotes
from korea_analysis.sentiment import DEFAULT_BACKEND, get_backend
from korea_analysis.text import sentences as split_article

ARTICLE_COLUMNS = ["article_id", "title", "source", "published", "n_words", "n_sentences",
                   "date_precision", "n_body_words", "n_body_sentences"]
SENTENCE_COLUMNS = ["article_id", "sentence_id", "paragraph", "start", "end", "kind", "body",
                    "text"]
MENTION_COLUMNS = ["article_id", "sentence_id", "start", "end", "text", "actor", "entity", "kind",
                   "role", "polarity", "subjectivity"]
QUOTE_COLUMNS = ["article_id", "quote", "start", "end", "speaker", "speaker_start", "speaker_end",
                 "speaker_actor", "role", "cue", "channel", "kind", "sentence_id", "polarity",
                 "subjectivity"]
#: Per-article tables (cached); the others are derived from them for the whole corpus.
ARTICLE_TABLES = {"articles": ARTICLE_COLUMNS, "sentences": SENTENCE_COLUMNS,
                  "mentions": MENTION_COLUMNS, "quotes": QUOTE_COLUMNS,
                  "events": EVENT_COLUMNS}


@dataclass
class Annotations:
    """All tables of one annotated corpus (see the README's data dictionary)."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    quotes: pd.DataFrame
    events: pd.DataFrame
    actor_sentiment: pd.DataFrame
    dyads: pd.DataFrame
    alignment: pd.DataFrame
    extra: dict = field(default_factory=dict, repr=False)

    def tables(self) -> dict[str, pd.DataFrame]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "extra"}

    def to_csv(self, out: str | os.PathLike) -> list[Path]:
        """Write each table as ``<name>.csv`` in ``out``; returns the paths written."""
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name, df in self.tables().items():
            p = out / f"{name}.csv"
            df.to_csv(p, index=False)
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


def speaker_actor(quote, mentions, actors: ActorDictionary) -> str | None:
    """The country a speaker speaks for: the dictionary, the mention at the speaker, or a
    nationality or institution in the speaker's words or description."""
    if not quote.speaker:
        return None
    person = actors.person(quote.speaker)
    if person is not None:
        return person.actor
    if quote.speaker_start is not None:
        for m in mentions:
            if m.start < quote.speaker_end and quote.speaker_start < m.end:
                return m.actor
    for m in mentions:
        if m.entity == quote.speaker:
            return m.actor
    for words in (quote.speaker, quote.role):
        if words:
            code = first_actor(words, 0, len(words), actors)
            if code:
                return code
    return None


def full_name(quote, mentions) -> str | None:
    """A surname-only speaker ("Yoon said") takes the full name the mention resolved to."""
    if not quote.speaker or quote.speaker_start is None:
        return quote.speaker
    for m in mentions:
        if (m.kind == "person" and m.entity and m.start < quote.speaker_end
                and quote.speaker_start < m.end and quote.speaker in m.entity.split()):
            return m.entity
    return quote.speaker


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
        pol, subj = backend.score_mention(text[s.start:s.end], m.start - s.start,
                                          m.end - s.start)
        mention_rows.append((aid, m.sentence_id, m.start, m.end, m.text, m.actor, m.entity,
                             m.kind, m.role, pol, subj))

    quote_rows, speakers = [], {}
    for q in find_quotes(text, sents, gender_of=ctx.actors.gender_of):
        if q.sentence_id is None or not sents[q.sentence_id].body:
            continue
        q.speaker = full_name(q, mentions)
        code = speaker_actor(q, mentions, ctx.actors)
        pol, subj = backend.score_text(q.quote)
        quote_rows.append((aid, q.quote, q.start, q.end, q.speaker, q.speaker_start,
                           q.speaker_end, code, q.role, q.cue, q.channel, q.kind, q.sentence_id,
                           pol, subj))
        if code and q.kind == "direct":
            for sid, s in enumerate(sents):
                if s.start < q.end and q.start < s.end:
                    speakers[sid] = code

    events = find_events(text, sents, mentions, cues=ctx.cues, speakers=speakers,
                         polarity=lambda clause: backend.score_text(clause)[0],
                         ignore=ctx.actors.media,
                         published_year=published.year if published else None)
    event_rows = [tuple([aid] + [e[c] for c in EVENT_COLUMNS[1:]]) for e in events]

    sent_rows = [(aid, i, s.paragraph, s.start, s.end, s.kind, s.body, text[s.start:s.end])
                 for i, s in enumerate(sents)]
    body = [s for s in sents if s.body]
    article_row = (aid, getattr(row, "title", None), getattr(row, "source", None), row.published,
                   count_words(text), len(sents), getattr(row, "date_precision", None),
                   sum(count_words(text[s.start:s.end]) for s in body), len(body))
    return {"articles": [article_row], "sentences": sent_rows, "mentions": mention_rows,
            "quotes": quote_rows, "events": event_rows}


def frames(parts: list[dict[str, list[tuple]]]) -> dict[str, pd.DataFrame]:
    """Concatenate per-article rows into one DataFrame per table."""
    out = {}
    for name, cols in ARTICLE_TABLES.items():
        rows = [r for p in parts for r in p[name]]
        out[name] = pd.DataFrame(rows, columns=cols)
    out["articles"]["published"] = pd.to_datetime(out["articles"]["published"])
    for name in ("quotes",):
        for c in ("speaker_start", "speaker_end", "sentence_id"):
            out[name][c] = out[name][c].astype("Int64")
    return out


def current_events(events: pd.DataFrame) -> pd.DataFrame:
    """Events about the present: dyads and alignment leave out history (kept in events.csv)."""
    return events[~events["historical"].astype(bool)]


def corpus_tables(tables: dict[str, pd.DataFrame], actors: ActorDictionary, *,
                  n_boot: int = 200, seed: int = 0) -> dict[str, pd.DataFrame]:
    """Tables over the whole corpus, derived from the per-article rows."""
    sentiment = stance.actor_sentiment(tables["mentions"], n_boot=1000, seed=seed)
    current = current_events(tables["events"])
    dyads = alignment.dyads(current, n_boot=n_boot, seed=seed)
    pos = alignment.positions(current, n_boot=n_boot, seed=seed)
    pos.insert(pos.columns.get_loc("n_events"), "bloc", pos["actor"].map(actors.blocs))
    return {"actor_sentiment": sentiment, "dyads": dyads, "alignment": pos}


def annotate(articles: pd.DataFrame,
             actors: str | os.PathLike | ActorDictionary | None = None, *,
             cues: str | os.PathLike | CueBook | None = None,
             backend: str = DEFAULT_BACKEND, cache: bool | str | os.PathLike | None = None,
             workers: int = 1, scheduler=None, n_boot: int = 200, seed: int = 0
             ) -> Annotations:
    """Annotate every article once and derive the corpus tables.

    ``actors``/``cues``: dictionary files (default: the bundled ones). ``cache``: a folder,
    ``None`` for the default (``$KOREA_ANALYSIS_CACHE`` or ``.cache/`` in the project) or
    ``False`` to compute everything afresh. ``workers``: processes for the per-article pass;
    ``scheduler``: a Dask scheduler address or ``dask.distributed.Client`` to run it on instead.
    Results are identical whichever way the pass runs.
    """
    ctx = Context(actors if isinstance(actors, ActorDictionary) else load_actors(actors),
                  cues if isinstance(cues, CueBook) else load_cues(cues), backend)
    from korea_analysis import cache as cache_mod

    store = cache_mod.open_cache(cache, ctx)
    tables = cache_mod.annotate_with_cache(articles, ctx, store, workers=workers,
                                           scheduler=scheduler)
    tables.update(corpus_tables(tables, ctx.actors, n_boot=n_boot, seed=seed))
    ann = Annotations(**tables)
    ann.extra.update(actors=ctx.actors, cues=ctx.cues, backend=backend)
    return ann
