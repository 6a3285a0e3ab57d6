"""Near-duplicates and syndicated copy: MinHash LSH candidates, verified on shingle sets.

Each article's word 5-shingles get a 64-permutation MinHash signature (computed with numpy,
then banded as datasketch's ``MinHashLSH`` bands them for Jaccard threshold 0.5, in numpy
arrays: ``bands.py``). Candidates are
verified on a sample of the real shingle sets: the shingles whose mixed hash is 0 mod 4
(all of them for short texts), which estimates Jaccard and containment without bias while
keeping a quarter of the memory. Containment catches what Jaccard misses (a wire story
pasted inside a longer piece), so the article's story-mates are verified too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np

from rashomon.stories import text as T
from rashomon.stories.bands import BandIndex, band_layout

NUM_PERM = 64
#: The signature uses datasketch's "affine32" permutation scheme, a * h + b mod 2**32 with a
#: odd, on shingle hashes that are already avalanche-mixed (text.shingles), computed with
#: numpy for all shingles at once.
#: LSH threshold: pairs above ~0.5 estimated Jaccard become candidates (recall falls off
#: smoothly below it); they are then verified exactly on the shingle sample.
LSH_THRESHOLD = 0.5
#: a candidate is a copy when at least this share of one text's shingles is in the other
MIN_SHARE = 0.5
#: shingles kept for verification: mixed hash 0 mod SAMPLE (texts with fewer than
#: FULL_BELOW shingles keep all of them, and are sampled at comparison time when needed)
SAMPLE = 4
FULL_BELOW = 200
SEED = 1

_MAX32 = np.uint64(0xFFFFFFFF)
_rng = np.random.RandomState(SEED)
# odd multipliers make each permutation a bijection on 32-bit values
_A = (_rng.randint(0, 1 << 32, size=NUM_PERM, dtype=np.uint64) | 1).astype(np.uint32)
_B = _rng.randint(0, 1 << 32, size=NUM_PERM, dtype=np.uint64).astype(np.uint32)
_MIX = np.uint64(0x9E3779B1)


def signature(hashes: np.ndarray) -> np.ndarray:
    """MinHash signature (uint32) of a set of well-mixed 32-bit hashes."""
    if len(hashes) == 0:
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    x = hashes.astype(np.uint32)[:, None]
    return (x * _A + _B).min(axis=0)


def _sampled(hashes: np.ndarray) -> np.ndarray:
    return hashes[((hashes.astype(np.uint64) * _MIX) & _MAX32) % SAMPLE == 0]


def shingle_sample(text: str | list[str] | np.ndarray) -> tuple[np.ndarray, np.ndarray, bool]:
    """(signature, verification set, whether it is complete) of a text, words or token ids."""
    hashes = np.unique(T.shingles(text))
    full = len(hashes) < FULL_BELOW
    return signature(hashes), (hashes if full else _sampled(hashes)), full


def overlap(a: np.ndarray, a_full: bool, b: np.ndarray, b_full: bool) -> tuple[float, float, float]:
    """(share of a in b, share of b in a, Jaccard) of two verification sets."""
    if not (a_full and b_full):
        a, b = (_sampled(a) if a_full else a), (_sampled(b) if b_full else b)
    if len(a) == 0 or len(b) == 0:
        return 0.0, 0.0, 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / len(a), inter / len(b), inter / (len(a) + len(b) - inter)


#: Saved entries: ``(ids, arrays)`` chunks as ``state()`` wrote them, in order.
Saved = Callable[[], Iterable[tuple[list[str], dict[str, np.ndarray]]]]


class NearDuplicates:
    """Signatures and verification sets of every article, with an LSH over signatures.

    A loaded index hands over its saved entries as a ``saved`` callable, read on the first
    query only (45 MB at 37k articles, ~0.3 s), so loading an index to read its stories
    does not pay for them.
    """

    def __init__(self, saved: Saved | None = None, n_saved: int = 0) -> None:
        #: built on the first query, then kept up to date
        self.lsh: BandIndex | None = None
        self.ids: list[str] = []
        self.row: dict[str, int] = {}
        self.sigs: list[np.ndarray] = []
        self.sets: list[np.ndarray] = []
        self.full: list[bool] = []
        self._saved = saved
        #: position in the lists of the first entry not in the saved state
        self._unsaved_from = 0 if saved is not None else n_saved

    def _read_saved(self) -> None:
        """Put the saved entries ahead of the ones added since loading."""
        if self._saved is None:
            return
        saved, self._saved = self._saved, None
        new = list(zip(self.ids, self.sigs, self.sets, self.full, strict=True))
        self.ids, self.row, self.sigs, self.sets, self.full = [], {}, [], [], []
        for ids, arrays in saved():
            self.extend(ids, arrays)
        self._unsaved_from += len(self.ids)
        for entry in new:
            self._insert(*entry)

    def unsaved(self) -> tuple[list[str], dict[str, np.ndarray]]:
        """Ids and ``state`` arrays of the entries not in the saved state yet."""
        return self.ids[self._unsaved_from :], self.state(self._unsaved_from)

    def mark_saved(self) -> None:
        """Every entry is in the saved state now."""
        self._unsaved_from = len(self.ids)

    def everything(self) -> tuple[list[str], dict[str, np.ndarray]]:
        """Ids and ``state`` arrays of every entry (reads the saved ones)."""
        self._read_saved()
        return list(self.ids), self.state(0)

    def add(self, article_id: str, text: str | list[str] | np.ndarray) -> None:
        """Index one article's text (ignored if the id is known)."""
        if article_id in self.row:  # (the caller skips articles of the saved state)
            return
        sig, sample, full = shingle_sample(text)
        self._insert(article_id, sig, sample, full)

    def _insert(self, article_id: str, sig: np.ndarray, sample: np.ndarray, full: bool) -> None:
        self.row[article_id] = len(self.ids)
        self.ids.append(article_id)
        self.sigs.append(sig)
        self.sets.append(sample)
        self.full.append(full)
        if self.lsh is not None:
            self.lsh.add(sig[None])

    def _index(self) -> BandIndex:
        self._read_saved()
        if self.lsh is None:
            self.lsh = BandIndex(*band_layout(LSH_THRESHOLD, NUM_PERM))
            if self.sigs:
                self.lsh.add(np.stack(self.sigs))
        return self.lsh

    def copies(self, article_id: str, also: list[str] = ()) -> list[dict[str, float | str]]:
        """Verified near-duplicates of an article: LSH candidates plus ``also``."""
        self._read_saved()
        i = self.row.get(article_id)
        if i is None:
            return []
        cands = {self.ids[r] for r in self._index().query(self.sigs[i]).tolist()}
        cands.update(c for c in also if c in self.row)
        cands.discard(article_id)
        out = []
        for c in sorted(cands):
            j = self.row[c]
            share, back, jac = overlap(self.sets[i], self.full[i], self.sets[j], self.full[j])
            if max(share, back) >= MIN_SHARE:
                out.append({"article": c, "share": round(share, 3), "jaccard": round(jac, 3)})
        return out

    def copied_share(self, article_id: str, sources: list[str]) -> float:
        """Share of an article's shingles found in any of ``sources``."""
        self._read_saved()
        i = self.row.get(article_id)
        if i is None or not sources:
            return 0.0
        mine = self.sets[i]
        # sampling keeps a hash or not by its value alone, so only the denominator (this
        # article's set) must be sampled when any set in the comparison is
        if self.full[i] and not all(self.full[self.row[s]] for s in sources):
            mine = _sampled(mine)
        if len(mine) == 0:
            return 0.0
        found = np.zeros(len(mine), dtype=bool)
        for s in sources:
            found |= np.isin(mine, self.sets[self.row[s]], assume_unique=True)
        return round(float(found.mean()), 3)

    # -- persistence ----------------------------------------------------------------------
    def state(self, start: int = 0) -> dict[str, np.ndarray]:
        """Arrays of the entries from the ``start``-th on (their ids are ``ids[start:]``)."""
        sigs, sets = self.sigs[start:], self.sets[start:]
        n = len(sigs)
        return {
            "nd_sig": np.array(sigs, dtype=np.uint32).reshape(n, NUM_PERM),
            "nd_len": np.array([len(s) for s in sets], dtype=np.int64),
            "nd_set": np.concatenate(sets).astype(np.uint32) if n else np.zeros(0, np.uint32),
            "nd_full": np.array(self.full[start:], dtype=bool),
        }

    def extend(self, ids: list[str], arrays: dict[str, np.ndarray]) -> None:
        """Append entries saved by ``state()``, in the order of ``ids``."""
        ends = np.cumsum(arrays["nd_len"])
        starts = ends - arrays["nd_len"]
        sigs, flat, full = arrays["nd_sig"], arrays["nd_set"], arrays["nd_full"]
        for k, aid in enumerate(ids):
            self._insert(aid, sigs[k], flat[starts[k] : ends[k]], bool(full[k]))
