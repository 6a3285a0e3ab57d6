"""Cue words of the lexicon: each word class finds its attribution in a sentence of its own."""

from __future__ import annotations

import pytest

from rashomon.enrich.relations import find_relations

#: (sentence, cue word, a piece of the content)
CASES = [
    # speech verbs with a clause
    ("The mayor proclaimed that the bridge would reopen in spring.", "proclaimed", "bridge"),
    ("The coach surmised that his players were tired.", "surmised", "players were tired"),
    ("Several tenants grumbled that the heating was broken.", "grumbled", "heating"),
    # cognition and evidence verbs, only with a clause
    ("Engineers noticed that the dam was leaking.", "noticed", "dam was leaking"),
    ("The audit illustrates that the fund lost money.", "illustrates", "fund lost money"),
    # intention verbs with an infinitive
    ("The union strives to keep every job in the plant.", "strives", "keep every job"),
    ("The farmers opted to sell their land.", "opted", "sell their land"),
    ("The residents would like to keep the old library.", "like", "keep the old library"),
    ("The council voted to close the harbour at night.", "voted", "close the harbour"),
    # stance verbs whose object is the content
    ("The council repudiated the report on housing.", "repudiated", "the report on housing"),
    ("The ministers heralded the new trade pact.", "heralded", "the new trade pact"),
    # verbs whose content follows a preposition
    ("The judge touched on the cost of the trial.", "touched", "the cost of the trial"),
    ("The pilots mulled over the offer for a week.", "mulled", "the offer"),
    # nouns that carry their content
    ("Her conviction that the school must stay open was plain.", "conviction", "school"),
    ("The backlash against the new tax surprised the council.", "backlash", "new tax"),
    # stance adjectives
    ("The bank was reluctant to lend more money.", "reluctant", "lend more money"),
]


def _found(nlp, text: str) -> list[tuple[str, list[str]]]:
    """(cue, content pieces) of each relation found in ``text``."""
    doc = nlp(text)
    return [
        (doc.text[slice(*r.cue)], [doc.text[slice(*c)] for c in r.content])
        for r in find_relations(doc)
    ]


@pytest.mark.parametrize(("text", "cue", "piece"), CASES)
def test_cue_word_finds_its_content(nlp, text, cue, piece):
    doc = nlp(text)
    found = {
        doc.text[slice(*r.cue)]: " ".join(doc.text[slice(*c)] for c in r.content)
        for r in find_relations(doc)
    }
    assert any(cue in k for k in found), found
    assert any(piece in v for k, v in found.items() if cue in k), found


def test_perception_verb_without_a_clause_is_no_cue(nlp):
    doc = nlp("The sensors detected a leak in the tank.")
    assert not any("detected" in doc.text[slice(*r.cue)] for r in find_relations(doc))
    doc = nlp("The sensors detected that the tank was leaking.")
    assert any("detected" in doc.text[slice(*r.cue)] for r in find_relations(doc))


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The governor shrugged off the criticism from the unions.",
            "shrugged off",
            "the criticism from the unions",
        ),
        ("The minister played down the risk of a strike.", "played down", "the risk of a strike"),
        ("The mayor quietly walked back her pledge.", "walked back", "her pledge"),
        (
            "The auditor pointed out two gaps in the ledger.",
            "pointed out",
            "two gaps in the ledger",
        ),
        ("The mayor rattled off a list of repairs.", "rattled off", "a list of repairs"),
    ],
)
def test_phrasal_verb_takes_its_object(nlp, text, cue, content):
    found = _found(nlp, text)
    assert (cue, [content]) in found, found


def test_phrasal_verb_without_its_particle_is_no_cue(nlp):
    assert find_relations(nlp("The children played a game in the park.")) == []
    assert find_relations(nlp("The children played that the floor was lava.")) == []


def test_criticism_drawn_is_about_the_subject(nlp):
    found = _found(nlp, "The new parking plan has drawn criticism.")
    assert ("criticism", ["The new parking plan"]) in found, found


def test_criticism_for_a_thing_is_about_that_thing(nlp):
    doc = nlp("The mayor faced criticism for the long delay.")
    contents = [[doc.text[slice(*c)] for c in r.content] for r in find_relations(doc)]
    assert ["the long delay"] in contents, contents


def test_support_won_without_a_giver_is_about_the_subject(nlp):
    found = _found(nlp, "The bill has won broad support.")
    assert ("support", ["The bill"]) in found, found
