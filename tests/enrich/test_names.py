from __future__ import annotations

from rashomon.enrich import names


def test_transliterations_and_apostrophes_share_a_key():
    assert names.key("Kfar Nabouda") == names.key("Kafr Nabudah")
    assert names.key("Hay'at Tahrir al-Sham") == names.key("Hayat Tahrir al-Sham")
    assert names.key("Mevlüt Çavuşoğlu") == names.key("Mevlut Cavusoglu")
    assert names.key("Iran") != names.key("Iraq")


def test_titles_are_stripped_and_initials_skip_arabic_articles():
    assert names.strip_titles(names.fold("Captain Naji Mustafa")) == "naji mustafa"
    assert names.initials("Hayat Tahrir al-Sham") == "HTS"
    assert names.initials("National Liberation Front") == "NLF"


def test_acronym_definitions_take_the_matching_tail():
    text = "fighters of the rebel National Liberation Front (NLF) said. The U.S. (US) too."
    assert names.acronym_definitions(text) == {"NLF": "National Liberation Front"}


def test_similar_needs_long_names_for_fuzzy_matches():
    assert names.similar("kafr nabudah", "kfar nabouda")
    assert not names.similar("iran", "iraq")
    assert not names.similar("john smith", "joan smythe-barrington")


def test_reordered_content_words_name_one_actor():
    fold = names.fold
    assert names.similar(
        fold("Popular Front for Coastal Defence"), fold("Coastal Defence Popular Front")
    )
    assert not names.similar(fold("Coastal Front"), fold("Coastal Defence Front"))


def test_toponym_heads_make_a_place():
    assert names.is_place_name("Deir al-Qamar") and names.is_place_name("Kafr Batna")
    assert not names.is_place_name("Tal Cohen") and not names.is_place_name("Khan")
