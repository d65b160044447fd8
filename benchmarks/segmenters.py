"""Compare sentence segmenters (syntok, pysbd) on the bundled articles: correctness and speed.

    .venv/bin/pip install pysbd   # optional: only this script uses it
    .venv/bin/python benchmarks/segmenters.py
    .venv/bin/python benchmarks/segmenters.py --check-fast ../shared/datasets/polnear/*/text/*.txt

Correctness: boundaries within each paragraph against the hand-checked sentences of the
bundled articles (tests/test_text.py checks the same list) plus the hard cases below.
Speed: words/second on the bundled articles repeated to about 200,000 words.
"""
import sys
import time
from pathlib import Path

from korea_analysis import load_corpus
from korea_analysis.corpus import DEFAULT_CORPUS
from korea_analysis.text import classify_paragraphs, sentences

HARD_CASES = [
    ("The U.S. envoy met Sen. Kim in Baltimore, Md., on Dec. 3. Gen. Paul LaCamera said the "
     "drills will go on. Then he left.", 3),
    ("“We will respond. We are ready,” the ministry said. Officials agreed.", 3),
    ("North Korea fired two missiles on Jan. 5, according to the JCS. It was the first.", 2),
    ("Talks were held in Washington, D.C. last week. Nothing came of it.", 2),
    ("The U.S. said so. The Republic of Korea agreed.", 2),
]


def syntok_spans(text):
    import syntok.segmenter as seg

    return [sent[0].offset for para in seg.analyze(text) for sent in para]


def pysbd_spans(text):
    import pysbd

    seg = pysbd_spans.seg = getattr(pysbd_spans, "seg", None) or pysbd.Segmenter(
        language="en", clean=False, char_span=True)
    return [s.start for s in seg.segment(text)]


def starts_gold(text):
    """Hand-checked starts, less the body start after a dateline (split by our own rule)."""
    ss = sentences(text)
    return {s.start for i, s in enumerate(ss) if not (i and ss[i - 1].kind == "dateline")}


def score(fn, texts):
    tp = fp = fn_ = 0
    for t in texts:
        gold = starts_gold(t)
        got = set()
        for p in classify_paragraphs(t):
            chunk = t[p.start:p.end]
            for off in fn(chunk):
                k = p.start + off
                while k < p.end and t[k].isspace():
                    k += 1
                got.add(k)
        tp += len(got & gold)
        fp += len(got - gold)
        fn_ += len(gold - got)
    hard = sum(len(fn(t)) == n for t, n in HARD_CASES)
    return tp, fp, fn_, hard


def speed(fn, texts, target=200_000):
    words = sum(len(t.split()) for t in texts)
    reps = max(1, target // words)
    big = texts * reps
    t0 = time.perf_counter()
    for t in big:
        fn(t)
    return reps * words / (time.perf_counter() - t0)


def check_fast(paths) -> int:
    """The fast path for plain paragraphs must give exactly syntok's sentences."""
    from korea_analysis.text import _plain_starts, paragraph_spans, split_sentences

    n = plain = differ = 0
    for path in paths:
        t = Path(path).read_text(encoding="utf-8")
        for a, b in paragraph_spans(t):
            n += 1
            plain += _plain_starts(t[a:b]) is not None
            if split_sentences(t, a, b, fast=True) != split_sentences(t, a, b, fast=False):
                differ += 1
                print("differs:", t[a:b][:120].replace("\n", " "))
    print(f"fast path: {plain:,} of {n:,} paragraphs plain, {differ} differ from syntok")
    return differ


def main():
    if "--check-fast" in sys.argv:  # e.g. --check-fast ../shared/datasets/polnear/*/text/*.txt
        files = [a for a in sys.argv[1:] if a != "--check-fast"]
        files += [str(p) for p in sorted(DEFAULT_CORPUS.glob("*.txt"))]
        sys.exit(1 if check_fast(files) else 0)
    texts = list(load_corpus().text)
    for name, fn in [("syntok", syntok_spans), ("pysbd", pysbd_spans)]:
        try:
            tp, fp, fn_, hard = score(fn, texts)
        except ImportError:
            print(f"{name}: not installed")
            continue
        p, r = tp / max(tp + fp, 1), tp / max(tp + fn_, 1)
        print(f"{name:7s} boundaries P={p:.3f} R={r:.3f} (fp={fp}, fn={fn_}); hard cases "
              f"{hard}/{len(HARD_CASES)}; {speed(fn, texts):,.0f} words/s")


if __name__ == "__main__":
    main()
