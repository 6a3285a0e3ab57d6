"""Text-line extraction from innerText dumps (baseline: to be replaced by the line model)."""

from __future__ import annotations

from rashomon.model import Article, Page, Span

VERSION = "0"


def extract_text(page: Page) -> Article | None:
    """Keep paragraph lines of 12+ words as the body; the first line is the title."""
    text = page.text or ""
    if not text.strip():
        return None
    body: list[Span] = []
    title: Span | None = None
    pos = 0
    for line in text.splitlines(keepends=True):
        s = line.strip()
        start = pos + line.find(s) if s else pos
        pos += len(line)
        if not s:
            continue
        if title is None:
            title = Span(s, start, start + len(s))
        elif len(s.split()) >= 12:
            body.append(Span(s, start, start + len(s)))
    return Article(
        id=page.id, source=page.source, source_id=page.source_id, text=text, url=page.url,
        title=page.title or (title.text if title else None), outlet=page.outlet,
        published=page.published, published_how="input" if page.published else None,
        body=[b.text for b in body], body_spans=body, title_span=title,
    )
