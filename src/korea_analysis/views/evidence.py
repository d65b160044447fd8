"""From any number in a report to the sentences behind it, in one call.

``views.evidence(ann, actor="PRK", month="2016-03")`` lists every sentence that counts toward
North Korea's numbers in March 2016: the mentions that make its portrayal, the events it is
in, the quotes its people gave. Filters combine; each row says what kind of evidence it is
and its score, so a reader can check a mean, an interval or an event count by hand.
"""
from __future__ import annotations

import re

import pandas as pd

from korea_analysis.annotate import Annotations
from korea_analysis.views.common import sentence_text, table

EVIDENCE_COLUMNS = ["article_id", "sentence_id", "published", "source", "title", "kind",
                    "actors", "score", "text"]
KINDS = ("mention", "event", "quote")


def parse_pair(pair) -> tuple[str, str, bool]:
    """``("KOR", "PRK")``, ``"KOR-PRK"`` or ``"KOR–PRK"`` (either direction) and ``"KOR>PRK"``
    or ``"KOR->PRK"`` (KOR acting toward PRK only) → ``(a, b, directed)``."""
    if isinstance(pair, (tuple, list)):
        if len(pair) != 2:
            raise ValueError(f"pair={pair!r}: give two actor codes")
        return str(pair[0]), str(pair[1]), False
    text = str(pair).strip()
    m = re.fullmatch(r"\s*([^\s>–—-]+)\s*(->|→|>|–|—|-)\s*([^\s>–—-]+)\s*", text)
    if not m:
        raise ValueError(f"pair={pair!r}: write it as 'KOR-PRK' (either direction) or "
                         "'KOR>PRK' (KOR toward PRK)")
    return m.group(1), m.group(3), m.group(2) in ("->", "→", ">")


def _period_mask(published: pd.Series, month) -> pd.Series:
    """Articles published in ``month``: "2016-03", "2016Q1", "2016", a Period or Timestamp."""
    if isinstance(month, pd.Period):
        p = month
    elif isinstance(month, pd.Timestamp):
        p = month.to_period("M")
    elif re.fullmatch(r"\d{4}(-\d{2}|Q[1-4])?", str(month).strip()):
        p = pd.Period(str(month).strip())
    else:
        raise ValueError(f"month={month!r}: give a month (2016-03), a quarter (2016Q1) "
                         "or a year (2016)")
    ok = published.notna()
    out = pd.Series(False, index=published.index)
    out[ok] = published[ok].dt.to_period(p.freq) == p
    return out


def _articles(ann: Annotations, month, outlet) -> pd.DataFrame:
    a = ann.articles[["article_id", "published", "source", "title"]]
    if month is not None:
        a = a[_period_mask(a["published"], month)]
    if outlet is not None:
        a = a[a["source"].fillna("") == outlet]
    return a


def _mention_rows(ann, articles, actor, pair):
    m = table(ann, "mentions", ["article_id", "sentence_id", "actor", "kind", "polarity"],
              articles=articles)
    m = m[m["kind"] != "byline"]
    m = m[m["actor"].notna()]
    if pair is not None:
        a, b, _ = pair
        m = m[m["actor"].isin([a, b])]
        n = m.groupby(["article_id", "sentence_id"])["actor"].transform("nunique")
        m = m[n == 2]
    elif actor is not None:
        m = m[m["actor"] == actor]
    if m.empty:
        return pd.DataFrame(columns=["article_id", "sentence_id", "actors", "score"])
    g = m.groupby(["article_id", "sentence_id"], sort=False)
    out = g.agg(actors=("actor", lambda s: ", ".join(dict.fromkeys(s))),
                score=("polarity", "mean")).reset_index()
    return out.assign(kind="mention")


def _event_rows(ann, articles, actor, pair):
    from korea_analysis.annotate import current_events

    e = current_events(table(ann, "events", ["article_id", "sentence_id", "source", "target",
                                             "cue", "score", "historical"], articles=articles))
    if pair is not None:
        a, b, directed = pair
        fwd = (e["source"] == a) & (e["target"] == b)
        e = e[fwd if directed else fwd | ((e["source"] == b) & (e["target"] == a))]
    elif actor is not None:
        e = e[(e["source"] == actor) | (e["target"] == actor)]
    if e.empty:
        return pd.DataFrame(columns=["article_id", "sentence_id", "actors", "score"])
    return pd.DataFrame({"article_id": e["article_id"], "sentence_id": e["sentence_id"],
                         "actors": e["source"].astype(str) + " → " + e["target"].astype(str)
                         + e["cue"].map(lambda c: f" ({c})" if isinstance(c, str) and c
                                        else ""),
                         "score": e["score"], "kind": "event"})


