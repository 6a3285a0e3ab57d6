"""The analysis pipeline: pages -> stored articles -> stories -> storylines -> comparison.

Each step is a plain generator over records; ``analysis_pipeline`` returns the list the
local runner (and the Ray runner) runs. Store-bound steps write in transactions, so a run
that is killed can simply be run again: stored articles are skipped, articles left without a
story are clustered, stories left without a comparison are compared.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator

from rashomon.errors import StaleState, StoreError
from rashomon.extract import Extract
from rashomon.model import Article, Page, Story
from rashomon.outlets import CanonicalOutlets
from rashomon.pipeline import Step, register
from rashomon.settings import Settings
from rashomon.store.base import Store, StorylineUpdate

log = logging.getLogger(__name__)

#: Name under which the clustering state is saved in the store.
STORY_STATE = "stories.index"
#: A random token rewritten with every save of the clustering state: a run saves only if
#: the token is still the one it read, so two runs never interleave their index parts.
GENERATION = "stories.index.generation"
#: Times a run re-reads the index after another run saved first.
SAVE_ATTEMPTS = 3


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


def _part_name(part: str) -> str:
    """Store name of a part of the story index (the head under ``STORY_STATE`` itself)."""
    return STORY_STATE if part == "head" else f"{STORY_STATE}/{part}"


@register
class ClusterStories(Step):
    """Assign every article without a story (new ones and leftovers of a killed run) to
    stories, link storylines, and yield the stories that changed."""

    name = "rashomon.stories.cluster"
    version = "1"

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def _part(self, name: str) -> bytes | None:
        saved = self.store.get_state(_part_name(name))
        return saved[1] if saved else None

    def run(self, items: Iterable[Article]) -> Iterator[Story]:
        for _ in items:  # the articles are in the store once the writer has passed them on
            pass
        for _attempt in range(SAVE_ATTEMPTS):
            pending = list(self.store.unassigned_articles())
            if not pending:
                return
            try:
                changed = self._cluster(pending)
                break
            except StaleState:
                log.warning("another run saved stories meanwhile: clustering again")
        else:
            raise StoreError("the story index kept changing under this run: try again")
        for story in changed:
            fresh = self.store.get_story(story.id)
            if fresh is not None:
                yield fresh

    def _cluster(self, pending: list[Article]) -> list[Story]:
        """Place ``pending`` and save stories, storylines and index in one transaction,
        which fails (``StaleState``) if another run saved the index after it was read."""
        from rashomon.stories.index import StoryIndex

        token = self.store.get_state(GENERATION)
        head = self.store.get_state(STORY_STATE)
        removed: list[str] = []
        rebuild = False
        try:
            if head is None:
                index = StoryIndex.load(None)
            else:
                index = StoryIndex.load_parts(lambda n: head[1] if n == "head" else self._part(n))
        except StoreError as exc:
            # a state written by another version of the clusterer: cluster everything anew
            log.warning("story index not usable (%s): rebuilding the stories", exc)
            index, rebuild = StoryIndex.load(None), True
            stories = self.store.list_stories(limit=10**9)
            removed = [s.id for s in stories]
            assigned = [a for s in stories for a in s.article_ids]
            pending = self.store.get_articles(assigned) + pending
        changed = index.add(pending)
        for story in changed:
            story.steps[self.name] = self.version
        kept = {s.id for s in changed}
        removed = [sid for sid in removed + index.removed_story_ids() if sid not in kept]
        if rebuild:
            lines: StorylineUpdate = (index.storylines(), None)
        else:  # only the storylines this batch touched are rewritten
            touched = index.changed_storylines()
            updated = index.storylines(touched)
            lines = (updated, sorted(touched - {x.id for x in updated}))
        parts = [(_part_name(n), self.signature, blob) for n, blob in index.dump_parts().items()]
        parts.append((GENERATION, self.signature, os.urandom(16)))
        self.store.save_stories(changed, removed, parts, lines,
                                expect=(GENERATION, token[1] if token else None))
        self.stats["articles"] += len(pending)
        self.stats["changed"] += len(changed)
        self.stats["state_bytes_written"] += sum(len(p[2]) for p in parts)
        return changed


class DeepClock:
    """The time the deep stages (enrichment, comparison) of one run may take.

    They get as long as the run spent ingesting and clustering, within ``[floor, cap]``
    seconds: a bulk import keeps its pace, and a small first pile is finished (the caller
    gives a floor only to a run into an empty store, so that an incremental add stays
    quick). Stories not reached are compared on demand or by ``rashomon enrich``.
    """

    def __init__(self, floor: float, cap: float) -> None:
        self.started = time.perf_counter()
        self.floor, self.cap = floor, cap
        self.deep_started: float | None = None

    def left(self) -> float:
        """Seconds the deep stages may still spend (starts their clock on first call)."""
        now = time.perf_counter()
        if self.deep_started is None:
            self.deep_started = now
        allowed = min(self.cap, max(self.floor, self.deep_started - self.started))
        return allowed - (now - self.deep_started)


@register
class EnrichStories(Step):
    """Run deep NLP on the articles of stories told by enough outlets.

    Results are cached in the store by article id (a content hash) and producer version.
    Stories told by more outlets come first; at most ``max_articles`` articles are parsed
    per run (the rest wait for ``rashomon enrich``), so a bulk import is not held up by
    the slowest stage. The order is deterministic: outlets, size, then id.
    """

    name = "rashomon.enrich.stories"
    version = "1"

    def __init__(self, store: Store, min_outlets: int = 2, processes: int = 1,
                 max_articles: int | None = None, clock: DeepClock | None = None) -> None:
        super().__init__()
        self.store, self.min_outlets, self.processes = store, min_outlets, processes
        self.max_articles, self.clock = max_articles, clock

    def run(self, items: Iterable[Story]) -> Iterator[Story]:
        stories = list(items)
        budget = self.max_articles
        for story in sorted(stories, key=priority):
            if (budget is not None and budget <= 0) or (self.clock and self.clock.left() <= 0):
                self.stats["deferred_stories"] += 1
                continue
            if not self.wanted(story):
                continue
            try:
                done = enrich_story(self.store, story, self.processes, budget, self.clock)
            except Exception:  # enrichment is an extra: the story is still compared
                log.warning("enrichment failed for story %s", story.id, exc_info=True)
                self.stats["failed"] += 1
                continue
            self.stats["articles"] += done
            if budget is not None:
                budget -= done
        yield from stories

    def wanted(self, story: Story) -> bool:
        """Whether a story is told by enough outlets to need deep NLP (an article whose
        outlet is unknown counts as an outlet of its own)."""
        if len(story.article_ids) < 2:
            return False
        rows = self.store.article_summaries(story.article_ids)
        voices = {r["outlet"] or f"?{r['id']}" for r in rows}
        return len(voices) >= self.min_outlets


def priority(story: Story) -> tuple[int, int, str]:
    """Sort key: stories told by more outlets, then bigger ones, first."""
    return (-len(set(story.outlets)), -len(story.article_ids), story.id)


#: Articles parsed (and saved) between two looks at the clock: ~0.5 s of deep NLP. A batch
#: starts only if the clock has as long left as the last one took.
ENRICH_BATCH = 4


def enrich_story(store: Store, story: Story, processes: int = 1,
                 limit: int | None = None, clock: DeepClock | None = None) -> int:
    """Enrich the story's articles not yet enriched by the current producer; returns how
    many were parsed (at most ``limit``; fewer when ``clock`` runs out between batches)."""
    from rashomon.enrich import Enrich, enrich_many

    producer = f"{Enrich.name}@{Enrich.version}"
    todo = [a for a in store.get_articles(story.article_ids) if not _enriched(a, producer)]
    if limit is not None:
        todo = todo[:limit]
    batch = ENRICH_BATCH * max(processes, 1)
    count, took = 0, 0.0
    for start in range(0, len(todo), batch):
        # a batch starts only if the one before would still fit: the clock is not overrun
        if clock is not None and start and clock.left() < took:
            break
        t0 = time.perf_counter()
        done = list(enrich_many(todo[start : start + batch], n_process=processes))
        store.set_enrichment([(a.id, a.enrichment or {}) for a in done], producer)
        count, took = count + len(done), time.perf_counter() - t0
    return count


def catch_up(store: Store, settings: Settings | None = None,
             limit: int | None = None) -> dict[str, int]:
    """Finish what earlier runs deferred: enrich the stories told by enough outlets (most
    outlets first, at most ``limit`` articles) and compare every story that was enriched
    anew or has no comparison yet. Returns counters."""
    settings = settings or Settings.load()
    enricher = EnrichStories(store, settings.enrich_min_outlets, settings.enrich_processes)
    todo: list[Story] = []
    for story in sorted(store.list_stories(limit=10**9), key=priority):
        if len(story.article_ids) < 2:
            continue
        left = None if limit is None else limit - enricher.stats["articles"]
        done = 0
        if enricher.wanted(story) and (left is None or left > 0):
            done = enrich_story(store, story, settings.enrich_processes, left)
            enricher.stats["articles"] += done
        if done or not story.comparison:
            todo.append(story)
    compare = CompareStories(store)
    for _ in compare.run(todo):
        pass
    return {"enriched": enricher.stats["articles"], "compared": compare.stats["compared"]}


@register
class CompareStories(Step):
    """Compare the coverage of changed stories with two or more articles.

    Stories told by more outlets come first; past ``max_stories`` per run the rest are
    deferred (``rashomon enrich`` compares them, and views compare them on demand).
    """

    name = "rashomon.compare.stories"
    version = "1"

    def __init__(self, store: Store, max_stories: int | None = None,
                 clock: DeepClock | None = None) -> None:
        super().__init__()
        self.store, self.max_stories, self.clock = store, max_stories, clock

    def run(self, items: Iterable[Story]) -> Iterator[Story]:
        from rashomon.compare.story import Compare

        stories = list(items)
        wanted = sorted((s for s in stories if len(s.article_ids) >= 2), key=priority)
        for n, story in enumerate(wanted):
            if (self.max_stories is not None and n >= self.max_stories) or \
                    (self.clock is not None and self.clock.left() <= 0):
                # a stale comparison must not be shown: views compare it again on demand
                self.store.set_comparison(story.id, {}, {})
                self.stats["deferred"] += 1
                continue
            comparison = compare_safely(self.store, story)
            if comparison is None:
                self.stats["failed"] += 1
                continue
            story.comparison = comparison
            self.store.set_comparison(story.id, comparison, {Compare.name: Compare.version})
            self.stats["compared"] += 1
        yield from stories


def compare_safely(store: Store, story: Story) -> dict | None:
    """The story's coverage comparison, or None (logged) when it fails: one odd story must
    not end a run."""
    from rashomon.compare.story import compare_story

    try:
        return compare_story(story, store.get_articles(story.article_ids))
    except Exception:
        log.warning("comparison failed for story %s", story.id, exc_info=True)
        return None


def _enriched(article: Article, producer: str) -> bool:
    return bool(article.enrichment) and article.meta.get("enriched_by") == producer


def analysis_pipeline(store: Store, settings: Settings | None = None, *,
                      enrich: bool = True, compare: bool = True,
                      on_article: Callable[[Article], None] | None = None,
                      on_skip: Callable[[str, str], None] | None = None) -> list[Step]:
    """The step list of ``rashomon analyze``."""
    settings = settings or Settings.load()
    first = not store.has_articles()
    clock = DeepClock(settings.deep_min_seconds if first else 0.0, settings.deep_max_seconds)
    steps: list[Step] = [SkipKnown(store, settings.write_batch), Extract(on_skip=on_skip)]
    if on_article is not None:
        steps.append(_Tap(on_article))
    steps += [WriteArticles(store, settings.write_batch),
              CanonicalOutlets(store, settings.write_batch), ClusterStories(store)]
    if enrich:
        steps.append(EnrichStories(store, settings.enrich_min_outlets,
                                   settings.enrich_processes, settings.enrich_max_articles,
                                   clock))
    if compare:
        steps.append(CompareStories(store, settings.compare_max_stories, clock))
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
