"""The dateline gazetteer."""

from rashomon.extract.places import is_place


def test_places() -> None:
    assert is_place("London")
    assert is_place("BEIRUT")
    assert is_place("Cairo, Egypt")
    assert not is_place("Breaking News")
    assert not is_place("")
