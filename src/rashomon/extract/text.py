"""Article extraction from browser innerText dumps: the entry points ``extract_text`` (one
page) and ``extract_texts`` (many, the line model scoring several pages at once).

Lines are cut with offsets (``lines``), scored by the learned line model (``classify``)
and corrected from the page's layout (``layout``), the comment section is found and parsed
(``comments``), metadata is read from the lines around the body (``meta``) and every line
left out gets a kind and a reason (``kinds``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from rashomon.extract import classify, layout
from rashomon.extract.comments import Thread, parse_thread, thread_start
from rashomon.extract.kinds import inline_kind, inline_kind_of, plain_kind, removed_kind
from rashomon.extract.lines import (
    RELATED_MARKER,
    Line,
    Pages,
    line_features,
    pages_features,
    split_lines,
    tokens,
)
from rashomon.extract.meta import (
    Meta,
    detect_language,
    find_author_bio,
    find_authors,
    find_dateline,
    find_outlet,
    find_published,
    find_title,
    last_body_line,
    title_repeats,
)
from rashomon.model import Article, Page, Removed, Span

if TYPE_CHECKING:
    from rashomon.extract.site import SiteChrome

log = logging.getLogger(__name__)

VERSION = "4"
#: lines within this many non-blank lines after the title count as the article header
HEADER_SPAN = 8
# lines above the title and below the first body line searched for a byline (measured on
# the benchmark pages' bylines against their HTML's author fields: bench/extract_meta.py)
BYLINE_ABOVE = 6
BYLINE_BELOW = 6
#: ... and, when no byline is found, lines after the article searched for an author box
#: (share buttons, tags and a comment form may come between)
BIO_REACH = 60
#: lines after a standfirst within which the body must start (13 lines of share buttons,
#: byline and date stood between them on a benchmark page; 25 leaves room)
SUBTITLE_REACH = 25
#: a body line this short (in words) without closing punctuation that ends the body is a
#: section tag or label, not a subheading (nothing follows it)
TAIL_HEADING_WORDS = 4
#: characters of body text the language test reads (``meta.detect_language`` cuts there)
LANGUAGE_SAMPLE = 4000


#: pages whose lines the line model scores at once in ``extract_texts``: its features and
#: trees cost about 0.5 ms a call however few the lines (a 180-line page takes 4 ms in all)
BATCH_PAGES = 32


@dataclass(slots=True)
class Parts:
    """Every line's part: body mask, metadata, thread, and the kind of each removed line."""

    lines: list[Line]
    body: list[bool]
    meta: Meta
    thread: Thread | None
    kinds: dict[int, tuple[str, str]]


def body_probabilities(lines: list[Line], title: str | None = None,
                       model: classify.LineModel | None = None, text: str | None = None
                       ) -> list[float]:
    """The line model's probability that each line is article body."""
    if not lines:
        return []
    model = model or classify.load()
    return model.predict_proba(line_features(lines, title, text)).tolist()


def _find_subtitle(lines: list[Line], body: list[bool], after: int) -> int | None:
    """A standfirst: the prose line right after the title, set apart from the body."""
    j = after + 1
    if j >= len(lines) - 1:
        return None
    ln = lines[j]
    if len(ln.words) < 8 or ln.text.lower().startswith("by "):
        return None
    # the body follows within SUBTITLE_REACH lines (share buttons, a byline and a date can
    # stand between)
    if len(ln.words) > 60 or sum(body[j + 2 : j + SUBTITLE_REACH]) < 2:
        return None
    # set apart: the next line is header matter (date, reading time, caption, byline ...)
    nxt = lines[j + 1].text
    header_kind = inline_kind(nxt) or removed_kind(nxt, after_body=False)[0]
    if header_kind in ("chrome", "footer", "related", "comment-label"):
        return None
    if body[j] and not body[j + 1]:
        return j
    if not body[j] and ln.text.endswith((".", "!", "?", "…", '"', "”")):
        return j
    return None


def _label_at(lines: list[Line], j: int) -> bool:
    """Whether line ``j`` is a short 'Related' or 'Read more' label."""
    return 0 <= j < len(lines) and RELATED_MARKER.search(lines[j].text) is not None and \
        len(lines[j].words) <= 6


