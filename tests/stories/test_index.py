"""StoryIndex: grouping, stable ids, idempotent re-runs, persistence."""

from __future__ import annotations

import dataclasses

import pytest

from rashomon.model import Article
from rashomon.stories.index import StoryIndex, story_id_for


def groups(index: StoryIndex) -> set[frozenset[str]]:
    by: dict[str, set[str]] = {}
    for aid, sid in index.assignments().items():
        by.setdefault(sid, set()).add(aid)
    return {frozenset(v) for v in by.values()}


def prefixes(index: StoryIndex) -> set[frozenset[str]]:
    return {frozenset(a[:5] for a in g) for g in groups(index)}


def test_events_become_stories(articles: list[Article]) -> None:
    index = StoryIndex()
    stories = index.add(articles)
    assert len(groups(index)) == 3
    assert all(len(set(a[:5] for a in g)) == 1 for g in groups(index))
    flood = next(s for s in stories if s.article_ids[0].startswith("flood"))
    assert flood.id == story_id_for("flood00aaaaaaaaaaaaaa")
    assert flood.first_published == "2031-03-01" and flood.last_published == "2031-03-03"
    assert flood.outlets == ["left-daily", "right-news", "wire"]
    assert flood.title and "Valdora" in flood.title


def test_input_order_does_not_matter(articles: list[Article]) -> None:
    a, b = StoryIndex(), StoryIndex()
    a.add(articles)
    b.add(list(reversed(articles)))
    assert a.assignments() == b.assignments()


def test_readding_changes_nothing(articles: list[Article]) -> None:
    index = StoryIndex()
    index.add(articles)
    before = index.assignments()
    assert index.add(articles) == []
    assert index.assignments() == before


def test_undated_articles_cluster_by_content(articles: list[Article]) -> None:
    undated = [dataclasses.replace(a, published=None) for a in articles]
    index = StoryIndex()
    stories = index.add(undated)
    assert len(groups(index)) == 3
    assert all(s.meta["undated"] for s in stories)


def test_far_apart_dates_split_the_same_words(articles: list[Article]) -> None:
    flood = [a for a in articles if a.id.startswith("flood")]
    later = dataclasses.replace(flood[1], id="flood99zzzzzzzzzzzzzz", published="2032-07-01")
    index = StoryIndex()
    index.add(flood + [later])
    assert index.assignments()[later.id] != index.assignments()[flood[0].id]


@pytest.mark.parametrize("split", [2, 4])
def test_dump_load_continues_like_the_original(articles: list[Article], split: int) -> None:
    whole = StoryIndex()
    whole.add(articles[:split])
    whole.add(articles[split:])
    first = StoryIndex()
    first.add(articles[:split])
    resumed = StoryIndex.load(first.dump())
    assert resumed.assignments() == first.assignments()
    resumed.add(articles[split:])
    assert resumed.assignments() == whole.assignments()
    assert StoryIndex.load(resumed.dump()).dump() == resumed.dump()


def test_load_none_is_empty() -> None:
    index = StoryIndex.load(None)
    assert index.assignments() == {} and index.stories() == []


def test_dump_load_keeps_undated_lookups(articles: list[Article]) -> None:
    undated = [dataclasses.replace(a, published=None) for a in articles]
    whole = StoryIndex()
    whole.add(undated)
    first = StoryIndex()
    first.add(undated[:3])
    resumed = StoryIndex.load(first.dump())
    resumed.add(undated[3:])
    assert groups(resumed) == groups(whole)


def test_returned_stories_partition_the_articles(articles: list[Article]) -> None:
    index = StoryIndex()
    live: dict[str, list[str]] = {}
    for batch in (articles[:2], articles[2:4], articles[4:]):
        for story in index.add(batch):
            live[story.id] = story.article_ids
        for gone in index.removed_story_ids():
            assert gone not in {s.id for s in index.stories()}
            assert index.merged_into()[gone] in live
            live.pop(gone, None)
    placed = [a for ids in live.values() for a in ids]
    assert sorted(placed) == sorted(a.id for a in articles)
    assert {s.id: s.article_ids for s in index.stories()} == live


def test_dated_and_undated_articles_meet(articles: list[Article]) -> None:
    # an undated report first, then dated ones: they find its story through shared keys
    mixed = [
        dataclasses.replace(a, published=None) if a.id.startswith("flood00") else a
        for a in articles
    ]
    index = StoryIndex()
    index.add(mixed)
    assert len(groups(index)) == 3
    flood = next(s for s in index.stories() if "flood00aaaaaaaaaaaaaa" in s.article_ids)
    assert len(flood.article_ids) == 3 and not flood.meta["undated"]


def test_empty_and_huge_articles_are_placed(articles: list[Article]) -> None:
    empty = Article(id="empty0000000000000000", source="t", source_id="e", text="")
    huge = dataclasses.replace(
        articles[0], id="huge00000000000000000", body=["word salad " * 200_000]
    )
    index = StoryIndex()
    index.add(articles + [empty, huge])
    assert {empty.id, huge.id} <= set(index.assignments())
    assert index.syndication(empty.id)["copies"] == []
    assert StoryIndex.load(index.dump()).assignments() == index.assignments()


def test_loaded_dense_rows_equal_the_ones_computed_online(articles: list[Article]) -> None:
    import numpy as np

    index = StoryIndex()
    index.add(articles)
    resumed = StoryIndex.load(index.dump())
    cl, rl = index.clusterer, resumed.clusterer
    rows = np.array(sorted(st.row for st in cl.stories.values()))
    assert rl._stale[rows].all()  # nothing computed until a query needs it
    rl._fill(rows)
    assert np.array_equal(rl._dense[rows], cl._dense[rows])
