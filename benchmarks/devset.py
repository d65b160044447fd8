"""Score korea-analysis on the blind real-news dev set (/work/devset/A, B and C).

usage: python benchmarks/devset.py [--sets A,B] [--split dev|test|all] [--root DIR] [--json OUT]

Each set folder (outside the repository; formats in benchmarks/devset_format.md) holds
``articles/`` (texts and ``articles.csv``) and hand-written gold: ``gold_quotes.csv``,
``gold_persons.csv``, ``gold_events.csv``. A set without its ``DONE`` file is still being
written and is skipped. The articles of the chosen split are loaded with ``load_corpus``,
annotated afresh (``cache=False``) in one pass, and scored:

- quotes: a gold quote is found when a predicted quote (any kind but ``term``) contains its
  ``quote_start`` (whitespace and quote marks normalised) or overlaps it in the text. Recall
  leaves out optional gold rows; precision = predicted quotes matching any gold quote
  (optional or not), or lying inside a predicted quote that does (a fragment of a found
  quotation; counted apart as ``nested_in_found``). Speaker and speaker-country accuracy
  are over found, non-optional gold quotes, judged on the prediction overlapping the gold
  start most.
- persons (byline = 0): found when a ``person`` mention's entity or text is the name;
  and found with the gold country (``actor``).
- events (clear = 1): found when a current (not historical) predicted event in the gold
  sentence has the same unordered pair (the gold sentence is every one of our sentences its
  start string overlaps: a dateline our segmenter splits off belongs to the sentence
  after); sign right when the sign of the pair's summed score there is the gold sign;
  directed when a matching row has the gold source → target.
  Precision = predicted events in body sentences matching any gold event (clear or optional).
- dyads: unordered pairs with at least 3 clear gold events; gold sign = sign of the summed
  gold signs, predicted from ``ann.dyads`` (``sign`` if present, else the sign of ``score``).
- axis: Spearman rho of ``ann.alignment`` positions against the bundled UNGA ideal points
  (``alignment.rank_correlation``), and the positions of the main actors.

Names match when equal (case-, hyphen- and space-insensitive, a leading "the", "a", "one" or
honorific dropped) or when one is a single word
equal to the other's first or last word ("Abe" ~ "Shinzo Abe", "Moon" ~ "Moon Jae-in"), or
when a name of two words or more ends the other or stands before its "of ..." (a title
or outlet left on: "Rapporteur Vitit Muntabhorn" ~ "Vitit Muntabhorn", "Joint Chiefs" ~
"Joint Chiefs of Staff"), when both name one state (its country name or capital: "the US"
~ "United States", "Pyongyang" ~ "North Korea"), when they differ by a generic last word
("Itar-Tass agency" ~ "Itar-Tass"), or
when they are one body's words with the country named on one side only ("Chinese Foreign
Ministry" ~ gold "Foreign Ministry": the country is scored in its own column).
The texts are other people's words and stay outside the repository.
"""
from __future__ import annotations

import argparse
import functools
import json
import math
import re
import sys
import warnings
from pathlib import Path

import pandas as pd

import korea_analysis
from korea_analysis import alignment

ROOT = Path("/work/devset")
AXIS_ACTORS = ["PRK", "RUS", "CHN", "KOR", "USA", "JPN"]
MIN_DYAD_EVENTS = 3
QUOTE_MARKS = str.maketrans({c: '"' for c in "“”„‟″«»"} | {c: "'" for c in "‘’‚‛′`"})
#: words dropped from the front of a name before comparing ("the Joint Chiefs of Staff")
LEADING = {"the", "a", "an", "one", "mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr."}


# --- matching helpers ---------------------------------------------------------------------

def norm_text(s: str) -> str:
    """Text for containment tests: quote marks unified, whitespace collapsed, lower case."""
    return re.sub(r"\s+", " ", str(s).translate(QUOTE_MARKS)).strip().lower()


