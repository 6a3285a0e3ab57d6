"""HTML extraction (baseline: trafilatura body; to be replaced)."""

from __future__ import annotations

from rashomon.model import Article, Page, Span


def extract_html(page: Page) -> Article | None:
    """Body paragraphs from trafilatura; offsets index the extracted text."""
    import trafilatura

    out = trafilatura.extract(page.html or "", include_comments=False)
    if not out:
        return None
    paras, spans, pos = [], [], 0
    for line in out.split("\n"):
        if line.strip():
            paras.append(line.strip())
            spans.append(Span(line, pos, pos + len(line)))
        pos += len(line) + 1
    return Article(
        id=page.id, source=page.source, source_id=page.source_id, text=out, html=page.html,
        url=page.url, title=page.title, outlet=page.outlet, published=page.published,
        body=paras, body_spans=spans,
    )
