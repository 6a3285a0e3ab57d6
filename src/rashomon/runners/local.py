"""The local runner: chain the steps' generators in this process."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from rashomon.pipeline import Step


def run_local(pipeline: list[Step], items: Iterable[Any]) -> Counter[str]:
    """Run ``items`` through every step in order; returns the steps' merged counters."""
    stream: Iterable[Any] = items
    for step in pipeline:
        stream = step.run(stream)
    for _ in stream:
        pass
    for step in pipeline:
        step.close()
    stats: Counter[str] = Counter()
    for step in pipeline:
        for key, value in step.stats.items():
            stats[f"{step.name}.{key}"] += value
    return stats
