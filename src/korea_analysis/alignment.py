"""Place actors on a DPRK-Russia-China vs ROK-US-Japan axis using only what the text says.

Input is the ``events`` table (one row per scored sentence in which ``source`` acts toward
``target``; ``score`` in [-1, 1], negative = conflict). Expected bloc labels may colour a chart
or be compared with the result (:func:`bloc_agreement`), but never enter a position.

Method, and why
---------------
1. **Dyads.** Each unordered pair gets its mean event score (weighted by the events'
   ``weight``: a bare noun or the polarity fallback counts less than a verb cue), a 95%
   percentile bootstrap interval that resamples *articles* (sentences of one article are not
   independent), and the counts analysts of event data read: cooperative and conflictual
   events by CAMEO quad class, the conflict share, and a sign decided by their balance
   (see :func:`dyads`).
2. **Affinity relative to the coverage's baseline.** News reports meetings, talks and visits
   between almost everyone, each a mild positive, so raw scores are mostly positive and the
   leading eigenvector of such a matrix measures "how much an actor is reported", not the
   split between blocs. What separates blocs is which pairs get *more* or *less* cooperation
   than the typical pair. So each pair's mean is taken relative to the **mean of the pair
   means** of the group being placed (the coverage's typical dyad), then shrunk by evidence:
   ``w_ij = (mean_ij - baseline) * m_ij / (m_ij + k)`` (``m`` the pair's weight of evidence,
   default ``k = 2``: one event counts a third, ten count 5/6). Adding the same amount to
   every score moves every pair mean and the baseline alike, so ``w`` -- and every position
   -- is unchanged (tested). Each *pair* counts once in the baseline, so a few heavily
   reported pairs (or one loud war far from the peninsula) cannot decide what "typical"
   means, and no pair weighs more than a mean score can (|mean| <= 1). The median was tried
   and rejected: on small corpora several pairs sit exactly at it and drop to 0, leaving
   their actors unplaced. Unseen pairs stay at 0, i.e. "typical". This was chosen over a
   signed embedding of the double-centred matrix, which is shift-invariant only when every
   pair is seen (news leaves most pairs unseen). ``centre="median"`` and ``"none"``
   (uncentred) are kept for comparison.
   Actors with fewer than ``min_events`` events are left out; the axis is computed on the
   largest connected group of the rest (a separate group has no relation to it, so its
   side would be arbitrary) and needs at least three actors (with two, the "axis" is just the
   sign of one dyad score, which :func:`dyads` already reports).
3. **1-D axis: leading eigenvector of the signed affinity matrix ``W``.** It maximises
   ``sum_ij w_ij x_i x_j`` over unit vectors: cooperating pairs on the same side, conflicting
   pairs on opposite sides, each pair counted by its evidence. When the relations are
   structurally balanced (friends of friends are friends, enemies of friends are enemies),
   ``W`` is a sign-switched non-negative matrix, so by Perron-Frobenius the eigenvector's
   signs are exactly the two blocs; when they are not, it is the best relaxed compromise.
   Magnitudes grow with how much evidence ties an actor into the structure, so an actor seen
   in one weak relation sits near 0 rather than at an extreme. This is chosen over the
   signed Laplacian, whose smallest eigenvector puts every actor of a balanced graph at
   exactly +-1 whatever its evidence. Caveat: the most reported actors also get the largest
   magnitudes; read the magnitude as "how strongly the text aligns it", not ideology.
4. **2-D map: classical MDS** with ``d_ij^2 = 2 (1 - w_ij)`` (``w_ii = 1``; unseen pairs
   ``w = 0``): the chord distance if ``w`` were a cosine, so MDS reduces to the eigenvectors of
   the double-centred ``W`` and its first axis agrees with the 1-D axis.
5. **Orientation and scale.** The eigenvector's sign is arbitrary, so it is flipped to put
   ``orient`` (default USA) on the positive side; if that actor has no position, the actor
   with the largest magnitude is made positive (recorded in ``attrs["oriented_by"]``).
   Positions are divided by their maximum magnitude, into [-1, 1].
6. **Uncertainty.** Articles are resampled with replacement; each resample is recomputed,
   its sign aligned to the full-data axis (so mere flips don't widen intervals) and its
   length matched to the full-data positions of the actors both share (an eigenvector is only
   defined up to scale, and a resample missing some actors would otherwise inflate the rest);
   the 2.5 and 97.5 percentiles are then taken over the resamples where the actor has a
   position. Intervals may therefore reach slightly beyond [-1, 1]. An actor whose interval
   spans 0 is *unclear* (``clear`` is false): the text does not settle its side.
7. **Periods.** :func:`positions_by_period` repeats all of this per year (or quarter, month)
   of publication, each period with its own baseline and bootstrap.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources

import numpy as np
import pandas as pd

#: Where the bundled UNGA ideal points come from (also in the CSV's ``source`` column).
UNGA_CITATION = (
    "Bailey, M. A., Strezhnev, A., & Voeten, E. (2017). Estimating Dynamic State Preferences "
    "from United Nations Voting Data. Journal of Conflict Resolution, 61(2), 430-456. "
    "doi:10.1177/0022002715595700. Data: Voeten, UN General Assembly Voting Data, Harvard "
    "Dataverse, doi:10.7910/DVN/LEJUQZ (IdealPointAll)."
)
UNGA_FILE = "unga_ideal_points.csv"

#: Side of the axis each expected bloc should fall on (labels compared case- and
#: punctuation-insensitively, see :func:`bloc_agreement`).
EXPECTED_SIDE = {"ROK-US-Japan": 1, "DPRK-Russia-China": -1}

DYAD_COLUMNS = ["actor_a", "actor_b", "n_events", "n_articles", "score", "score_low",
                "score_high", "n_coop", "n_conflict", "conflict_share", "balance",
                "balance_low", "balance_high", "sign"]
POSITION_COLUMNS = ["actor", "position", "position_low", "position_high", "x", "y",
                    "n_events", "n_articles", "enough", "clear"]
REQUIRED = ["article_id", "source", "target", "score"]
#: CAMEO quad classes (as GDELT's QuadClass 1-4, by number or by the name events.py writes).
COOPERATION = {"1", "2", "verbal cooperation", "material cooperation"}
CONFLICT = {"3", "4", "verbal conflict", "material conflict"}
#: Fewest actors for which a 1-D axis says more than one dyad score.
MIN_ACTORS = 3
_EPS = 1e-12


# --------------------------------------------------------------------------- preparation
def event_class(events: pd.DataFrame) -> np.ndarray:
    """+1 cooperative, -1 conflictual, 0 neither, per event row.

    The CAMEO quad class of the cue decides (1-2 cooperation, 3-4 conflict, as GDELT's
    QuadClass); when the score's sign contradicts it (a negated or reversed cue: "did not
    condemn", "scrapped the agreement") the score's sign wins, and an event without a quad
    class (the polarity fallback) counts by its score's sign; a score of exactly 0 with no
    class counts on neither side.
    """
    score = pd.to_numeric(events["score"], errors="coerce").to_numpy(float)
    sign = np.sign(np.nan_to_num(score))
    if "quad_class" not in events.columns:
        return sign
    quad = events["quad_class"].astype("string").str.strip().str.casefold().fillna("")
    quad_sign = np.where(quad.isin(COOPERATION), 1.0, np.where(quad.isin(CONFLICT), -1.0, 0.0))
    return np.where((sign != 0) & (sign != quad_sign), sign, quad_sign)


def event_weight(events: pd.DataFrame) -> np.ndarray:
    """The events' ``weight`` column (how much each counts; missing, or no column: 1.0)."""
    if "weight" not in events.columns:
        return np.ones(len(events))
    w = pd.to_numeric(events["weight"], errors="coerce").fillna(1.0).to_numpy(float)
    if (w < 0).any():
        raise ValueError(f"events has negative weight(s): {sorted(set(w[w < 0]))[:5]}")
    return w


