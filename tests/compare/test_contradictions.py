import pytest

from rashomon.compare.figures import find_dates, find_figures, negation
from rashomon.compare.story import compare_story
from rashomon.model import Story

from .conftest import make_article


def kinds(out):
    return {(c["kind"], c["status"]) for c in out["contradictions"]}


def test_figure_and_polarity_of_a_day_later_article_are_updates(story, articles):
    out = compare_story(story, articles)
    assert ("figure", "update") in kinds(out)
    fig = next(c for c in out["contradictions"] if c["kind"] == "figure")
    assert {v["text"] for v in fig["values"]} == {"Nearly 150 ships", "Hundreds of ships"}
    assert ("polarity", "update") in kinds(out)


def test_same_hour_disagreements_are_conflicts():
    a = make_article(
        "a",
        "A",
        ["Floods killed 12 people in Dorvik on Monday, police said."],
        "2024-05-01T10:00:00+00:00",
    )
    b = make_article(
        "b",
        "B",
        ["Floods killed 40 people in Halm on Tuesday, police said."],
        "2024-05-01T10:30:00+00:00",
    )
    out = compare_story(Story(id="x"), [a, b])
    assert kinds(out) == {("figure", "conflict"), ("date", "conflict"), ("place", "conflict")}


def test_compatible_figures_are_no_contradiction():
    a = make_article("a", "A", ["Dozens of trucks crossed the border at dawn, officials said."])
    b = make_article("b", "B", ["About 40 trucks crossed the border at dawn, officials said."])
    assert compare_story(Story(id="x"), [a, b])["contradictions"] == []


def test_figure_patterns():
    (f,) = find_figures("some 180,000 civilians fled")
    assert (f.low, f.high, f.counts) == (162000.0, pytest.approx(198000.0), "civilian")
    assert find_figures("in 2017 the programme ended") == []
    assert find_dates("on Saturday, May 25th")["day"][0] == "05-25"
    assert negation("he did not confirm") == "not" and negation("he confirmed") is None


def test_enrichment_figures_are_used_and_odd_ones_skipped():
    text = "Ten boats sank near the pier on Monday, the coast guard said."
    a = make_article("a", "A", [text], "2024-05-01T10:00:00+00:00")
    start = a.body_spans[0].start
    a.enrichment = {
        "sentences": [{"text": text, "start": start, "end": start + len(text)}],
        "figures": [
            {
                "kind": "number",
                "span": {"text": "Ten", "start": start, "end": start + 3},
                "value": 10.0,
                "unit": None,
                "counts": "boats",
                "qualifier": None,
            },
            {
                "kind": "date",
                "span": {"text": "Monday", "start": start + 30, "end": start + 36},
                "value": ["2024-04-29", "2024-04-29"],
                "unit": "date",
                "counts": None,
            },
            {
                "kind": "number",
                "span": {"text": "x", "start": start, "end": start + 1},
                "value": "not a number",
                "counts": "boats",
            },
        ],
    }
    b = make_article(
        "b",
        "B",
        ["Dozens of boats sank near the pier on Monday, the coast guard said."],
        "2024-05-01T10:20:00+00:00",
    )
    (c,) = compare_story(Story(id="x"), [a, b])["contradictions"]
    assert c["kind"] == "figure" and {v["text"] for v in c["values"]} == {"Ten", "Dozens of boats"}


def test_an_outlet_revising_its_own_figure_is_an_update():
    a = make_article(
        "a",
        "Wire",
        ["Floods killed 12 people in Dorvik on Monday, police said."],
        "2024-05-01T10:00:00+00:00",
    )
    b = make_article(
        "b",
        "Wire",
        ["Floods killed 30 people in Dorvik on Monday, police said."],
        "2024-05-01T11:00:00+00:00",
    )
    (c,) = compare_story(Story(id="x"), [a, b])["contradictions"]
    assert (c["kind"], c["status"]) == ("figure", "update") and "revised" in c["note"]
