"""Steps and pipelines: a pipeline is a plain list of steps.

A step turns an iterator of records into an iterator of records. ``MapStep`` handles one
record at a time (and so can be spread over Ray workers); any other step sees the whole
stream (clustering, storing). Steps are registered by versioned name so stored results say
what produced them.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

log = logging.getLogger(__name__)

REGISTRY: dict[str, type[Step]] = {}


def register(cls: type[Step]) -> type[Step]:
    """Class decorator: make a step findable by its ``name``."""
    REGISTRY[cls.name] = cls
    return cls


class Step:
    """A pipeline stage: ``run(items) -> Iterator[items]``."""

    #: versioned name, e.g. "rashomon.extract.text"
    name: ClassVar[str] = "rashomon.step"
    version: ClassVar[str] = "1"

    def __init__(self) -> None:
        self.stats: Counter[str] = Counter()

    @property
    def signature(self) -> str:
        """``name@version`` as stored with results."""
        return f"{self.name}@{self.version}"

    def run(self, items: Iterable[Any]) -> Iterator[Any]:  # pragma: no cover - interface
        """Process a stream of records."""
        raise NotImplementedError

    def close(self) -> None:
        """Release resources once the stream is exhausted."""


class MapStep(Step):
    """A step that handles one record at a time; ``None`` drops the record."""

    def process(self, item: Any) -> Any | None:  # pragma: no cover - interface
        """Process one record."""
        raise NotImplementedError

    def run(self, items: Iterable[Any]) -> Iterator[Any]:
        return self.counted(map(self.process, items))

    def counted(self, outs: Iterable[Any]) -> Iterator[Any]:
        """The records of ``outs`` but ``None``, counted out and dropped (for a ``run`` that
        calls ``process`` its own way)."""
        for out in outs:
            if out is None:
                self.stats["dropped"] += 1
                continue
            self.stats["out"] += 1
            yield out


Pipeline = list[Step]
