"""Where the bundled demo corpus lives."""

from __future__ import annotations

import os
from pathlib import Path

from rashomon.errors import RashomonError


def demo_corpus() -> Path:
    """The demo corpus folder: ``RASHOMON_DEMO_CORPUS``, else ``examples/demo`` in the
    source tree this package was installed from, else below the current folder."""
    env = os.environ.get("RASHOMON_DEMO_CORPUS")
    candidates = [Path(env)] if env else []
    here = Path(__file__).resolve()
    candidates += [p / "examples" / "demo" for p in here.parents]
    candidates += [p / "examples" / "demo" for p in [Path.cwd(), *Path.cwd().parents]]
    for path in candidates:
        if path.is_dir():
            return path
    raise RashomonError("demo corpus not found: run from the project folder or set "
                        "RASHOMON_DEMO_CORPUS to its examples/demo folder")
