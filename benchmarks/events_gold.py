"""Events against hand-written gold on real news: recall, sign, precision, direction, dyad signs.

    .venv/bin/python benchmarks/events_gold.py                       # /work/devset A+B, dev split
    .venv/bin/python benchmarks/events_gold.py --split test
    .venv/bin/python benchmarks/events_gold.py --fallback 0.25       # with the polarity fallback
    .venv/bin/python benchmarks/events_gold.py --dump /tmp/ev.txt    # misses and false alarms

Gold (``gold_events.csv``: ``article_id, sentence_start, source, target, sign, clear``, the
format of /work/notes/DEVSET.md) names a sentence by its first words. A gold row is *found*
when the sentence holding those words has one of our events between the same two actors
(either direction); *sign* is right when our events for that pair in that sentence sum (score
× weight) to the gold sign; *directed* when one of them goes from the gold source to the gold
target. *Precision*: of our (sentence, actor pair) units, the share matching any gold row
(clear or hedged). Recall, sign and direction count clear rows only. Historical events
(left out of dyads) are left out here too. Dyad signs: pairs with at least 3 clear gold events,
the gold sign of their mean against the sign of our weighted mean. Texts stay outside the
repository; only figures are printed (``--dump`` writes sentences to a file you name, keep it
outside the repository). Not a test: nothing is asserted.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import pandas as pd

import korea_analysis as ka
from korea_analysis.events import DEFAULT_CUES

ROOT = Path("/work/devset")


def read_set(folder: Path, split: str) -> tuple[pd.DataFrame, list[dict]]:
    """The articles of one set (``split``: dev, test or all) and their gold event rows."""
    meta = list(csv.DictReader(open(folder / "articles" / "articles.csv", encoding="utf-8")))
    keep = [r for r in meta if split == "all" or r["split"] == split]
    rows = []
    for r in keep:
        text = (folder / "articles" / r["file"]).read_text(encoding="utf-8")
        rows.append({"article_id": r["article_id"], "text": text, "title": r["title"],
                     "source": r["source"],
                     "published": pd.to_datetime(r["published"] or None)})
    ids = {r["article_id"] for r in keep}
    gold = [g for g in csv.DictReader(open(folder / "gold_events.csv", encoding="utf-8"))
            if g["article_id"] in ids]
    return pd.DataFrame(rows), gold


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("’", "'").replace("‘", "'").replace("“", '"')
                  .replace("”", '"')).strip()


def locate(text: str, start: str) -> int:
    """Offset of a gold sentence's first words in the text (-1: not found)."""
    i = text.find(start)
    if i >= 0:
        return i
    n = _norm(text)
    j = n.find(_norm(start))
    if j < 0:
        return -1
    # map back: count non-space characters
    k = len(re.sub(r"\s", "", n[:j]))
    seen = 0
    for pos, ch in enumerate(text):
        if seen == k:
            return pos
        if not ch.isspace():
            seen += 1
    return -1