def _heading_like(ln: Line) -> bool:
    """A short line without closing punctuation (up to ``TAIL_HEADING_WORDS`` words)."""
    return ln.key.count(" ") < TAIL_HEADING_WORDS and not ln.text.endswith(
        (".", "!", "?", "”", '"', ")", ":", "…", "’", "'"))


def analyse(lines: list[Line], page: Page, model: classify.LineModel | None = None,
            site_chrome: frozenset[str] = frozenset(), prob: list[float] | None = None
            ) -> Parts:
    """Decide the part of every line of a page (``site_chrome``: line keys the site repeats
    on other pages, see ``site.SiteChrome``; ``prob``: the line model's output when known)."""
    if prob is None:
        prob = body_probabilities(lines, page.title, model, page.text)
    prob = layout.correct(lines, prob)
    cut = layout.body_cut(prob) if prob else 0.5
    body = [p >= cut for p in prob]
    kinds: dict[int, tuple[str, str]] = {}
    if site_chrome:
        for i, ln in enumerate(lines):
            if ln.key in site_chrome:
                body[i] = False
                kinds[i] = ("chrome", "repeated on other pages of the site")
    meta = Meta()
    # the comment section ends the article
    start = thread_start(lines, body, prob=prob)
    thread = None
    while start is not None:
        thread = parse_thread(lines, start, page_text=page.text)
        if not thread.comments:
            # a label over no comment (an empty form, a count over other posts, the latest
            # comments on other articles): the thread may come further down
            start, thread = thread_start(lines, body, max(thread.end, start + 1), prob), None
            continue
        # ... and what follows it is the site's (guides, teasers, footer), not the
        # article, unless it holds more text than the article above it (then the
        # 'thread' was a widget inside the article, and only its own lines go)
        words = [len(ln.words) if b else 0 for ln, b in zip(lines, body, strict=True)]
        after = sum(words[thread.end :]) < sum(words[:start])
        for i in range(start, len(lines) if after else thread.end):
            body[i] = False
        break
    # a heading with no body text after it heads nothing: a section tag or list label
    kept = [i for i, b in enumerate(body) if b]
    while len(kept) > 1 and _heading_like(lines[kept[-1]]):
        body[kept.pop()] = False
    # kept lines that are still not article text; a headline beside a related-list label
    for i in [i for i, b in enumerate(body) if b]:
        ln = lines[i]
        kind = inline_kind_of(ln.text, ln.words)
        # a headline (short, no closing punctuation) beside a 'Related' or 'Read more' label,
        # or a teaser cut off mid-sentence ('... while', '...,...', '...…') before a 'Read more'
        # label
        if kind is None and (
                not ln.text.endswith((".", "!", "?", "”", '"', ")", ":")) and
                ln.key.count(" ") < 25 and any(_label_at(lines, j) for j in (i - 1, i + 1))
                or (ln.text[-1:].isalnum() or ln.text.endswith(("…", ",...")))
                and _label_at(lines, i + 1)):
            kind = "related"
        if kind:
            body[i] = False
            kinds[i] = (kind, "not article text: " + kind)
    meta.title_index, meta.title = find_title(lines, body, page.title, page.url)
    ti = meta.title_index
    if ti is not None:
        body[ti] = False
    meta.title_repeats = title_repeats(lines, ti, meta.title)
    for i in meta.title_repeats:
        body[i] = False
        kinds[i] = ("title-repeat", "repeats the title")
    header_from = max([ti or 0] + [r for r in meta.title_repeats if ti is not None and
                                   r - ti <= 3])
    if ti is not None:
        sub = _find_subtitle(lines, body, header_from)
        if sub is not None:
            meta.subtitle_index, meta.subtitle = sub, lines[sub].text
            body[sub] = False
            kinds[sub] = ("subtitle", "standfirst under the title, kept as the subtitle")
    first_body = body.index(True) if True in body else len(lines)
    header = range((ti + 1) if ti is not None else max(0, first_body - HEADER_SPAN),
                   min(first_body, (ti if ti is not None else first_body) + HEADER_SPAN + 1))
    meta.outlet, outlet_idx = find_outlet(lines, body, page.url, header)
    # a byline sits near the title: a few lines above it (some sites put it first) to a
    # few below the first body line (a standfirst the model kept as body can precede it),
    # nearest the title first; a body line counts only when short
    anchor = ti if ti is not None else first_body
    near = range(max(0, anchor - BYLINE_ABOVE),
                 min(len(lines), max(first_body, anchor + 1) + BYLINE_BELOW))
    meta.authors, meta.byline_indexes = find_authors(lines, sorted(
        (i for i in near if i != ti and (not body[i] or len(lines[i].words) <= 10)),
        key=lambda i: (abs(i - anchor), i)))
    for i in meta.byline_indexes:
        body[i] = False
    bio_indexes: list[int] = []
    if not meta.authors and True in body:
        # no byline: an author box under the article may name the author (not a reader
        # who describes themselves in the comments)
        last = last_body_line(body)
        readers = range(thread.start, thread.end) if thread is not None else range(0)
        meta.authors, bio_indexes = find_author_bio(
            lines, [i for i in range(last + 1, min(len(lines), last + 1 + BIO_REACH))
                    if not body[i] and i not in readers])
    meta.dateline, meta.dateline_indexes = find_dateline(lines, body, header)
    meta.published, meta.published_how, meta.date_indexes = find_published(
        lines, body, ti, page.meta.get("fetched") or page.meta.get("anchor_date"))
    for i in meta.byline_indexes:
        kinds[i] = ("byline", "author line")
    for i in bio_indexes:
        kinds[i] = ("byline", "about the author")
    for i in meta.dateline_indexes:
        kinds.setdefault(i, ("dateline", "place (and outlet) the story was filed from"))
    for i in outlet_idx:
        kinds.setdefault(i, removed_kind(lines[i].text, after_body=False))
    for i in meta.date_indexes:
        kinds.setdefault(i, ("date", "publication date"))
    meta.language = detect_language(*_body_head(lines, body, LANGUAGE_SAMPLE))
    return Parts(lines, body, meta, thread, kinds)


