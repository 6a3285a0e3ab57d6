from __future__ import annotations

from rashomon.web.sections import (
    citations,
    coverage,
    label_rows,
    own_spelling,
    sourcing,
    speaker_name,
    summary,
)

ARTS = [{"id": "a1", "source_id": "s1", "outlet": "Ledger", "published": "2024-03-01T08:00:00"},
        {"id": "a2", "source_id": "s2", "outlet": None, "published": None},
        {"id": "a3", "source_id": "s3", "outlet": "Ledger", "published": "2024-03-02"}]


def test_coverage_cells_by_outlet_with_source_ids_standing_in() -> None:
    story = {"articles": ARTS, "facts": [
        {"id": "f1", "support": "unique", "articles": [{"id": "a2", "outlet": "s2"}]},
        {"id": "f2", "support": "all", "articles": [{"id": "a1", "outlet": "Ledger"},
                                                   {"id": "a2", "outlet": "s2"}]}],
        "omissions": [{"outlet": "s2", "facts": [{"fact": "f9"}]}],
        "contradictions": [{"fact": "f2", "values": [{"article": {"outlet": "s2"}}]}]}
    cov = coverage(story)
    assert cov["outlets"] == ["Ledger", "s2"]
    assert [r["fact"]["id"] for r in cov["rows"]] == ["f2", "f1"]  # widest told first
    assert [c["state"] for c in cov["rows"][0]["cells"]] == ["reported", "contradicted"]
    assert [c["state"] for c in cov["rows"][1]["cells"]] == ["", "reported"]


def test_summary_cites_one_article_per_outlet_and_falls_back_to_facts() -> None:
    index = {a["id"]: a for a in ARTS}
    assert [c["id"] for c in citations(["a1", "a3", "a2", "zz"], index)] == ["a1", "a2", "zz"]
    story = {"articles": ARTS, "summary": [],
             "facts": [{"text": "T", "support": "most", "articles": [{"id": "a1"}]}]}
    s = summary(story)
    assert s["fallback"] and s["sentences"][0]["sources"][0]["outlet"] == "Ledger"


def test_label_shapes() -> None:
    rows = label_rows({"army": {"Ledger": [{"term": "troops", "count": 3}, "soldiers"]}})
    assert rows == [{"actor": "army", "outlets": {"Ledger": ["troops ×3", "soldiers"]}}]
    rows = label_rows([{"actor": "army", "outlets": {"Ledger": {"troops": 1}}}])
    assert rows[0]["outlets"] == {"Ledger": ["troops"]}
    assert label_rows("nonsense") == []


def test_sourcing_bars_are_clamped_shares() -> None:
    story = {"articles": ARTS, "sourcing": {"articles": [
        {"id": "a1", "own_share": 1.7, "reused_share": -1, "wire_share": "x"}]}}
    row = sourcing(story)["articles"][0]
    assert row["bars"] == {"own": 100.0, "reused": 0.0, "wire": 0.0}


def test_speaker_name_prefers_entity_names() -> None:
    enr = {"entities": [{"id": "a:e1", "name": "Mira Solenko"}]}
    assert speaker_name({"speaker": "a:e1"}, enr) == "Mira Solenko"
    assert speaker_name({"speaker": "a:e9", "source": {"text": "officials"}}, enr) == "officials"
    assert speaker_name({}, None) == "unattributed"


def test_reuse_matrix_counts_passages_between_outlets() -> None:
    story = {"articles": ARTS, "sourcing": {"reuse": [
        {"article": "a1", "source": {"id": "a2", "outlet": "s2"}, "direction": "from"},
        {"article": "a1", "source": {"id": "a2", "outlet": "s2"}, "direction": "shared"},
        {"article": "a2", "source": "a1"}]}}
    m = sourcing(story)["matrix"]
    assert m["outlets"] == ["Ledger", "s2"]
    assert m["rows"][0]["cells"] == [None, {"n": 2, "from": 1}]
    assert m["rows"][1]["cells"] == [{"n": 1, "from": 0}, None]


def test_an_outlets_own_spelling_shows_only_when_it_is_more_than_a_short_form() -> None:
    actor = {"name": "Radek Vasko", "by_outlet": {
        "A": [{"text": "Vasko", "count": 3}, {"text": "Radek Vasko", "count": 1}],
        "B": [{"text": "RADEK VASKO", "count": 1}],
        "C": [{"text": "the butcher of Velm", "count": 2}],
        "D": [], "E": "junk"}}
    assert [own_spelling(actor, o) for o in "ABCDEF"] == [
        None, None, "the butcher of Velm", None, None, None]
    assert own_spelling({"name": "X", "by_outlet": None}, "A") is None