def score(articles: pd.DataFrame, gold: list[dict], ann, dump=None) -> dict:
    sents = ann.sentences
    ev = ann.events[~ann.events["historical"].astype(bool)].copy()
    if "weight" not in ev:
        ev["weight"] = 1.0
    ev["weight"] = ev["weight"].fillna(1.0)
    text_of = dict(zip(articles.article_id, articles.text, strict=True))
    by_article = {a: g for a, g in sents.groupby("article_id")}

    def sentence_of(aid: str, start: str) -> list[int] | None:
        """Our sentence holding the gold sentence's start; a dateline or other short piece
        ("SEOUL (Reuters) –") that we split off also takes the sentence after it."""
        i = locate(text_of[aid], start)
        if i < 0:
            return None
        s = by_article[aid]
        hit = s[(s.start <= i) & (i < s.end)]
        if not len(hit):
            return None
        sid = int(hit.sentence_id.iloc[0])
        if len(str(hit.text.iloc[0]).split()) < 6 and sid + 1 in set(s.sentence_id):
            return [sid, sid + 1]
        return [sid]

    ours: dict[tuple, list] = defaultdict(list)  # (aid, sid, frozenset pair) -> events
    for r in ev.itertuples():
        ours[(r.article_id, int(r.sentence_id), frozenset((r.source, r.target)))].append(r)
    gold_units: dict[tuple, list] = defaultdict(list)
    unlocated = 0
    for g in gold:
        sid = sentence_of(g["article_id"], g["sentence_start"])
        if sid is None:
            unlocated += 1
            continue
        g["sids"] = sid
        g["sid"] = sid[-1]
        for x in sid:
            gold_units[(g["article_id"], x, frozenset((g["source"], g["target"])))].append(g)
    clear = [g for g in gold if g["clear"] == "1"]
    found = sign_ok = directed = 0
    misses = []
    for g in clear:
        got = [r for x in g.get("sids", ()) for r in ours.get(
            (g["article_id"], x, frozenset((g["source"], g["target"]))), [])]
        if not got:
            misses.append(g)
            continue
        found += 1
        total = sum(r.score * r.weight for r in got)
        sign_ok += (total > 0) == (int(g["sign"]) > 0) and total != 0
        directed += any(r.source == g["source"] and r.target == g["target"] for r in got)
    false = [k for k in ours if k not in gold_units]
    n_clear = len(clear)
    prec = (len(ours) - len(false)) / len(ours) if ours else float("nan")
    rec = found / n_clear if n_clear else float("nan")
    # dyad signs
    gsum: dict[frozenset, list] = defaultdict(list)
    for g in clear:
        gsum[frozenset((g["source"], g["target"]))].append(int(g["sign"]))
    osum: dict[frozenset, list] = defaultdict(lambda: [0.0, 0.0])
    for r in ev.itertuples():
        p = osum[frozenset((r.source, r.target))]
        p[0] += r.score * r.weight
        p[1] += r.weight
    dyads = []
    for pair, signs in sorted(gsum.items(), key=lambda x: -len(x[1])):
        if len(signs) >= 3:
            gm = sum(signs) / len(signs)
            om = osum[pair][0] / osum[pair][1] if pair in osum and osum[pair][1] else 0.0
            dyads.append(("-".join(sorted(pair)), len(signs), gm, om,
                          (gm > 0) == (om > 0) and om != 0 and gm != 0))
    if dump:
        with open(dump, "w", encoding="utf-8") as f:
            stext = {(r.article_id, r.sentence_id): r.text for r in sents.itertuples()}
            f.write("# MISSES (clear gold rows not found)\n")
            for g in misses:
                t = stext.get((g["article_id"], g.get("sid")), "?? " + g["sentence_start"])
                f.write(f"{g['article_id']} {g['source']}->{g['target']} {g['sign']}  {t}\n")
            f.write("\n# WRONG SIGN\n")
            for g in clear:
                got = [r for x in g.get("sids", ()) for r in ours.get(
                    (g["article_id"], x, frozenset((g["source"], g["target"]))), [])]
                if got:
                    total = sum(r.score * r.weight for r in got)
                    if not ((total > 0) == (int(g["sign"]) > 0) and total != 0):
                        o = [(r.source, r.target, r.cue, r.score, getattr(r, "frame", ""))
                             for r in got]
                        f.write(f"{g['article_id']} gold {g['source']}->{g['target']} "
                                f"{g['sign']} ours {o}  "
                                f"{stext[(g['article_id'], g['sid'])]}\n")
            f.write("\n# FALSE ALARMS (our units matching no gold row)\n")
            for k in false:
                f.write(f"{k[0]} {[(r.source, r.target, r.cue, r.score) for r in ours[k]]}  "
                        f"{stext[(k[0], k[1])]}\n")
    return {"gold_clear": n_clear, "gold_unlocated": unlocated, "found": found,
            "recall": rec, "sign": sign_ok / found if found else float("nan"),
            "directed": directed / found if found else float("nan"),
            "predicted_units": len(ours), "precision": prec,
            "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
            "cue_less": float((ev["cue"] == "").mean()) if len(ev) else 0.0,
            "dyads": dyads}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=str(ROOT))
    ap.add_argument("--sets", default="A,B")
    ap.add_argument("--split", default="dev", choices=["dev", "test", "all"])
    ap.add_argument("--fallback", type=float, default=None,
                    help="weight of the polarity fallback (default: the cue file's)")
    ap.add_argument("--fallback-pairs", choices=["all", "speaker"], default=None)
    ap.add_argument("--cues", default=None, help="another cue file")
    ap.add_argument("--backend", default=None)
    ap.add_argument("--dump", default=None)
    args = ap.parse_args(argv)
    frames, gold = [], []
    for name in args.sets.split(","):
        a, g = read_set(Path(args.root) / name, args.split)
        frames.append(a)
        gold += g
    articles = pd.concat(frames, ignore_index=True)
    cues = args.cues or DEFAULT_CUES
    tmp = None
    if args.fallback is not None:
        text = Path(cues).read_text(encoding="utf-8")
        text, n = re.subn(r"(?m)^(\s*fallback:\s*)[0-9.]+", rf"\g<1>{args.fallback}", text)
        if not n:
            sys.exit("the cue file has no weights.fallback line to set")
        if args.fallback_pairs:
            text = re.sub(r"(?m)^fallback_pairs:\s*\w+", f"fallback_pairs: {args.fallback_pairs}",
                          text)
        tmp = tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False, encoding="utf-8")
        tmp.write(text)
        tmp.close()
        cues = tmp.name
    kw = {"backend": args.backend} if args.backend else {}
    ann = ka.annotate(articles, cues=cues, cache=False, n_boot=10, **kw)
    res = score(articles, gold, ann, args.dump)
    print(f"sets {args.sets}, split {args.split}: {len(articles)} articles, "
          f"{res['gold_clear']} clear gold events ({res['gold_unlocated']} gold rows not "
          f"located)")
    print(f"recall {res['recall']:.3f} ({res['found']}/{res['gold_clear']})  sign "
          f"{res['sign']:.3f}  directed {res['directed']:.3f}  precision "
          f"{res['precision']:.3f} of {res['predicted_units']} units  F1 {res['f1']:.3f}  "
          f"cue-less share {res['cue_less']:.2f}")
    ok = sum(d[4] for d in res["dyads"])
    print(f"dyad signs (>=3 clear gold events): {ok}/{len(res['dyads'])} right")
    for pair, n, gm, om, right in res["dyads"]:
        print(f"  {pair:12s} n={n:3d} gold {gm:+.2f} ours {om:+.2f} {'ok' if right else 'WRONG'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
