"""Parquet files -> Page: the rows of a crawl export or of a dataset, one page per row.

Rows take the JSON rows' shape (``text`` or ``html``, with optional ``id``, ``url``,
``outlet``/``source``, ``published``/``date``, ``title``, ``authors``). Reading goes by
record batch, so a file larger than memory streams. Needs pyarrow (``pip install
'rashomon[ray]'``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from rashomon.errors import UnusableInput, require
from rashomon.ingest.rows import page_from_row
from rashomon.model import Page

#: Rows per record batch read at once: ~50 MB of 50 KB pages.
BATCH_ROWS = 1024


def read_parquet(path: Path, limit: int,
                 on_skip: Callable[[str, str], None]) -> Iterator[Page]:
    """Yield a Page for every usable row of a Parquet file (``<file>#<row>`` as where)."""
    pq: Any = require("pyarrow.parquet", "ray")
    source, stem = str(path), path.name[: -len(".parquet")]
    try:
        reader = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises its own ArrowInvalid/OSError kinds
        raise UnusableInput(f"not a readable Parquet file ({type(exc).__name__})") from None
    row = 0
    for batch in reader.iter_batches(batch_size=BATCH_ROWS):
        for record in batch.to_pylist():
            row += 1
            # dates and timestamps come typed; the pipeline takes ISO strings
            record = {k: v.isoformat() if hasattr(v, "isoformat") else v
                      for k, v in record.items()}
            where = f"{source}#{row}"
            try:
                page = page_from_row(record, source, f"{stem}-{row}", limit)
            except UnusableInput as exc:
                on_skip(where, str(exc))
                continue
            page.meta["where"] = where
            yield page
