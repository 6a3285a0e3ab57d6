from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from rashomon.errors import StoreError
from rashomon.model import Article, Comment, Removed, Span, Story, Storyline
from rashomon.store import SQLiteStore
from rashomon.store.migrations import MIGRATIONS


def _article(i: int, published: str | None = "2025-03-0{}") -> Article:
    body = [f"Paragraph {i} about the strike at the harbour of Velmora.", "Second paragraph."]
    text = "Title\n\n" + "\n\n".join(body)
    return Article(
        id=f"a{i:019d}", source=f"p{i}.txt", source_id=f"p{i}", text=text,
        title=f"Harbour strike {i}", outlet="Ledger" if i % 2 else "Courier",
        published=published.format(i) if published else None, body=body,
        body_spans=[Span(body[0], 7, 7 + len(body[0]))],
        comments=[Comment("a comment", 0, 9, author="Tomas", spam=False)],
        removed=[Removed("Home", "chrome", 0, 4, "navigation")],
    )


def test_migrations_are_named_applied_once_and_recorded(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    store = SQLiteStore(db)
    assert store.migrations() == [name for name, _ in MIGRATIONS]
    assert store.migrate() == []
    mode = store.conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    store.close()


def test_articles_round_trip_and_are_keyed_by_content_hash() -> None:
    store = SQLiteStore(":memory:")
    a = _article(1)
    assert store.add_articles([a, _article(2)]) == 2
    assert store.add_articles([a]) == 0
    back = store.get_article(a.id)
    assert back is not None and back.to_dict(raw=True) == a.to_dict(raw=True)
    assert store.known_ids([a.id, "nope"]) == {a.id}
    assert [x.id for x in store.get_articles([_article(2).id, "nope", a.id])] == \
        [_article(2).id, a.id]


def test_full_text_search_is_safe_against_query_syntax() -> None:
    store = SQLiteStore(":memory:")
    store.add_articles([_article(1), _article(2)])
    hits = store.search("harbour Velmora")
    assert {h["source_id"] for h in hits} == {"p1", "p2"}
    assert store.search('") OR * NEAR(') == []
    assert store.search("") == []


def test_stories_storylines_and_state_are_saved_together() -> None:
    store = SQLiteStore(":memory:")
    arts = [_article(i) for i in (1, 2, 3)]
    store.add_articles(arts)
    s1 = Story(id="s-1", article_ids=[arts[0].id, arts[1].id], title="Strike",
               first_published="2025-03-01", last_published="2025-03-02",
               outlets=["Ledger", "Courier"])
    s2 = Story(id="s-2", article_ids=[arts[2].id], title="Other")
    store.save_stories([s1, s2], [], ("idx", "test@1", b"blob"))
    assert [a.id for a in store.unassigned_articles()] == []
    assert store.get_state("idx") == ("test@1", b"blob")
    assert [s.id for s in store.list_stories()] == ["s-1", "s-2"]
    store.set_comparison("s-1", {"facts": [{"text": "x"}]}, {"compare": "1"})
    # merging s-2 into s-1 moves its article and drops s-2, keeping the comparison
    s1.article_ids.append(arts[2].id)
    store.save_stories([s1], ["s-2"])
    got = store.get_story("s-1")
    assert got is not None and len(got.article_ids) == 3
    assert got.comparison == {"facts": [{"text": "x"}]}
    assert store.get_story("s-2") is None
    store.save_storylines([Storyline(id="l-1", story_ids=["s-1"], title="Strikes")])
    assert store.get_story("s-1").storyline_id == "l-1"  # type: ignore[union-attr]
    assert [s.id for s in store.list_stories(storyline="l-1")] == ["s-1"]
    assert [s.id for s in store.list_stories(outlet="Courier")] == ["s-1"]
    assert store.story_of(arts[2].id) == "s-1"


def test_failed_transaction_leaves_nothing_half_written() -> None:
    store = SQLiteStore(":memory:")
    store.add_articles([_article(1)])
    bad = Story(id="s-x", article_ids=[_article(1).id, "missing-article"])
    with pytest.raises(sqlite3.IntegrityError):
        store.save_stories([bad], [], ("idx", "t@1", b"new"))
    assert store.get_story("s-x") is None
    assert store.get_state("idx") is None
    assert store.counts() == {"articles": 1, "stories": 0, "storylines": 0}


def test_readonly_store_refuses_missing_or_foreign_files(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        SQLiteStore(tmp_path / "none.db", readonly=True)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(StoreError, match="not a Rashomon store"):
        SQLiteStore(other, readonly=True)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"definitely not sqlite" * 100)
    with pytest.raises(StoreError):
        SQLiteStore(junk)


def test_readers_see_committed_writes(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    writer = SQLiteStore(db)
    reader = SQLiteStore(db, readonly=True)
    writer.add_articles([_article(1)])
    assert reader.counts()["articles"] == 1
    reader.close()
    writer.close()


def test_outlets_are_renamed_with_the_written_name_kept() -> None:
    from storekit import check_outlets_are_renamed_with_the_written_name_kept

    check_outlets_are_renamed_with_the_written_name_kept(SQLiteStore(":memory:"), _article(1))


def test_storylines_update_incrementally() -> None:
    store = SQLiteStore(":memory:")
    arts = [_article(i) for i in (1, 2, 3)]
    store.add_articles(arts)
    stories = [Story(id=f"s-{i}", article_ids=[a.id]) for i, a in enumerate(arts)]
    store.save_stories(stories, [])
    store.save_storylines([Storyline(id="l-a", story_ids=["s-0", "s-1"]),
                           Storyline(id="l-b", story_ids=["s-2"])])
    store.save_storylines([Storyline(id="l-a", story_ids=["s-0", "s-1", "s-2"])], ["l-b"])
    assert [x.id for x in store.list_storylines()] == ["l-a"]
    assert {s.storyline_id for s in store.list_stories()} == {"l-a"}
    store.save_storylines([Storyline(id="l-c", story_ids=["s-2"])], [])
    assert store.get_story("s-2").storyline_id == "l-c"  # type: ignore[union-attr]
    assert store.get_story("s-0").storyline_id == "l-a"  # type: ignore[union-attr]


def test_a_save_expecting_an_old_state_writes_nothing() -> None:
    from storekit import check_expect_guards_the_save

    check_expect_guards_the_save(SQLiteStore(":memory:"), _article(1))


def test_actor_lists_read_the_actors_of_compared_stories() -> None:
    from storekit import check_actor_lists_read_the_actors_of_compared_stories

    check_actor_lists_read_the_actors_of_compared_stories(SQLiteStore(":memory:"), _article(1))
