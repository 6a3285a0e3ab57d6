"""Quotes signed by the clause after them with a verb no cue list holds."""

from __future__ import annotations

from relkit import triples


def _outer(nlp, text):
    return triples(nlp, text, outer=True)


def test_a_sign_read_after_its_words_is_a_quote_of_its_own(nlp):
    rels = _outer(
        nlp,
        "Banners flew over the stadium all day, the station reported. "
        "“Vote for anyone else,” read one banner. “Go home,” was another.",
    )
    assert ("read", "one banner", ["“Vote for anyone else,”"]) in rels
    assert ("was", "another", ["“Go home,”"]) in rels
    reported = next(r for r in rels if r[0] == "reported")
    assert reported[2] == ["Banners flew over the stadium all day"]


def test_an_unlisted_verb_after_the_speaker_signs_the_quote(nlp):
    rels = _outer(nlp, "The crowd cheered. “Thank you,” he mouthed to the front rows.")
    assert rels == [("mouthed", "he", ["“Thank you,”"])]


def test_an_exclamation_hands_off_to_an_inverted_speaker(nlp):
    rels = _outer(nlp, "“We will never give up!” beamed Mary Lopez of Dayton.")
    assert rels == [("beamed", "Mary Lopez", ["“We will never give up!”"])]


def test_a_clause_with_an_object_or_a_date_does_not_sign(nlp):
    assert _outer(nlp, "“Who is next?” I had prepared a short answer.") == []
    assert _outer(nlp, "“The Long Road,” opened Friday in Boston.") == []


def test_a_quote_ending_with_a_full_stop_is_not_handed_on(nlp):
    rels = _outer(nlp, "The crowd cheered. “We love you.” He waved to the front rows.")
    assert not any(cue == "waved" for cue, _, _ in rels)


def test_a_listed_cue_after_the_quote_takes_the_speaker_the_parse_lost(nlp):
    assert _outer(nlp, "“Stop,” shouts a voice from the back.") == [
        ("shouts", "a voice", ["“Stop,”"])
    ]
