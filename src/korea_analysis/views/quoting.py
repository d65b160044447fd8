"""03 quote attribution: who gets quoted, how much, and how it sounds."""
from __future__ import annotations

import re

import matplotlib.pyplot as plt
import pandas as pd

from korea_analysis import charts
from korea_analysis.actors import tokens
from korea_analysis.annotate import Annotations, count_words
from korea_analysis.views.common import UNKNOWN_OUTLET, source_line, table

_ANALYST = ("professor", "analyst", "researcher", "fellow", "expert", "scholar", "lecturer",
            "think tank", "institute", "university")
_OFFICIAL = ("minister", "president", "leader", "spokes", "secretary", "official", "ambassador",
             "envoy", "government", "ministry", "administration", "statement", "office",
             "military", "chief", "adviser", "advisor", "department", "council", "delegation")


def speaker_type(ann: Annotations, speaker, role, speaker_actor) -> str:
    """official / state media / analyst / other / no speaker (mostly scare quotes), from the
    dictionary first."""
    if not isinstance(speaker, str) or not speaker:
        return "no speaker"
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
    """Every quote with speaker, country, type, cue and channel (text shown escaped).

    Computed once per :class:`Annotations` (every view of this notebook starts from it);
    ``actor_source`` (how the speaker's country was decided) is kept when the corpus has it.
    """
    cached = ann.__dict__.get("_views_quote_table")
    if cached is not None:
        return cached.copy()
    cols = ["speaker", "speaker_actor", "kind", "quote", "cue", "channel", "role", "article_id",
            "sentence_id", "polarity", "subjectivity"]
    if "actor_source" in _quote_columns(ann):
        cols.append("actor_source")
    q = table(ann, "quotes", cols)  # the offsets are never shown: not read
    types = {}
    for key in zip(q["speaker"], q["role"], q["speaker_actor"], strict=True):
        if key not in types:
            types[key] = speaker_type(ann, *key)
    q["speaker_type"] = [types[k] for k in zip(q["speaker"], q["role"], q["speaker_actor"],
                                               strict=True)]
    q["bloc"] = q["speaker_actor"].map(ann.actors.blocs)
    q["words"] = q["quote"].map(count_words).astype("int64")
    cols = ["speaker", "speaker_actor", "speaker_type", "kind", "quote", "cue", "channel",
            "role", "article_id", "sentence_id", "words", "polarity", "subjectivity", "bloc"]
    if "actor_source" in q:
        cols.insert(2, "actor_source")
    q = q[cols]
    ann.__dict__["_views_quote_table"] = q
    return q.copy()


def _quote_columns(ann: Annotations) -> list[str]:
    if "quotes" in ann.__dict__:
        return list(ann.quotes.columns)
    from korea_analysis.schema import ARTICLE_TABLES

    return ARTICLE_TABLES["quotes"]


def who_is_quoted(ann: Annotations, top: int | None = None) -> pd.DataFrame:
    """Quotes and quoted words per country and speaker type (indirect speech counted apart).

    With ``top``, the ``top`` countries with the most quotes and one "others" row.
    """
    q = quote_table(ann)
    q["country"] = q["speaker_actor"].fillna("(no country)")
    out = q.pivot_table(index="country", columns="speaker_type", values="words", aggfunc="size",
                        fill_value=0)
    out.columns.name = None
    out["quotes"] = out.sum(axis=1)
    out["quoted words"] = q.groupby("country")["words"].sum()
    out = out.sort_values("quotes", ascending=False)
    out.insert(0, "name", [ann.actors.name_of(c) if c != "(no country)" else ""
                           for c in out.index])
    if top is not None and len(out) > top:
        rest = out.iloc[top:]
        out = out.iloc[:top].copy()
        row = rest.drop(columns="name").sum()
        out.loc[f"others ({len(rest)} countries)"] = ["", *row.tolist()]
    out["share of quotes"] = out["quotes"] / max(len(q), 1)
    out.index.name = "country"
    return out.reset_index()


#: Speakers that are only a pronoun the quote finder could not resolve to a name: not a
#: person a reader can look up, so left out of the most-quoted list (they stay in the
#: unresolved speakers and in every quote table).
PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they", "me", "us", "him", "her",
                      "them"})