def name_tokens(name: object) -> list[str]:
    """Lower-case words of a name, hyphens as spaces, a leading 'the' or honorific dropped."""
    if not isinstance(name, str):
        return []
    words = norm_text(name.replace("-", " ").replace("‐", " ")).split()
    while words and words[0] in LEADING:
        words = words[1:]
    return words


@functools.cache
def _dictionary():
    from korea_analysis.actors import load_actors
    return load_actors()


def _canonical(name: str) -> str | None:
    """The bundled dictionary's name for a person ("Sergei Lavrov" -> "Sergey Lavrov")."""
    person = _dictionary().person(name)
    return person.name if person is not None else None


#: generic last words of an outlet's or body's name, dropped before comparing
GENERIC_TAIL = {"agency", "service", "news"}


#: gold speakers left empty for an unnamed source; a prediction that also names nobody
ANONYMOUS = re.compile(r"(?i)^(?:an?|one|some|several|two|three|the)?\s*(?:\w+\s+){0,2}?"
                       r"(?:source|sources|official|officials|expert|experts|analyst|"
                       r"analysts|resident|residents|observer|observers|diplomat|diplomats)"
                       r"(?:\s*,.*)?$")


def _institution_keys(name: str) -> set:
    """Keys shared by two writings of one institution: its dictionary entity ("U.N. Security
    Council" and "Security Council"), and its words without country names, possessives and
    demonyms plus the countries they named ("South Korea’s military" = "South Korean
    military")."""
    from korea_analysis.actors import tokens
    actors = _dictionary()
    toks = [t for t, _, _ in tokens(name)]
    while toks and toks[0].lower() == "the":
        toks = toks[1:]
    keys: set = set()
    e = actors.entries.get(tuple(toks))
    if e is not None and e.kind == "institution":
        keys.add(e.entity)
    words, codes, i = [], set(), 0
    while i < len(toks):
        for n in range(min(len(toks) - i, 4), 0, -1):
            hit = actors.entries.get(tuple(toks[i:i + n]))
            if hit is not None and hit.kind in ("country", "demonym", "capital") and hit.actors:
                codes.update(hit.actors)
                i += n
                break
        else:
            w = toks[i].lower()
            if w not in ("the", "’s", "'s", "s", "’", "'"):
                words.append(w)
            i += 1
    while words and words[-1] in GENERIC_TAIL:  # "Itar-Tass agency" = "Itar-Tass"
        words.pop()
    if words or codes:  # a state by any of its names: "the US" = "United States" = "Washington"
        keys.add((" ".join(words), frozenset(codes)))
    return keys


def _same_body(ka: set, kb: set) -> bool:
    """One body's words, named with its country on one side and without on the other
    ("the North's foreign ministry" = gold "Foreign Ministry", PRK): the gold gives the
    country in its own column, which is scored apart."""
    for ka_, kb_ in ((ka, kb), (kb, ka)):
        bare = {k[0] for k in ka_ if isinstance(k, tuple) and not k[1]}
        if any(isinstance(k, tuple) and k[1] and k[0] in bare for k in kb_):
            return True
    return False


def same_name(a: object, b: object) -> bool:
    """Equal names, two spellings of one dictionary person, or one a single word equal to the
    other's first or last word; two writings of one institution; an empty gold speaker (an
    unnamed source) and a predicted one that names nobody either ("A source")."""
    if isinstance(a, str) and isinstance(b, str) and not b.strip() and ANONYMOUS.match(a.strip()):
        return True
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    ka, kb = _institution_keys(str(a)), _institution_keys(str(b))
    if {k for k in ka if not isinstance(k, tuple) or k[1]} & kb or _same_body(ka, kb):
        return True
    if "".join(ta) == "".join(tb):
        return True
    bare_a, bare_b = list(ta), list(tb)
    for bare in (bare_a, bare_b):
        while len(bare) > 1 and bare[-1] in GENERIC_TAIL:
            bare.pop()
    if "".join(bare_a) == "".join(bare_b):
        return True
    ca, cb = _canonical(str(a).strip()), _canonical(str(b).strip())
    if ca is not None and ca == cb:
        return True
    for one, other in ((ta, tb), (tb, ta)):
        if len(one) == 1 and one[0] in (other[0], other[-1]):
            return True
    # a name of two words or more at the end of a longer speaker phrase or before its
    # "of ...": a title left on ("Rapporteur Vitit Muntabhorn"; "Joint Chiefs" and
    # "Joint Chiefs of Staff"; "Acting Assistant Attorney General X of the ... division")
    for short, long_ in ((ta, tb), (tb, ta)):
        n = len(short)
        for i in range(len(long_) - n + 1) if 2 <= n < len(long_) else ():
            if long_[i:i + n] == short and (i + n == len(long_) or long_[i + n] == "of"):
                return True
    return False


