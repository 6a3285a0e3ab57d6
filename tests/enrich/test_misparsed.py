"""Fallbacks for cue verbs the parser misread: headline verbs tagged as nouns, a past-tense
verb hung on the noun after it, and 'as X pointed out, ...'."""

from __future__ import annotations

from relkit import triples
from spacy.tokens import Doc

from rashomon.enrich.misparsed import (
    clause_noun,
    headline_verb,
    joined_verb,
    third_person_lemma,
)
from rashomon.enrich.relations import find_relations


def _rels(nlp, text):
    return triples(nlp, text)


def test_third_person_lemma_reads_the_verb_under_an_s_form(nlp):
    doc = nlp("Praises Denies Tweets Business Is")
    assert [third_person_lemma(t) for t in doc] == ["praise", "deny", "tweet", None, None]


def test_headline_verb_tagged_as_a_noun(nlp):
    assert _rels(nlp, "Mayor Jane Roe Praises New Transit Budget.") == [
        ("Praises", "Mayor Jane Roe", ["New Transit Budget"])
    ]


def test_two_joined_headline_verbs_share_the_subject(nlp):
    assert _rels(nlp, "Governor Smith Backs Farm Bill And Denounces Tariff Plan.") == [
        ("Backs", "Governor Smith", ["Farm Bill"]),
        ("Denounces", "Governor Smith", ["Tariff Plan"]),
    ]


def test_bare_headline_verb_after_a_plural_subject(nlp):
    assert _rels(nlp, "Economists Doubt Rosy Growth Forecast.") == [
        ("Doubt", "Economists", ["Rosy Growth Forecast"])
    ]


def test_headline_nouns_that_are_no_verbs_report_nothing(nlp):
    assert _rels(nlp, "Farm Prices Rise In March.") == []
    assert _rels(nlp, "The Season of the Holiday Lists.") == []


def test_past_tense_verb_parsed_as_an_adjective(nlp):
    assert _rels(nlp, "Roe condemned Smith’s repeated calls to close the port.") == [
        ("condemned", "Roe", ["Smith’s repeated calls to close the port"])
    ]


def test_as_clause_of_a_verb_of_learning_or_pointing_out(nlp):
    assert _rels(nlp, "And as the mayor pointed out, the bridge needs repairs.") == [
        ("pointed out", "the mayor", ["the bridge needs repairs"])
    ]
    assert _rels(nlp, "But as we learned last winter, the roads cannot cope.") == [
        ("learned", "we", ["the roads cannot cope"])
    ]
    assert _rels(nlp, "As you know, the office is closed.") == []


def test_that_clause_hung_on_the_noun_of_an_adjunct(nlp):
    text = "The mayor said earlier on Monday during a news conference that the bridge would reopen."
    assert _rels(nlp, text) == [("said", "The mayor", ["that the bridge would reopen"])]
    # 'that' parsed as the relative adverb of a noun of time
    text = "She said for the first time that the mill would close."
    assert _rels(nlp, text) == [("said", "She", ["that the mill would close"])]
    # a true relative clause on the adjunct's noun is no content
    assert _rels(nlp, "She said at the meeting that followed.") == []


def test_if_clause_of_a_verb_of_asking_parsed_as_a_condition(nlp):
    rels = _rels(nlp, "She toured the ward and asked nurses if they meant to join the strike.")
    assert ("asked", "She", ["if they meant to join the strike"]) in rels
    assert _rels(nlp, "Asked if she had ever been sued, the landlord said no.")[0] == (
        "Asked",
        None,
        ["if she had ever been sued"],
    )


def test_that_clause_of_a_cue_noun_parsed_as_the_verbs(nlp):
    text = "The senator kept pressing his attack that the governor wasted the flood fund."
    rels = _rels(nlp, text)
    assert ("attack", "The senator", ["that the governor wasted the flood fund"]) in rels


def test_stance_participle_with_an_agent_after_a_noun(nlp):
    assert ("opposed", "Mayor Jane Roe", ["The zoning plan"]) in _rels(
        nlp, "The zoning plan, opposed by Mayor Jane Roe, was shelved."
    )
    rels = _rels(nlp, "A report released by Acme Corp. showed rising costs.")
    assert [cue for cue, _, _ in rels] == ["showed"]  # releasing a report is no stance


def test_wh_infinitive_parsed_as_xcomp_or_advcl(nlp):
    assert _rels(nlp, "As a girl, she learned how to repair old engines.") == [
        ("learned", "she", ["how to repair old engines"])
    ]
    assert _rels(nlp, "The coach knows when to rest his players.") == [
        ("knows", "The coach", ["when to rest his players"])
    ]


def test_colon_closing_the_paragraph_reports_the_next_one(nlp):
    rels = _rels(nlp, "At the rally, the senator said:\n\nThe jobs are coming back to this town.")
    assert rels == [("said", "the senator", ["The jobs are coming back to this town"])]


