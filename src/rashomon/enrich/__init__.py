"""Enrichment: sentences, entities, quotes, attributions and figures of each article.

Only body paragraphs are parsed; every span is ``{text, start, end}`` with
``article.text[start:end] == text``.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Iterable, Iterator, MutableMapping
from typing import Any

from rashomon.model import Article
from rashomon.pipeline import MapStep, register

#: bumped whenever the rules change what an article gets, so cached and stored enrichments
#: made by older rules are redone
VERSION = "13"
log = logging.getLogger(__name__)

# imported after VERSION: nlp.cache_key reads it
from rashomon.enrich import nlp as _nlp  # noqa: E402
from rashomon.enrich.attributions import attributions_json  # noqa: E402
from rashomon.enrich.entities import entities_json, find_entities, resolve_entities  # noqa: E402
from rashomon.enrich.figures import figures  # noqa: E402
from rashomon.enrich.quotes import quotes_json, speakers  # noqa: E402
from rashomon.enrich.relations import find_relations  # noqa: E402
from rashomon.enrich.sentences import sentences  # noqa: E402

__all__ = ["Enrich", "VERSION", "enrich_article", "enrich_many", "resolve_entities"]

EMPTY_KEYS = ("sentences", "entities", "quotes", "attributions", "figures")


def _fill(article: Article, doc: Any, body: _nlp.Body) -> Article:
    ents = find_entities(doc, article.id)
    rels = find_relations(doc)
    who_said = speakers(rels, doc, ents)
    article.enrichment = {
        "sentences": sentences(doc, article, body),
        "entities": entities_json(ents, article, body),
        "quotes": quotes_json(rels, who_said, article, body),
        "attributions": attributions_json(rels, who_said, article, body),
        "figures": figures(doc, article, body),
    }
    article.steps[Enrich.name] = VERSION
    return article


def enrich_article(article: Article, nlp: Any = None) -> Article:
    """Fill ``article.enrichment`` from its body paragraphs.

    Args:
        article: an extracted article; its comments are left out.
        nlp: a spaCy pipeline (default: the checked English small model).
    Returns:
        The same article, enriched.
    """
    return next(enrich_many([article], nlp=nlp))


def enrich_many(
    articles: Iterable[Article],
    n_process: int = 1,
    batch_size: int = 32,
    nlp: Any = None,
    cache: MutableMapping[str, dict[str, Any]] | None = None,
) -> Iterator[Article]:
    """Enrich articles in order, parsing bodies with ``nlp.pipe`` batches.

    Args:
        articles: extracted articles.
        n_process: spaCy worker processes.
        batch_size: bodies per spaCy batch.
        nlp: a spaCy pipeline (default: the checked English small model).
        cache: optional ``cache_key -> enrichment`` store; hits skip parsing.
    Returns:
        The articles, each with ``enrichment`` filled.
    """

    def todo() -> Iterator[tuple[str, tuple[Article, _nlp.Body, str | None]]]:
        for art in articles:
            body = _nlp.body_of(art)
            key = _nlp.cache_key(art, body) if cache is not None else None
            if key is not None and key in cache:
                art.enrichment = copy.deepcopy(cache[key])
                art.steps[Enrich.name] = VERSION
                yield "", (art, body, None)
                continue
            yield _nlp.parse_text(body), (art, body, key)

    pipe = _nlp.load() if nlp is None else nlp
    for doc, (art, body, key) in pipe.pipe(
        todo(), as_tuples=True, n_process=n_process, batch_size=batch_size
    ):
        if art.enrichment is not None and key is None and cache is not None:
            yield art
            continue
        if not body.text.strip():
            art.enrichment = {k: [] for k in EMPTY_KEYS}
            art.steps[Enrich.name] = VERSION
        else:
            try:
                _fill(art, _nlp.parsed(doc, body), body)
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop a run
                log.warning("skipped: %s: enrichment failed: %r", art.id, exc)
                art.enrichment = None
                yield art
                continue
        if key is not None and cache is not None:
            cache[key] = copy.deepcopy(art.enrichment)
        yield art


@register
class Enrich(MapStep):
    """Pipeline step: ``Article -> Article`` with ``enrichment`` filled."""

    name = "rashomon.enrich"
    version = VERSION

    def __init__(self, nlp: Any = None) -> None:
        super().__init__()
        self.nlp = nlp

    def process(self, item: Article) -> Article | None:
        out = enrich_article(item, nlp=self.nlp)
        self.stats["enriched" if out.enrichment is not None else "enrich-failed"] += 1
        return out

    def run(self, items: Iterable[Any]) -> Iterator[Any]:
        for art in enrich_many(items, nlp=self.nlp):
            self.stats["enriched" if art.enrichment is not None else "enrich-failed"] += 1
            self.stats["out"] += 1
            yield art
