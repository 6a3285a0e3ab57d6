"""Page -> Article: find the article, its metadata and comments in a scraped page.

``extract`` picks the text-line extractor for innerText dumps and the HTML extractor for
markup. Both return an ``Article`` whose offsets index ``Article.text``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from rashomon.model import Article, Page
from rashomon.pipeline import MapStep, register

log = logging.getLogger(__name__)


def extract(page: Page) -> Article | None:
    """Extract the article of one page, or ``None`` (logged) when the page has none."""
    if page.html is not None:
        from rashomon.extract.html import extract_html

        article = extract_html(page)
    else:
        from rashomon.extract.text import extract_text

        article = extract_text(page)
    if article is None:
        log.info("no article found in %s", page.source)
    return article


@register
class Extract(MapStep):
    """The extraction step: Page -> Article.

    A page without an article, or one the extractor fails on, is counted and reported
    through ``on_skip(input, reason)``; the run goes on.
    """

    name = "rashomon.extract"
    version = "1"

    def __init__(self, on_skip: Callable[[str, str], None] | None = None,
                 batch: int | None = None) -> None:
        from rashomon.extract.text import BATCH_PAGES

        super().__init__()
        self.on_skip = on_skip
        self.batch = batch or BATCH_PAGES  # pages read before the first is passed on

    def run(self, items: Iterable[Page]) -> Iterator[Article]:
        """``process`` each page, the text pages ``batch`` at a time (``extract_texts``)."""
        from rashomon.extract.text import extract_texts

        it = iter(items)
        while chunk := list(islice(it, self.batch)):
            texts = [page for page in chunk if page.html is None]
            done: dict[int, Article | None] = {}
            if len(texts) > 1:
                try:
                    done = {id(page): art for page, art in extract_texts(texts)}
                except Exception:  # a hostile page: each page alone below, reported alone
                    log.debug("batch extraction failed; page by page", exc_info=True)
            yield from self.counted(self.process(page, done) for page in chunk)

    def process(self, item: Page, done: dict[int, Article | None] | None = None
                ) -> Article | None:
        """The article of one page (``done``: articles already extracted, by page id)."""
        where = item.meta.get("where", item.source)
        try:
            article = done[id(item)] if done and id(item) in done else extract(item)
        except Exception as exc:  # one hostile page must not end a run of millions
            log.debug("extraction failed on %s", where, exc_info=True)
            self._skip(where, f"extraction failed ({type(exc).__name__}: {exc})", "failed")
            return None
        if article is None:
            self._skip(where, "no article text found", "empty")
            return None
        article.steps[self.name] = self.version
        return article

    def _skip(self, where: str, reason: str, counter: str) -> None:
        self.stats[counter] += 1
        if self.on_skip is not None:
            self.on_skip(where, reason)
