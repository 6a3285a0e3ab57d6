from rashomon.compare.facts import support_level
from rashomon.compare.story import compare_story
from rashomon.model import Story

from .conftest import make_article


def test_support_levels():
    assert [support_level(n, 5) for n in (1, 2, 3, 5)] == ["unique", "some", "most", "all"]
    assert support_level(1, 1) == "all"


def test_a_clause_only_one_outlet_adds_is_its_own_fact():
    base = "The storm cut power to the northern districts of Halm on Sunday"
    a = make_article("a", "A", [base + ", leaving some 40,000 homes dark, the utility said."])
    b = make_article("b", "B", [base + ", the utility said."])
    c = make_article("c", "C", [base + ", officials said."])
    facts = compare_story(Story(id="x"), [a, b, c])["facts"]
    main = next(f for f in facts if f["text"].startswith("The storm"))
    assert main["support"] == "all"
    extra = next(f for f in facts if "40,000" in f["text"])
    assert [x["outlet"] for x in extra["articles"]] == ["A"] and extra["support"] == "unique"


def test_detail_shared_by_some_members_of_a_fact():
    other = [
        "Schools in the valley stayed closed for a second week.",
        "The regional council met to discuss the budget for road repairs.",
        "Farmers reported flooded fields along the lower river banks.",
    ]
    a = make_article(
        "a",
        "A",
        [
            "Floodwater closed the main bridge across the Sella river "
            "and the old railway tunnel near Brodno on Sunday.",
            *other,
        ],
    )
    b = make_article(
        "b",
        "B",
        [
            "Floodwater closed the main bridge across the Sella river "
            "and the old railway tunnel near Brodno on Sunday.",
            *other[:1],
        ],
    )
    c = make_article(
        "c",
        "C",
        ["Floodwater closed the main bridge across the Sella river on Sunday.", *other[1:]],
    )
    facts = compare_story(Story(id="x"), [a, b, c])["facts"]
    detail = next(f for f in facts if f["kind"] == "detail")
    assert sorted(x["outlet"] for x in detail["articles"]) == ["A", "B"]
    assert "railway tunnel" in detail["text"] and detail["support"] == "most"
