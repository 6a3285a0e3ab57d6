"""The blob: refuses what it cannot read."""

from __future__ import annotations

import pytest

from rashomon.errors import StoreError
from rashomon.stories.index import StoryIndex


def test_garbage_blob_is_a_store_error() -> None:
    with pytest.raises(StoreError):
        StoryIndex.load(b"not a story index")


def test_round_trip_of_an_empty_index() -> None:
    blob = StoryIndex().dump()
    assert StoryIndex.load(blob).dump() == blob


def _saved(store: dict[str, bytes], parts: dict[str, bytes]) -> dict[str, bytes]:
    store.update(parts)
    return parts


def test_parts_hold_only_what_a_batch_changed(articles, monkeypatch) -> None:
    from rashomon.stories import persist

    monkeypatch.setattr(persist, "BLOCK_ROWS", 1)
    store: dict[str, bytes] = {}
    whole = StoryIndex()  # the same two batches, never saved
    whole.add(articles[:-1])
    whole.add(articles[-1:])
    first = StoryIndex()
    first.add(articles[:-1])
    everything = _saved(store, first.dump_parts())
    n_blocks = sum(1 for name in everything if name.startswith("st."))
    assert n_blocks >= 2 and "seg.000000" in everything
    assert _saved(store, first.dump_parts()).keys() == {"head"}  # nothing changed since

    resumed = StoryIndex.load_parts(store.get)
    resumed.add(articles[-1:])
    written = _saved(store, resumed.dump_parts())
    assert "seg.000001" in written and "seg.000000" not in written
    assert sum(1 for name in written if name.startswith("st.")) < n_blocks
    again = StoryIndex.load_parts(store.get)
    assert again.assignments() == whole.assignments()
    assert again.dump() == whole.dump()


def test_segments_are_folded_into_one(articles, monkeypatch) -> None:
    from rashomon.stories import persist

    monkeypatch.setattr(persist, "MAX_SEGMENTS", 2)
    store: dict[str, bytes] = {}
    index = StoryIndex()
    for a in articles:
        index = StoryIndex.load_parts(store.get) if store else index
        index.add([a])
        _saved(store, index.dump_parts())
    final = StoryIndex.load_parts(store.get)
    assert final.saved_segments <= 2
    assert set(final.assignments()) == {a.id for a in articles}


def test_a_missing_part_is_a_store_error(articles) -> None:
    store: dict[str, bytes] = {}
    index = StoryIndex()
    index.add(articles)
    _saved(store, index.dump_parts())
    del store["st.00000"]
    with pytest.raises(StoreError):
        StoryIndex.load_parts(store.get)


def test_near_duplicates_are_read_once_and_kept_apart(articles) -> None:
    store: dict[str, bytes] = {}
    index = StoryIndex()
    index.add(articles[:3])
    _saved(store, index.dump_parts())
    reads: list[str] = []

    def get(name: str) -> bytes | None:
        reads.append(name)
        return store.get(name)

    resumed = StoryIndex.load_parts(get)
    resumed.add(articles[3:4])
    _saved(store, resumed.dump_parts())
    resumed.add(articles[4:])
    _saved(store, resumed.dump_parts())
    near_reads = [name for name in reads if name.startswith("nd.")]
    assert near_reads == ["nd.000000"]  # read on the first add that needs copies, once
    final = StoryIndex.load_parts(store.get)
    ids, _ = final.near.everything()
    assert len(ids) == len(set(ids)) == len(articles)
    whole = StoryIndex()
    whole.add(articles)
    assert {a.id: final.syndication(a.id) for a in articles} == \
        {a.id: whole.syndication(a.id) for a in articles}