def code(value: object) -> str:
    """An actor code as a string; missing values are ''."""
    return value if isinstance(value, str) else ""


def sign(x: float) -> int:
    return (x > 0) - (x < 0)


def ratio(num: int, den: int) -> float:
    return num / den if den else float("nan")


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r and not (math.isnan(p) or math.isnan(r)) else float("nan")


# --- loading -------------------------------------------------------------------------------

def read_gold(path: Path, set_name: str, keep: set[str]) -> pd.DataFrame:
    """A gold CSV with article ids made unique across sets (``A:a01``), rows of ``keep`` only."""
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    df["article_id"] = set_name + ":" + df["article_id"]
    return df[df["article_id"].isin(keep)].reset_index(drop=True)


def load_sets(root: Path, sets: list[str], split: str) -> tuple[pd.DataFrame, dict, list[str]]:
    """Articles of the split from every finished set, the gold tables, and the sets used."""
    frames, gold, used = [], {"quotes": [], "persons": [], "events": []}, []
    for name in sets:
        folder = root / name
        if not (folder / "DONE").exists():
            print(f"set {name}: {folder / 'DONE'} missing, skipped", file=sys.stderr)
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            arts = korea_analysis.load_corpus(folder / "articles")
        if split != "all":
            arts = arts[arts["split"].astype(str).str.strip() == split]
        arts = arts.copy()
        arts["article_id"] = name + ":" + arts["article_id"].astype(str)
        keep = set(arts["article_id"])
        for table in gold:
            gold[table].append(read_gold(folder / f"gold_{table}.csv", name, keep))
        frames.append(arts)
        used.append(name)
    if not frames:
        raise SystemExit(f"no finished set among {sets} under {root}")
    articles = pd.concat(frames, ignore_index=True)
    return articles, {k: pd.concat(v, ignore_index=True) for k, v in gold.items()}, used


# --- scoring -------------------------------------------------------------------------------

def gold_span(text: str, start_words: str) -> tuple[int, int] | None:
    """Offsets of a gold start string in the article (exact, else after normalising)."""
    pos = text.find(start_words)
    if pos >= 0:
        return pos, pos + len(start_words)
    # fall back: normalised search mapped back through a per-character index
    chars, index = [], []
    for i, ch in enumerate(text.translate(QUOTE_MARKS).lower()):
        if ch.isspace() and chars and chars[-1] == " ":
            continue
        chars.append(" " if ch.isspace() else ch)
        index.append(i)
    pos = "".join(chars).find(norm_text(start_words))
    if pos < 0:
        return None
    end = pos + len(norm_text(start_words)) - 1
    return index[pos], index[end] + 1


