"""03 quote attribution: who gets quoted, how much, and how it sounds."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from korea_analysis import charts
from korea_analysis.annotate import Annotations, count_words
from korea_analysis.views.common import UNKNOWN_OUTLET, source_line

_ANALYST = ("professor", "analyst", "researcher", "fellow", "expert", "scholar", "lecturer",
            "think tank", "institute", "university")
_OFFICIAL = ("minister", "president", "leader", "spokes", "secretary", "official", "ambassador",
             "envoy", "government", "ministry", "administration", "statement", "office",
             "military", "chief", "adviser", "advisor", "department", "council", "delegation")


def speaker_type(ann: Annotations, speaker, role, speaker_actor) -> str:
    """official / state media / analyst / other / unattributed, from the dictionary first."""
    if not isinstance(speaker, str) or not speaker:
        return "unattributed"
    person = ann.actors.person(speaker)
    if person is not None:
        titles = " ".join(p.title for p in person.positions).lower()
        return "analyst" if any(w in titles for w in _ANALYST) else "official"
    if speaker in ann.actors.state_media:
        return "state media"
    words = f"{speaker} {role if isinstance(role, str) else ''}".lower()
    if any(w in words for w in ("news agency", "state media", "kcna", "tass", "xinhua")):
        return "state media"
    if any(w in words for w in _ANALYST):
        return "analyst"
    if any(w in words for w in _OFFICIAL):
        return "official"
    return "other"


def quote_table(ann: Annotations) -> pd.DataFrame:
    """Every quote with speaker, country, type, cue and channel (text shown escaped)."""
    q = ann.quotes.copy()
    q["speaker_type"] = [speaker_type(ann, s, r, a) for s, r, a in
                         zip(q["speaker"], q["role"], q["speaker_actor"], strict=True)]
    q["bloc"] = q["speaker_actor"].map(ann.actors.blocs)
    q["words"] = q["quote"].map(count_words).astype("int64")
    return q[["speaker", "speaker_actor", "speaker_type", "kind", "quote", "cue", "channel",
              "role", "article_id", "sentence_id", "words", "polarity", "subjectivity", "bloc"]]


def who_is_quoted(ann: Annotations) -> pd.DataFrame:
    """Quotes and quoted words per country and speaker type (indirect speech counted apart)."""
    q = quote_table(ann)
    q["country"] = q["speaker_actor"].fillna("(no country)")
    out = q.pivot_table(index="country", columns="speaker_type", values="words", aggfunc="size",
                        fill_value=0)
    out["quotes"] = out.sum(axis=1)
    out["quoted words"] = q.groupby("country")["words"].sum()
    return out.sort_values("quotes", ascending=False)


def quoted_words_chart(ann: Annotations, by: str = "bloc"):
    """Share of quoted words per bloc (``by="bloc"``) or per outlet (``by="outlet"``)."""
    q = quote_table(ann)
    q = q[q["kind"] != "term"]
    if by == "outlet":
        outlets = ann.articles.set_index("article_id")["source"].fillna(UNKNOWN_OUTLET)
        q["group"] = q["article_id"].map(outlets)
    else:
        q["group"] = q["bloc"].fillna("no bloc / unattributed")
    t = q.groupby(["group", "speaker_type"])["words"].sum().unstack(fill_value=0)
    share = t.div(t.sum(axis=1).sum())
    fig, ax = plt.subplots(figsize=(8, 1.4 + 0.5 * max(len(share), 1)))
    left = pd.Series(0.0, index=share.index)
    for col in share.columns:
        ax.barh(share.index, share[col], left=left, label=col)
        left += share[col]
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1), title="speaker")
    top = left.idxmax() if len(left) else "nobody"
    charts.finish(ax, f"{top} gets the largest share of quoted words ({left.max():.0%})"
                  if len(left) else "No quotes", n=f"{int(q['words'].sum())} quoted words",
                  source=source_line(ann), xlabel="share of all quoted words",
                  ylabel="outlet" if by == "outlet" else "bloc of the speaker's country")
    data = t.reset_index().rename(columns={"group": by})
    return fig, data


def quote_sentiment(ann: Annotations) -> pd.DataFrame:
    """Mean polarity of each country's quoted words (direct and partial quotes)."""
    q = quote_table(ann)
    q = q[q["kind"].isin(["direct", "partial"]) & q["speaker_actor"].notna()]
    g = q.groupby("speaker_actor").agg(quotes=("quote", "size"), words=("words", "sum"),
                                       polarity=("polarity", "mean"),
                                       subjectivity=("subjectivity", "mean"))
    g.insert(0, "name", [ann.actors.name_of(c) for c in g.index])
    return g.sort_values("quotes", ascending=False)


def quote_listing(ann: Annotations) -> pd.DataFrame:
    """The quote table as a reader wants it: who, for which country, what, how; blanks not NaN."""
    q = quote_table(ann)
    cols = ["speaker", "speaker_actor", "kind", "quote", "cue", "channel", "role", "article_id",
            "sentence_id"]
    out = q[cols].rename(columns={"speaker_actor": "country"})
    text_cols = ["speaker", "country", "cue", "channel", "role"]
    out[text_cols] = out[text_cols].astype(object).where(out[text_cols].notna(), "")
    return out


def unattributed_quotes(ann: Annotations) -> pd.DataFrame:
    q = quote_table(ann)
    return q[q["speaker"].isna() & (q["kind"] != "term")][
        ["article_id", "sentence_id", "kind", "quote"]].reset_index(drop=True)