def _body_head(lines: list[Line], body: list[bool], size: int) -> tuple[str, list[str]]:
    """The body lines joined with blanks, cut at ``size`` characters (what the language
    test reads), and its tokens: the lines' keys, and the tokens of a line cut short."""
    out: list[str] = []
    toks: list[str] = []
    total = 0
    for ln, b in zip(lines, body, strict=True):
        if not b:
            continue
        room = size - total  # the line starts at ``total`` in the joined text
        if len(ln.text) > room:
            out.append(ln.text[:room])
            toks += tokens(out[-1])
            break
        out.append(ln.text)
        toks += ln.words
        total += len(ln.text) + 1
        if total >= size:
            break
    return " ".join(out), toks


def clear_caches() -> None:
    """Forget the per-line memos (benchmarks clear them between timed passes)."""
    from rashomon.extract import comments, dates, kinds

    for fn in (comments.is_label, dates._find_dates, kinds.inline_kind, kinds.removed_kind):
        fn.cache_clear()


def extract_text(page: Page, model: classify.LineModel | None = None,
                 site_chrome: frozenset[str] = frozenset()) -> Article | None:
    """Extract the article of a text-dump page.

    Args:
        page: a page with ``text`` set; its ``url``, ``outlet``, ``published`` and ``title``
            hints take precedence over what the page text says.
        model: the line model (default: the one shipped with the package).
        site_chrome: keys of lines the page's site repeats on other pages
            (``SiteChrome(...).keys(page)``), left out as chrome.

    Returns:
        The article, with offsets into ``page.text``; ``None`` (logged) when the page has
        no text or no body line.
    """
    return _extract(page, split_lines(page.text or ""), model, site_chrome, None)