def score_quotes(ann, texts: dict[str, str], gold: pd.DataFrame) -> dict:
    pred = ann.quotes[ann.quotes["kind"] != "term"].reset_index(drop=True)
    by_article = {a: g for a, g in pred.groupby("article_id")}
    matched_pred: set[int] = set()
    found = required = speaker_ok = country_ok = judged = 0
    missing, wrong = [], []
    for g in gold.itertuples():
        span = gold_span(texts[g.article_id], g.quote_start)
        optional = g.optional.strip() == "1"
        required += not optional
        cands = by_article.get(g.article_id, pred.iloc[:0])
        best, best_overlap = None, 0
        for p in cands.itertuples():
            overlap = 0
            if span is not None:
                overlap = max(0, min(p.end, span[1]) - max(p.start, span[0]))
            if overlap == 0 and norm_text(g.quote_start) in norm_text(p.quote):
                overlap = len(g.quote_start)
            if overlap > 0:
                matched_pred.add(p.Index)
                if overlap > best_overlap:
                    best, best_overlap = p, overlap
        if best is None:
            if not optional:
                missing.append(f"{g.article_id} {g.quote_start[:40]!r}")
            continue
        if optional:
            continue
        found += 1
        judged += 1
        name_ok = same_name(best.speaker, g.speaker)
        country = code(best.speaker_actor) == g.speaker_country.strip()
        speaker_ok += name_ok
        country_ok += country
        if not (name_ok and country):
            what = "name+country" if not (name_ok or country) else (
                "name" if not name_ok else "country")
            wrong.append(f"[{what}] {g.article_id} {g.quote_start[:30]!r}: gold {g.speaker} "
                         f"({g.speaker_country or '-'}), predicted {best.speaker} "
                         f"({code(best.speaker_actor) or '-'})")
    # a quoted fragment inside a quotation that matched ("… called it 'an act of war'", a
    # partial row within the indirect one) is part of a found quote, not a wrong one: the
    # gold lists a quotation once and its inner fragments rarely
    spans = {a: [(p.start, p.end) for p in g.itertuples() if p.Index in matched_pred]
             for a, g in by_article.items()}
    nested = {p.Index for p in pred.itertuples() if p.Index not in matched_pred
              and any(s <= p.start and p.end <= e for s, e in spans.get(p.article_id, ()))}
    recall = ratio(found, required)
    precision = ratio(len(matched_pred) + len(nested), len(pred))
    return dict(gold=required, gold_optional=len(gold) - required, predicted=len(pred),
                found=found, recall=recall, precision=precision, f1=f1(precision, recall),
                nested_in_found=len(nested), predicted_matching_gold=len(matched_pred),
                speaker_accuracy=ratio(speaker_ok, judged),
                speaker_country_accuracy=ratio(country_ok, judged), missed=missing,
                wrong_speaker=wrong)


def score_persons(ann, gold: pd.DataFrame) -> dict:
    people = ann.mentions[ann.mentions["kind"] == "person"]
    by_article = {a: g for a, g in people.groupby("article_id")}
    gold = gold[gold["byline"].str.strip() != "1"]
    found = with_country = 0
    missing = []
    for g in gold.itertuples():
        rows = by_article.get(g.article_id, people.iloc[:0])
        hits = [r for r in rows.itertuples()
                if same_name(r.entity, g.name) or same_name(r.text, g.name)]
        if not hits:
            missing.append(f"{g.article_id} {g.name}")
            continue
        found += 1
        with_country += any(code(r.actor) == g.country.strip() for r in hits)
    return dict(gold=len(gold), found=found, recall=ratio(found, len(gold)),
                found_with_country=with_country,
                country_recall=ratio(with_country, len(gold)), missed=missing)


def sentence_of(sentences: pd.DataFrame, pos: int) -> int | None:
    hit = sentences[(sentences["start"] <= pos) & (sentences["end"] > pos)]
    return int(hit["sentence_id"].iloc[0]) if len(hit) else None


def sentences_of(sentences: pd.DataFrame, span: tuple[int, int]) -> list[int]:
    """Our sentences a gold start string overlaps: the one it starts in, and the next ones
    when our segmenter split the annotator's sentence there ("SEOUL, May 25 (Yonhap) --" +
    the story's first sentence)."""
    hit = sentences[(sentences["start"] < span[1]) & (sentences["end"] > span[0])]
    return [int(x) for x in hit["sentence_id"]]


