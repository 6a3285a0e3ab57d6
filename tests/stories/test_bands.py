"""BandIndex finds what datasketch's MinHashLSH finds, with or without pending rows."""

from __future__ import annotations

import numpy as np
import pytest
from datasketch import LeanMinHash, MinHashLSH

from rashomon.stories import bands
from rashomon.stories.bands import BandIndex, band_layout


@pytest.mark.parametrize("rebuild_after", [2, 10_000])
def test_candidates_match_datasketch(monkeypatch: pytest.MonkeyPatch, rebuild_after: int) -> None:
    monkeypatch.setattr(bands, "REBUILD_AFTER", rebuild_after)
    rng = np.random.default_rng(7)
    sigs = rng.integers(0, 2**32, size=(60, 64), dtype=np.uint64).astype(np.uint32)
    for i in range(0, 60, 6):  # plant near-copies: rows sharing a varying share of values
        keep = rng.random(64) < (0.3 + i / 100)
        sigs[i + 1] = np.where(keep, sigs[i], sigs[i + 1])
    b, r = band_layout(0.5, 64)
    lsh = MinHashLSH(threshold=0.5, num_perm=64)
    index = BandIndex(b, r)
    for k in range(0, 60, 7):  # added in uneven batches
        index.add(sigs[k : k + 7])
    for i, s in enumerate(sigs):
        lsh.insert(i, LeanMinHash(seed=1, hashvalues=s, scheme="affine32"))
    assert len(index) == 60
    for s in sigs:
        want = sorted(lsh.query(LeanMinHash(seed=1, hashvalues=s, scheme="affine32")))
        assert index.query(s).tolist() == want
    assert any(len(index.query(s)) > 1 for s in sigs)  # the planted copies are found