def test_opening_mark_left_at_the_end_of_the_cue_sentence(nlp):
    text = "''Where are the jobs?'' Ms. Roe asked. ''Nobody can tell me.''"
    assert _rels(nlp, text) == [
        ("asked", "Ms. Roe", ["''Where are the jobs?''", "''Nobody can tell me.''"])
    ]


def test_a_verb_tagged_as_a_noun_that_kept_its_clause_reports_it(nlp):
    words = ["But", "Roe", "claims", "that", "he", "won", "."]
    heads = [2, 2, 2, 5, 5, 2, 2]
    deps = ["cc", "compound", "ROOT", "mark", "nsubj", "ccomp", "punct"]
    pos = ["CCONJ", "PROPN", "NOUN", "SCONJ", "PRON", "VERB", "PUNCT"]
    tags = ["CC", "NNP", "NNS", "IN", "PRP", "VBD", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    rel = clause_noun(doc[2])
    assert rel is not None and rel.lemma == "claim"
    assert doc.text[slice(*rel.source)] == "Roe"
    assert [doc.text[slice(*c)] for c in rel.content] == ["that he won"]
    # without a clause of its own the noun stays a noun: 'Roe claims office'
    doc = Doc(
        nlp.vocab,
        words=["Roe", "claims", "office"],
        heads=[1, 1, 1],
        deps=["compound", "ROOT", "dobj"],
        pos=["PROPN", "NOUN", "NOUN"],
        tags=["NNP", "NNS", "NN"],
    )
    assert clause_noun(doc[1]) is None


def _doc(nlp, rows, ents=None):
    """A hand-made parse: (word, head, dep, pos, tag) rows, each word its own lemma."""
    words, heads, deps, pos, tags = (list(x) for x in zip(*rows, strict=True))
    lemmas = [w.lower() for w in words]
    return Doc(
        nlp.vocab,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        lemmas=lemmas,
        ents=ents,
    )


def test_a_name_tagged_as_a_bare_verb_after_a_headline_verb(nlp):
    # 'blasts' read as a plural noun, the name after it as a verb ('Hunt/VBP')
    doc = _doc(
        nlp,
        [
            ("Farm", 1, "compound", "PROPN", "NNP"),
            ("lobby", 2, "compound", "NOUN", "NN"),
            ("blasts", 2, "ROOT", "NOUN", "NNS"),
            ("Hunt", 2, "dobj", "VERB", "VBP"),
            ("over", 3, "prep", "ADP", "IN"),
            ("tariffs", 4, "pobj", "NOUN", "NNS"),
            (".", 2, "punct", "PUNCT", "."),
        ],
    )
    rel = headline_verb(doc[2])
    assert rel is not None and rel.lemma == "blast"
    assert doc.text[slice(*rel.source)] == "Farm lobby"
    assert [doc.text[slice(*c)] for c in rel.content] == ["Hunt over tariffs"]
    # ... and with the name made the sentence's verb, the headline verb its subject
    doc = _doc(
        nlp,
        [
            ("Dairy", 1, "compound", "NOUN", "NN"),
            ("group", 2, "compound", "NOUN", "NN"),
            ("rebuffs", 3, "nsubj", "NOUN", "NNS"),
            ("Hunt", 3, "ROOT", "VERB", "VBP"),
            ("on", 3, "prep", "ADP", "IN"),
            ("quotas", 4, "pobj", "NOUN", "NNS"),
            (".", 3, "punct", "PUNCT", "."),
        ],
    )
    rel = headline_verb(doc[2])
    assert rel is not None and [doc.text[slice(*c)] for c in rel.content] == ["Hunt on quotas"]
    # a plural subject before a verb in lower case is left alone: 'farm rules/NNS change/VBP'
    doc = _doc(
        nlp,
        [
            ("Farm", 1, "compound", "NOUN", "NN"),
            ("rules", 2, "nsubj", "NOUN", "NNS"),
            ("change", 2, "ROOT", "VERB", "VBP"),
            ("again", 2, "advmod", "ADV", "RB"),
            (".", 2, "punct", "PUNCT", "."),
        ],
    )
    assert headline_verb(doc[1]) is None


def test_a_headline_verb_read_as_the_auxiliary_of_a_name(nlp):
    # 'blasts' made the auxiliary of the name after it, tagged as a bare verb
    doc = _doc(
        nlp,
        [
            ("Lobby", 1, "nsubj", "PROPN", "NNP"),
            ("blasts", 2, "aux", "AUX", "VBZ"),
            ("Hunt", 2, "ROOT", "VERB", "VBP"),
            ("over", 2, "prep", "ADP", "IN"),
            ("tariffs", 3, "pobj", "NOUN", "NNS"),
            (".", 2, "punct", "PUNCT", "."),
        ],
    )
    rels = find_relations(doc)
    assert [(doc.text[slice(*r.cue)], r.lemma) for r in rels] == [("blasts", "blast")]
    assert doc.text[slice(*rels[0].source)] == "Lobby"
    assert [doc.text[slice(*c)] for c in rels[0].content] == ["Hunt over tariffs"]


def test_a_second_joined_verb_read_as_a_plural_noun(nlp):
    doc = _doc(
        nlp,
        [
            ("Roe", 1, "nsubj", "PROPN", "NNP"),
            ("visits", 1, "ROOT", "VERB", "VBZ"),
            ("Ohio", 1, "dobj", "PROPN", "NNP"),
            ("and", 1, "cc", "CCONJ", "CC"),
            ("praises", 1, "conj", "NOUN", "NNS"),
            ("Smith", 1, "dep", "PROPN", "NNP"),
            ("at", 1, "prep", "ADP", "IN"),
            ("fairs", 6, "pobj", "NOUN", "NNS"),
            (".", 1, "punct", "PUNCT", "."),
        ],
    )
    rel = joined_verb(doc[4])
    assert rel is not None and rel.lemma == "praise"
    assert doc.text[slice(*rel.source)] == "Roe"
    assert [doc.text[slice(*c)] for c in rel.content] == ["Smith at fairs"]
    assert joined_verb(doc[2]) is None


def test_a_stance_adjective_in_a_headline_without_its_verb(nlp):
    assert _rels(nlp, "Farmers wary of new tariff plan.") == [
        ("wary of", "Farmers", ["new tariff plan"])
    ]
    assert _rels(nlp, "Mayor Roe optimistic the dam will be rebuilt.") == [
        ("optimistic", "Mayor Roe", ["the dam will be rebuilt"])
    ]
    assert _rels(nlp, "The clear water of the lake.") == []


def test_a_headline_verb_before_an_aside_in_brackets(nlp):
    ((cue, source, content),) = _rels(nlp, "Governor Lee lauds (most) rural clinics.")
    assert (cue, source) == ("lauds", "Governor Lee")
    assert content[0].endswith("rural clinics")


def test_what_a_headline_verb_reports_ends_before_a_clause_of_its_own(nlp):
    assert _rels(nlp, "Governor Lee champions rural clinics as she tours the valley.") == [
        ("champions", "Governor Lee", ["rural clinics"])
    ]


def test_a_headline_verb_after_the_adjective_of_a_party_or_people(nlp):
    # 'Conservative' tagged as an adjective, 'faults' as a plural noun
    rows = [
        ("Conservative", 2, "amod", "ADJ", "JJ"),
        ("faults", 2, "compound", "NOUN", "NNS"),
        ("tariffs", 2, "ROOT", "NOUN", "NNS"),
        (".", 2, "punct", "PUNCT", "."),
    ]
    doc = _doc(nlp, rows, ents=["B-NORP", "O", "O", "O"])
    rel = headline_verb(doc[1])
    assert rel is not None and doc.text[slice(*rel.source)] == "Conservative"
    assert headline_verb(_doc(nlp, rows)[1]) is None  # an adjective of no group


def test_a_headline_of_a_name_and_on_reports_the_topic(nlp):
    assert _rels(nlp, "Jane Roe on why the mill must close.") == [
        ("on", "Jane Roe", ["why the mill must close"])
    ]
    assert _rels(nlp, "Follow Jane Roe on Twitter.") == []
    assert _rels(nlp, "Mayor Roe on the campaign trail.") == []


def test_a_reporting_verb_read_as_a_noun_at_a_headline_end(nlp):
    assert _rels(nlp, "Toll road a costly mistake, Diaz hints;") == [
        ("hints", "Diaz", ["Toll road a costly mistake"])
    ]


def test_a_stance_participle_read_as_an_adjective_of_its_object_keeps_its_holder(nlp):
    text = "Radio ads were a key cost for super PACs supporting county candidates."
    assert triples(nlp, text) == [("supporting", "super PACs", ["county candidates"])]
    text = "In three counties, those who preferred the tax outnumbered those opposing reform."
    assert ("opposing", "those", ["reform"]) in triples(nlp, text)
    assert triples(nlp, "His belittling remarks were a surprise.") == []


def test_a_stance_adjective_after_a_noun_inside_a_sentence_is_the_nouns_stance(nlp):
    text = "The mayor met dockers angry about the new levy."
    assert ("angry about", "dockers", ["the new levy"]) in triples(nlp, text)
    # likelihood and importance are no stance
    text = "The council backed a plan sure to anger the dockers."
    assert not any(cue.startswith("sure") for cue, _, _ in triples(nlp, text))


def test_a_bare_verb_of_evidence_read_as_a_noun_after_its_plural_subject_reports(nlp):
    text = "The pier was insured for $2 million in 2011, records show."
    assert triples(nlp, text) == [
        ("show", "records", ["The pier was insured for $2 million in 2011"])
    ]
