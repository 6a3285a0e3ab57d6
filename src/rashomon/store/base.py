"""The store interface: what the pipeline, CLI and web UI need from a database.

SQLite implements it (``sqlite.py``); PostgreSQL implements the same methods. Writes happen
in transactions, so a killed run never leaves a half-written article or story.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from typing import Any

from rashomon.model import Article, Story, Storyline

#: Storylines to write and ids to drop; ``None`` for the ids replaces all storylines.
StorylineUpdate = tuple[list[Storyline], Iterable[str] | None]
#: A named state value and the producer (step@version) that wrote it.
State = tuple[str, str, bytes]


def state_list(state: State | list[State] | None) -> list[State]:
    """``save_stories``' state argument as a list."""
    if state is None:
        return []
    return [state] if isinstance(state, tuple) else list(state)


class Store(ABC):
    """Articles keyed by content hash, stories, storylines and pipeline state."""

    # --- articles -------------------------------------------------------------------
    @abstractmethod
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of article ids already stored."""

    @abstractmethod
    def add_articles(self, articles: list[Article]) -> int:
        """Store new articles in one transaction; returns how many were new."""

    @abstractmethod
    def get_article(self, article_id: str) -> Article | None:
        """One article with its page text, or None."""

    @abstractmethod
    def get_articles(self, ids: Iterable[str]) -> list[Article]:
        """Articles by id (unknown ids are left out), in the order given."""

    @abstractmethod
    def unassigned_articles(self) -> Iterator[Article]:
        """Articles that belong to no story yet (new, or left by an interrupted run)."""

    @abstractmethod
    def set_enrichment(self, items: list[tuple[str, dict[str, Any]]], producer: str) -> None:
        """Cache enrichment results by article id (= content hash), in one transaction."""

    @abstractmethod
    def rename_outlets(self, items: list[tuple[str, str]]) -> None:
        """Give articles ``(id, outlet)`` their outlet's canonical name, in one transaction
        (the name as the page wrote it is kept in the article's meta)."""

    # --- stories --------------------------------------------------------------------
    @abstractmethod
    def save_stories(self, changed: list[Story], removed: Iterable[str],
                     state: State | list[State] | None = None,
                     storylines: StorylineUpdate | None = None,
                     expect: tuple[str, bytes | None] | None = None) -> None:
        """Write new/changed stories, drop merged-away ones, save clustering state (one or
        more ``(name, producer, blob)``) and update storylines (as ``save_storylines``
        takes them), all in one transaction. With ``expect=(name, value)`` nothing is
        written, and ``StaleState`` is raised, unless state ``name`` still holds ``value``
        (None: absent) when the transaction starts."""

    @abstractmethod
    def save_storylines(self, storylines: list[Storyline],
                        removed: Iterable[str] | None = None) -> None:
        """Write storylines and their stories' links, in one transaction: with ``removed``
        None they replace all storylines; otherwise the given ones are written anew and the
        ``removed`` ids dropped (an incremental update)."""

    @abstractmethod
    def set_comparison(self, story_id: str, comparison: dict[str, Any],
                       steps: dict[str, str]) -> None:
        """Store a story's coverage comparison."""

    @abstractmethod
    def get_state(self, name: str) -> tuple[str, bytes] | None:
        """Saved pipeline state ``(producer, blob)`` or None."""

    @abstractmethod
    def get_story(self, story_id: str) -> Story | None:
        """One story, or None."""

    @abstractmethod
    def list_stories(self, *, limit: int = 100, offset: int = 0, outlet: str | None = None,
                     since: str | None = None, until: str | None = None,
                     storyline: str | None = None) -> list[Story]:
        """Stories, largest and most recent first."""

    @abstractmethod
    def get_storyline(self, storyline_id: str) -> Storyline | None:
        """One storyline, or None."""

    @abstractmethod
    def list_storylines(self) -> list[Storyline]:
        """All storylines, most recent first."""

    def actor_lists(self) -> list[dict[str, Any]]:
        """Per compared story with actors: ``{id, title, first_published, last_published,
        actors}`` (the ``actors`` of its comparison), by story id. Stores override this to
        read only that part of each story."""
        out, offset = [], 0
        while page := self.list_stories(limit=500, offset=offset):
            for s in page:
                actors = (s.comparison or {}).get("actors")
                if isinstance(actors, list) and actors:
                    out.append({"id": s.id, "title": s.title,
                                "first_published": s.first_published,
                                "last_published": s.last_published, "actors": actors})
            offset += len(page)
        return sorted(out, key=lambda r: r["id"])

    def stories_version(self) -> object | None:
        """A value that changes whenever a story or its comparison is written (by any
        connection), for caches of what is derived from all stories; None: no such value,
        do not cache."""
        return None

    @abstractmethod
    def article_summaries(self, ids: Iterable[str]) -> list[dict[str, Any]]:
        """id, source_id, outlet, title, published, url of articles (no page text)."""

    @abstractmethod
    def story_of(self, article_id: str) -> str | None:
        """The story id an article belongs to."""

    # --- search and facets ------------------------------------------------------------
    @abstractmethod
    def search(self, query: str, limit: int = 50) -> list[dict[str, Any]]:
        """Full-text search over titles and bodies: article summaries with a snippet."""

    @abstractmethod
    def outlets(self) -> list[dict[str, Any]]:
        """Outlets with their article counts."""

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Articles, stories, storylines stored."""

    @abstractmethod
    def has_articles(self) -> bool:
        """Whether any article is stored (without counting them all)."""

    # --- runs -----------------------------------------------------------------------
    @abstractmethod
    def start_run(self, command: str) -> int:
        """Record the start of a run."""

    @abstractmethod
    def finish_run(self, run_id: int, counts: dict[str, int], steps: dict[str, str]) -> None:
        """Record the end of a run with its counters and step versions."""

    @abstractmethod
    def close(self) -> None:
        """Close connections."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def story_filters(*, outlet: str | None = None, since: str | None = None,
                  until: str | None = None, storyline: str | None = None,
                  mark: str = "?") -> tuple[str, list[Any]]:
    """The ``WHERE`` clause (or "") and arguments of a story listing, with ``mark`` as the
    driver's placeholder."""
    where: list[str] = []
    args: list[Any] = []
    if outlet:
        where.append("id IN (SELECT sa.story_id FROM story_articles sa JOIN articles a"
                     f" ON a.id = sa.article_id WHERE a.outlet = {mark})")
        args.append(outlet)
    if since:
        where.append(f"last_published >= {mark}")
        args.append(since)
    if until:
        where.append(f"first_published <= {mark}")
        args.append(until)
    if storyline:
        where.append(f"storyline_id = {mark}")
        args.append(storyline)
    return (" WHERE " + " AND ".join(where) if where else ""), args


def story_data(story: Story, old: str | None) -> dict[str, Any]:
    """A story's JSON column: the record without its members, keeping the stored
    comparison (``old`` JSON) until the compare step redoes it."""
    data = story.to_dict()
    data.pop("article_ids")
    if old and not story.comparison:
        data["comparison"] = json.loads(old).get("comparison", {})
    return data


def renamed_data(old: str, was: str | None, outlet: str) -> dict[str, Any]:
    """An article's JSON column (``old``) with its outlet renamed, the written name kept."""
    data = json.loads(old)
    data["meta"].setdefault("outlet_as_named", was)
    data["outlet"] = outlet
    return data