def score_events(ann, texts: dict[str, str], gold: pd.DataFrame) -> dict:
    sents = {a: g for a, g in ann.sentences.groupby("article_id")}
    events = ann.events
    if "historical" in events:
        events = events[~events["historical"].astype(bool)]
    body = ann.sentences[ann.sentences["body"].astype(bool)][["article_id", "sentence_id"]]
    events = events.merge(body, on=["article_id", "sentence_id"])
    pair = lambda s, t: frozenset((s, t))  # noqa: E731
    pred_by_sentence: dict[tuple[str, int], list] = {}
    for e in events.itertuples():
        pred_by_sentence.setdefault((e.article_id, int(e.sentence_id)), []).append(e)
    gold_pairs: set[tuple[str, int, frozenset]] = set()
    located, unlocated = [], []
    for g in gold.itertuples():
        span = gold_span(texts[g.article_id], g.sentence_start)
        sids = [] if span is None else sentences_of(sents[g.article_id], span)
        if not sids:
            unlocated.append(f"{g.article_id} {g.sentence_start[:40]!r}")
            continue
        for sid in sids:
            gold_pairs.add((g.article_id, sid, pair(g.source, g.target)))
        located.append((g, sids))
    clear = [(g, sids) for g, sids in located if g.clear.strip() == "1"]
    found = sign_ok = directed = 0
    missing = []
    for g, sids in clear:
        rows = [e for sid in sids for e in pred_by_sentence.get((g.article_id, sid), [])
                if pair(e.source, e.target) == pair(g.source, g.target)]
        if not rows:
            missing.append(f"{g.article_id} {g.source}->{g.target} {g.sentence_start[:30]!r}")
            continue
        found += 1
        sign_ok += sign(sum(float(e.score) for e in rows)) == int(g.sign)
        directed += any((e.source, e.target) == (g.source, g.target) for e in rows)
    matched = sum((e.article_id, int(e.sentence_id), pair(e.source, e.target)) in gold_pairs
                  for e in events.itertuples())
    n_clear = sum(g.clear.strip() == "1" for g in gold.itertuples())
    recall = ratio(found, n_clear)
    precision = ratio(matched, len(events))
    return dict(gold_clear=n_clear, gold_optional=len(gold) - n_clear, predicted=len(events),
                found=found, recall=recall, precision=precision, f1=f1(precision, recall),
                sign_accuracy=ratio(sign_ok, found), directed_accuracy=ratio(directed, found),
                unlocated=unlocated, missed=missing)


def score_dyads(ann, gold: pd.DataFrame) -> dict:
    clear = gold[gold["clear"].str.strip() == "1"]
    totals: dict[tuple[str, str], list[int]] = {}
    for g in clear.itertuples():
        totals.setdefault(tuple(sorted((g.source, g.target))), []).append(int(g.sign))
    dy = ann.dyads
    value = "sign" if "sign" in dy.columns else "score"
    predicted = {tuple(sorted((r.actor_a, r.actor_b))): sign(float(getattr(r, value)))
                 for r in dy.itertuples()}
    rows, right, counted = [], 0, 0
    for key, signs in sorted(totals.items(), key=lambda kv: -len(kv[1])):
        if len(signs) < MIN_DYAD_EVENTS:
            continue
        gold_sign = sign(sum(signs))
        pred = predicted.get(key)
        ok = gold_sign != 0 and pred == gold_sign
        counted += gold_sign != 0
        right += ok
        rows.append(dict(pair="-".join(key), n_gold=len(signs), gold_sign=gold_sign,
                         predicted_sign=pred, right=bool(ok)))
    return dict(pairs=rows, right=right, counted=counted)


def score_axis(ann) -> dict:
    pos = ann.alignment
    rho, n = alignment.rank_correlation(pos, alignment.unga_reference())
    where = {r.actor: (None if pd.isna(r.position) else round(float(r.position), 3))
             for r in pos.itertuples()}
    return dict(spearman_rho=rho, n_actors=n,
                positions={a: where.get(a) for a in AXIS_ACTORS})


# --- output --------------------------------------------------------------------------------

def fmt(x) -> str:
    if isinstance(x, float):
        return "  n/a" if math.isnan(x) else f"{x:.3f}"
    return str(x)


