from __future__ import annotations

from rashomon.enrich.relations import find_relations


def _cues(nlp, text):
    doc = nlp(text)
    return [doc.text[slice(*r.cue)] for r in find_relations(doc)]


def test_adding_to_a_thing_is_no_speech(nlp):
    assert _cues(nlp, "The mayor won the county, adding to her lead in the state.") == []
    assert _cues(nlp, "The rain added a new problem to the list.") == []
    assert _cues(nlp, "The bridge is closed, the mayor added.") == ["added"]


def test_a_second_that_clause_joined_to_the_verb_is_reported_too(nlp):
    doc = nlp(
        "The governor said the state needs to fix the roads, but that he would not back a tax."
    )
    said = next(r for r in find_relations(doc) if doc.text[slice(*r.cue)] == "said")
    assert [doc.text[slice(*c)] for c in said.content] == [
        "the state needs to fix the roads, but that he would not back a tax"
    ]
