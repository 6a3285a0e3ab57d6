"""The online clusterer: time gaps, drift, scores."""

from __future__ import annotations

import numpy as np

from rashomon.stories.cluster import Clusterer, Config, day_gap
from rashomon.stories.features import Features, Sparse, sketch


def item(aid: str, day: int | None, keys: list[int]) -> Features:
    k = np.array(sorted(keys), dtype=np.int64)
    lex = Sparse(k, np.full(len(k), 1 / np.sqrt(len(k)), dtype=np.float32))
    return Features(
        id=aid, day=day, outlet="o", title="", lex=lex, names=Sparse.empty(), sketch=sketch(lex)
    )


def test_day_gap() -> None:
    assert day_gap(5, 3, 7) == 0 and day_gap(1, 3, 7) == 2 and day_gap(9, 3, 7) == 2
    assert day_gap(None, 3, 7) is None and day_gap(5, None, None) is None


def test_same_words_join_near_in_time_and_split_far_apart() -> None:
    cl = Clusterer(Config(w_emb=0.0))
    words = list(range(100, 130))
    first, _ = cl.assign(item("a", 100, words), "s-a")
    near, _ = cl.assign(item("b", 101, words), "s-b")
    far, _ = cl.assign(item("c", 160, words), "s-c")
    other, _ = cl.assign(item("d", 101, list(range(500, 530))), "s-d")
    assert first == near == "s-a"
    assert far == "s-c" and other == "s-d"


def test_a_saga_drifts_into_new_stories() -> None:
    def run(config: Config) -> list[str]:
        cl = Clusterer(config)
        # a month of daily reports, each sharing most of its words with the day before
        return [
            cl.assign(item(f"a{d}", d, list(range(100 + d, 130 + d))), f"s-{d}")[0]
            for d in range(30)
        ]

    drifting, anchored = run(Config(w_emb=0.0, w_drift=0.0)), run(Config(w_emb=0.0))
    assert anchored[0] == anchored[2]
    assert len(set(anchored)) > len(set(drifting))