def report(fig: dict) -> str:
    q, p, e, d, a = (fig[k] for k in ("quotes", "persons", "events", "dyads", "axis"))
    lines = [
        f"devset sets={','.join(fig['sets'])} split={fig['split']} articles={fig['articles']}",
        f"{'':10}{'gold':>6}{'pred':>6}{'found':>7}{'recall':>8}{'prec':>8}{'F1':>8}",
        f"{'quotes':10}{q['gold']:>6}{q['predicted']:>6}{q['found']:>7}{fmt(q['recall']):>8}"
        f"{fmt(q['precision']):>8}{fmt(q['f1']):>8}"
        f"   speaker {fmt(q['speaker_accuracy'])}  country {fmt(q['speaker_country_accuracy'])}",
        f"{'':10}precision counts {q['nested_in_found']} fragment(s) inside found quotes as "
        f"right; without them {fmt(ratio(q['predicted_matching_gold'], q['predicted']))}",
        f"{'persons':10}{p['gold']:>6}{'':>6}{p['found']:>7}{fmt(p['recall']):>8}{'':>8}{'':>8}"
        f"   with country {p['found_with_country']} ({fmt(p['country_recall'])})",
        f"{'events':10}{e['gold_clear']:>6}{e['predicted']:>6}{e['found']:>7}"
        f"{fmt(e['recall']):>8}{fmt(e['precision']):>8}{fmt(e['f1']):>8}"
        f"   sign {fmt(e['sign_accuracy'])}  directed {fmt(e['directed_accuracy'])}",
        f"dyads (>= {MIN_DYAD_EVENTS} clear gold events): {d['right']}/{d['counted']} signs right",
    ]
    for r in d["pairs"]:
        pred = "none" if r["predicted_sign"] is None else f"{r['predicted_sign']:+d}"
        lines.append(f"  {r['pair']:<14} n={r['n_gold']:<3} gold {r['gold_sign']:+d}  "
                     f"predicted {pred:>4}  {'ok' if r['right'] else 'WRONG'}")
    pos = "  ".join(f"{k} {'n/a' if v is None else f'{v:+.2f}'}"
                    for k, v in a["positions"].items())
    lines.append(f"axis: Spearman rho vs UNGA {fmt(a['spearman_rho'])} (n={a['n_actors']});  "
                 f"{pos}")
    if e["unlocated"]:
        lines.append(f"warning: {len(e['unlocated'])} gold event sentences not located")
    return "\n".join(lines)


def no_nan(x):
    """The figures with NaN as null, so the JSON file is standard JSON."""
    if isinstance(x, dict):
        return {k: no_nan(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [no_nan(v) for v in x]
    if isinstance(x, float) and math.isnan(x):
        return None
    return x


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="A,B", help="comma-separated set names (default: A,B)")
    ap.add_argument("--split", default="dev", choices=["dev", "test", "all"])
    ap.add_argument("--root", type=Path, default=ROOT, help=f"folder of the sets ({ROOT})")
    ap.add_argument("--json", type=Path, default=None, help="write the figures here")
    ap.add_argument("--misses", action="store_true",
                    help="also list missed gold items and wrong speakers")
    args = ap.parse_args(argv)

    sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    articles, gold, used = load_sets(args.root, sets, args.split)
    if articles.empty:
        raise SystemExit(f"no {args.split} articles in sets {used}")
    ann = korea_analysis.annotate(articles, cache=False)
    texts = dict(zip(articles["article_id"], articles["text"], strict=True))
    fig = dict(sets=used, split=args.split, articles=len(articles),
               quotes=score_quotes(ann, texts, gold["quotes"]),
               persons=score_persons(ann, gold["persons"]),
               events=score_events(ann, texts, gold["events"]),
               dyads=score_dyads(ann, gold["events"]),
               axis=score_axis(ann))
    print(report(fig))
    if args.misses:
        for part in ("quotes", "persons", "events"):
            for m in fig[part]["missed"]:
                print(f"missed {part}: {m}")
        for m in fig["quotes"]["wrong_speaker"]:
            print(f"wrong speaker: {m}")
    if args.json:
        args.json.write_text(json.dumps(no_nan(fig), indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