#: Numbers held per block while resampling (32 MB), so memory stays bounded at any size.
BLOCK = 4_000_000
_QUANTITIES = ("sums", "mass", "counts", "coop", "conflict")


class _Evidence:
    """Events reduced to per-article, per-pair sums, kept sparse (only the (article, pair)
    cells that hold an event), so resamples cost one pass over those cells.

    Per (article, pair): ``sums`` = sum of weight x score, ``mass`` = sum of weights (a mean
    score is sums / mass), ``counts`` = events, ``coop`` / ``conflict`` = weights of the
    cooperative / conflictual events (:func:`event_class`). :meth:`total` sums a quantity
    over articles, :meth:`resampled` over each resample's drawn articles.
    """

    def __init__(self, events: pd.DataFrame, extra_actors: Iterable[str] = ()):
        missing = [c for c in REQUIRED if c not in events.columns]
        if missing:
            raise ValueError(f"events lacks column(s) {missing}; has {list(events.columns)}")
        cols = REQUIRED + [c for c in ("quad_class", "weight") if c in events.columns]
        ev = events[cols].copy()
        ev = ev.dropna(subset=["source", "target"])
        ev["source"] = ev["source"].astype(str)
        ev["target"] = ev["target"].astype(str)
        self.actors = sorted(set(ev["source"].unique()) | set(ev["target"].unique())
                             | {str(a) for a in extra_actors})
        ev["score"] = pd.to_numeric(ev["score"], errors="coerce").clip(-1.0, 1.0)
        # Self-directed and unscored rows say nothing about a relation between two actors.
        ev = ev[(ev["source"] != ev["target"]) & ev["score"].notna()]
        # Codes, not strings, from here (vectorised: a large corpus has millions of events).
        actors = np.array(self.actors, dtype=object)
        src = np.searchsorted(actors, ev["source"].to_numpy(dtype=object))
        tgt = np.searchsorted(actors, ev["target"].to_numpy(dtype=object))
        ia, ib = np.minimum(src, tgt), np.maximum(src, tgt)  # actor_a < actor_b
        article_ids = ev["article_id"].astype(str).to_numpy(dtype=object)
        self.articles = sorted(pd.unique(article_ids))
        pair_key = ia * len(actors) + ib
        keys = np.unique(pair_key)  # sorted by (actor_a, actor_b)
        self.pair_a, self.pair_b = keys // len(actors), keys % len(actors)
        self.pairs = [(self.actors[x], self.actors[y])
                      for x, y in zip(self.pair_a, self.pair_b, strict=True)]
        rows = pd.Index(self.articles).get_indexer(article_ids)
        cols_ = np.searchsorted(keys, pair_key)
        weight = event_weight(ev)
        kind = event_class(ev)
        # one cell per (pair, article) holding events, sorted by pair then article
        cell_key = cols_.astype(np.int64) * max(len(self.articles), 1) + rows
        cells, cell_of = np.unique(cell_key, return_inverse=True)
        self.cell_pair = (cells // max(len(self.articles), 1)).astype(np.int64)
        self.cell_article = (cells % max(len(self.articles), 1)).astype(np.int64)
        per_event = {"sums": weight * ev["score"].to_numpy(dtype=float), "mass": weight,
                     "counts": np.ones(len(ev)), "coop": np.where(kind > 0, weight, 0.0),
                     "conflict": np.where(kind < 0, weight, 0.0)}
        self.cell = {name: np.bincount(cell_of, weights=v, minlength=len(cells))
                     for name, v in per_event.items()}
        n_pairs = len(self.pairs)
        self.n_coop = np.bincount(cols_[kind > 0], minlength=n_pairs)
        self.n_conflict = np.bincount(cols_[kind < 0], minlength=n_pairs)
        self.n_articles = np.bincount(self.cell_pair, minlength=n_pairs)
        self._weights: dict[tuple[int, int], np.ndarray] = {}

    def total(self, name: str) -> np.ndarray:
        """A quantity summed over every article, per pair."""
        return np.bincount(self.cell_pair, weights=self.cell[name], minlength=len(self.pairs))

    def resampled(self, w: np.ndarray, names: Sequence[str] = _QUANTITIES
                  ) -> dict[str, np.ndarray]:
        """Each quantity per resample and pair (resamples x pairs) for article weights ``w``
        (resamples x articles), in blocks of cells so memory stays bounded."""
        n_b, n_pairs = len(w), len(self.pairs)
        out = {name: np.zeros((n_b, n_pairs)) for name in names}
        n_cells = len(self.cell_pair)
        if n_b == 0 or n_cells == 0:
            return out
        step = max(1, BLOCK // n_b)
        for c0 in range(0, n_cells, step):
            c1 = min(c0 + step, n_cells)
            pair = self.cell_pair[c0:c1]
            starts = np.flatnonzero(np.r_[True, pair[1:] != pair[:-1]])
            drawn = w[:, self.cell_article[c0:c1]]  # resamples x cells of this block
            for name in names:
                out[name][:, pair[starts]] += np.add.reduceat(
                    drawn * self.cell[name][c0:c1], starts, axis=1)
        return out

    def weights(self, n_boot: int, seed: int) -> np.ndarray:
        """How often each article is drawn in each resample (rows: resamples); drawn once
        per evidence, so the dyads and the positions see the same resamples."""
        n_art = len(self.articles)
        if n_boot <= 0 or n_art == 0:
            return np.zeros((0, n_art))
        if (n_boot, seed) not in self._weights:
            rng = np.random.default_rng(seed)
            self._weights[(n_boot, seed)] = rng.multinomial(
                n_art, np.full(n_art, 1.0 / n_art), size=n_boot).astype(float)
        return self._weights[(n_boot, seed)]

    def actor_counts(self, pair_n: np.ndarray) -> np.ndarray:
        """Events per actor (as source or target) from events per pair."""
        out = np.zeros(len(self.actors))
        np.add.at(out, self.pair_a, pair_n)
        np.add.at(out, self.pair_b, pair_n)
        return out


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """num / den with NaN where den is 0 (a pair absent from a resample)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1.0), np.nan)


def _interval(draws: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """2.5/97.5 percentiles per column, ignoring NaN; NaN where a column has no value.

    The same numbers as ``np.nanpercentile`` (linear interpolation), computed for all columns
    at once from one sort: nanpercentile goes column by column, slow for thousands of pairs.
    """
    if draws.shape[0] == 0 or draws.shape[1] == 0:
        nan = np.full(draws.shape[1], np.nan)
        return nan, nan.copy()
    ordered = np.sort(draws, axis=0)  # NaN sort last
    m = np.isfinite(draws).sum(axis=0)
    cols = np.arange(draws.shape[1])
    out = []
    for q in (0.025, 0.975):
        pos = (np.maximum(m, 1) - 1) * q
        lo = np.floor(pos).astype(int)
        hi = np.minimum(lo + 1, np.maximum(m - 1, 0))
        frac = pos - lo
        a, b = ordered[lo, cols], ordered[hi, cols]
        value = a + (b - a) * frac
        out.append(np.where(m > 0, value, np.nan))
    return out[0], out[1]


# --------------------------------------------------------------------------- dyads
def evidence(events: pd.DataFrame) -> _Evidence:
    """Events reduced once for :func:`dyads` and :func:`positions` (pass as ``evidence=``)."""
    return _Evidence(events)


def dyads(events: pd.DataFrame | None = None, *, n_boot: int = 200, seed: int = 0,
          evidence: _Evidence | None = None) -> pd.DataFrame:
    """One row per unordered pair (``actor_a`` < ``actor_b``): how much the two cooperate or
    clash, in the figures analysts of event data use, each with the evidence behind it.

    Columns:

    - ``n_events``, ``n_articles``; ``score`` (mean event score, weighted by the events'
      ``weight``, -1 conflict ... +1 cooperation) with ``score_low`` / ``score_high``, a 95%
      bootstrap interval over *articles* (sentences of one article are not independent);
    - ``n_coop``, ``n_conflict``: cooperative and conflictual events, by CAMEO quad class as
      GDELT counts them (1-2 cooperation, 3-4 conflict; see :func:`event_class` for negated
      cues and events without a cue); ``conflict_share``: the conflictual share of their
      weight;
    - ``balance`` = (cooperation - conflict) / (cooperation + conflict), in weights, with
      ``balance_low`` / ``balance_high``; ``sign`` (+1, -1, or 0 for a tie): the sign of the
      balance. **The sign is decided by the balance, not by the mean score**: a pair reported
      in forty mild meetings (+0.1 to +0.25 each) and five threats is mostly cooperative by
      count, but a pair in ten meetings and ten threats is a tie (0), whatever the Goldstein
      values add up to; this is the sign of the sum of +-1 per event that hand-coded gold
      uses. Weak evidence (a bare "summit" with no verb, the polarity fallback) counts its
      ``weight`` (< 1) rather than a whole event.

    Events with a missing ``weight`` count 1.0. Rows with a missing actor or score, or with
    ``source == target``, are ignored. An empty table is returned (not an error) when no
    pair is left.
    """
    evd = evidence if evidence is not None else _Evidence(events)
    if not evd.pairs:
        return pd.DataFrame({c: pd.Series(dtype=_dyad_dtype(c)) for c in DYAD_COLUMNS})
    n = evd.total("counts")
    score = _ratio(evd.total("sums"), evd.total("mass"))
    coop, conflict = evd.total("coop"), evd.total("conflict")
    b = evd.resampled(evd.weights(n_boot, seed), ("sums", "mass", "coop", "conflict"))
    low, high = _interval(_ratio(b["sums"], b["mass"]))
    b_coop, b_conflict = b["coop"], b["conflict"]
    b_low, b_high = _interval(_ratio(b_coop - b_conflict, b_coop + b_conflict))
    balance = _ratio(coop - conflict, coop + conflict)
    return pd.DataFrame({
        "actor_a": [p[0] for p in evd.pairs],
        "actor_b": [p[1] for p in evd.pairs],
        "n_events": n.astype(int),
        "n_articles": evd.n_articles.astype(int),
        "score": score,
        "score_low": low,
        "score_high": high,
        "n_coop": evd.n_coop.astype(int),
        "n_conflict": evd.n_conflict.astype(int),
        "conflict_share": _ratio(conflict, coop + conflict),
        "balance": balance,
        "balance_low": b_low,
        "balance_high": b_high,
        "sign": np.sign(np.nan_to_num(np.round(coop - conflict, 12))).astype(int),
    })


def _dyad_dtype(column: str) -> str:
    return "object" if column.startswith("actor") else (
        "int64" if column.startswith("n_") or column == "sign" else "float64")


# --------------------------------------------------------------------------- positions
def _main_group(evd: _Evidence, pair_n: np.ndarray, keep: np.ndarray,
                pair_mass: np.ndarray) -> np.ndarray:
    """Indices of the largest connected group of kept actors (ties: more evidence, then
    alphabetical), linked by pairs seen at least once."""
    k = len(evd.actors)
    adj = np.zeros((k, k), dtype=bool)
    mass = np.zeros((k, k))
    seen = (pair_n > 0) & keep[evd.pair_a] & keep[evd.pair_b]
    adj[evd.pair_a[seen], evd.pair_b[seen]] = True
    adj[evd.pair_b[seen], evd.pair_a[seen]] = True
    mass[evd.pair_a[seen], evd.pair_b[seen]] = pair_mass[seen]
    label = np.full(k, -1)
    groups: list[np.ndarray] = []
    for start in range(k):
        if not keep[start] or label[start] >= 0 or not adj[start].any():
            continue
        stack, members = [start], []
        label[start] = len(groups)
        while stack:
            i = stack.pop()
            members.append(i)
            for j in np.flatnonzero(adj[i] & (label < 0)):
                label[j] = len(groups)
                stack.append(j)
        groups.append(np.array(sorted(members)))
    if not groups:
        return np.array([], dtype=int)
    return max(groups, key=lambda g: (len(g), mass[np.ix_(g, g)].sum(), -g[0]))


CENTRES = ("mean", "median", "none")


def baseline_of(means: np.ndarray, centre: str) -> float:
    """The coverage's typical dyad: the mean (``"mean"``) or median (``"median"``) of the
    pairs' mean scores, each pair counted once; 0 for ``"none"``."""
    if centre not in CENTRES:
        raise ValueError(f"centre must be one of {CENTRES}, got {centre!r}")
    if centre == "none" or len(means) == 0:
        return 0.0
    return float(np.median(means) if centre == "median" else np.mean(means))


def _axis(evd: _Evidence, pair_sum: np.ndarray, pair_mass: np.ndarray, pair_n: np.ndarray,
          min_events: int, shrinkage: float, centre: str
          ) -> tuple[np.ndarray, np.ndarray, float, float]:
    """Unit leading eigenvector over the main group (NaN elsewhere), the affinity matrix, the
    relative eigengap (how well the axis is determined) and the baseline subtracted."""
    k = len(evd.actors)
    vec = np.full(k, np.nan)
    mat = np.zeros((k, k))
    keep = evd.actor_counts(pair_n) >= min_events
    group = _main_group(evd, pair_n, keep, pair_mass)
    if len(group) < MIN_ACTORS:
        return vec, mat, np.nan, np.nan
    inside = np.zeros(k, dtype=bool)
    inside[group] = True
    seen = (pair_n > 0) & (pair_mass > 0) & inside[evd.pair_a] & inside[evd.pair_b]
    mean = _ratio(pair_sum, pair_mass)
    base = baseline_of(mean[seen], centre)
    w = (mean - base) * pair_mass / (pair_mass + shrinkage)
    mat[evd.pair_a[seen], evd.pair_b[seen]] = w[seen]
    mat[evd.pair_b[seen], evd.pair_a[seen]] = w[seen]
    vals, vecs = np.linalg.eigh(mat[np.ix_(group, group)])
    if vals[-1] <= _EPS:  # every relation at the baseline: no axis
        return vec, mat, np.nan, base
    vec[group] = vecs[:, -1]
    return vec, mat, float((vals[-1] - vals[-2]) / vals[-1]), base


def _mds(mat: np.ndarray, idx: np.ndarray) -> np.ndarray:
    """Classical MDS (2-D) of d^2 = 2(1 - w) with unit self-affinity, i.e. of J W J."""
    out = np.full((len(mat), 2), np.nan)
    if len(idx) < MIN_ACTORS:
        return out
    sub = mat[np.ix_(idx, idx)] + np.eye(len(idx))
    cen = np.eye(len(idx)) - 1.0 / len(idx)
    vals, vecs = np.linalg.eigh(cen @ sub @ cen)
    top = np.argsort(vals)[::-1][:2]
    out[idx] = vecs[:, top] * np.sqrt(np.clip(vals[top], 0.0, None))
    return out


def _actor_articles(evd: _Evidence) -> np.ndarray:
    """Articles in which each actor takes part in an event."""
    seen = np.zeros((len(evd.articles), len(evd.actors)), dtype=bool)
    seen[evd.cell_article, evd.pair_a[evd.cell_pair]] = True
    seen[evd.cell_article, evd.pair_b[evd.cell_pair]] = True
    return seen.sum(axis=0)


def _largest_positive(values: np.ndarray) -> float:
    """Sign (+1/-1) making the largest-magnitude value positive; ties: first (alphabetical)."""
    finite = np.flatnonzero(np.isfinite(values) & (np.abs(values) > _EPS))
    if len(finite) == 0:
        return 1.0
    best = max(finite, key=lambda i: (round(abs(values[i]), 12), -i))
    return float(np.sign(values[best]))


def positions(events: pd.DataFrame | None = None, *, min_events: int = 2,
              orient: str | Sequence[str] | None = "USA", n_boot: int = 200, seed: int = 0,
              shrinkage: float = 2.0, centre: str = "mean", actors: Iterable[str] = (),
              evidence: _Evidence | None = None) -> pd.DataFrame:
    """Where the text places each actor on the bloc axis (1-D) and on a 2-D map.

    Columns: ``actor``, ``position`` (in [-1, 1]; ``orient`` positive), ``position_low`` /
    ``position_high`` (95% bootstrap over articles), ``x``, ``y`` (MDS map, jointly scaled into
    [-1, 1], ``x`` aligned with ``position``), ``n_events``, ``n_articles`` (articles the actor's
    events come from; with fewer than two there is no interval), ``enough`` (at least
    ``min_events`` events *and* a position) and ``clear`` (placed, and the interval does not
    span the middle: the side is clear). Actors without enough evidence are listed with NaN,
    not dropped, so a chart can say so; ``actors`` adds names to list even if unseen.
    ``orient`` may be a sequence, tried in order. ``centre``: ``"mean"`` (affinities
    relative to the typical dyad, the default), ``"median"`` or ``"none"``. ``attrs`` records
    ``oriented_by``, ``eigengap`` (relative gap under the leading eigenvalue; near 0 = axis
    poorly determined), ``baseline`` (the typical dyad's score subtracted), ``n_boot`` and
    ``n_articles``. See the module docstring for the method.
    """
    if shrinkage < 0 or min_events < 1:
        raise ValueError(f"need shrinkage >= 0 and min_events >= 1, got {shrinkage}, {min_events}")
    evd = evidence if evidence is not None and not actors else _Evidence(events, actors)
    k = len(evd.actors)
    pair_sum, pair_mass, pair_n = evd.total("sums"), evd.total("mass"), evd.total("counts")
    n_events = evd.actor_counts(pair_n).astype(int)
    vec, mat, gap, base = _axis(evd, pair_sum, pair_mass, pair_n, min_events, shrinkage,
                                centre)
    defined = np.isfinite(vec)

    sign, oriented_by = 1.0, None
    for name in [orient] if isinstance(orient, str) else list(orient or []):
        i = evd.actors.index(name) if name in evd.actors else -1
        if i >= 0 and defined[i] and abs(vec[i]) > _EPS:
            sign, oriented_by = float(np.sign(vec[i])), name
            break
    else:
        sign = _largest_positive(vec)
    vec = vec * sign
    scale = np.nanmax(np.abs(vec)) if defined.any() else np.nan
    pos = vec / scale if defined.any() else vec

    xy = _mds(mat, np.flatnonzero(defined))
    if defined.any():
        if np.nansum(xy[:, 0] * pos) < 0:
            xy[:, 0] *= -1
        xy[:, 1] *= _largest_positive(xy[:, 1])
        xy_scale = np.nanmax(np.abs(xy))
        if xy_scale > _EPS:
            xy = xy / xy_scale

    draws = np.full((max(n_boot, 0), k), np.nan)
    if defined.any():
        w = evd.weights(n_boot, seed)
        r = evd.resampled(w, ("sums", "mass", "counts"))
        for b, (b_sum, b_mass, b_n) in enumerate(zip(r["sums"], r["mass"], r["counts"],
                                                     strict=True)):
            bvec = _axis(evd, b_sum, b_mass, b_n, min_events, shrinkage, centre)[0]
            common = np.isfinite(bvec) & defined
            dot = float(np.dot(bvec[common], pos[common]))
            if abs(dot) > _EPS:  # no shared actor (or orthogonal): cannot be aligned
                size = np.linalg.norm(pos[common]) / np.linalg.norm(bvec[common])
                draws[b] = bvec * np.sign(dot) * size
    low, high = _interval(draws)
    # An actor seen in one article has no interval (resampling one article tells nothing).
    n_articles = _actor_articles(evd)
    has_interval = defined & (n_articles >= 2)
    low, high = np.where(has_interval, low, np.nan), np.where(has_interval, high, np.nan)
    enough = defined & (n_events >= min_events)

    out = pd.DataFrame({
        "actor": np.array(evd.actors, dtype=object),
        "position": pos,
        "position_low": low,
        "position_high": high,
        "x": xy[:, 0],
        "y": xy[:, 1],
        "n_events": n_events,
        "n_articles": n_articles,
        "enough": enough,
        "clear": enough & ((low > 0) | (high < 0)),
    }, columns=POSITION_COLUMNS)
    out["position"] = out["position"].astype(float)
    out["enough"] = out["enough"].astype(bool)
    out["clear"] = out["clear"].astype(bool)
    out.attrs.update(oriented_by=oriented_by if defined.any() else None, eigengap=gap,
                     baseline=base, n_boot=int(max(n_boot, 0)), n_articles=len(evd.articles))
    return out


PERIODS = {"year": "Y", "quarter": "Q", "month": "M"}


def positions_by_period(events: pd.DataFrame, articles: pd.DataFrame, *, period: str = "year",
                        **kwargs) -> pd.DataFrame:
    """:func:`positions` computed separately for each period of publication (``"year"``,
    ``"quarter"`` or ``"month"``), each with its own bootstrap interval: a ``period`` column
    first, then the :data:`POSITION_COLUMNS`. Events of undated articles are left out and
    counted in ``attrs["undated_events"]``; ``attrs["periods"]`` lists the periods in order.
    Keyword arguments go to :func:`positions` (each period is oriented on its own, by
    ``orient``).
    """
    if period not in PERIODS:
        raise ValueError(f"period must be one of {sorted(PERIODS)}, got {period!r}")
    missing = [c for c in ("article_id", "published") if c not in articles.columns]
    if missing:
        raise ValueError(f"articles lacks column(s) {missing}")
    dates = pd.to_datetime(articles.set_index(articles["article_id"].astype(str))["published"])
    when = events["article_id"].astype(str).map(dates)
    label = when.dt.to_period(PERIODS[period]).astype(str).where(when.notna())
    parts = []
    periods = sorted(label.dropna().unique())
    for p in periods:
        pos = positions(events[label == p], **kwargs)
        pos.insert(0, "period", p)
        parts.append(pos)
    out = (pd.concat(parts, ignore_index=True) if parts else
           pd.DataFrame(columns=["period", *POSITION_COLUMNS]))
    out.attrs.update(periods=periods, undated_events=int(label.isna().sum()), period=period)
    return out


# --------------------------------------------------------------------------- comparisons
def _side_of(label: object) -> int | None:
    """+1 / -1 for a recognised bloc label (or a number), None otherwise."""
    if isinstance(label, int | float | np.integer | np.floating) and np.isfinite(label):
        return int(np.sign(label)) or None
    norm = re.sub(r"[^a-z0-9]", "", str(label).casefold())
    for name, side in EXPECTED_SIDE.items():
        if norm == re.sub(r"[^a-z0-9]", "", name.casefold()):
            return side
    return None


def bloc_agreement(positions: pd.DataFrame, blocs: Mapping[str, object]) -> float:
    """Share of bloc-labelled actors with a position whose side matches the expected one
    (ROK-US-Japan positive, DPRK-Russia-China negative); NaN if none can be checked.

    A check on the result, never an input to it. Labels are matched ignoring case and
    punctuation (``"rok_us_japan"`` works); a numeric label is the expected sign; other labels
    (e.g. ``"neutral"``) are skipped. A position of exactly 0 counts as a mismatch.
    """
    if positions.empty:
        return float("nan")
    usable = positions[positions["enough"].astype(bool) & positions["position"].notna()]
    hits = total = 0
    for actor, position in zip(usable["actor"], usable["position"], strict=True):
        side = _side_of(blocs.get(actor)) if actor in blocs else None
        if side is None:
            continue
        total += 1
        hits += int(np.sign(position) == side)
    return hits / total if total else float("nan")


def unga_reference(session: int = 78) -> pd.DataFrame:
    """Bundled UNGA ideal points for one session (columns ``session``, ``year``, ``actor``,
    ``ideal_point``, ``source``), an outside yardstick for the text-derived axis; see
    :data:`UNGA_CITATION`. Raises ``ValueError`` naming the sessions available."""
    path = resources.files("korea_analysis").joinpath(UNGA_FILE)
    with path.open("r", encoding="utf-8") as fh:
        table = pd.read_csv(fh)
    out = table[table["session"] == session].reset_index(drop=True)
    if out.empty:
        raise ValueError(f"no UNGA ideal points for session {session}; "
                         f"available: {sorted(table['session'].unique().tolist())}")
    return out


def rank_correlation(positions: pd.DataFrame, reference: pd.DataFrame) -> tuple[float, int]:
    """Spearman's rho between text positions and a reference (``ideal_point`` column, else
    ``position``) over actors in both with a position; NaN when fewer than 3 or constant.

    Spearman = Pearson on average ranks, so ties are handled as usual without scipy.
    """
    value = "ideal_point" if "ideal_point" in reference.columns else "position"
    if positions.empty or reference.empty:
        return float("nan"), 0
    ours = positions[positions["enough"].astype(bool) & positions["position"].notna()]
    both = ours[["actor", "position"]].merge(
        reference[["actor", value]].rename(columns={value: "_ref"}).dropna(), on="actor")
    n = len(both)
    if n < MIN_ACTORS:
        return float("nan"), n
    r1, r2 = both["position"].rank(), both["_ref"].rank()
    if r1.nunique() < 2 or r2.nunique() < 2:
        return float("nan"), n
    return float(r1.corr(r2)), n
