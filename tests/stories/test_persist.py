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
