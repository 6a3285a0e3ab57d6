"""The analysis pipeline: pages -> stored articles -> stories -> storylines -> comparison.

Each step is a plain generator over records; ``analysis_pipeline`` returns the list the
local runner (and the Ray runner) runs. Store-bound steps write in transactions, so a run
that is killed can simply be run again: stored articles are skipped, articles left without a
story are clustered, stories left without a comparison are compared.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator

from rashomon.extract import Extract
from rashomon.model import Article, Page, Story
from rashomon.pipeline import Step, register
from rashomon.settings import Settings
from rashomon.store.base import Store

log = logging.getLogger(__name__)

#: Name under which the clustering state is saved in the store.
STORY_STATE = "stories.index"


@register
class SkipKnown(Step):
    """Drop pages whose article is already stored (articles are keyed by content hash)."""

    name = "rashomon.store.skip_known"
    version = "1"

    def __init__(self, store: Store, batch: int = 200) -> None:
        super().__init__()
        self.store, self.batch = store, batch

    def run(self, items: Iterable[Page]) -> Iterator[Page]:
        buf: list[Page] = []
        for page in items:
            buf.append(page)
            if len(buf) >= self.batch:
                yield from self._flush(buf)
                buf = []
        yield from self._flush(buf)

    def _flush(self, pages: list[Page]) -> Iterator[Page]:
        known = self.store.known_ids(p.id for p in pages)
        seen: set[str] = set()
        for p in pages:
            if p.id in known or p.id in seen:
                self.stats["already_stored"] += 1
                continue
            seen.add(p.id)
            yield p


@register
class WriteArticles(Step):
    """Store articles in transactions of ``batch``; passes them on once committed."""

    name = "rashomon.store.write_articles"
    version = "1"

    def __init__(self, store: Store, batch: int = 200) -> None:
        super().__init__()
        self.store, self.batch = store, batch

    def run(self, items: Iterable[Article]) -> Iterator[Article]:
        buf: list[Article] = []
        for article in items:
            buf.append(article)
            if len(buf) >= self.batch:
                yield from self._flush(buf)
                buf = []
        yield from self._flush(buf)

    def _flush(self, articles: list[Article]) -> Iterator[Article]:
        if articles:
            self.stats["added"] += self.store.add_articles(articles)
            yield from articles


@register
class ClusterStories(Step):
    """Assign every article without a story (new ones and leftovers of a killed run) to
    stories, link storylines, and yield the stories that changed."""

    name = "rashomon.stories.cluster"
    version = "1"

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def run(self, items: Iterable[Article]) -> Iterator[Story]:
        from rashomon.stories import StoryIndex

        for _ in items:  # the articles are in the store once the writer has passed them on
            pass
        pending = list(self.store.unassigned_articles())
        if not pending:
            return
        saved = self.store.get_state(STORY_STATE)
        index = StoryIndex.load(saved[1] if saved else None)
        changed = index.add(pending)
        removed = list(getattr(index, "removed_story_ids", lambda: [])())
        self.store.save_stories(changed, removed, (STORY_STATE, self.signature, index.dump()))
        self.store.save_storylines(index.storylines())
        self.stats["articles"] += len(pending)
        self.stats["changed"] += len(changed)
        for story in changed:
            fresh = self.store.get_story(story.id)
            if fresh is not None:
                yield fresh


@register
class EnrichStories(Step):
    """Run deep NLP on the articles of stories told by enough outlets (cached by id)."""

    name = "rashomon.enrich.stories"
    version = "1"

    def __init__(self, store: Store, min_outlets: int = 2, processes: int = 1) -> None:
        super().__init__()
        self.store, self.min_outlets, self.processes = store, min_outlets, processes

    def run(self, items: Iterable[Story]) -> Iterator[Story]:
        from rashomon.enrich import Enrich, enrich_many

        producer = f"{Enrich.name}@{Enrich.version}"
        for story in items:
            if len(set(story.outlets)) >= self.min_outlets or (
                    len(story.article_ids) >= self.min_outlets and not story.outlets):
                articles = self.store.get_articles(story.article_ids)
                todo = [a for a in articles if not _enriched(a, producer)]
                if todo:
                    done = list(enrich_many(todo, n_process=self.processes))
                    self.store.set_enrichment(
                        [(a.id, a.enrichment or {}) for a in done], producer)
                    self.stats["articles"] += len(done)
            yield story


@register
class CompareStories(Step):
    """Compare the coverage of every changed story with two or more articles."""

    name = "rashomon.compare.stories"
    version = "1"

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def run(self, items: Iterable[Story]) -> Iterator[Story]:
        from rashomon.compare import Compare, compare_story

        for story in items:
            if len(story.article_ids) >= 2:
                articles = self.store.get_articles(story.article_ids)
                story.comparison = compare_story(story, articles)
                self.store.set_comparison(story.id, story.comparison,
                                          {Compare.name: Compare.version})
                self.stats["compared"] += 1
            yield story


def _enriched(article: Article, producer: str) -> bool:
    return bool(article.enrichment) and article.meta.get("enriched_by") == producer


def analysis_pipeline(store: Store, settings: Settings | None = None, *,
                      enrich: bool = True, compare: bool = True,
                      on_article: Callable[[Article], None] | None = None,
                      on_skip: Callable[[str, str], None] | None = None) -> list[Step]:
    """The step list of ``rashomon analyze``."""
    settings = settings or Settings.load()
    steps: list[Step] = [SkipKnown(store, settings.write_batch), Extract(on_skip=on_skip)]
    if on_article is not None:
        steps.append(_Tap(on_article))
    steps += [WriteArticles(store, settings.write_batch), ClusterStories(store)]
    if enrich:
        steps.append(EnrichStories(store, settings.enrich_min_outlets,
                                   settings.enrich_processes))
    if compare:
        steps.append(CompareStories(store))
    return steps


class _Tap(Step):
    """Call a function on each record and pass it on (progress, logging)."""

    name = "rashomon.tap"

    def __init__(self, fn: Callable[[Article], None]) -> None:
        super().__init__()
        self.fn = fn

    def run(self, items: Iterable[Article]) -> Iterator[Article]:
        for item in items:
            self.fn(item)
            yield item
