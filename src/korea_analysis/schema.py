"""The columns and types of the per-article tables, as Arrow tables and as DataFrames.

One schema for every chunk, cached or not, so parts written at different times always
concatenate and a cached table is the same as a fresh one. Types: str (text, may be
missing), int, int? (an integer that may be missing: Int64 in pandas), float, bool, time.
"""
from __future__ import annotations

import pandas as pd
import pyarrow as pa

from korea_analysis.cache import KEY
from korea_analysis.events import EVENT_COLUMNS

ARTICLE_TYPES = {"article_id": "str", "title": "str", "source": "str", "published": "time",
                 "n_words": "int", "n_sentences": "int", "date_precision": "str",
                 "n_body_words": "int", "n_body_sentences": "int"}
SENTENCE_TYPES = {"article_id": "str", "sentence_id": "int", "paragraph": "int", "start": "int",
                  "end": "int", "kind": "str", "body": "bool", "text": "str"}
MENTION_TYPES = {"article_id": "str", "sentence_id": "int", "start": "int", "end": "int",
                 "text": "str", "actor": "str", "entity": "str", "kind": "str", "role": "str",
                 "actor_source": "str", "polarity": "float", "subjectivity": "float"}
QUOTE_TYPES = {"article_id": "str", "quote": "str", "start": "int", "end": "int",
               "speaker": "str", "speaker_start": "int?", "speaker_end": "int?",
               "speaker_actor": "str", "actor_source": "str", "role": "str", "cue": "str",
               "channel": "str", "kind": "str", "sentence_id": "int?", "polarity": "float",
               "subjectivity": "float"}
EVENT_TYPES = {"article_id": "str", "sentence_id": "int", "source": "str", "target": "str",
               "cue": "str", "cameo": "str", "quad_class": "str", "goldstein": "float",
               "polarity": "float", "score": "float", "negated": "bool", "historical": "bool",
               "cue_start": "int", "cue_end": "int", "weight": "float", "frame": "str"}
assert list(EVENT_TYPES) == EVENT_COLUMNS
#: Per-article tables (cached) and their columns; the others are derived for the whole corpus.
TYPES = {"articles": ARTICLE_TYPES, "sentences": SENTENCE_TYPES, "mentions": MENTION_TYPES,
         "quotes": QUOTE_TYPES, "events": EVENT_TYPES}
ARTICLE_TABLES = {name: list(types) for name, types in TYPES.items()}
_ARROW = {"str": pa.string(), "int": pa.int64(), "int?": pa.int64(), "float": pa.float64(),
          "bool": pa.bool_()}


def _column(values, kind: str) -> pa.Array:
    if kind == "time":
        return pa.array(pd.to_datetime(list(values)).as_unit("us"))
    try:
        return pa.array(values, type=_ARROW[kind], from_pandas=True)  # NaN -> missing
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        if kind != "str":
            raise
    # a title or outlet that is not text (a number read from a CSV): as text
    return pa.array([v if v is None or isinstance(v, str) else None if v != v else str(v)
                     for v in values], type=pa.string())  # v != v: NaN


def to_arrow(name: str, rows: list[tuple], keys: list[str] | None = None) -> pa.Table:
    """Rows of table ``name`` as an Arrow table of its schema (``keys``: a first _key column)."""
    types = TYPES[name]
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(types)
    arrays = [_column(col, kind) for col, kind in zip(columns, types.values(), strict=True)]
    names = list(types)
    if keys is not None:
        arrays.insert(0, pa.array(keys, type=pa.string()))
        names.insert(0, KEY)
    return pa.table(arrays, names=names)


def to_frame(name: str, table: pa.Table) -> pd.DataFrame:
    """A table of ``name`` as the DataFrame users get (integers that may be missing: Int64)."""
    df = table.to_pandas()
    for col, kind in TYPES[name].items():
        if kind == "int?" and col in df:
            df[col] = df[col].astype("Int64")
    return df
