"""Noun cues: what a noun of speech or thought reports and who holds it."""

from __future__ import annotations

from relkit import rels, sources, triples
from spacy.tokens import Doc

from rashomon.enrich.nouns import noun_relation


def test_focus_and_point_take_their_topic_only_after_their_own_preposition(nlp):
    assert rels(nlp, "Potholes became the main focus of the county budget.") == []
    assert rels(nlp, "Parking is a sore point for the neighbours.") == []
    found = dict(rels(nlp, "Her focus on potholes pleased the drivers."))
    assert found["focus on"] == ["potholes"]


def test_enthusiasm_and_position_take_their_topic_only_after_their_own_preposition(nlp):
    assert rels(nlp, "The rally drew on the enthusiasm of young voters.") == []
    assert rels(nlp, "Men still hold most positions of power in the county.") == []
    assert rels(nlp, "Her enthusiasm for the bridge was plain.") == [
        ("enthusiasm for", ["the bridge"])
    ]
    assert rels(nlp, "His position on the levy has not changed.") == [
        ("position on", ["the levy"])
    ]


def test_evidence_shows_its_content_only_after_of(nlp):
    text = "The mayor denied it, but there is ample evidence to the contrary."
    assert [cue for cue, _ in rels(nlp, text)] == ["denied"]
    assert ("evidence of", ["fraud"]) in rels(nlp, "The clerk found evidence of fraud.")


def test_a_question_joke_or_advice_to_someone_names_the_hearer(nlp):
    assert rels(nlp, "Her advice to young reporters was short.") == []
    assert ("advice on", ["the budget"]) in rels(nlp, "Her advice on the budget was ignored.")


def test_a_decision_or_push_with_nobody_making_it_is_nobodys_stance(nlp):
    # (the fishermen's anger at it is another report)
    text = "The decision to close the pier angered the fishermen."
    assert "decision" not in [cue for cue, _ in rels(nlp, text)]
    assert rels(nlp, "A push to widen the road stalled in May.") == []
    text = "The mayor's decision to close the pier angered the fishermen."
    assert ("decision", "The mayor's", ["to close the pier"]) in triples(nlp, text)


def test_in_charge_of_is_no_charge(nlp):
    assert rels(nlp, "A clerk in charge of harbour permits retired last year.") == []


def test_a_noun_on_a_topic_with_no_holder_is_nobodys_stance(nlp):
    assert rels(nlp, "After the storm there was a new focus on the harbour and its pier.") == []
    assert rels(nlp, "Attacks on the convoy continued through the night.") == []
    (rel,) = rels(nlp, "The union's attacks on the mayor continued.")
    assert rel == ("attacks on", ["the mayor"])


