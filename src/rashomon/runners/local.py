"""The local runner: chain the steps' generators in this process."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator, MutableMapping
from typing import Any

from rashomon.pipeline import Step


def timed(stream: Iterable[Any], spent: MutableMapping[Any, float], key: Any) -> Iterator[Any]:
    """Pass items on, adding the time spent producing them (upstream included) to
    ``spent[key]``."""
    it = iter(stream)
    while True:
        t0 = time.perf_counter()
        try:
            item = next(it)
        except StopIteration:
            spent[key] += time.perf_counter() - t0
            return
        spent[key] += time.perf_counter() - t0
        yield item


def run_local(pipeline: list[Step], items: Iterable[Any]) -> Counter[str]:
    """Run ``items`` through every step in order.

    Returns the steps' merged counters, plus ``<step>.seconds``: the time spent in each
    step itself (its inclusive time less its upstream's).
    """
    inclusive: dict[int, float] = dict.fromkeys(range(len(pipeline) + 1), 0.0)
    stream: Iterable[Any] = timed(items, inclusive, 0)
    for i, step in enumerate(pipeline, 1):
        stream = timed(step.run(stream), inclusive, i)
    for _ in stream:
        pass
    for step in pipeline:
        step.close()
    stats: Counter[str] = Counter()
    stats["input.seconds"] = round(inclusive[0], 3)  # type: ignore[assignment]
    for i, step in enumerate(pipeline, 1):
        for key, value in step.stats.items():
            stats[f"{step.name}.{key}"] += value
        own = inclusive[i] - inclusive[i - 1]
        stats[f"{step.name}.seconds"] = round(max(own, 0.0), 3)  # type: ignore[assignment]
    return stats
