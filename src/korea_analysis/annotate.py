"""The one pass over a corpus: every table the notebooks read is computed here, once.

``annotate(articles)`` segments each article and returns an :class:`Annotations` holding one
DataFrame per table. Notebooks and the CLI read these tables; none of them re-derives
sentences or mentions on its own, so every figure traces back to the same rows.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

import pandas as pd

from korea_analysis.text import sentences as split_article

ARTICLE_COLUMNS = ["article_id", "title", "source", "published", "n_words", "n_sentences"]
EXTRA_ARTICLE_COLUMNS = ["date_precision", "n_body_words", "n_body_sentences"]
SENTENCE_COLUMNS = ["article_id", "sentence_id", "paragraph", "start", "end", "kind", "body",
                    "text"]


@dataclass
class Annotations:
    """All tables of one annotated corpus (see the README's data dictionary)."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
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


def count_words(text: str) -> int:
    """Words as white-space separated tokens: the unit of every words/second figure."""
    return len(text.split())


def annotate(articles: pd.DataFrame) -> Annotations:
    """Segment every article; one row per article and per sentence."""
    art_rows, sent_rows = [], []
    for row in articles.itertuples(index=False):
        text = row.text
        sents = split_article(text)
        body_words = sum(count_words(text[s.start:s.end]) for s in sents if s.body)
        art_rows.append({
            "article_id": row.article_id, "title": row.title, "source": row.source,
            "published": row.published, "n_words": count_words(text),
            "n_sentences": len(sents), "n_body_words": body_words,
            "n_body_sentences": sum(s.body for s in sents),
            "date_precision": getattr(row, "date_precision", None),
        })
        for i, s in enumerate(sents):
            sent_rows.append({
                "article_id": row.article_id, "sentence_id": i, "paragraph": s.paragraph,
                "start": s.start, "end": s.end, "kind": s.kind, "body": s.body,
                "text": text[s.start:s.end],
            })
    arts = pd.DataFrame(art_rows, columns=ARTICLE_COLUMNS + EXTRA_ARTICLE_COLUMNS)
    arts["published"] = pd.to_datetime(arts["published"])
    sents = pd.DataFrame(sent_rows, columns=SENTENCE_COLUMNS)
    return Annotations(articles=arts, sentences=sents)
