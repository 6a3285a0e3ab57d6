"""Web UI and JSON API over a store (FastAPI, server-rendered Jinja2 templates)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

    from rashomon.store.base import Store


def create_app(db: str | Store) -> FastAPI:
    """The FastAPI app over a store path/URL (opened read-only) or an open store."""
    from rashomon.web.app import create_app as _create

    return _create(db)


def serve(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the store's web UI and JSON API with uvicorn until interrupted."""
    from rashomon.web.app import serve as _serve

    _serve(db, host=host, port=port)


def write_report(store: Store, story_id: str, out: Path) -> None:
    """Write one story as a self-contained HTML file (inlined CSS, no scripts)."""
    from rashomon.web.report import write_report as _write

    _write(store, story_id, out)


__all__ = ["create_app", "serve", "write_report"]
