from __future__ import annotations

from rashomon.model import Article
from rashomon.outlets import CanonicalOutlets, OutletNames, acronym, name_keys


def test_keys_drop_case_leading_the_and_corporate_endings() -> None:
    assert name_keys("The Harbour Courier Media Ltd.") == ["harbour courier"]
    assert name_keys("Velm Wire News") == ["velm wire news", "velm wire"]
    assert acronym("Orsenian National Broadcaster") == "onb"
    assert acronym("Courier") is None


def test_variants_of_one_outlet_get_the_first_name_seen() -> None:
    names = OutletNames(["The Harbour Courier"])
    assert names.canonical("Harbour Courier News") == "The Harbour Courier"
    assert names.canonical("harbour courier ltd") == "The Harbour Courier"
    assert names.canonical("VNB Online") == "VNB Online"
    assert names.canonical("Velm National Broadcaster") == "VNB Online"


def test_different_outlets_stay_apart() -> None:
    names = OutletNames()
    for outlet in ("Daily Ledger", "Daily Courier", "Coast Radio", "Coast Times"):
        assert names.canonical(outlet) == outlet


def test_step_renames_stored_articles_and_keeps_the_name_as_written() -> None:
    from rashomon.store import SQLiteStore

    store = SQLiteStore(":memory:")
    a = Article(id="a", source="s", source_id="s", text="x", outlet="Harbour Courier")
    b = Article(id="b", source="s", source_id="t", text="y", outlet="Harbour Courier Ltd")
    c = Article(id="c", source="s", source_id="u", text="z", outlet=None)
    store.add_articles([a, b, c])
    out = list(CanonicalOutlets(store).run([a, b, c]))
    assert [x.outlet for x in out] == ["Harbour Courier", "Harbour Courier", None]
    stored = store.get_article("b")
    assert stored is not None and stored.outlet == "Harbour Courier"
    assert stored.meta["outlet_as_named"] == "Harbour Courier Ltd"
    assert [r["outlet"] for r in store.outlets()] == ["Harbour Courier"]