def top_speakers(ann: Annotations, top: int = 20) -> pd.DataFrame:
    """The ``top`` most quoted speakers (terms, unattributed quotes and bare pronouns left
    out), with the country and type they are counted under, their quotes and quoted words."""
    q = quote_table(ann)
    q = q[q["speaker"].notna() & (q["kind"] != "term")]
    q = q[~q["speaker"].astype(str).str.strip().str.lower().isin(PRONOUNS)]
    if q.empty:
        return pd.DataFrame(columns=["speaker", "country", "speaker_type", "quotes", "words"])
    keys = speaker_keys(ann, q["speaker"])
    key = q["speaker"].map(keys)
    # "the source", "analysts": a description names nobody, so one article's source is not
    # another's and they are counted apart
    described = q["speaker"].map(_described)
    key = key.where(~described, key + "\x00" + q["article_id"].astype(str))
    q = q.assign(key=key, country=q["speaker_actor"].fillna(""))

    def most_common(values: pd.Series) -> str:
        named = values[values != ""]
        return (named if len(named) else values).value_counts().index[0]

    g = (q.groupby("key", as_index=False)
         .agg(speaker=("speaker", most_common), country=("country", most_common),
              speaker_type=("speaker_type", most_common), quotes=("quote", "size"),
              words=("words", "sum"), articles=("article_id", "nunique")))
    # a person or institution the dictionary knows is shown under the dictionary's name
    known = {}
    for name in q["speaker"].unique():
        person = ann.actors.person(name)
        if (canonical := person.name if person is not None else _institution(ann, name)):
            known[keys[name]] = canonical
    g["speaker"] = [known.get(k, s) for k, s in zip(g["key"], g["speaker"], strict=True)]
    g = g.drop(columns="key")
    return g.sort_values(["quotes", "words"], ascending=False).head(top).reset_index(drop=True)


_DETERMINERS = frozenset({"the", "a", "an", "one", "two", "three", "some", "several", "many"})


def _described(speaker: str) -> bool:
    """A speaker written as a description with no name in it ("the source", "a senior
    official", "analysts", "The official"), not "the U.S." or "Unification ministry"."""
    words = str(speaker).split()
    if words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    return bool(words) and not any(w[:1].isupper() for w in words)


def _institution(ann: Annotations, name: str) -> str | None:
    """The dictionary's name of the institution ``name`` is written as ("KCNA", "the Korean
    Central News Agency" -> "Korean Central News Agency"), else None."""
    toks = tuple(t for t, _, _ in tokens(name))
    if toks[:1] in (("the",), ("The",)):
        toks = toks[1:]
    e = ann.actors.entries.get(toks) if toks else None
    return e.entity if e is not None and e.kind == "institution" and e.entity else None


def _name_key(name: str) -> str:
    """A spelling-blind key: case, hyphens, full stops and middle initials ignored."""
    words = re.sub(r"[-‐.]", " ", name).lower().split()
    if len(words) > 2:
        words = [words[0], *[w for w in words[1:-1] if len(w) > 1], words[-1]]
    return " ".join(words)


def speaker_keys(ann: Annotations, speakers: pd.Series) -> dict[str, str]:
    """One key per person however the articles spell them, so the most-quoted list counts
    "Kim Yo Jong", "Kim Yo-jong" and "Donald J. Trump"/"Donald Trump" once each: the
    dictionary's name when it knows the person or institution ("KCNA" and "the Korean
    Central News Agency" are one), else the spelling-blind key; a lone surname
    joins the one full name in the corpus that starts or ends with it ("Obama" → "Barack
    Obama", "Park" → "Park Won-gon"), and stays apart when several do."""
    keys = {}
    for name in speakers.dropna().unique():
        person = ann.actors.person(name)
        keys[name] = _name_key(person.name if person is not None
                               else _institution(ann, name) or name)
    by_surname: dict[str, set[str]] = {}  # first word (Korean, Chinese) or last (Western)
    for key in keys.values():
        words = key.split()
        if len(words) > 1:
            for word in (words[0], words[-1]):
                by_surname.setdefault(word, set()).add(key)
    for name, key in keys.items():
        if " " not in key and len(by_surname.get(key, ())) == 1:
            keys[name] = next(iter(by_surname[key]))
    return keys