def test_a_that_clause_read_as_relative_is_still_the_nouns_content(nlp):
    text = "She rejected the allegation that the mayor had lied to the council."
    assert ("allegation", ["that the mayor had lied to the council"]) in rels(nlp, text)
    # a relative infinitive is no content: 'a statement to read' is one to be read
    words = ["The", "clerk", "handed", "him", "a", "statement", "to", "read", "."]
    heads = [1, 2, 2, 2, 5, 2, 7, 5, 2]
    deps = ["det", "nsubj", "ROOT", "dative", "det", "dobj", "aux", "relcl", "punct"]
    pos = ["DET", "NOUN", "VERB", "PRON", "DET", "NOUN", "PART", "VERB", "PUNCT"]
    lemmas = ["the", "clerk", "hand", "he", "a", "statement", "to", "read", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    assert noun_relation(doc[5]) is None


def test_a_cue_noun_under_an_adverb_of_the_verb_is_held_by_its_subject(nlp):
    text = "Kell moved away from a claim that the pilots had erred."
    assert sources(nlp, text) == {"claim": "Kell"}


def test_support_received_from_someone_has_them_as_its_source(nlp):
    text = "Roe has won broad support from pilots in the harbour."
    assert sources(nlp, text) == {"support from": "pilots in the harbour"}
    assert sources(nlp, "Kell drew sharp criticism from the ferry crews.") == {
        "criticism from": "the ferry crews"
    }


def test_a_possessive_pronoun_of_a_cue_noun_gives_way_to_the_subject_it_stands_for(nlp):
    assert sources(nlp, "Mayor Roe renewed her call for a new bridge.") == {
        "call for": "Mayor Roe"
    }
    text = "The dockers were loud in their criticism of the levy."
    assert sources(nlp, text) == {"criticism of": "The dockers"}


def test_whoever_acts_in_support_of_someone_holds_the_support(nlp):
    assert sources(nlp, "Old harbour leaders unite in support of Kell.") == {
        "support of": "Old harbour leaders"
    }


def test_support_among_a_group_has_the_group_as_its_source(nlp):
    assert sources(nlp, "Kell has strong support among dock workers.") == {
        "support among": "dock workers"
    }


def test_who_made_the_promise_a_copula_sums_up_holds_it(nlp):
    text = "The firmest pledge Kell has given is that the tolls will stay low."
    assert triples(nlp, text) == [
        ("The firmest pledge Kell has given is", "Kell", ["that the tolls will stay low"])
    ]


def test_the_holder_named_in_the_subject_of_a_copula_cue_is_its_source(nlp):
    text = "The concern among the pilots is that the quay is unsafe."
    assert sources(nlp, text) == {"The concern among the pilots is": "the pilots"}
    text = "The promise Roe has made is that the tolls will fall."
    assert sources(nlp, text) == {"The promise Roe has made is": "Roe"}


def test_a_noun_of_thought_or_hearsay_cues_its_that_clause_only(nlp):
    text = "The clerk laughed off the rumor that the ferry would stop running."
    assert ("rumor", ["that the ferry would stop running"]) in rels(nlp, text)
    text = "Kell rejected the notion that the pier was unsafe."
    assert ("notion", ["that the pier was unsafe"]) in rels(nlp, text)
    # after a preposition it names no claim: a sense of calm, a report on the pier
    assert rels(nlp, "A sense of calm returned to the harbour.") == []
    assert rels(nlp, "The report on the pier runs to forty pages.") == []


def test_a_cue_noun_takes_its_topic_after_over_and_after_its_giver(nlp):
    text = "The mayor faced sharp criticism over the new harbour toll."
    assert ("criticism over", ["the new harbour toll"]) in rels(nlp, text)
    text = "Kell will face criticism from Roe about the harbour toll."
    assert ("criticism", "Roe", ["the harbour toll"]) in triples(nlp, text)


def test_nouns_of_stance_and_speech_acts_cue_their_topic(nlp):
    text = "Kell went on a long rant about the ferry timetable."
    assert ("rant about", ["the ferry timetable"]) in rels(nlp, text)
    text = "The harbour board faces a lawsuit against its new fees."
    assert ("lawsuit against", ["its new fees"]) in rels(nlp, text)


def test_a_cue_nouns_topic_hung_on_its_verb_is_still_its_topic(nlp):
    text = "Kell pinned his hopes on the harbour vote."
    assert ("hopes on", "Kell", ["the harbour vote"]) in triples(nlp, text)


def test_any_noun_cues_the_about_phrase_after_it(nlp):
    text = "Roe shared a few details about the harbour toll."
    assert ("details about", "Roe", ["the harbour toll"]) in triples(nlp, text)


def test_an_about_phrase_hung_on_the_verb_after_its_object_is_the_objects(nlp):
    text = "The mayor lectured the nation about the harbour."
    assert ("nation about", "The mayor", ["the harbour"]) in triples(nlp, text)


def test_a_report_cues_its_topic_as_well_as_its_that_clause(nlp):
    text = "Roe cited reports of cracks in the old pier."
    assert ("reports of", ["cracks in the old pier"]) in rels(nlp, text)
