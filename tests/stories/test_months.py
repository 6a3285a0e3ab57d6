from __future__ import annotations

from datetime import date

from rashomon.stories.cluster import months_overlap
from rashomon.stories.text import named_months


def _day(iso: str) -> int:
    return date.fromisoformat(iso).toordinal() - date(1970, 1, 1).toordinal()


def test_only_day_and_month_dates_without_a_year_count() -> None:
    assert named_months("The council met on January 24 and again on 3rd February.") == {1, 2}
    assert named_months("Prices rose since January; last September was worse.") == frozenset()
    assert named_months("It opened on March 5, 2024 and on 4 March 2025.") == frozenset()


def test_months_within_a_month_of_a_story_overlap() -> None:
    may = _day("2019-05-25")
    assert months_overlap(frozenset({5}), may, may)
    assert months_overlap(frozenset({6}), may, may)
    assert not months_overlap(frozenset({1}), may, may)
    # across a new year, December and January are neighbours
    assert months_overlap(frozenset({1}), _day("2019-12-20"), _day("2019-12-28"))
