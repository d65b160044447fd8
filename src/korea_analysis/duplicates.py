"""Syndicated copies: the same wire story republished by several outlets, found once.

Each article becomes the set of its word 5-shingles (five consecutive words, lower-cased,
punctuation ignored, so curly and straight quotes or a changed dash do not matter). Two
articles are copies when the Jaccard similarity of their sets is at least :data:`THRESHOLD`.
Comparing every pair is out of reach at 100,000 articles, so candidates come from a MinHash
LSH index (the banding of ``datasketch.MinHashLSH``, see :func:`candidate_pairs`) and each
candidate pair is then checked exactly.

The shingles are hashed and the 64 MinHash values of every article computed with numpy over
blocks of articles at once (polynomial hashes of the words, multiply-shift permutations);
datasketch's own ``MinHash.update`` hashes each shingle in Python, about 1.6 s per thousand
articles, minutes at 100,000. The LSH buckets are found the same way, all articles at once.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

#: Jaccard similarity of the word-shingle sets at or above which two articles are copies.
THRESHOLD = 0.8
#: Words per shingle.
SHINGLE = 5
#: MinHash values per article (the LSH bands and rows are chosen by datasketch for the
#: threshold below, lower than THRESHOLD so that pairs just above it are rarely missed).
NUM_PERM = 64
LSH_THRESHOLD = 0.6
#: The bands and rows per band datasketch's ``MinHashLSH(threshold=LSH_THRESHOLD,
#: num_perm=NUM_PERM)`` chooses (the false positive and negative weights 0.5 each; checked by
#: tests/test_duplicates.py against datasketch).
BANDS, ROWS = 10, 6
#: One shingle in SAMPLE (chosen by hash) goes into the MinHash values: four times less work,
#: and a 500-word article still has about 125; copies are then confirmed on every shingle.
SAMPLE = 4
#: Bytes of text hashed in one numpy block (bounds the memory used).
BLOCK_BYTES = 4_000_000

_P = np.uint64(0x100000001B3)  # odd: invertible modulo 2**64
_P_INV = np.uint64(pow(0x100000001B3, -1, 2**64))
_MIX = np.uint64(0x9E3779B97F4A7C15)

COLUMNS = ["article_id", "duplicate_of", "similarity"]


def _empty() -> pd.DataFrame:
    return pd.DataFrame({"article_id": pd.Series(dtype=str), "duplicate_of": pd.Series(dtype=str),
                         "similarity": pd.Series(dtype=float)})


_POW: dict[int, np.ndarray] = {}


def _powers(base: np.uint64, n: int) -> np.ndarray:
    """base**0 .. base**(n-1) modulo 2**64, computed once and kept (it only grows)."""
    key = int(base)
    have = _POW.get(key)
    if have is None or len(have) < n:
        out = np.full(max(n, 2 * len(have) if have is not None else n), base, dtype=np.uint64)
        out[0] = 1
        with np.errstate(over="ignore"):
            _POW[key] = have = np.cumprod(out, dtype=np.uint64)
    return have[:n]


# bytes.translate table: A-Z -> a-z, every other ASCII byte that is not a letter or digit ->
# 0 (a separator); non-ASCII bytes are kept (part of a word, unless Unicode punctuation)
_TABLE = bytes(c + 32 if 65 <= c <= 90 else c if (97 <= c <= 122 or 48 <= c <= 57 or c >= 128)
               else 0 for c in range(256))


def shingle_hashes(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """64-bit hashes of every article's word 5-shingles: (hashes, offsets) with article i's
    hashes at ``hashes[offsets[i]:offsets[i + 1]]`` (none for an article under 5 words)."""
    data = [t.encode("utf-8") for t in texts]
    b = np.frombuffer(b"\0".join(data).translate(_TABLE), dtype=np.uint8)
    art_start = np.cumsum(np.fromiter(map(len, data), dtype=np.int64, count=len(data)) + 1)
    word = b != 0
    # Unicode punctuation separates words too: U+2000-U+206F (dashes, curly quotes, ellipsis;
    # UTF-8 E2 80/81 xx) and U+00A0-U+00BF (no-break space, guillemets; C2 A0-BF)
    lead = np.flatnonzero((b[:-2] == 0xE2) & ((b[1:-1] == 0x80) | (b[1:-1] == 0x81)))
    word[lead], word[lead + 1], word[lead + 2] = False, False, False
    lead = np.flatnonzero((b[:-1] == 0xC2) & (b[1:] >= 0xA0) & (b[1:] <= 0xBF))
    word[lead], word[lead + 1] = False, False
    start = word.copy()
    start[1:] &= ~word[:-1]
    chars = b[word]
    word_start = np.flatnonzero(start[word])  # where each word begins among kept characters
    per_article = np.diff(np.searchsorted(np.flatnonzero(start), np.r_[0, art_start]))
    art_of_word = np.repeat(np.arange(len(data)), per_article)
    n = len(chars)
    first = np.arange(max(len(word_start) - SHINGLE + 1, 0))
    first = first[art_of_word[first] == art_of_word[first + SHINGLE - 1]]
    with np.errstate(over="ignore"):
        prefix = np.empty(n + 1, dtype=np.uint64)
        prefix[0] = 0
        np.cumsum(chars * _powers(_P, n), dtype=np.uint64, out=prefix[1:])
        bounds = np.r_[word_start, n]
        lo = bounds[first]
        h = prefix[bounds[first + SHINGLE]]
        h -= prefix[lo]
        h *= _powers(_P_INV, n + 1)[lo]  # as if the shingle began at 0
        h ^= h >> np.uint64(29)
        h *= _MIX
        h ^= h >> np.uint64(32)
    counts = np.bincount(art_of_word[first], minlength=len(data))
    return h, np.r_[0, np.cumsum(counts)]


def _permutations(seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 2**63, size=NUM_PERM, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    c = rng.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64)
    return a, c


def sample(hashes: np.ndarray, offsets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The shingles whose hash is 0 modulo :data:`SAMPLE` (the same ones in every article,
    so the Jaccard similarity of the samples estimates that of the whole sets)."""
    keep = (hashes & np.uint64(SAMPLE - 1)) == 0
    counts = np.add.reduceat(keep, offsets[:-1]) if len(hashes) else np.zeros(len(offsets) - 1)
    counts = np.where(offsets[1:] > offsets[:-1], counts, 0)
    return hashes[keep], np.r_[0, np.cumsum(counts)].astype(np.int64)


