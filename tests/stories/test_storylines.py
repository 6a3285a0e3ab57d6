"""Storylines: later stories with the same actors join; unrelated ones do not."""

from __future__ import annotations

from rashomon.model import Article
from rashomon.stories.index import StoryIndex

from .conftest import make

LATER = [
    (
        "Valdora reopens its bridge months after the Brenn floods",
        [
            "Valdora reopened the main bridge over the Brenn river on Monday, five months "
            "after floods forced the evacuation of the old town.",
            "Mayor Elena Kostic thanked the engineers and said the river authority had "
            "agreed to rebuild the embankments along the Brenn before winter.",
        ],
    ),
    (
        "Brenn valley towns sue river authority over floods",
        [
            "Valdora and two other towns in the Brenn valley filed a lawsuit against the "
            "river authority, accusing it of neglecting the embankments before the floods.",
            "Elena Kostic, Valdora's mayor, said residents evacuated in March deserved "
            "compensation from the river authority.",
        ],
    ),
]


def test_later_stories_with_the_same_actors_form_one_storyline(articles: list[Article]) -> None:
    later = [
        make(*LATER[0], "later00eeeeeeeeeeeeee", "left-daily", "2031-08-10"),
        make(*LATER[1], "later01ffffffffffffff", "right-news", "2031-10-02"),
    ]
    index = StoryIndex()
    index.add(articles)
    index.add(later)
    stories = index.assignments()
    assert len({stories[a.id] for a in later}) == 2
    lines = {sid: line.id for line in index.storylines() for sid in line.story_ids}
    flood = lines[stories["flood00aaaaaaaaaaaaaa"]]
    assert lines[stories[later[0].id]] == flood == lines[stories[later[1].id]]
    assert lines[stories["chess00cccccccccccccc"]] != flood
    assert lines[stories["trade00bbbbbbbbbbbbbb"]] != flood
    again = StoryIndex.load(index.dump())
    assert [s.story_ids for s in again.storylines()] == [s.story_ids for s in index.storylines()]
