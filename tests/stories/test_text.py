"""Text views: dates, content words, names, shingles."""

from __future__ import annotations

import numpy as np

from rashomon.stories import text as T


def test_day_numbers() -> None:
    assert T.day_number("1970-01-02") == 1
    assert T.day_number("2019-05-25T23:35:00+00:00") == T.day_number("2019-05-25")
    assert T.day_number("yesterday") is None and T.day_number(None) is None
    assert T.day_number("0001-01-01") is None  # implausible years count as undated
    assert T.day_iso(T.day_number("2031-03-02")) == "2031-03-02"


def test_content_terms_drop_stop_words_and_fold_plurals() -> None:
    terms = T.content_terms("The protests spread; the protest spreads, officials said.")
    assert terms[T.term_hash("protest")] == 2
    assert T.term_hash("the") not in terms and T.term_hash("said") not in terms
    ids = T.token_ids(T.words("The protests spread; the protest spreads"))
    keys, counts = T.content_counts(ids)
    assert dict(zip(keys.tolist(), counts.tolist(), strict=True))[T.term_hash("protest")] == 2


def test_names_skip_sentence_starts_and_keep_surnames() -> None:
    names = T.name_terms("Yesterday Elena Kostic met the Brenn River Authority. Then she left.")
    assert names[T.term_hash("@elena kostic")] == 1
    assert names[T.term_hash("@kostic")] == 1  # the surname of the full name
    assert T.term_hash("@then") not in names  # a lone word opening a sentence
    later = T.name_terms("The mayor met Kostic at noon.")
    assert later[T.term_hash("@kostic")] == 1


def test_shingles_are_stable_and_order_sensitive() -> None:
    a = T.shingles("one two three four five six")
    assert len(a) == 2 and a.dtype == np.uint32
    assert np.array_equal(a, T.shingles("One two three four five six"))
    assert not np.array_equal(a, T.shingles("six five four three two one"))
    assert len(T.shingles("")) == 0


def test_stop_words_hold_scikit_learns_list() -> None:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from rashomon.stories import text as T

    assert set(ENGLISH_STOP_WORDS) <= T._STOP
    assert "ceasefire" not in T._STOP and "said" in T._STOP
