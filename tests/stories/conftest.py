"""Small hand-written articles about three made-up events, for the stories tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.model import Article

FLOOD = [
    (
        "Floods cut off Valdora as the Brenn river bursts its banks",
        [
            "The Brenn river burst its banks overnight, flooding the old town of Valdora and "
            "forcing the evacuation of some 3,000 residents, regional officials said.",
            "Mayor Elena Kostic said rescue boats were searching flooded streets near the "
            "cathedral and that the main bridge to Valdora had been closed.",
            "Forecasters warned that more rain was expected in the Brenn valley on Sunday.",
        ],
    ),
    (
        "Thousands evacuated in Valdora after record flooding",
        [
            "Rescue teams evacuated thousands of people from Valdora after the Brenn river "
            "rose to a record level and flooded the historic centre.",
            "Elena Kostic, the town's mayor, asked residents to stay away from the river and "
            "said the bridge would stay closed while engineers inspected it.",
            "More rain is forecast for the Brenn valley, raising fears of further flooding.",
        ],
    ),
    (
        "Valdora mayor blames river authority as floodwaters rise",
        [
            "Valdora mayor Elena Kostic accused the river authority of ignoring warnings "
            "about the Brenn embankments as flood water covered the old town.",
            "About 3,000 residents were evacuated and rescue boats patrolled the streets "
            "around the cathedral, while the bridge into the town was closed.",
        ],
    ),
]

TRADE = [
    (
        "Norland and Castova sign grain trade pact",
        [
            "Norland and Castova signed a grain trade agreement on Saturday that cuts "
            "tariffs on wheat and barley, ending a two-year dispute between the neighbours.",
            "Trade minister Pavel Odrin said the pact would lower bread prices in Norland "
            "within months and open Castova's ports to Norland exporters.",
        ],
    ),
    (
        "Grain deal ends Norland-Castova tariff dispute",
        [
            "A tariff dispute over wheat and barley between Norland and Castova ended with a "
            "grain agreement signed in the Castova capital on Saturday.",
            "Pavel Odrin, Norland's trade minister, told reporters that exporters would use "
            "Castova's ports and that bread should become cheaper.",
        ],
    ),
]

CHESS = [
    (
        "Teenager wins the Lisvik chess open",
        [
            "Sixteen-year-old Mira Andersen won the Lisvik chess open on Sunday, beating "
            "three grandmasters on her way to the title and a prize of 20,000 crowns.",
            "Andersen said she had prepared for the final round by studying endgames with "
            "her coach, the former champion Tomas Wirt.",
        ],
    ),
]


def make(title: str, body: list[str], aid: str, outlet: str, published: str | None) -> Article:
    """An article record as extraction would give it."""
    return Article(
        id=aid,
        source="test",
        source_id=aid,
        text=title + "\n\n" + "\n\n".join(body),
        title=title,
        outlet=outlet,
        published=published,
        body=list(body),
    )


@pytest.fixture
def articles() -> list[Article]:
    """Six articles: three on a flood, two on a trade pact, one on a chess open."""
    out = []
    outlets = ["left-daily", "right-news", "wire"]
    for n, (title, body) in enumerate(FLOOD):
        out.append(
            make(title, body, f"flood{n:02d}aaaaaaaaaaaaaa", outlets[n], f"2031-03-0{n + 1}")
        )
    for n, (title, body) in enumerate(TRADE):
        out.append(make(title, body, f"trade{n:02d}bbbbbbbbbbbbbb", outlets[n], "2031-03-02"))
    title, body = CHESS[0]
    out.append(make(title, body, "chess00cccccccccccccc", "wire", "2031-03-02"))
    return out


@pytest.fixture
def shared() -> Path:
    """The shared evaluation folder beside the repository, or skip."""
    path = Path(__file__).resolve().parents[2] / ".." / "shared"
    if not path.is_dir():
        pytest.skip("shared evaluation data not present")
    return path
