"""Online story clustering: each article joins the best live story or opens a new one.

Articles arrive in publication order. An article is compared with the stories whose dates
lie within ``WINDOW_DAYS`` of its own (undated articles and undated stories are compared by
content alone). A shortlist is taken by dense similarity (embedding and a sketch of the
TF-IDF vector), then each candidate is scored exactly: TF-IDF cosine over content words,
cosine over names, embedding cosine and the gap in days, combined linearly (weights in
``Config``). After a join, the grown story is compared with its neighbours and merged when
their centroids have become as close as a new article must be to join.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from rashomon.stories.features import SKETCH_DIM, Features, Sparse, dot, sketch_cells
from rashomon.stories.postings import Postings

#: Terms kept in a story's running sums: the heaviest 250 hold nearly all the cosine mass
#: of a story's centroid and bound the memory of a long-lived story.
STORY_TERMS = 250
STORY_NAMES = 150
#: How many of the latest stories per posting key a query looks at: bounded work per item
#: whatever the corpus size, yet a story sharing a rare name or term is always found.
POSTINGS_SCAN = 40


@dataclass(frozen=True, slots=True)
class Config:
    """Similarity weights and thresholds; one setting for every corpus.

    ``score = bias + w_lex * lex + w_names * names + w_emb * emb + time``; join when > 0,
    where each similarity is averaged over the story's members. Chosen once by a grid over
    the BASIL dev years 2010-2014 (2015-2019 held out), mean BCubed F1 over four views of
    them: dated, undated, and both cut to 300 characters of body (bench/basil_clusters.py).
    Static-embedding cosines sit between ~0.78 (unrelated news) and ~0.93 (one event), so
    ``w_emb`` mostly shifts the bias; it helps most on short and undated texts. The time
    terms (``w_near``, ``w_day``, ``drift_*``) were set by hand from BASIL's spread (an
    event's reports lie within 4 days) and checked on the news corpus, where without the
    drift term week-long sagas became single 20-70 article stories.
    """

    w_lex: float = 8.0
    w_names: float = 2.0
    w_emb: float = 1.0
    bias: float = -2.6
    #: dates are evidence too: being reported within ``free_days`` of the story counts
    #: for joining, and each further day of gap counts against it
    w_near: float = 0.6
    w_day: float = 0.15
    free_days: int = 1
    #: penalty when either side is undated; 0 because on BASIL a penalty helped long
    #: undated texts but hurt short ones as much
    w_undated: float = 0.0
    #: penalty when an undated text names day-and-month dates ('on January 24') none of
    #: which lies within a month of the story's dates: such a text reports another event
    #: (set by hand: as strong as a week's time gap; BASIL undated checked unchanged)
    w_months: float = 2.0
    #: stories whose dates are further than this from the article are never candidates:
    #: one event is reported within days; later developments are linked as storylines
    window_days: int = 7
    #: shortlist size for exact scoring; 8 leaves the right story in the list for nearly
    #: every article while bounding the Python work per article
    shortlist: int = 8
    #: a story merges into a neighbour when their score exceeds this
    merge: bool = True
    merge_margin: float = 0.0
    #: dated items scan every dated story of their window (off: postings only)
    scan_window: bool = True
    #: an item's story is posted under its heaviest ``posting_keys`` names and as many
    #: content terms; queries look up the same keys
    posting_keys: int = 8
    #: days after a story's first report before its age counts against joining it, and
    #: the score lost per further day: a saga reported daily for weeks is several stories
    #: (one storyline), not one story that drifts along with the news
    drift_free: int = 3
    w_drift: float = 0.15
    #: short texts share fewer words even when they report one event: an article with
    #: fewer than ``short_terms`` content terms gets up to ``w_short`` of extra score when
    #: it is dated within ``free_days`` of the story (undated, short texts are too thin:
    #: on BASIL cut to 150-300 characters a bonus there cost more precision than it gave);
    #: 1.2 from the dev years, checked on the held-out ones (cut texts 0.919 -> 0.940)
    w_short: float = 1.2
    short_terms: int = 60


#: Without the embedding model (files missing): the best setting of the same grid.
NO_EMBEDDINGS = Config(w_emb=0.0, bias=-1.9)


@dataclass(slots=True)
class StoryState:
    """Running sums that stand for one story."""

    id: str
    row: int
    members: list[str] = field(default_factory=list)
    lex: Sparse = field(default_factory=Sparse.empty)
    names: Sparse = field(default_factory=Sparse.empty)
    emb: np.ndarray | None = None
    first: int | None = None
    last: int | None = None
    outlets: Counter[str] = field(default_factory=Counter)

    def add(self, lex: Sparse, names: Sparse) -> None:
        """Add vectors to the running sums (the heaviest terms kept)."""
        self.lex = self.lex.plus(lex, STORY_TERMS)
        self.names = self.names.plus(names, STORY_NAMES)


def dense_rows(lens: np.ndarray, keys: np.ndarray, vals: np.ndarray,
               emb: np.ndarray | None) -> np.ndarray:
    """Dense shortlist rows of stories: the unit count-sketch of each lexical sum (laid
    flat: ``lens`` entries per story) next to the unit embedding sum (``emb``, one row per
    story, or None). One story or thousands give bit-identical rows."""
    n = len(lens)
    dim = emb.shape[1] if emb is not None else 0
    out = np.zeros((n, SKETCH_DIM + dim), dtype=np.float32)
    if len(keys):
        row = np.repeat(np.arange(n, dtype=np.int64), lens)
        sk = sketch_cells(keys, vals, row, n).astype(np.float32)
        # float64 sums per story (bincount adds in input order, story by story)
        n2 = np.bincount(row, weights=vals.astype(np.float64) ** 2, minlength=n)
        out[:, :SKETCH_DIM] = sk / np.sqrt(np.maximum(n2, 1e-12)).astype(np.float32)[:, None]
    if dim:
        norm = np.sqrt((emb.astype(np.float64) ** 2).sum(axis=1))
        safe = np.where(norm > 0, norm, 1.0).astype(np.float32)
        out[:, SKETCH_DIM:] = np.where(norm[:, None] > 0, emb / safe[:, None], 0.0)
    return out


def cos(a: Sparse, b: Sparse) -> float:
    """Cosine of two sparse vectors."""
    n2 = a.n2() * b.n2()
    return dot(a, b) / math.sqrt(n2) if n2 > 0 else 0.0


#: date.toordinal() of 1970-01-01: story days count from it
EPOCH = date(1970, 1, 1).toordinal()


def months_overlap(months: frozenset[int], first: int, last: int) -> bool:
    """Whether an undated text's named months fall within a month of a story's dates."""
    lo = date.fromordinal(EPOCH + first)
    hi = date.fromordinal(EPOCH + last)
    near: set[int] = set()
    y, m = lo.year, lo.month
    while (y, m) <= (hi.year, hi.month):
        near.update({m, m % 12 + 1, (m - 2) % 12 + 1})
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return bool(months & near)


def day_gap(day: int | None, first: int | None, last: int | None) -> int | None:
    """Days from ``day`` to the interval [first, last]; None if either is undated."""
    if day is None or first is None or last is None:
        return None
    if day < first:
        return first - day
    if day > last:
        return day - last
    return 0


class Clusterer:
    """Online clustering state: stories and the dense rows used to shortlist them."""

    def __init__(self, config: Config | None = None, emb_dim: int = 0) -> None:
        self.config = config or Config()
        self.emb_dim = emb_dim
        self.stories: dict[str, StoryState] = {}
        self.by_row: list[str | None] = []
        cap = 1024
        self._dense = np.zeros((cap, SKETCH_DIM + emb_dim), dtype=np.float32)
        self._first = np.full(cap, np.nan)
        self._last = np.full(cap, np.nan)
        self._alive = np.zeros(cap, dtype=bool)
        self.merged: dict[str, str] = {}
        #: posting key (term or name bucket) -> rows of the stories whose items hold it
        self.postings = Postings()
        #: the same, for stories that were undated when posted
        self.postings_undated = Postings()
        #: rows whose dense row is not computed yet (a loaded index fills them on use)
        self._stale = np.zeros(1024, dtype=bool)
        #: rows changed since the state was last saved (persist writes only their blocks)
        self.dirty: set[int] = set()

    # -- dense rows ---------------------------------------------------------------------
    def _grow(self) -> None:
        cap = self._dense.shape[0] * 2
        for name in ("_dense", "_first", "_last", "_alive", "_stale"):
            old = getattr(self, name)
            fill = np.nan if old.dtype == np.float64 else 0
            new = np.full((cap, *old.shape[1:]), fill, dtype=old.dtype)
            new[: len(old)] = old
            setattr(self, name, new)

    def _refresh_row(self, st: StoryState) -> None:
        """Rewrite the dense row of a story from its sums."""
        emb = None
        if self.emb_dim:
            emb = (st.emb if st.emb is not None else np.zeros(self.emb_dim, np.float32))[None]
        lens = np.array([len(st.lex)], dtype=np.int64)
        self._dense[st.row] = dense_rows(lens, st.lex.k, st.lex.v, emb)[0]
        self._stale[st.row] = False
        self.dirty.add(st.row)
        self._first[st.row] = np.nan if st.first is None else st.first
        self._last[st.row] = np.nan if st.last is None else st.last

    def restore(self, rows: list[str], stories: list[StoryState]) -> None:
        """Fill an empty clusterer with saved rows (``by_row``) and live stories at once.

        Dense rows are left to be computed when a query first reaches them (``_fill``): an
        incremental add looks at the stories of a few days, not at all of them.
        """
        cap = max(self._dense.shape[0], 1 << max(len(rows), 1).bit_length())
        self._dense = np.zeros((cap, SKETCH_DIM + self.emb_dim), dtype=np.float32)
        self._first, self._last = np.full(cap, np.nan), np.full(cap, np.nan)
        self._alive, self._stale = np.zeros(cap, dtype=bool), np.zeros(cap, dtype=bool)
        self.by_row = list(rows)
        idx = np.array([st.row for st in stories], dtype=np.int64)
        self.stories = {st.id: st for st in stories}
        self._alive[idx] = self._stale[idx] = True
        self._first[idx] = [np.nan if st.first is None else st.first for st in stories]
        self._last[idx] = [np.nan if st.last is None else st.last for st in stories]

    def _fill(self, idx: np.ndarray) -> None:
        """Compute the dense rows of the stale rows ``idx`` in one pass."""
        if not len(idx):
            return
        sts = [self.stories[self.by_row[i]] for i in idx.tolist()]
        lens = np.fromiter((len(st.lex) for st in sts), dtype=np.int64, count=len(sts))
        keys = np.concatenate([st.lex.k for st in sts])
        vals = np.concatenate([st.lex.v for st in sts])
        emb = None
        if self.emb_dim:
            zero = np.zeros(self.emb_dim, np.float32)
            emb = np.stack([st.emb if st.emb is not None else zero for st in sts])
        self._dense[idx] = dense_rows(lens, keys, vals, emb)
        self._stale[idx] = False

    def _dense_query(self, f: Features) -> np.ndarray:
        q = np.zeros(SKETCH_DIM + self.emb_dim, dtype=np.float32)
        q[:SKETCH_DIM] = f.sketch
        if self.emb_dim and f.emb is not None:
            q[SKETCH_DIM:] = f.emb
        return q

    # -- scoring --------------------------------------------------------------------------
    def candidates(self, f: Features, exclude: str | None = None) -> list[StoryState]:
        """Live stories that may hold ``f``, best dense matches first.

        A dated article scans the dated stories of its time window; stories that share one
        of its heaviest terms or names (``postings``) are added, which is how undated
        articles and undated stories find each other without a scan of everything.
        """
        n = len(self.by_row)
        if n == 0:
            return []
        w = self.config.window_days
        scan = f.day is not None and self.config.scan_window
        # a dated item scans dated stories anyway: it looks up only undated ones by key
        rows = self._posted(f, self.postings_undated if scan else self.postings)
        if rows:
            idx = np.fromiter(rows, dtype=np.int64, count=len(rows))
            if f.day is not None:
                first, last = self._first[idx], self._last[idx]
                with np.errstate(invalid="ignore"):
                    keep = np.isnan(first) | ((first - w <= f.day) & (f.day <= last + w))
                idx = idx[keep]
        else:
            idx = np.zeros(0, dtype=np.int64)
        if scan:
            with np.errstate(invalid="ignore"):
                near = (self._first[:n] - w <= f.day) & (f.day <= self._last[:n] + w)
            idx = np.union1d(idx, np.flatnonzero(near))
        idx = idx[self._alive[idx]]
        if exclude is not None:
            idx = idx[idx != self.stories[exclude].row]
        if len(idx) == 0:
            return []
        self._fill(idx[self._stale[idx]])
        sims = self._dense[idx] @ self._dense_query(f)
        k = self.config.shortlist
        if len(idx) > k:
            top = np.argpartition(-sims, k)[:k]
            idx, sims = idx[top], sims[top]
        order = np.lexsort((idx, -sims))
        return [self.stories[self.by_row[i]] for i in idx[order]]  # type: ignore[index]

    def _keys(self, f: Features) -> list[int]:
        """Posting keys of an item: its heaviest names and content terms."""
        k = self.config.posting_keys
        keys = f.names.k[np.argsort(-f.names.v, kind="stable")[:k]].tolist()
        keys += f.lex.k[np.argsort(-f.lex.v, kind="stable")[:k]].tolist()
        return keys

    def _posted(self, f: Features, postings: Postings) -> set[int]:
        """Live rows posted under the keys of ``f`` (the latest ``POSTINGS_SCAN`` per key)."""
        rows: set[int] = set()
        for key in self._keys(f):
            for r in postings.get(key)[-POSTINGS_SCAN:]:
                if not self._alive[r]:
                    sid = self.by_row[r]
                    if sid is None:
                        continue
                    target = self.stories.get(self._resolve(sid))
                    if target is None:
                        continue
                    r = target.row
                rows.add(r)
        return rows

    def _post(self, f: Features, st: StoryState) -> None:
        maps = [self.postings] if st.first is not None else [self.postings, self.postings_undated]
        for key in self._keys(f):
            for postings in maps:
                postings.append(key, st.row)

    def score(self, f: Features, st: StoryState) -> float:
        """Evidence that article ``f`` reports the event of story ``st`` (> 0: join).

        Similarities are averaged over the story's members (average link): a centroid
        cosine would grow with the story and let it swallow its neighbours.
        """
        n = len(st.members)
        emb = float(f.emb @ st.emb) / n if f.emb is not None and st.emb is not None else None
        sims = (dot(f.lex, st.lex) / n, dot(f.names, st.names) / n, emb)
        drift = f.day - st.first if f.day is not None and st.first is not None else 0
        gap = day_gap(f.day, st.first, st.last)
        z = self._combine(sims, gap, drift)
        c = self.config
        if c.w_short and len(f.lex) < c.short_terms and gap is not None and gap <= c.free_days:
            z += c.w_short * (1 - len(f.lex) / c.short_terms)
        if f.months and gap is None and st.first is not None and st.last is not None \
                and not months_overlap(f.months, st.first, st.last):
            z -= c.w_months
        return z

    def pair_score(self, a: StoryState, b: StoryState) -> float:
        """Evidence that two stories report one event (average link)."""
        nn = len(a.members) * len(b.members)
        emb = float(a.emb @ b.emb) / nn if a.emb is not None and b.emb is not None else None
        sims = (dot(a.lex, b.lex) / nn, dot(a.names, b.names) / nn, emb)
        gap, drift = None, 0
        if a.first is not None and b.first is not None:
            gap = max(0, max(a.first, b.first) - min(a.last, b.last))  # type: ignore[type-var]
            drift = abs(a.first - b.first)
        return self._combine(sims, gap, drift)

    def _combine(
        self, sims: tuple[float, float, float | None], gap: int | None, drift: int = 0
    ) -> float:
        c = self.config
        lex, names, emb = sims
        z = c.bias + c.w_lex * lex + c.w_names * names
        if emb is not None:
            z += c.w_emb * emb
        if gap is None:
            z -= c.w_undated
        else:
            z += c.w_near if gap <= c.free_days else -c.w_day * (gap - c.free_days)
        if drift > c.drift_free:
            z -= c.w_drift * (drift - c.drift_free)
        return z

    # -- updates --------------------------------------------------------------------------
    def assign(self, f: Features, new_id: str) -> tuple[str, list[str]]:
        """Place one article; return its story id and the ids of stories merged away."""
        best, best_z = None, 0.0
        for st in self.candidates(f):
            z = self.score(f, st)
            if z > best_z:
                best, best_z = st, z
        if best is None:
            best = self._open(new_id)
        self._join(best, f)
        merged = self._merge_neighbours(best)
        return self._resolve(best.id), merged

    def _open(self, sid: str) -> StoryState:
        row = len(self.by_row)
        if row >= self._dense.shape[0]:
            self._grow()
        st = StoryState(id=sid, row=row)
        self.stories[sid] = st
        self.by_row.append(sid)
        self._alive[row] = True
        return st

    def _join(self, st: StoryState, f: Features) -> None:
        st.members.append(f.id)
        st.add(f.lex, f.names)
        if f.emb is not None:
            st.emb = f.emb.astype(np.float32) if st.emb is None else st.emb + f.emb
        if f.day is not None:
            st.first = f.day if st.first is None else min(st.first, f.day)
            st.last = f.day if st.last is None else max(st.last, f.day)
        if f.outlet:
            st.outlets[f.outlet] += 1
        self._post(f, st)
        self._refresh_row(st)

    def _merge_neighbours(self, st: StoryState) -> list[str]:
        """Merge ``st`` with neighbours that now look like the same event."""
        if len(st.members) < 2 or not self.config.merge:
            return []
        gone: list[str] = []
        probe = Features(
            id="",
            day=st.last,
            outlet=None,
            title="",
            lex=st.lex,
            names=st.names,
            sketch=self._dense[st.row, :SKETCH_DIM].copy(),
            emb=(self._dense[st.row, SKETCH_DIM:].copy() if self.emb_dim else None),
        )
        for other in self.candidates(probe, exclude=st.id)[:4]:
            if self.pair_score(st, other) > self.config.merge_margin:
                keep, drop = (st, other) if _older(st, other) else (other, st)
                self._absorb(keep, drop)
                gone.append(drop.id)
                st = keep
        return gone

    def _absorb(self, keep: StoryState, drop: StoryState) -> None:
        keep.members.extend(drop.members)
        keep.add(drop.lex, drop.names)
        if drop.emb is not None:
            keep.emb = drop.emb.copy() if keep.emb is None else keep.emb + drop.emb
        for d in (drop.first, drop.last):
            if d is not None:
                keep.first = d if keep.first is None else min(keep.first, d)
                keep.last = d if keep.last is None else max(keep.last, d)
        keep.outlets.update(drop.outlets)
        self._alive[drop.row] = False
        self.dirty.add(drop.row)
        del self.stories[drop.id]
        self.merged[drop.id] = keep.id
        self._refresh_row(keep)

    def _resolve(self, sid: str) -> str:
        while sid in self.merged:
            sid = self.merged[sid]
        return sid


def _older(a: StoryState, b: StoryState) -> bool:
    """True when ``a`` should survive a merge with ``b`` (earlier start, then smaller id)."""
    ka = (a.first if a.first is not None else 1 << 30, a.id)
    kb = (b.first if b.first is not None else 1 << 30, b.id)
    return ka <= kb
