from __future__ import annotations

from collections.abc import Iterable, Iterator

from rashomon.pipeline import MapStep, Step
from rashomon.runners import run_local


class Double(MapStep):
    name = "test.double"

    def process(self, item: int) -> int | None:
        return None if item % 3 == 0 else item * 2


class Total(Step):
    name = "test.total"

    def run(self, items: Iterable[int]) -> Iterator[int]:
        total = sum(items)
        self.stats["total"] = total
        yield total


def test_steps_are_chained_in_order_with_counters_and_timings() -> None:
    stats = run_local([Double(), Total()], range(1, 7))
    assert stats["test.total.total"] == (1 + 2 + 4 + 5) * 2
    assert stats["test.double.dropped"] == 2 and stats["test.double.out"] == 4
    assert stats["test.double.seconds"] >= 0 and "test.total.seconds" in stats
