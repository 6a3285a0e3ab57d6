"""Timing of the text-extraction benchmark: runs take turns and keep their best pass."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _bench():
    spec = importlib.util.spec_from_file_location("extract_text_bench",
                                                  ROOT / "bench" / "extract_text.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_runs_take_turns_and_keep_their_fastest_pass(monkeypatch) -> None:
    bench = _bench()
    order: list[str] = []
    clock = iter(range(100))
    monkeypatch.setattr(bench.time, "perf_counter", lambda: next(clock))
    monkeypatch.setattr(bench.time, "process_time", lambda: 0.0)
    cleared = []
    monkeypatch.setattr(bench, "clear_caches", lambda: cleared.append(1))
    # a pass reads the clock before and after its run (1 tick); "slow" spends 3 ticks more
    # in its first pass only
    extra = {"fast": [0, 0], "slow": [3, 0]}

    def run(name: str):
        def go() -> None:
            order.append(name)
            for _ in range(extra[name].pop(0)):
                next(clock)
        return go

    best = bench.interleaved({"fast": run("fast"), "slow": run("slow")}, 2)
    assert order == ["fast", "slow", "fast", "slow"]
    assert len(cleared) == 4
    assert best["fast"][0] == 1 and best["slow"][0] == 1  # the best pass, not the first
