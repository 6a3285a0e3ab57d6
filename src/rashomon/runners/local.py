"""The local runner: chain the steps' generators in this process."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from rashomon.pipeline import Step


def _timed(stream: Iterable[Any], spent: list[float]) -> Iterator[Any]:
    """Pass items on, adding the time spent producing them (upstream included) to spent[0]."""
    it = iter(stream)
    while True:
        t0 = time.perf_counter()
        try:
            item = next(it)
        except StopIteration:
            spent[0] += time.perf_counter() - t0
            return
        spent[0] += time.perf_counter() - t0
        yield item


def run_local(pipeline: list[Step], items: Iterable[Any]) -> Counter[str]:
    """Run ``items`` through every step in order.

    Returns the steps' merged counters, plus ``<step>.seconds``: the time spent in each
    step itself (its inclusive time less its upstream's).
    """
    inclusive: list[list[float]] = []
    stream: Iterable[Any] = _timed(items, spent := [0.0])
    inclusive.append(spent)
    for step in pipeline:
        spent = [0.0]
        stream = _timed(step.run(stream), spent)
        inclusive.append(spent)
    for _ in stream:
        pass
    for step in pipeline:
        step.close()
    stats: Counter[str] = Counter()
    stats["input.seconds"] = round(inclusive[0][0], 3)  # type: ignore[assignment]
    for i, step in enumerate(pipeline, 1):
        for key, value in step.stats.items():
            stats[f"{step.name}.{key}"] += value
        own = inclusive[i][0] - inclusive[i - 1][0]
        stats[f"{step.name}.seconds"] = round(max(own, 0.0), 3)  # type: ignore[assignment]
    return stats
