from __future__ import annotations

from rashomon.compare.actors import story_actors
from rashomon.model import Article


def _article(
    art_id: str, outlet: str, text: str, ents: list[tuple[str, str, list[str]]]
) -> Article:
    art = Article(id=art_id, source=art_id, source_id=art_id, text=text, outlet=outlet)
    art.enrichment = {
        "entities": [
            {
                "id": f"{art_id}:e{k}",
                "name": name,
                "kind": kind,
                "mentions": [{"text": m} for m in mentions],
            }
            for k, (name, kind, mentions) in enumerate(ents)
        ]
    }
    return art


def test_actors_join_spellings_across_outlets_and_count_mentions():
    a = _article(
        "a",
        "North Wire",
        "President Ilse Varga met the Free Harbour Front (FHF).",
        [
            ("Ilse Varga", "person", ["Ilse Varga", "Varga"]),
            ("Free Harbour Front", "org", ["Free Harbour Front", "FHF"]),
        ],
    )
    b = _article(
        "b",
        "South Post",
        "FHF fighters cheered Varga's visit.",
        [
            ("FHF", "org", ["FHF"]),
            ("Varga", "place", ["Varga"]),  # the parser's misreading of a possessive surname
        ],
    )
    c = _article("c", "South Post", "No entities here.", [])
    actors = story_actors([a, b, c])
    by_name = {x["name"]: x for x in actors}
    assert set(by_name) == {"Ilse Varga", "Free Harbour Front"}
    varga = by_name["Ilse Varga"]
    assert varga["kind"] == "person" and varga["mentions"] == 3
    assert varga["outlets"] == {"North Wire": 2, "South Post": 1}
    assert varga["articles"] == ["a", "b"] and varga["entities"] == ["a:e0", "b:e1"]
    front = by_name["Free Harbour Front"]
    assert {n["text"]: n["count"] for n in front["names"]} == {"FHF": 2, "Free Harbour Front": 1}
    # the spellings each outlet uses: one writes the name out, the other only the acronym
    assert front["by_outlet"] == {
        "North Wire": [{"text": "Free Harbour Front", "count": 1}, {"text": "FHF", "count": 1}],
        "South Post": [{"text": "FHF", "count": 1}],
    }


def test_no_enriched_article_gives_no_actors():
    assert story_actors([_article("a", "North Wire", "Text.", [])]) == []


def test_an_actor_has_the_kind_it_was_resolved_as():
    # the tagger read the town as a person twice and as a place once; the articles put
    # people in it, so it is one place
    a = _article("a", "North Wire", "Crowds gathered in Velm.", [("Velm", "place", ["Velm"])])
    b = _article(
        "b",
        "South Post",
        "Velm woke to sirens. Police in Velm said.",
        [("Velm", "person", ["Velm", "Velm"])],
    )
    (velm,) = story_actors([a, b])
    assert velm["id"] == "place:velm" and velm["kind"] == "place" and velm["mentions"] == 3
