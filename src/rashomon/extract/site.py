"""Lines a site repeats on many of its pages: navigation, widgets, prompts and footers.

A text dump of one page cannot tell a site's boilerplate sentence ('Would love your
thoughts, please comment.') from article text; seen across the site's pages it can. A
``SiteChrome`` is filled in a first pass over a corpus and handed to ``extract_text``, which
then leaves those lines out (kind ``chrome``, reason 'repeated on other pages of the site').
"""

from __future__ import annotations

from collections import Counter, defaultdict
from urllib.parse import urlparse

from rashomon.extract.lines import split_lines
from rashomon.model import Page, content_hash

#: a line must appear on this many distinct pages of a site to count as its chrome
MIN_PAGES = 3
#: ... and have at least this many characters (shorter lines are left to the line model)
MIN_CHARS = 20


def site_of(page: Page) -> str | None:
    """The site a page belongs to: its outlet hint, else its URL host."""
    if page.outlet:
        return page.outlet.lower()
    if page.url:
        host = urlparse(page.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


class SiteChrome:
    """Counts, per site, on how many distinct pages each line appears."""

    def __init__(self, min_pages: int = MIN_PAGES) -> None:
        self.min_pages = min_pages
        self._lines: dict[str, Counter[str]] = defaultdict(Counter)
        self._seen: dict[str, set[str]] = defaultdict(set)

    def add(self, page: Page) -> None:
        """Count the lines of one page (exact copies of a page count once)."""
        site = site_of(page)
        text = page.text or ""
        if site is None or not text:
            return
        digest = content_hash(text)
        if digest in self._seen[site]:
            return
        self._seen[site].add(digest)
        keys = {ln.key for ln in split_lines(text) if len(ln.text) >= MIN_CHARS and ln.key}
        self._lines[site].update(keys)

    def keys(self, page: Page) -> frozenset[str]:
        """Line keys repeated on at least ``min_pages`` pages of the page's site."""
        site = site_of(page)
        if site is None:
            return frozenset()
        return frozenset(k for k, n in self._lines[site].items() if n >= self.min_pages)
