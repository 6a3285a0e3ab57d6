from rashomon.compare.sourcing import wire_name
from rashomon.compare.story import compare_story
from rashomon.model import Story

from .conftest import make_article


def test_wires_and_reuse_from_the_earlier_article(story, articles):
    src = compare_story(story, articles)["sourcing"]
    by = {a["outlet"]: a for a in src["articles"]}
    assert all(a["wires"] == {"Reuters": 1} for a in src["articles"])
    assert by["Harbor Times"]["reused_share"] == 0.0  # the first to publish
    assert by["Daily Patriot"]["reused_share"] > 0.5
    assert set(by["Daily Patriot"]["reused_from"]) == {"Harbor Times"}
    copies = [
        r for r in src["reuse"] if r["kind"] == "copy" and r["source"]["outlet"] == "Harbor Times"
    ]
    assert any(r["sentence"].startswith("Nearly 150 ships") for r in copies)
    assert all(r["direction"] == "from" for r in src["reuse"])


def test_own_reporting_and_citations_between_outlets():
    a = make_article(
        "a",
        "Harbor Times",
        ["The mayor opened the new bridge over the Sella river on Friday."],
        "2024-01-01T10:00:00+00:00",
    )
    b = make_article(
        "b",
        "Coast News",
        [
            "The mayor opened the new bridge over the Sella river on Friday, Harbor Times said.",
            "Local fishermen said the works had ruined the spring catch for two seasons.",
        ],
        "2024-01-01T12:00:00+00:00",
    )
    src = compare_story(Story(id="x"), [a, b])["sourcing"]
    assert src["cites"] == [{"from": "Coast News", "to": "Harbor Times"}]
    coast = next(x for x in src["articles"] if x["outlet"] == "Coast News")
    assert 0.3 < coast["own_share"] < 0.7 and coast["wires"] == {}


def test_wire_names_are_canonical():
    assert wire_name("Associated Press") == "AP" and wire_name("Reuters") == "Reuters"


def test_frame_sources_and_who_cites_whom(story, articles):
    from rashomon.compare.sourcing import frame_source

    assert frame_source("senior officials told Reuters on Monday") == "senior officials"
    assert frame_source("According to the Associated Press") == "AP"
    assert frame_source("he said") is None
    src = compare_story(story, articles)["sourcing"]
    assert src["cited_by"]["port authority"] == ["Daily Patriot", "Harbor Times", "coast-3"]
    harbor = next(a for a in src["articles"] if a["outlet"] == "Harbor Times")
    assert {"source": "port authority", "count": 1} in harbor["sources"]


def test_date_only_publication_times_give_a_direction():
    text = "The mayor opened the new bridge over the Sella river on Friday, officials said."
    a = make_article("a", "A", [text], "2024-01-01")
    b = make_article("b", "B", [text], "2024-01-03")
    reuse = compare_story(Story(id="x"), [a, b])["sourcing"]["reuse"]
    assert [(r["source"]["outlet"], r["direction"]) for r in reuse] == [("A", "from")]