def _quote_rows(ann, articles, actor, pair):
    q = table(ann, "quotes", ["article_id", "sentence_id", "speaker", "speaker_actor", "kind",
                              "polarity", "quote"], articles=articles)
    q = q[q["speaker"].notna() & (q["kind"] != "term")]
    if pair is not None:
        a, b, directed = pair
        q = q[q["speaker_actor"].isin([a] if directed else [a, b])]
        # the quote's sentence must mention the other side
        m = table(ann, "mentions", ["article_id", "sentence_id", "actor"], articles=articles)
        other = {a: b, b: a}
        keys = set(zip(m["article_id"], m["sentence_id"], m["actor"], strict=True))
        q = q[[(aid, sid, other[c]) in keys for aid, sid, c in
               zip(q["article_id"], q["sentence_id"], q["speaker_actor"], strict=True)]]
    elif actor is not None:
        q = q[q["speaker_actor"] == actor]
    if q.empty:
        return pd.DataFrame(columns=["article_id", "sentence_id", "actors", "score"])
    who = q["speaker"].astype(str) + q["speaker_actor"].map(
        lambda c: f" ({c})" if isinstance(c, str) else "")
    return pd.DataFrame({"article_id": q["article_id"], "sentence_id": q["sentence_id"],
                         "actors": who, "score": q["polarity"], "kind": "quote",
                         "quote": q["quote"]})


def evidence(ann: Annotations, actor: str | None = None, pair=None, month=None,
             outlet: str | None = None, kind: str | None = None, *,
             sort: str = "date") -> pd.DataFrame:
    """Every sentence behind a number, as one table.

    - ``actor``: a code ("PRK"): its mentions, the events it is in (either side), the quotes
      of speakers counted for it.
    - ``pair``: ``("KOR", "PRK")`` / ``"KOR-PRK"`` (either direction) or ``"KOR>PRK"``:
      events between the two, sentences mentioning both, quotes by one whose sentence names
      the other.
    - ``month``: "2016-03", a quarter "2016Q1" or a year "2016" (the article's date).
    - ``outlet``: the ``source`` of the article, exactly.
    - ``kind``: "mention", "event" or "quote" (default: all three).
    - ``sort``: "date" (corpus order within a day) or "score" (strongest first by |score|).

    Columns: article_id, sentence_id, published, source, title, kind, actors (who is in the
    row: mentioned actors, "A → B (cue)" for an event, "speaker (country)" for a quote),
    score (mention polarity, event score −1…+1, quote polarity), text (the sentence; the
    quote itself when it has no sentence). Historical events and bylines are left out, as
    in every count.
    """
    kinds = KINDS if kind is None else (kind,)
    bad = [k for k in kinds if k not in KINDS]
    if bad:
        raise ValueError(f"kind={kind!r}: one of {', '.join(KINDS)} (or None for all)")
    pair_t = parse_pair(pair) if pair is not None else None
    arts = _articles(ann, month, outlet)
    ids = set(arts["article_id"])
    parts = []
    for k in kinds:
        fn = {"mention": _mention_rows, "event": _event_rows, "quote": _quote_rows}[k]
        part = fn(ann, ids, actor, pair_t)
        if len(part):
            parts.append(part)
    if not parts:
        return pd.DataFrame(columns=EVIDENCE_COLUMNS)
    rows = pd.concat(parts, ignore_index=True)
    if "quote" not in rows:
        rows["quote"] = None
    s = sentence_text(ann, rows)
    rows["sentence_id"] = rows["sentence_id"].astype("Int64")
    s = s.assign(sentence_id=s["sentence_id"].astype("Int64"))
    out = rows.merge(s, on=["article_id", "sentence_id"], how="left")
    out["text"] = out["text"].where(out["text"].notna(), out["quote"])
    out = out.merge(arts, on="article_id", how="left")
    order = {aid: i for i, aid in enumerate(ann.articles["article_id"])}
    out["_order"] = out["article_id"].map(order)
    if sort == "score":
        out["_key"] = -out["score"].abs()
        out = out.sort_values(["_key", "_order", "sentence_id"], na_position="last")
    else:
        out = out.sort_values(["published", "_order", "sentence_id", "kind"],
                              na_position="last")
    return out[EVIDENCE_COLUMNS].reset_index(drop=True)
