"""Postings: a loaded base plus appended rows behaves like a dict of lists."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rashomon.stories.postings import Postings

ops = st.lists(st.tuples(st.integers(-5, 30), st.integers(0, 9)), max_size=60)


def _model(pairs: list[tuple[int, int]]) -> dict[int, list[int]]:
    model: dict[int, list[int]] = {}
    for key, row in pairs:
        lst = model.setdefault(key, [])
        if not lst or lst[-1] != row:
            lst.append(row)
    return model


@given(ops, ops)
def test_saved_then_appended_lists_match_a_dict(before: list, after: list) -> None:
    first = Postings()
    for key, row in before:
        first.append(key, row)
    loaded = Postings(*first.arrays())
    for key, row in after:
        loaded.append(key, row)
    model = _model(before + after)
    assert dict(loaded.items()) == dict(sorted(model.items()))
    assert len(loaded) == len(model)
    for key in range(-6, 32):
        assert loaded.get(key) == model.get(key, [])
    again = Postings(*loaded.arrays())
    assert [a.tolist() for a in again.arrays()] == [a.tolist() for a in loaded.arrays()]


def test_get_returns_a_copy_of_the_saved_list() -> None:
    p = Postings()
    p.append(7, 1)
    loaded = Postings(*p.arrays())
    loaded.get(7).append(99)
    assert loaded.get(7) == [1]
