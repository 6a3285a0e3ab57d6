"""Posting lists (key -> story rows) that load from flat arrays without unpacking them.

A saved index holds hundreds of thousands of lists; an incremental add reads a few dozen.
So the saved lists stay as they were loaded (sorted keys and one array of rows, CSR style)
and a list is copied into a dict only when it is appended to.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

import numpy as np

_EMPTY_KEYS = np.zeros(0, dtype=np.int64)


class Postings:
    """``key -> rows`` lists: a frozen sorted base plus the lists changed since loading."""

    def __init__(self, keys: np.ndarray | None = None, lens: np.ndarray | None = None,
                 rows: np.ndarray | None = None) -> None:
        """``keys`` sorted and unique, ``lens[i]`` rows of ``keys[i]`` laid out in ``rows``."""
        self._keys = _EMPTY_KEYS if keys is None else keys.astype(np.int64)
        lens = np.zeros(0, np.int64) if lens is None else lens.astype(np.int64)
        self._starts = np.concatenate([[0], np.cumsum(lens)]).astype(np.int64)
        self._rows = np.zeros(0, np.int32) if rows is None else rows
        self._changed: dict[int, list[int]] = {}

    def get(self, key: int) -> list[int]:
        """The rows posted under ``key``, oldest first (empty if none)."""
        got = self._changed.get(key)
        if got is not None:
            return got
        i = int(np.searchsorted(self._keys, key))
        if i < len(self._keys) and self._keys[i] == key:
            return self._rows[self._starts[i] : self._starts[i + 1]].tolist()
        return []

    def append(self, key: int, row: int) -> None:
        """Post ``row`` under ``key`` (a row already last in the list is not repeated)."""
        lst = self._changed.get(key)
        if lst is None:
            lst = self._changed[key] = self.get(key)
        if not lst or lst[-1] != row:
            lst.append(row)

    def __len__(self) -> int:
        base = len(self._keys)
        if self._changed:
            new = np.fromiter(self._changed, dtype=np.int64, count=len(self._changed))
            base += int((~np.isin(new, self._keys, assume_unique=True)).sum())
        return base

    def items(self) -> Iterator[tuple[int, list[int]]]:
        """Every ``(key, rows)`` in key order."""
        keys, lens, rows = self.arrays()
        ends = np.cumsum(lens)
        for k, e, n in zip(keys.tolist(), ends.tolist(), lens.tolist(), strict=True):
            yield k, rows[e - n : e].tolist()

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(keys, lens, rows)`` of every list, keys sorted: what the constructor takes."""
        lens = np.diff(self._starts)
        if not self._changed:
            return self._keys, lens, self._rows
        new_keys = np.fromiter(self._changed, dtype=np.int64, count=len(self._changed))
        new_lens = np.fromiter(map(len, self._changed.values()), dtype=np.int64,
                               count=len(new_keys))
        new_rows = np.fromiter(chain.from_iterable(self._changed.values()), dtype=np.int32,
                               count=int(new_lens.sum()))
        keep = ~np.isin(self._keys, new_keys, assume_unique=True)
        keys = np.concatenate([self._keys[keep], new_keys])
        seg_lens = np.concatenate([lens[keep], new_lens])
        seg_starts = np.concatenate([self._starts[:-1][keep],
                                     len(self._rows) + np.cumsum(new_lens) - new_lens])
        pool = np.concatenate([self._rows, new_rows])
        order = np.argsort(keys, kind="stable")
        seg_lens, seg_starts = seg_lens[order], seg_starts[order]
        # gather each segment in key order: position i of segment j reads seg_starts[j] + i
        out_starts = np.cumsum(seg_lens) - seg_lens
        gather = np.repeat(seg_starts - out_starts, seg_lens) + np.arange(int(seg_lens.sum()))
        return keys[order], seg_lens, pool[gather].astype(np.int32)
