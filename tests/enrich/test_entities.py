from __future__ import annotations

from rashomon.enrich import enrich_article, resolve_entities
from rashomon.model import Article


def _by_name(article):
    return {e["name"]: e for e in article.enrichment["entities"]}


def test_titles_short_forms_and_defined_acronyms_are_one_actor(nlp, make_article):
    art = enrich_article(
        make_article(
            [
                "Captain Naji Mustafa, a spokesman for the National Liberation Front (NLF), spoke.",
                "Mustafa said the NLF would hold its positions.",
            ]
        ),
        nlp=nlp,
    )
    ents = _by_name(art)
    mustafa = ents["Naji Mustafa"]
    assert mustafa["kind"] == "person"
    assert [m["text"] for m in mustafa["mentions"]] == ["Naji Mustafa", "Mustafa"]
    nlf = ents["National Liberation Front"]
    assert [m["text"] for m in nlf["mentions"]] == ["National Liberation Front", "NLF", "NLF"]
    for ent in art.enrichment["entities"]:
        for m in ent["mentions"]:
            assert art.text[m["start"] : m["end"]] == m["text"]


def test_resolution_across_articles_joins_spellings_and_acronyms(nlp, make_article):
    a = enrich_article(
        make_article(
            ["Turkish President Recep Tayyip Erdoğan met Hay'at Tahrir al-Sham envoys in Ankara."],
            art_id="a",
        ),
        nlp=nlp,
    )
    b = enrich_article(
        make_article(
            ["Erdogan said HTS fighters had left Idlib.", "Hayat Tahrir al-Sham denied it."],
            art_id="b",
        ),
        nlp=nlp,
    )
    canon = resolve_entities([a, b])
    ids = {e["name"]: e["id"] for art in (a, b) for e in art.enrichment["entities"]}
    erdogan = [i for n, i in ids.items() if "Erdo" in n]
    assert len({canon[i] for i in erdogan}) == 1
    hts = [i for n, i in ids.items() if "Tahrir" in n or n == "HTS"]
    assert len(hts) >= 2 and len({canon[i] for i in hts}) == 1
    b_hts = next(e for e in b.enrichment["entities"] if "Tahrir" in e["name"])
    assert "HTS" in [m["text"] for m in b_hts["mentions"]]
    assert canon[ids["Ankara"]] != canon[erdogan[0]]


def _at(text: str, parts: list[tuple[str, str]]) -> list[tuple[int, int, int, str, str]]:
    out, cursor = [], 0
    for name, kind in parts:
        i = text.index(name, cursor)
        out.append((i, i + len(name), 0, name, kind))
        cursor = i + len(name)
    return out


def test_split_name_parts_are_joined_but_a_group_word_stays_off_a_person():
    from rashomon.enrich.entities import _joined

    text = "Jaysh’at Nasr al-Wadi and Brazilian Rosa Lima met Russian Coastal Forces."
    found = _at(
        text,
        [
            ("Jaysh’at", "org"),
            ("Nasr al-Wadi", "person"),
            ("Brazilian", "group"),
            ("Rosa Lima", "person"),
            ("Russian", "group"),
            ("Coastal Forces", "org"),
        ],
    )
    got = [(t, k) for _s, _e, _i, t, k in _joined(found, text)]
    assert got == [
        ("Jaysh’at Nasr al-Wadi", "org"),
        ("Brazilian", "group"),
        ("Rosa Lima", "person"),
        ("Russian Coastal Forces", "org"),
    ]


def test_a_bare_surname_is_the_person_named_in_full(nlp):
    from rashomon.enrich.entities import _surnames

    text = "President Adaeze Okafor spoke. Aides to Okafor and Okafor's office replied."
    found = _at(text, [("Adaeze Okafor", "person")])
    third = text.rindex("Okafor")
    found.append((third, third + 6, 0, "Okafor", "place"))
    got = [(s, t, k) for s, _e, _i, t, k in _surnames(found, text, nlp(text))]
    second = text.index("Okafor", text.index("Aides"))
    assert got == [
        (found[0][0], "Adaeze Okafor", "person"),
        (second, "Okafor", "person"),
        (third, "Okafor", "person"),
    ]


def _entity_article(art_id: str, text: str, ents: list[tuple[str, str]]) -> Article:
    art = Article(id=art_id, source=art_id, source_id=art_id, text=text)
    art.enrichment = {
        "entities": [
            {"id": f"{art_id}:e{k}", "name": name, "kind": kind, "mentions": [{"text": name}]}
            for k, (name, kind) in enumerate(ents)
        ]
    }
    return art


def test_a_surname_read_as_a_place_joins_the_person_unless_someone_is_in_it():
    a = _entity_article(
        "a",
        "Minister Ilse Varga visited Norland.",
        [("Ilse Varga", "person"), ("Norland", "place")],
    )
    b = _entity_article(
        "b", "Varga's cabinet met in Norland.", [("Varga", "place"), ("Norland", "place")]
    )
    canon = resolve_entities([a, b])
    assert canon["b:e0"] == canon["a:e0"] == "person:ilse-varga"
    assert canon["b:e1"] == canon["a:e1"] != canon["a:e0"]
    # a town of the same name as a person: 'in Varga' makes it a place
    c = _entity_article("c", "Flooding reached homes in Varga on Monday.", [("Varga", "place")])
    canon = resolve_entities([a, b, c])
    assert canon["b:e0"] != canon["a:e0"]


