from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from rashomon.actors import resolve

ROOT = Path(__file__).resolve().parents[2]


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "store_actors", ROOT / "bench" / "store_actors.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_made_up_stores_are_repeatable_and_every_story_actor_lands_once() -> None:
    made_up = _bench().made_up
    rows = made_up(40, seed=3)
    assert rows == made_up(40, seed=3) and rows != made_up(40, seed=4)
    found = resolve(rows)
    placed = [(s["id"], s["actor"]) for a in found for s in a["stories"]]
    assert len(placed) == 40 * 25
    assert len(found) < len(placed)  # the often-named people and places join across stories
