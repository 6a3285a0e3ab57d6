"""Progress bars with counts and rate on a terminal; nothing when output is not a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def progress_counter(label: str) -> Iterator[Callable[[], None]]:
    """Yield a ``tick()`` that advances a live counter on stderr when it is a terminal."""
    if not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import (
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = (SpinnerColumn(), TextColumn("{task.description}"), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]:.1f}/s"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None, rate=0.0)

        def tick() -> None:
            bar.advance(task)
            t = bar.tasks[0]
            elapsed = t.elapsed or 0.0
            bar.update(task, rate=(t.completed / elapsed) if elapsed else 0.0)

        yield tick
