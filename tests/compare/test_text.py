from rashomon.compare.text import article_sentences, content_stems, outlet_key, split_sentences

from .conftest import make_article


def test_stems_fold_spelling_plurals_and_compass_words():
    assert content_stems("armoured vehicles") == content_stems("armored vehicle")
    assert content_stems("north-western Syria") == content_stems("northwestern Syria")
    assert content_stems("supplies supplied") == ["supply", "supply"]
    assert content_stems("US troops and us") == ["usa", "troop"]
    assert content_stems("180,000 people")[0] == "180000"


def test_sentences_keep_abbreviations_and_point_into_the_text():
    para = "Mr. Voss met Gen. Arlo on Monday. They spoke for an hour. U.S. envoys left."
    assert len(split_sentences(para)) == 3
    a = make_article("a", None, ["First one here. Second one here.", "Third paragraph now."])
    sents = article_sentences(a, 0)
    assert [s.text for s in sents] == [
        "First one here.",
        "Second one here.",
        "Third paragraph now.",
    ]
    assert all(a.text[s.start : s.end] == s.text for s in sents)
    assert [s.para for s in sents] == [0, 0, 1] and outlet_key(a) == "a"


def test_enrichment_sentences_are_preferred():
    a = make_article("a", "A", ["One. Two three."])
    start = a.body_spans[0].start
    a.enrichment = {"sentences": [{"text": "One. Two three.", "start": start, "end": start + 15}]}
    assert [s.text for s in article_sentences(a, 0)] == ["One. Two three."]


def test_number_words_become_digits_and_arrests_are_detentions():
    assert content_stems("Forty-two rioters were detained") == ["42", "rioter", "arrest"]
    assert content_stems("eleven vessels") == ["11", "vessel"]
    assert "1" not in content_stems("one senior official")