def top_speakers_chart(ann: Annotations, top: int = 20):
    """Bars of the most quoted speakers, coloured by their country's bloc."""
    t = top_speakers(ann, top)
    fig, ax = plt.subplots(figsize=(8, 1.4 + 0.34 * max(len(t), 1)))
    q = quote_table(ann)
    n_attr = int((q["speaker"].notna() & (q["kind"] != "term")).sum())
    if t.empty:
        ax.set_axis_off()
        charts.finish(ax, "No quote could be credited to a speaker", n="0 quotes",
                      source=source_line(ann))
        return fig, t
    y = range(len(t))
    labels = [f"{s[:40]}{'…' if len(s) > 40 else ''}" + (f" ({c})" if c else "")
              for s, c in zip(t["speaker"], t["country"], strict=True)]
    ax.barh(list(y), t["quotes"], color=[charts.bloc_colour(ann.actors.blocs.get(c))
                                          for c in t["country"]])
    ax.set_yticks(list(y), labels)
    ax.invert_yaxis()
    charts.bloc_key(ax, [ann.actors.blocs.get(c) for c in t["country"]])
    lead = t.iloc[0]
    charts.finish(ax, f"{lead['speaker'][:60]} is quoted most ({lead['quotes']:,} quotes, "
                  f"{lead['quotes'] / max(n_attr, 1):.0%} of attributed ones)",
                  n=f"top {len(t)} of {q.loc[q['speaker'].notna(), 'speaker'].nunique():,} "
                  f"speakers, {n_attr:,} attributed quotes", source=source_line(ann),
                  xlabel="quotes (colour: bloc of the speaker's country)")
    return fig, t


SOURCE_MEANING = {
    "dictionary": "the speaker is a person in the actor dictionary",
    "title": "a nationality or office word at the name (\"South Korean President …\")",
    "apposition": "an apposition (\"…, a spokesman for the foreign ministry\")",
    "institution": "the institution named with the speaker (university, think tank, ministry)",
    "context": "the article's context: dateline, an earlier ministry or government, "
               "\"said in Tokyo\"",
    "mention": "a country or institution mention at the speaker (\"North Korea said\")",
    "description": "a nationality in the speaker's own words or role (\"a Chinese diplomat\")",
    "": "not decided: the speaker is named but no rule gave a country",
}


def country_sources(ann: Annotations) -> pd.DataFrame | None:
    """How each attributed quote's country was decided (``actor_source``), with shares.

    ``None`` when the quotes table has no ``actor_source`` column (an older cache or
    version). Terms and quotes with no speaker are left out.
    """
    q = quote_table(ann)
    if "actor_source" not in q:
        return None
    q = q[q["speaker"].notna() & (q["kind"] != "term")]
    src = q["actor_source"].fillna("").astype(str)
    g = (pd.DataFrame({"decided by": src, "speaker": q["speaker"]}).groupby("decided by")
         .agg(quotes=("speaker", "size"), speakers=("speaker", "nunique")))
    g = g.reindex([k for k in SOURCE_MEANING if k in g.index]
                  + [k for k in g.index if k not in SOURCE_MEANING])
    g["share of quotes"] = g["quotes"] / max(len(q), 1)
    g.insert(0, "meaning", [SOURCE_MEANING.get(k, "") for k in g.index])
    g.index = [k or "(no country)" for k in g.index]
    g.index.name = "decided by"
    return g.reset_index()


def unresolved_speakers(ann: Annotations) -> pd.DataFrame:
    """Named speakers with no country, most quoted first, with an article to look them up."""
    q = quote_table(ann)
    q = q[q["speaker"].notna() & q["speaker_actor"].isna() & (q["kind"] != "term")]
    if q.empty:
        return pd.DataFrame(columns=["speaker", "role", "quotes", "articles", "example article"])
    g = q.groupby("speaker").agg(role=("role", "first"), quotes=("quote", "size"),
                                 articles=("article_id", "nunique"),
                                 example=("article_id", "first"))
    g = g.rename(columns={"example": "example article"})
    return g.sort_values(["quotes", "articles"], ascending=False).reset_index()


