from __future__ import annotations

from relkit import triples

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


def test_a_speech_verb_and_colon_closing_a_paragraph_quote_the_whole_next_one(nlp):
    text = (
        "The mayor added:\n\nIt is typical of the council. They know nothing, but the talk "
        "never stops.\n\nThe council did not reply."
    )
    assert triples(nlp, text, outer=True) == [
        (
            "added",
            "The mayor",
            ["It is typical of the council. They know nothing, but the talk never stops"],
        )
    ]


def test_calling_on_someone_to_act_reports_the_act_too(nlp):
    text = "Roe has called for the former clerk to release the records of her trips."
    assert triples(nlp, text, outer=True) == [
        ("has called for", "Roe", ["the former clerk to release the records of her trips"])
    ]
    # after a verb that asks nothing of its object the infinitive tells the purpose
    (pointed,) = triples(nlp, "The mayor pointed to the new votes to make her case.", outer=True)
    assert pointed[2] == ["the new votes"]


def test_a_court_rules_against_or_for_what_follows_its_preposition(nlp):
    text = "The appeals court ruled against the harbour board's new mooring fees."
    assert triples(nlp, text) == [
        ("ruled against", "The appeals court", ["the harbour board's new mooring fees"])
    ]


def test_looking_for_something_states_what_is_wanted(nlp):
    text = "Ferry crews are looking for a mayor who will mend the piers."
    assert triples(nlp, text, outer=True) == [
        ("are looking for", "Ferry crews", ["a mayor who will mend the piers"])
    ]


def test_a_phrasal_verb_takes_the_prepositions_of_its_own_entry(nlp):
    text = "She spoke out against the new harbour rules."
    assert triples(nlp, text) == [("spoke out against", "She", ["the new harbour rules"])]


def test_charging_someone_with_a_crime_is_an_accusation_and_charging_a_fee_is_not(nlp):
    text = "Prosecutors charged the clerk with fraud."
    assert triples(nlp, text) == [("charged", "Prosecutors", ["the clerk with fraud"])]
    assert triples(nlp, "The ferry company charged passengers a new fee.") == []


def test_support_thrown_or_doubt_cast_goes_to_what_follows_the_preposition(nlp):
    text = "Mayor Roe threw her support behind the ferry levy."
    assert triples(nlp, text) == [("threw her support behind", "Mayor Roe", ["the ferry levy"])]
    assert triples(nlp, "Roe cast doubt on the official tally.") == [
        ("cast doubt on", "Roe", ["the official tally"])
    ]
    assert triples(nlp, "The fishermen cast their nets at dawn.") == []


def test_a_participle_after_a_comma_reports_what_follows_it_not_the_clause_before(nlp):
    text = "Kell seemed to scorn the levy, saying at the end, ''Nobody pays that.''"
    rels = {cue: (source, content) for cue, source, content in triples(nlp, text)}
    assert rels["saying"] == ("Kell", ["''Nobody pays that.''"])


def test_a_speech_participle_after_the_verb_tells_how_it_was_said_not_what(nlp):
    text = '"It is a fair toll," Roe said replying to a caller on the radio.'
    rels = {cue: content for cue, _, content in triples(nlp, text)}
    assert rels["said"] == ['"It is a fair toll,"']


def test_a_relative_that_stands_for_its_noun_as_which_does(nlp):
    text = "A strike at the port is the sort of defeat that she fears."
    assert triples(nlp, text) == [("fears", "she", ["that"])]
    text = "A strike at the port is the sort of defeat which she fears."
    assert triples(nlp, text) == [("fears", "she", ["which"])]


def test_a_quoted_imperative_after_a_verb_is_what_was_said(nlp):
    assert triples(nlp, 'Pickets chanted "Pay the nurses" outside the ward.') == [
        ("chanted", "Pickets", ['"Pay the nurses" outside the ward'])
    ]
    assert triples(nlp, 'At the gate, the marchers chanted "Open the mill!" for an hour.') == [
        ("chanted", "the marchers", ['"Open the mill!"'])
    ]


def test_the_following_closing_a_paragraph_stands_for_the_next_one(nlp):
    text = "The mayor tweeted the following:\n\nThe bridge will stay shut until May."
    assert triples(nlp, text) == [
        ("tweeted", "The mayor", ["The bridge will stay shut until May"])
    ]
    text = "The board released the following statement:\n\nThe ferry will run on Sundays."
    assert triples(nlp, text) == [("released", "The board", ["The ferry will run on Sundays"])]
