"""Checks every store must pass, run by the SQLite and the PostgreSQL tests."""

from __future__ import annotations

import pytest

from rashomon.errors import StaleState
from rashomon.model import Article, Story
from rashomon.store.base import Store


def check_expect_guards_the_save(store: Store, article: Article) -> None:
    """A save that expects an older state value writes nothing and raises StaleState."""
    assert not store.has_articles()
    store.add_articles([article])
    assert store.has_articles()
    story = Story(id="s-1", article_ids=[article.id])
    store.save_stories([], [], ("gen", "t@1", b"one"), expect=("gen", None))
    with pytest.raises(StaleState):
        store.save_stories([story], [], [("gen", "t@1", b"two"), ("idx", "t@1", b"x")],
                           expect=("gen", b"zero"))
    assert store.get_story("s-1") is None and store.get_state("idx") is None
    store.save_stories([story], [], ("gen", "t@1", b"two"), expect=("gen", b"one"))
    assert store.get_state("gen") == ("t@1", b"two") and store.get_story("s-1") is not None


def check_outlets_are_renamed_with_the_written_name_kept(store: Store, article: Article) -> None:
    """``rename_outlets`` changes the outlet, keeps the written one, skips unknown ids."""
    store.add_articles([article])
    store.rename_outlets([(article.id, "The Ledger"), ("missing", "X")])
    back = store.get_article(article.id)
    assert back is not None and back.outlet == "The Ledger"
    assert back.meta["outlet_as_named"] == article.outlet
    assert [r["outlet"] for r in store.outlets()] == ["The Ledger"]


def check_actor_lists_read_the_actors_of_compared_stories(store: Store, article: Article) -> None:
    """``actor_lists`` gives each compared story's actors as stored, hostile text intact,
    leaves out stories without actors, and agrees with the generic reader."""
    store.add_articles([article])
    stories = [Story(id=f"s-{i}", article_ids=[article.id] if i == 1 else [], title=f"T{i}",
                     first_published="2025-03-01") for i in (1, 2, 3, 4)]
    store.save_stories(stories, [])
    actors = [{"id": "person:a", "name": "<b>A</b> \"Q\" ' \\ \u2028", "kind": "person",
               "names": [{"text": "<b>A</b>", "count": 2}], "outlets": {"X & Y": 2}}]
    before = store.stories_version()
    store.set_comparison("s-1", {"actors": actors, "facts": [1]}, {"c": "1"})
    assert before is not None and store.stories_version() != before
    store.set_comparison("s-2", {"actors": []}, {})
    store.set_comparison("s-3", {"actors": {"not": "a list"}}, {})
    rows = store.actor_lists()
    assert rows == [{"id": "s-1", "title": "T1", "first_published": "2025-03-01",
                     "last_published": None, "actors": actors}]
    assert rows == Store.actor_lists(store)
    before = store.stories_version()
    store.save_stories([], ["s-4"])
    assert store.stories_version() != before
