from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rashomon.actors import resolve, store_actor, store_actors
from rashomon.errors import NotFound
from rashomon.model import Article, Story, content_hash
from rashomon.store import SQLiteStore
from rashomon.store.base import Store


def _actor(kind: str, *spellings: str, outlets: dict[str, int] | None = None) -> dict[str, Any]:
    return {
        "id": f"{kind}:{spellings[0].lower().replace(' ', '-')}",
        "name": spellings[0],
        "kind": kind,
        "mentions": 2 * len(spellings),
        "names": [{"text": s, "count": 2} for s in spellings],
        "outlets": outlets or {"Harbor Times": 2 * len(spellings)},
    }


def _row(story_id: str, *actors: dict[str, Any], day: str = "2025-03-01") -> dict[str, Any]:
    return {
        "id": story_id,
        "title": f"Story {story_id}",
        "first_published": day,
        "last_published": day,
        "actors": list(actors),
    }


def _by_name(found: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {a["name"]: a for a in found}


def test_spellings_and_acronyms_join_across_stories() -> None:
    found = _by_name(
        resolve(
            [
                _row("s1", _actor("org", "Jabhat Wadi al-Nur", "JWN")),
                _row("s2", _actor("group", "Jabhat Wadi an-Nur")),  # same skeleton
                _row("s3", _actor("org", "JWN")),  # the acronym alone
                _row("s4", _actor("place", "Kafr Tallah"), _actor("place", "Kfar Talla")),
            ]
        )
    )
    jwn = next(a for a in found.values() if a["kind"] == "org")
    assert [s["id"] for s in jwn["stories"]] == ["s1", "s2", "s3"]
    assert {n["text"] for n in jwn["names"]} == {"Jabhat Wadi al-Nur", "JWN", "Jabhat Wadi an-Nur"}
    assert jwn["mentions"] == 4 + 2 + 2
    assert len([a for a in found.values() if a["kind"] == "place"]) == 1


def test_a_surname_joins_the_one_person_it_can_name_and_no_other() -> None:
    found = resolve(
        [
            _row("s1", _actor("person", "Teodor Varga", "Varga")),
            _row("s2", _actor("person", "Varga")),
            _row("s3", _actor("person", "Ilse Brandt")),
            _row("s4", _actor("person", "Otto Brandt")),
            _row("s5", _actor("person", "Brandt")),
            _row("s6", _actor("person", "Brandt")),
        ]
    )
    by_name = _by_name(found)
    assert [s["id"] for s in by_name["Teodor Varga"]["stories"]] == ["s1", "s2"]
    # two people could be 'Brandt': the stories that only say 'Brandt' stay together, apart
    assert [s["id"] for s in by_name["Brandt"]["stories"]] == ["s5", "s6"]
    assert len(by_name["Ilse Brandt"]["stories"]) == len(by_name["Otto Brandt"]["stories"]) == 1
    assert len({a["id"] for a in found}) == len(found)


def test_a_surname_goes_to_a_person_the_stories_speak_of_far_more_than_any_other() -> None:
    ilse = [_row(f"s{i}", _actor("person", "Ilse Brandt", "Brandt")) for i in range(3)]
    found = _by_name(
        resolve(
            [
                *ilse,
                _row("s7", _actor("person", "Otto Brandt")),
                _row("s8", _actor("person", "Brandt")),
            ]
        )
    )
    assert [s["id"] for s in found["Ilse Brandt"]["stories"]] == ["s0", "s1", "s2", "s8"]
    assert len(found["Otto Brandt"]["stories"]) == 1


def test_people_need_their_words_but_organisations_may_differ_by_a_letter() -> None:
    found = _by_name(
        resolve(
            [
                _row(
                    "s1", _actor("person", "Yusuf Karam"), _actor("org", "Meridian Shipping Lines")
                ),
                _row(
                    "s2", _actor("person", "Yusuf Karim"), _actor("org", "Meridian Shiping Lines")
                ),
                _row("s3", _actor("person", "Karam, Yusuf")),  # the same words reordered
                _row("s4", _actor("person", "Yusuf Karim", "Yousef Karim")),
                _row("s5", _actor("person", "Yousef Karim")),
            ]
        )
    )
    assert len(found["Meridian Shipping Lines"]["stories"]) == 2
    assert [s["id"] for s in found["Yusuf Karam"]["stories"]] == ["s1", "s3"]
    # one skeleton, two people; a spelling variant joins where a story has tied it
    assert [s["id"] for s in found["Yusuf Karim"]["stories"]] == ["s2", "s4", "s5"]


def test_a_person_and_a_place_never_join_an_organisation_and_a_place_on_one_spelling() -> None:
    found = resolve(
        [
            _row("s1", _actor("place", "Jordan Vale"), _actor("org", "Tel Abyad")),
            _row("s2", _actor("person", "Jordan Vale"), _actor("place", "Tel Abyad")),
        ]
    )
    assert sorted((a["name"], a["kind"], len(a["stories"])) for a in found) == [
        ("Jordan Vale", "person", 1),
        ("Jordan Vale", "place", 1),
        ("Tel Abyad", "org", 2),
    ]


def test_a_person_the_tagger_read_as_an_organisation_joins_by_full_name() -> None:
    as_org = {
        **_actor("org", "Dunst"),
        "names": [{"text": "Dunst", "count": 6}, {"text": "Halvor Dunst", "count": 1}],
    }
    found = resolve(
        [
            _row("s1", as_org),
            _row("s2", _actor("person", "Halvor Dunst", "Dunst")),
            _row("s3", _actor("org", "Dunst Holdings")),  # its name is no person's surname use
            _row(
                "s4",
                {
                    **_actor("outlet", "VNN"),
                    "names": [{"text": "@VNN", "count": 3}, {"text": "VNN", "count": 1}],
                },
            ),
        ]
    )
    assert [(a["name"], a["kind"], [s["id"] for s in a["stories"]]) for a in found] == [
        ("Halvor Dunst", "person", ["s1", "s2"]),  # the kind most mentions carry
        ("Dunst Holdings", "org", ["s3"]),
        ("VNN", "outlet", ["s4"]),  # a handle ('@VNN') is no name to show
    ]


def test_the_spellings_each_outlet_uses_add_up_across_stories() -> None:
    def front(spelled: Any) -> dict[str, Any]:
        return {**_actor("group", "Free Quay Front", "FQF"), "by_outlet": spelled}

    found = resolve(
        [
            _row(
                "s1",
                front(
                    {
                        "North Wire": [{"text": "Free Quay Front", "count": 2}],
                        "South Post": [{"text": "FQF", "count": 3}],
                    }
                ),
            ),
            _row(
                "s2",
                front(
                    {
                        "South Post": [
                            {"text": "FQF", "count": 1},
                            {"text": "Free Quay Front", "count": 1},
                        ]
                    }
                ),
            ),
            _row("s3", front({"Odd": "not a list", "Odder": [{"count": 2}, "x"]})),
            _row("s4", front(None)),
        ]
    )
    assert [a["by_outlet"] for a in found] == [
        {
            "North Wire": [{"text": "Free Quay Front", "count": 2}],
            "South Post": [{"text": "FQF", "count": 4}, {"text": "Free Quay Front", "count": 1}],
        }
    ]


def test_malformed_actor_lists_are_skipped_not_fatal() -> None:
    found = resolve(
        [
            {
                "id": "s1",
                "actors": [
                    "not a dict",
                    {"kind": "person"},
                    {"kind": "alien", "name": "X"},
                    {
                        "kind": "org",
                        "name": "Quay Guild",
                        "names": "bad",
                        "mentions": "many",
                        "outlets": {"A": "2", "B": 1},
                    },
                    {
                        "kind": "org",
                        "names": [
                            {"text": "  "},
                            {"count": 3},
                            {"text": "Quay Guild", "count": -1},
                        ],
                    },
                ],
            },
            {"id": "s2", "actors": None},
        ]
    )
    assert [(a["name"], a["outlets"], [s["id"] for s in a["stories"]]) for a in found] == [
        ("Quay Guild", {"B": 1}, ["s1", "s1"])
    ]


def _article(i: int, text: str) -> Article:
    return Article(
        id=content_hash(text),
        source=f"p{i}.txt",
        source_id=f"p{i}",
        text=text,
        title=f"Page {i}",
        outlet="Harbor Times",
        published=f"2025-03-0{i}",
        body=[text],
    )


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    s = SQLiteStore(tmp_path / "actors.db")
    arts = [_article(i, f"Page {i} about the quay.") for i in (1, 2, 3)]
    s.add_articles(arts)
    s.save_stories(
        [
            Story(id=f"s{i}", article_ids=[a.id], title=f"Story {i}", first_published=a.published)
            for i, a in enumerate(arts, 1)
        ],
        [],
    )
    quote = {
        "text": "The quay stays shut",
        "speakers": ["Teodor Varga"],
        "outlets": ["HT"],
        "articles": [
            {"outlet": "HT", "speaker": "Varga"},
            {"outlet": "DP", "speaker": "a dock official"},
        ],
    }
    s.set_comparison("s1", {"actors": [_actor("person", "Teodor Varga", "Varga")]}, {})
    s.set_comparison("s2", {"actors": [_actor("person", "Varga")], "quotes": [quote]}, {})
    s.set_comparison("s3", {"facts": []}, {})  # compared, no actors
    return s


def test_store_actors_read_only_compared_stories_with_actors(store: SQLiteStore) -> None:
    rows = store.actor_lists()
    assert [r["id"] for r in rows] == ["s1", "s2"]
    assert rows == Store.actor_lists(store)  # the generic reader gives the same rows
    data = store_actors(store)
    assert data["count"] == 1 and data["stories"] == 2
    assert data["actors"][0]["story_count"] == 2
    assert store_actors(store, kind="place")["count"] == 0
    assert store_actors(store, min_stories=3)["count"] == 0


def test_one_actor_by_its_id_or_a_story_actor_id_with_its_quotes(store: SQLiteStore) -> None:
    varga = store_actor(store, "person:teodor-varga")
    assert store_actor(store, "person:varga", story="s2")["id"] == varga["id"]
    # inside its own story a one-word speaker is the story's actor; others are not
    assert varga["quotes"] == [
        {
            "story": "s2",
            "story_title": "Story 2",
            "text": "The quay stays shut",
            "outlets": ["HT"],
            "speakers": {"HT": "Varga"},
        }
    ]
    with pytest.raises(NotFound):
        store_actor(store, "person:nobody")


def test_resolved_actors_are_kept_until_a_story_changes_in_any_connection(
    store: SQLiteStore, tmp_path: Path
) -> None:
    first = store_actors(store)
    first["actors"][0]["names"] = "changed by a caller"
    assert store_actors(store)["actors"][0]["names"] == [
        {"text": "Varga", "count": 4},
        {"text": "Teodor Varga", "count": 2},
    ]
    writer = SQLiteStore(tmp_path / "actors.db")  # another connection to the same file
    writer.set_comparison("s3", {"actors": [_actor("place", "Quay Nine")]}, {})
    assert store_actors(store)["count"] == 2  # the reader sees the other connection's write
    store.set_comparison("s3", {"actors": []}, {})
    assert store_actors(store)["count"] == 1


def test_a_misread_spelling_among_an_actors_names_brings_it_no_quotes(store: SQLiteStore) -> None:
    varga = {
        **_actor("person", "Teodor Varga"),
        "names": [{"text": "Teodor Varga", "count": 3}, {"text": "Otto Brandt", "count": 1}],
    }
    said = [
        {"text": t, "outlets": ["HT"], "articles": [{"outlet": "HT", "speaker": who}]}
        for t, who in (("Not mine", "Otto Brandt"), ("Mine", "Teodor Varga"))
    ]
    store.set_comparison("s3", {"actors": [varga], "quotes": said}, {})
    quotes = store_actor(store, "person:teodor-varga")["quotes"]
    assert [q["text"] for q in quotes if q["story"] == "s3"] == ["Mine"]
