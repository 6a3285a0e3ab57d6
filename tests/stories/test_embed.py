"""The shipped static embedder: shape, determinism, meaning."""

from __future__ import annotations

import numpy as np
import pytest

from rashomon.stories.embed import load_default


@pytest.fixture(scope="module")
def embedder():
    e = load_default()
    if e is None:
        pytest.fail("the embedding files under stories/data/minilm-static did not load")
    return e


def test_vectors_are_unit_and_independent_of_batching(embedder) -> None:
    texts = ["Floodwater forced residents from the old town.", "The chess open ended today."]
    both = embedder.embed(texts)
    assert both.shape == (2, embedder.dim)
    assert np.allclose(np.linalg.norm(both, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(both[0], embedder.embed(texts[:1])[0])
    assert not embedder.embed([""]).any()


def test_related_sentences_are_closer(embedder) -> None:
    a, b, c = embedder.embed(
        [
            "Rescuers evacuated thousands as the river flooded the town.",
            "The flooded river forced the evacuation of thousands of residents.",
            "The central bank raised interest rates to fight inflation.",
        ]
    )
    assert a @ b > a @ c + 0.05
