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
