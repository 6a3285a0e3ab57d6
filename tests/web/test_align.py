from __future__ import annotations

from rashomon.web.align import align, mark_pair, share_matched

A = ["The interior ministry said seven officers had been hurt in the clashes.",
     "Weather was mild on the coast.",
     "Trucks blocked the western approach to the port on Monday night."]
B = ["Drivers blocked the western approach to the port on Monday night, witnesses said.",
     "An unrelated paragraph about football results and league tables.",
     "The interior ministry has confirmed seven injured officers."]


def test_paraphrased_paragraphs_pair_up_and_the_rest_stay_alone() -> None:
    rows = align(A, B)
    pairs = [(r.get("a_index"), r.get("b_index")) for r in rows if r["a"] and r["b"]]
    assert sorted(pairs) == [(0, 2), (2, 0)]
    alone_b = [r["b_index"] for r in rows if r["a"] is None]
    assert alone_b == [1]
    assert len(rows) == 4  # every paragraph of both sides shown exactly once


def test_known_links_pair_paragraphs_words_cannot() -> None:
    a, b = ["Officials spoke of calm."], ["The mood was tense, residents said."]
    assert not any(r["a"] and r["b"] for r in align(a, b))
    linked = align(a, b, [("Officials spoke of calm.", "The mood was tense")])
    assert linked[0]["a"] and linked[0]["b"] and linked[0]["similarity"] == 1.0


def test_shared_runs_are_marked_and_text_is_kept() -> None:
    text = "Trucks blocked the western approach to the port."
    pieces = mark_pair(text, "Drivers blocked the western approach on Monday.")
    assert "".join(p["text"] for p in pieces) == text
    assert [p["text"].strip() for p in pieces if p["shared"]] == ["blocked the western approach"]
    rows = [{"a": pieces, "b": None}]
    assert 0 < share_matched(rows, "a") < 1