def extract_texts(pages: Iterable[Page], model: classify.LineModel | None = None,
                  site: SiteChrome | None = None, batch: int = BATCH_PAGES
                  ) -> Iterator[tuple[Page, Article | None]]:
    """``extract_text`` of each page, in order, with the line model scoring ``batch`` pages
    at once (the same articles, faster); ``site``: the corpus's repeated lines."""
    model = model or classify.load()
    it = iter(pages)
    while chunk := list(islice(it, batch)):
        lines = [split_lines(page.text or "") for page in chunk]
        feats = pages_features(lines, [page.title for page in chunk])
        prob = model.predict_proba(feats, Pages(list(map(len, lines)))).tolist()
        del feats
        at = 0
        for k, page in enumerate(chunk):
            # each page's lines are let go once it is done, and the batch's before the next
            # batch is cut: the garbage collector, woken by the thousands of lines a batch
            # makes, then walks only the lines still in use
            page_lines, lines[k] = lines[k], []
            chrome = site.keys(page) if site is not None else frozenset()
            page_prob = prob[at : at + len(page_lines)]
            at += len(page_lines)
            yield page, _extract(page, page_lines, model, chrome, page_prob)
            del page_lines
        del lines


def _extract(page: Page, lines: list[Line], model: classify.LineModel | None,
             site_chrome: frozenset[str], prob: list[float] | None) -> Article | None:
    """``extract_text`` of a page cut into ``lines``, scored ``prob`` when known."""
    if not lines:
        log.info("skipped: %s: empty text", page.source)
        return None
    parts = analyse(lines, page, model, site_chrome, prob)
    if not any(parts.body):
        log.info("skipped: %s: no body line found", page.source)
        return None
    return build_article(page, page.text or "", parts)


def merge_removed(removed: list[Removed], text: str) -> list[Removed]:
    """Join removed lines that follow each other with the same kind into one block."""
    items = sorted(((r.start, r.end, r.kind, r.reason) for r in removed), key=lambda r: r[0])
    return _merge_runs(items, text)


def _merge_runs(items: list[tuple[int, int, str, str]], text: str) -> list[Removed]:
    """``merge_removed`` of (start, end, kind, reason) tuples already in page order."""
    out: list[Removed] = []
    cur: list = []
    for item in items:
        if cur and cur[2] == item[2] and cur[3] == item[3] and not text[cur[1] : item[0]].strip():
            cur[1] = item[1]
            continue
        if cur:
            out.append(Removed(text[cur[0] : cur[1]], cur[2], cur[0], cur[1], cur[3]))
        cur = list(item)
    if cur:
        out.append(Removed(text[cur[0] : cur[1]], cur[2], cur[0], cur[1], cur[3]))
    return out


def build_article(page: Page, text: str, parts: Parts) -> Article:
    """Assemble the ``Article`` record from the parts of every line."""
    lines, body, meta = parts.lines, parts.body, parts.meta
    spans = [Span(ln.text, ln.start, ln.end) for ln, b in zip(lines, body, strict=True) if b]
    last_body = last_body_line(body)
    items: list[tuple[int, int, str, str]] = []  # removed blocks in page order
    thread = parts.thread
    skip = range(thread.start, thread.end) if thread is not None else range(0)
    kinds, ti = parts.kinds, meta.title_index
    for i in [i for i, b in enumerate(body) if not b]:  # the thread has no body line
        if i == skip.start and thread is not None:
            # every line of the thread is a comment, an author, a label or chrome already
            items += sorted(((r.start, r.end, r.kind, r.reason) for r in thread.removed),
                            key=lambda r: r[0])
        if i == ti or i in skip:
            continue
        ln = lines[i]
        kind, reason = kinds.get(i) or plain_kind(ln.words, ln.text, i > last_body) or \
            removed_kind(ln.text, after_body=i > last_body, key=ln.key)
        items.append((ln.start, ln.end, kind, reason))
    removed = _merge_runs(items, text)
    title_span = None
    if meta.title_index is not None:
        tl = lines[meta.title_index]
        title_span = Span(tl.text, tl.start, tl.end)
    published, how = meta.published, meta.published_how
    if page.published:
        published, how = page.published, "input"
    return Article(
        id=page.id, source=page.source, source_id=page.source_id, text=text, url=page.url,
        title=page.title or meta.title, subtitle=meta.subtitle,
        outlet=page.outlet or meta.outlet, authors=meta.authors, published=published,
        published_how=how, dateline=meta.dateline, language=meta.language,
        body=[s.text for s in spans], body_spans=spans, title_span=title_span,
        comments=parts.thread.comments if parts.thread else [], removed=removed,
        meta={"extractor": f"rashomon.extract.text@{VERSION}"},
    )
