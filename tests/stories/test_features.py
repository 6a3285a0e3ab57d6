"""Sparse vectors and incremental TF-IDF."""

from __future__ import annotations

from collections import Counter

import numpy as np

from rashomon.stories.features import DocFreq, Sparse, dot, sketch


def vec(d: dict[int, float]) -> Sparse:
    keys = sorted(d)
    return Sparse(np.array(keys, dtype=np.int64), np.array([d[k] for k in keys], np.float32))


def test_dot_and_plus() -> None:
    a, b = vec({1: 1.0, 5: 2.0}), vec({5: 3.0, 9: 1.0})
    assert dot(a, b) == 6.0 and dot(a, Sparse.empty()) == 0.0
    s = a.plus(b)
    assert s.k.tolist() == [1, 5, 9] and s.v.tolist() == [1.0, 5.0, 1.0]
    assert a.plus(b, max_terms=1).k.tolist() == [5]


def test_weigh_gives_unit_vectors_favouring_rare_terms() -> None:
    df = DocFreq()
    for _ in range(9):
        df.add(Counter({1: 1}))
    df.add(Counter({1: 1, 2: 1}))
    v = df.weigh(Counter({1: 1, 2: 1}))
    assert abs(v.n2() - 1.0) < 1e-5
    w = dict(zip(v.k.tolist(), v.v.tolist(), strict=True))
    assert w[2] > w[1]
    assert len(df.weigh(Counter())) == 0


def test_sketch_estimates_the_dot_product() -> None:
    rng = np.random.default_rng(0)
    keys = np.sort(rng.choice(1 << 20, 300, replace=False))
    a = Sparse(keys, rng.random(300).astype(np.float32))
    a = Sparse(a.k, a.v / np.sqrt(a.n2()))
    assert abs(float(sketch(a) @ sketch(a)) - 1.0) < 0.3
