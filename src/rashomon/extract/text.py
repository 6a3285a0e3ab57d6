"""Article extraction from a browser innerText dump: the entry point ``extract_text``.

Lines are cut with offsets (``lines``), scored by the learned line model (``classify``),
split into body, comments and removed blocks (``comments``), and the metadata is read from
the lines around the body (``meta``).
"""

from __future__ import annotations

import logging

from rashomon.extract import classify
from rashomon.extract.lines import Line, line_features, split_lines
from rashomon.model import Article, Page, Removed, Span

log = logging.getLogger(__name__)

VERSION = "1"


def body_mask(lines: list[Line], title: str | None = None) -> list[bool]:
    """Which lines belong to the article body, by the line model."""
    if not lines:
        return []
    model = classify.load()
    prob = model.predict_proba(line_features(lines, title))
    return [bool(b) for b in prob >= 0.5]


def extract_text(page: Page) -> Article | None:
    """Extract the article of a text-dump page.

    Args:
        page: a page with ``text`` set; its ``url``, ``outlet``, ``published`` and ``title``
            hints take precedence over what the page text says.

    Returns:
        The article, with offsets into ``page.text``; ``None`` (logged) when the page has
        no text or no body line.
    """
    text = page.text or ""
    lines = split_lines(text)
    if not lines:
        log.info("skipped: %s: empty text", page.source)
        return None
    keep = body_mask(lines, page.title)
    if not any(keep):
        log.info("skipped: %s: no body line found", page.source)
        return None
    first = keep.index(True)
    title_line = lines[0] if first > 0 else None
    body = [Span(ln.text, ln.start, ln.end) for ln, k in zip(lines, keep, strict=True) if k]
    removed = [
        Removed(ln.text, "chrome", ln.start, ln.end, "line model: not body")
        for ln, k in zip(lines, keep, strict=True)
        if not k and ln is not title_line
    ]
    title_span = Span(title_line.text, title_line.start, title_line.end) if title_line else None
    return Article(
        id=page.id, source=page.source, source_id=page.source_id, text=text, url=page.url,
        title=page.title or (title_span.text if title_span else None), outlet=page.outlet,
        published=page.published, published_how="input" if page.published else None,
        body=[s.text for s in body], body_spans=body, title_span=title_span, removed=removed,
    )