def quoted_words_chart(ann: Annotations, by: str = "bloc"):
    """Share of quoted words per bloc (``by="bloc"``) or per outlet (``by="outlet"``)."""
    q = quote_table(ann)
    q = q[q["kind"] != "term"]
    if by == "outlet":
        outlets = ann.articles.set_index("article_id")["source"].fillna(UNKNOWN_OUTLET)
        q["group"] = q["article_id"].map(outlets)
        keep = q["group"].value_counts().index[:12]
        if q["group"].nunique() > len(keep):
            q["group"] = q["group"].where(q["group"].isin(keep),
                                          f"others ({q['group'].nunique() - len(keep)} outlets)")
    else:
        q["group"] = q["bloc"].fillna("no bloc / unattributed")
    t = q.groupby(["group", "speaker_type"])["words"].sum().unstack(fill_value=0)
    if by == "outlet":  # largest share on top (barh draws the first row at the bottom), not
        # by name; the "others" row at the bottom
        total = t.sum(axis=1)
        others = total.index.str.startswith("others (")
        t = t.loc[[*total[others].index,
                   *total[~others].sort_values(kind="stable").index]]
    share = t.div(t.sum(axis=1).sum())
    fig, ax = plt.subplots(figsize=(8, 1.4 + 0.5 * max(len(share), 1)))
    left = pd.Series(0.0, index=share.index)
    for col in share.columns:
        ax.barh(share.index, share[col], left=left, label=col)
        left += share[col]
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1), title="speaker")
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    top = left.idxmax() if len(left) else "nobody"
    # the finding first, the label after it: a label (an outlet "wash-post") is not a capital
    charts.finish(ax, f"Largest share of quoted words: {top} ({left.max():.0%})"
                  if len(left) else "No quotes", n=f"{int(q['words'].sum()):,} quoted words",
                  source=source_line(ann), xlabel="share of all quoted words",
                  ylabel="outlet" if by == "outlet" else "bloc of the speaker's country")
    data = (t.iloc[::-1] if by == "outlet" else t).reset_index().rename(columns={"group": by})
    return fig, data


def quote_sentiment(ann: Annotations, min_quotes: int | None = None) -> pd.DataFrame:
    """Mean polarity of each country's quoted words (direct and partial quotes).

    Countries with fewer than ``min_quotes`` quotes are left out (default:
    :func:`~korea_analysis.views.common.min_evidence` of the corpus size).
    """
    from korea_analysis.views.common import min_evidence

    if min_quotes is None:
        min_quotes = min_evidence(len(ann.articles))
    q = quote_table(ann)
    q = q[q["kind"].isin(["direct", "partial"]) & q["speaker_actor"].notna()]
    g = q.groupby("speaker_actor").agg(quotes=("quote", "size"), words=("words", "sum"),
                                       polarity=("polarity", "mean"),
                                       subjectivity=("subjectivity", "mean"))
    g = g[g["quotes"] >= min_quotes]
    g.insert(0, "name", [ann.actors.name_of(c) for c in g.index])
    g.index.name = "country"
    return g.sort_values("quotes", ascending=False)


def quote_listing(ann: Annotations) -> pd.DataFrame:
    """The quote table as a reader wants it: who, for which country, what, how; blanks not NaN."""
    q = quote_table(ann)
    cols = ["speaker", "speaker_actor", "kind", "quote", "cue", "channel", "role", "article_id",
            "sentence_id"]
    if "actor_source" in q:
        cols.insert(2, "actor_source")
    out = q[cols].rename(columns={"speaker_actor": "country", "actor_source": "country from"})
    text_cols = [c for c in ["speaker", "country", "country from", "cue", "channel", "role"]
                 if c in out]
    out[text_cols] = out[text_cols].astype(object).where(out[text_cols].notna(), "")
    return out


def unattributed_quotes(ann: Annotations) -> pd.DataFrame:
    q = quote_table(ann)
    return q[q["speaker"].isna() & (q["kind"] != "term")][
        ["article_id", "sentence_id", "kind", "quote"]].reset_index(drop=True)
