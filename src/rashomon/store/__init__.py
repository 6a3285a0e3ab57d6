"""Storage of articles, stories and storylines: SQLite by default, PostgreSQL optionally."""

from __future__ import annotations

from rashomon.store.base import Store
from rashomon.store.sqlite import SQLiteStore


def open_store(url: str, *, readonly: bool = False) -> Store:
    """Open a store from a file path or a ``postgresql://`` URL."""
    if url.startswith(("postgresql://", "postgres://")):
        from rashomon.store.postgres import PostgresStore  # type: ignore[import-not-found]

        return PostgresStore(url, readonly=readonly)  # type: ignore[no-any-return]
    return SQLiteStore(url, readonly=readonly)


__all__ = ["SQLiteStore", "Store", "open_store"]
