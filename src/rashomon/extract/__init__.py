"""Page -> Article: find the article, its metadata and comments in a scraped page.

``extract`` picks the text-line extractor for innerText dumps and the HTML extractor for
markup. Both return an ``Article`` whose offsets index ``Article.text``.
"""

from __future__ import annotations

import logging

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
    """The extraction step: Page -> Article."""

    name = "rashomon.extract"
    version = "1"

    def process(self, item: Page) -> Article | None:
        article = extract(item)
        if article is not None:
            article.steps[self.name] = self.version
        return article