def test_a_lone_surname_goes_to_the_person_it_ends_not_to_a_misread_run_of_names():
    # the tagger read a list of names as one ('Varenne Tomas Kell'), then 'Varenne' alone
    # (as an organisation), then the full name that 'Varenne' stands for
    run = _entity_article("a", "Varenne Tomas Kell", [("Varenne Tomas Kell", "person")])
    run.enrichment["entities"][0]["mentions"].append({"text": "Varenne"})
    lone = _entity_article("b", "Varenne said no.", [("Varenne", "org")])
    full = _entity_article("c", "Paul Varenne said no.", [("Paul Varenne", "person")])
    full.enrichment["entities"][0]["mentions"].append({"text": "Varenne"})
    canon = resolve_entities([run, lone, full])
    assert canon["b:e0"] == canon["c:e0"] == "person:paul-varenne" != canon["a:e0"]


def test_a_nationality_adjective_is_no_actor_but_a_people_is(nlp):
    from rashomon.enrich.entities import find_entities

    doc = nlp("Polish troops met the Kurds near Ostrava. The Kurds asked for Polish help.")
    got = {e.name: e.kind for e in find_entities(doc, "a")}
    assert "Polish" not in got and got.get("Kurds") == "group"


def test_one_spelling_as_place_and_organisation_is_one_actor_but_not_as_person():
    from rashomon.enrich.entities import same_actor

    assert same_actor(["Idlib"], "place", "Idlib", "org", {})
    assert not same_actor(["Jordan"], "place", "Jordan", "person", {})
    assert not same_actor(["Idlib"], "place", "Idlib Council", "org", {})


def test_a_generic_tail_does_not_join_two_organisations():
    from rashomon.enrich.entities import same_actor

    assert not same_actor(["Velmian National Army"], "org", "National Army", "org", {})
    assert same_actor(["Jabhat Fath al-Sham"], "org", "Fath al-Sham", "org", {})


def test_two_people_of_one_surname_stay_two_whatever_came_first():
    from rashomon.enrich.entities import same_actor

    group = ["Lise Varenne", "Varenne"]  # the full name, then the surname alone
    assert same_actor(group, "person", "Varenne", "person", {})
    assert same_actor(group, "person", "Ms Lise Varenne", "person", {})
    assert not same_actor(group, "person", "Paul Varenne", "person", {})
    assert same_actor(["Varenne"], "person", "Paul Varenne", "person", {})


def test_a_hyphenated_pair_of_names_is_neither_of_them():
    from rashomon.enrich.entities import same_actor

    assert not same_actor(["Oren Dask"], "person", "Oren Dask-Vilo", "person", {})
    assert not same_actor(["Vilo"], "person", "Dask-Vilo", "person", {})
    # an Arabic article is no hyphenated name: 'al-Hamdi' is 'Hamdi'
    assert same_actor(["Samir al-Hamdi"], "person", "Hamdi", "person", {})
    assert same_actor(["al-Hamdi"], "person", "Hamdi", "person", {})


def test_two_letters_are_a_person_only_when_the_text_says_so():
    from rashomon.enrich.entities import same_actor

    assert not same_actor(["Anna Pell"], "person", "AP", "org", {})
    assert same_actor(["Anna Pell"], "person", "AP", "org", {"AP": "Anna Pell"})
    assert same_actor(["Tomas Ruben Kell"], "person", "TRK", "org", {})
    assert same_actor(["Arctic Patrol"], "org", "AP", "org", {})


def test_several_surnames_read_as_places_each_join_their_person():
    # the places come first, so joining one must not shift the groups the next one looks up
    a = _entity_article(
        "a", "Varga's aides and Brenn's staff met.", [("Varga", "place"), ("Brenn", "place")]
    )
    b = _entity_article(
        "b",
        "Minister Ilse Varga and General Otto Brenn spoke.",
        [("Ilse Varga", "person"), ("Otto Brenn", "person")],
    )
    canon = resolve_entities([a, b])
    assert canon["a:e0"] == canon["b:e0"] == "person:ilse-varga"
    assert canon["a:e1"] == canon["b:e1"] == "person:otto-brenn"


def test_a_dateline_in_capitals_does_not_name_the_place():
    from collections import Counter

    from rashomon.enrich.entities import Entity

    place = Entity("a:e1", Counter({"place": 2}), ["KESSARY", "Kessary"], [(0, 7), (40, 47)])
    assert place.name == "Kessary"
    group = Entity("a:e2", Counter({"org": 2}), ["HTS", "HTS"], [(0, 3), (9, 12)])
    assert group.name == "HTS"


def test_a_one_word_person_that_is_a_place_in_the_articles_joins_the_place():
    a = _entity_article("a", "Talks opened in Velm on Monday.", [("Velm", "place")])
    b = _entity_article("b", "Velm answered the strikers.", [("Velm", "person")])
    canon = resolve_entities([a, b])
    assert canon["b:e0"] == canon["a:e0"] == "place:velm"
    # a person with a full name, or a name nobody is in, stays a person
    c = _entity_article("c", "Ruth Velm spoke.", [("Ruth Velm", "person"), ("Velm", "person")])
    canon = resolve_entities([a, c])
    assert canon["c:e0"] == "person:ruth-velm" != canon["a:e0"]
    d = _entity_article("d", "Strikers met in Kessary.", [("Kessary", "place")])
    canon = resolve_entities([d, b])
    assert canon["b:e0"] == "person:velm"


def test_a_one_word_person_that_someone_is_in_is_a_place():
    b = _entity_article("b", "Talks opened in Velm. Velm answered.", [("Velm", "person")])
    assert resolve_entities([b])["b:e0"] == "place:velm"
    view = _entity_article("v", "In Velm's view, the talks failed.", [("Velm", "person")])
    assert resolve_entities([view])["v:e0"] == "person:velm"


def test_a_one_word_person_written_to_is_not_a_place():
    note = _entity_article("n", "A letter to Varga was read out.", [("Varga", "person")])
    assert resolve_entities([note])["n:e0"] == "person:varga"
