"""JSON and JSON Lines rows -> Page."""

from __future__ import annotations

from typing import Any

from rashomon.errors import UnusableInput
from rashomon.model import Page

# Accepted names for each hint, first match wins (news datasets spell them differently).
_ALIASES: dict[str, tuple[str, ...]] = {
    "url": ("url", "link", "href"),
    "outlet": ("outlet", "source", "site", "publisher", "site_name"),
    "published": ("published", "date", "published_at", "publish_date", "datetime"),
    "title": ("title", "headline"),
}


def page_from_row(row: Any, source: str, default_id: str, limit: int) -> Page:
    """Build a Page from one JSON object with ``text`` or ``html``."""
    if not isinstance(row, dict):
        raise UnusableInput("row is not a JSON object")
    text, html = row.get("text"), row.get("html")
    if not isinstance(text, str):
        text = None
    if not isinstance(html, str):
        html = None
    if not (text and text.strip()) and not (html and html.strip()):
        raise UnusableInput("row has no 'text' or 'html'")
    size = len((html or "").encode()) + len((text or "").encode())
    if size > limit:
        raise UnusableInput(f"row over the size limit of {limit:,} bytes")
    hints = {key: _first_str(row, names) for key, names in _ALIASES.items()}
    rid = row.get("id")
    source_id = str(rid) if isinstance(rid, (str, int)) and str(rid).strip() else default_id
    meta = {k: v for k, v in row.items()
            if k not in {"text", "html", "id"} and isinstance(v, (str, int, float, bool, list))}
    fetched = _first_str(row, ("fetched", "fetched_at", "crawled_at", "scraped_at", "crawl_date"))
    if fetched:  # the anchor for relative dates ('on Saturday') in the page
        meta["fetched"] = fetched
    if isinstance(row.get("authors"), list):
        meta["authors"] = [str(a) for a in row["authors"] if isinstance(a, str)]
    elif isinstance(row.get("authors"), str) and row["authors"].strip():
        meta["authors"] = [a.strip() for a in row["authors"].split(",") if a.strip()]
    return Page(source=source, source_id=source_id, text=text,
                html=html, meta=meta, **hints)


def _first_str(row: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = row.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None