def signatures(hashes: np.ndarray, offsets: np.ndarray, perms) -> np.ndarray:
    """MinHash values (n_articles × NUM_PERM, uint32); an article without shingles is all
    ones (and is not indexed)."""
    n = len(offsets) - 1
    sig = np.full((n, NUM_PERM), np.iinfo(np.uint32).max, dtype=np.uint32)
    has = offsets[1:] > offsets[:-1]
    if not has.any():
        return sig
    starts = offsets[:-1][has]
    a, c = perms
    with np.errstate(over="ignore"):
        for j in range(NUM_PERM):
            v = ((hashes * a[j] + c[j]) >> np.uint64(32)).astype(np.uint32)
            sig[has, j] = np.minimum.reduceat(v, starts)
    return sig


def _blocks(texts: list[str]):
    start, size = 0, 0
    for i, t in enumerate(texts):
        size += len(t)
        if size >= BLOCK_BYTES:
            yield start, i + 1
            start, size = i + 1, 0
    if start < len(texts):
        yield start, len(texts)


def _signatures_of(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    perms = _permutations()
    sig = np.empty((len(texts), NUM_PERM), dtype=np.uint32)
    has = np.zeros(len(texts), dtype=bool)
    for lo, hi in _blocks(texts):
        h, off = sample(*shingle_hashes(texts[lo:hi]))
        sig[lo:hi] = signatures(h, off, perms)
        has[lo:hi] = off[1:] > off[:-1]
    return sig, has


def candidate_pairs(sig: np.ndarray, has: np.ndarray, min_similarity: float = 0.0
                    ) -> np.ndarray:
    """Pairs (i < j) that share a bucket of the LSH index in some band and whose estimated
    similarity is at least ``min_similarity`` (filtered as they are found, so a corpus of
    near-alike articles does not pile up millions of pairs).

    The index is datasketch's ``MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)``
    banding, done with numpy: :data:`BANDS` bands of :data:`ROWS` values, two articles
    sharing a bucket of a band when their values in that band are all equal (datasketch's
    bucket key is the bytes of those values). Sorting the band's rows finds the buckets of
    every article at once, where inserting each article into datasketch's index is a Python
    call, and importing datasketch imports scipy (0.4 s of every run) for the integral that
    chose BANDS and ROWS. The tests check both against datasketch itself.
    """
    idx = np.flatnonzero(has)
    kept: list[np.ndarray] = []
    for band in range(BANDS):
        values = sig[idx, band * ROWS:(band + 1) * ROWS]
        order = np.lexsort(values.T[::-1])  # stable: a bucket's members stay in index order
        values = values[order]
        new = np.ones(len(order), dtype=bool)
        new[1:] = (values[1:] != values[:-1]).any(axis=1)
        bucket = np.cumsum(new)
        sizes = np.bincount(bucket)
        shared = sizes[bucket] > 1
        if not shared.any():
            continue
        members, bucket = idx[order[shared]], bucket[shared]
        for d in range(1, int(sizes.max())):  # the k-th and (k+d)-th member of one bucket
            same = bucket[:-d] == bucket[d:]
            if not same.any():
                break
            pairs = np.stack([members[:-d][same], members[d:][same]], axis=1)
            for lo in range(0, len(pairs), 500_000):
                chunk = pairs[lo:lo + 500_000]
                kept.append(chunk[estimated_similarity(sig, chunk) >= min_similarity])
    if not kept:
        return np.empty((0, 2), dtype=np.int64)
    return np.unique(np.concatenate(kept), axis=0)


def estimated_similarity(sig: np.ndarray, pairs: np.ndarray, block: int = 100_000
                         ) -> np.ndarray:
    """The share of equal MinHash values of each pair (an estimate of their Jaccard)."""
    out = np.empty(len(pairs))
    for lo in range(0, len(pairs), block):
        p = pairs[lo:lo + block]
        out[lo:lo + block] = (sig[p[:, 0]] == sig[p[:, 1]]).mean(axis=1)
    return out


def _jaccard(texts: list[str], pairs: np.ndarray) -> np.ndarray:
    """Exact Jaccard similarity of the shingle sets of each pair."""
    involved = np.unique(pairs)
    sets = {}
    for lo in range(0, len(involved), 2000):
        ids = involved[lo:lo + 2000]
        h, off = shingle_hashes([texts[i] for i in ids])
        for k, i in enumerate(ids.tolist()):
            sets[i] = np.unique(h[off[k]:off[k + 1]])
    # the pairs of one article at once: its partners' shingles looked up in its sorted set
    out = np.empty(len(pairs))
    order = np.argsort(pairs[:, 0], kind="stable")
    firsts, starts = np.unique(pairs[order, 0], return_index=True)
    bounds = np.r_[starts, len(pairs)].tolist()
    for k, i in enumerate(firsts.tolist()):
        rows = order[bounds[k]:bounds[k + 1]]
        a = sets[i]  # never empty: an article without shingles is in no pair
        others = [sets[j] for j in pairs[rows, 1].tolist()]
        sizes = np.fromiter(map(len, others), dtype=np.int64, count=len(others))
        values = np.concatenate(others)
        pos = np.searchsorted(a, values)
        pos[pos == len(a)] = 0
        inter = np.add.reduceat(a[pos] == values, np.r_[0, np.cumsum(sizes)[:-1]])
        out[rows] = inter / (len(a) + sizes - inter)
    return out


def find_duplicates(articles: pd.DataFrame, threshold: float = THRESHOLD) -> pd.DataFrame:
    """One row per later copy: ``article_id``, ``duplicate_of`` (the first article of its
    group, in corpus order) and ``similarity`` (its highest Jaccard similarity to another
    article of the group). Groups join every pair of copies (a copy of a copy is in the group).
    Identical texts are copies whatever their length; otherwise articles under five words
    are never copies.
    """
    texts = articles["text"].tolist()
    if len(texts) < 2:
        return _empty()
    # identical texts first (the commonest syndication): similarity 1, no hashing needed
    seen: dict[str, int] = {}
    same = [seen.setdefault(t, k) for k, t in enumerate(texts)]
    unique = [k for k, f in enumerate(same) if f == k]
    links = [(f, k, 1.0) for k, f in enumerate(same) if f != k]

    utexts = [texts[k] for k in unique]
    sig, has = _signatures_of(utexts)
    # estimated similarity from the signatures first; the exact one only near the threshold
    pairs = candidate_pairs(sig, has, threshold - 0.2)
    if len(pairs):
        sim = _jaccard(utexts, pairs)
        keep = sim >= threshold
        links += [(int(unique[i]), int(unique[j]), float(s)) for (i, j), s in
                  zip(pairs[keep].tolist(), sim[keep].tolist(), strict=True)]
    if not links:
        return _empty()
    parent = list(range(len(texts)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    best: dict[int, float] = {}
    for i, j, s in links:
        ri, rj = root(i), root(j)
        if ri != rj:  # the earlier article stays the root: a group's root is its first
            parent[max(ri, rj)] = min(ri, rj)
        best[i] = max(best.get(i, 0.0), s)
        best[j] = max(best.get(j, 0.0), s)
    ids = articles["article_id"].tolist()
    rows = [(ids[k], ids[root(k)], round(best[k], 4)) for k in sorted(best) if root(k) != k]
    return pd.DataFrame(rows, columns=COLUMNS).astype({"similarity": float})
