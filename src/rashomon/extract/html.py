"""HTML extraction: Page (markup) -> Article, with every offset into the rendered text.

The page is parsed once with lxml and rendered to text as a browser's ``innerText`` would
give it (``html_render``); metadata come from the markup (``html_meta``, ``html_byline``)
and the article's text (``html_textmeta``), the body from a scored container choice with
class/id hints (``html_content``, ``html_hints``), reader comments from the comment section
(``html_comments``). Page hints (url, outlet, published, title) win over what the page says.
No trafilatura in the hot path; htmldate is asked only when no date is found otherwise.
"""

from __future__ import annotations

import logging

from rashomon.extract.html_byline import subtitle_candidates
from rashomon.extract.html_comments import extract_comments
from rashomon.extract.html_content import choose, merge_removed
from rashomon.extract.html_meta import extract_meta, time_date
from rashomon.extract.html_render import Rendered, parse, render
from rashomon.extract.html_textmeta import dateline, guess_language
from rashomon.extract.meta import is_owner, notice_holder
from rashomon.model import Article, Page, Removed, Span

log = logging.getLogger(__name__)

VERSION = "1"
#: A standfirst is a sentence or two: shorter is a label, longer is the first paragraph.
MIN_SUBTITLE = 20
MAX_SUBTITLE = 400


def extract_html(page: Page) -> Article | None:
    """Extract the article of an HTML page.

    Args:
        page: a page with ``html`` set; its url/outlet/published/title hints take precedence.

    Returns:
        The article (``text`` is the rendered page, ``html`` the markup), or ``None`` (logged)
        when the markup cannot be parsed or renders to no text.
    """
    markup = page.html or ""
    root = parse(markup)
    if root is None:
        log.info("unparseable HTML: %s", page.source)
        return None
    rendered = render(root)
    if not rendered.text.strip():
        log.info("HTML renders to no text: %s", page.source)
        return None
    meta = extract_meta(root, page.url)
    title = page.title or meta.title
    choice = choose(rendered, title)
    text = rendered.text
    spans = [Span(text[b.start : b.end], b.start, b.end) for b in choice.body]
    removed = [Removed(text[start:end], kind, start, end, reason)
               for start, end, kind, reason in merge_removed(rendered, choice)]
    # comment sections are hinted as such; a page with none has no comments to read
    comments = extract_comments(rendered) if any(r.kind == "comment" for r in removed) else []
    outlet = page.outlet or meta.outlet or _copyright(removed)
    published, how = page.published, "input" if page.published else None
    if not published:
        published, how = meta.published, meta.published_how
    title_span = _title_span(text, title, spans)
    if not published:
        lo = title_span.start if title_span else (spans[0].start if spans else 0)
        hi = spans[-1].end if spans else len(text)
        published = time_date(root, rendered.spans, lo, hi) or _htmldate(root)
        how = "html-meta" if published else None
    body = [s.text for s in spans]
    # where the article sits in the markup, for debugging and the page view
    container = root.getroottree().getpath(choice.container) if choice.container is not None \
        else None
    language = meta.language or guess_language(" ".join(body[:20]))
    subtitle = meta.subtitle or _subtitle(rendered, title_span, spans)
    return Article(
        id=page.id, source=page.source, source_id=page.source_id, text=text, html=markup,
        url=page.url or meta.url, title=title, subtitle=subtitle, outlet=outlet,
        authors=meta.authors, published=published, published_how=how,
        language=language, dateline=dateline(body[0]) if body else None, body=body,
        body_spans=spans,
        title_span=title_span, comments=comments, removed=removed,
        meta={"extractor": "rashomon.html.v" + VERSION, "container": container},
    )


def _subtitle(r: Rendered, title: Span | None, body: list[Span]) -> str | None:
    """The standfirst: a dek-named element shown between the headline and the body."""
    lo = title.end if title else 0
    hi = body[0].start if body else len(r.text)
    between = (el for b in r.blocks if lo <= b.start < hi for el in b.path[:3])
    for el in subtitle_candidates(between):
        span = r.spans.get(el)
        if span is None or not lo <= span[0] < hi:
            continue
        sub = " ".join(r.text[span[0] : min(span[1], hi)].split())
        if MIN_SUBTITLE <= len(sub) <= MAX_SUBTITLE and len(sub.split()) >= 4 and \
                (title is None or title.text not in sub):
            return sub
    return None


def _copyright(removed: list[Removed]) -> str | None:
    """The outlet named on a copyright line of the page's footer: the lowest notice, else the
    lowest bare '© Name' (more often a photo credit)."""
    bare = None
    for r in reversed(removed):
        if ("©" in r.text or "opyright" in r.text) and (held := notice_holder(r.text)) and \
                not is_owner(held[0]):
            if held[1]:
                return held[0]
            bare = bare or held[0]
    return bare


def _title_span(text: str, title: str | None, body: list[Span]) -> Span | None:
    """Where the title is shown on the page: the last copy before the body starts."""
    if not title:
        return None
    limit = body[0].start if body else len(text)
    at = text.rfind(title, 0, limit + len(title))
    if at < 0:
        at = text.find(title)
    return Span(title, at, at + len(title)) if at >= 0 else None


def _htmldate(root: object) -> str | None:
    """Publication date found by htmldate's quick search (date only), else None."""
    try:
        from htmldate import find_date

        return find_date(root, extensive_search=False, original_date=True)
    except Exception as err:  # a hostile page must not stop the run
        log.debug("htmldate failed: %s", err)
        return None
