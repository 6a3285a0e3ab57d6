from rashomon.compare.framing import actor_labels, fold, phrases, substitution_pairs
from rashomon.compare.story import compare_story


def terms(per_outlet):
    return {t["term"] for t in per_outlet}


def test_labels_of_one_actor_per_outlet(story, articles):
    labels = compare_story(story, articles)["labels"]
    row = next(
        v
        for v in labels.values()
        if "Daily Patriot" in v and "rioters" in terms(v["Daily Patriot"])
    )
    assert "protesters" in terms(row["Harbor Times"])


def test_substitution_needs_an_anchor():
    pairs = substitution_pairs(
        [
            ("The rebels shelled the town on Monday.", "The militants shelled the town on Monday."),
            ("Aid came by ship and by road.", "Aid came by Russia and Iran."),
        ]
    )
    assert pairs == [("rebel", "militant")]


def test_regime_and_country_are_one_actor_but_other_nations_regime_is_not():
    texts = [
        ("A", "The Hadrian regime closed the border. Talks with the Orsk regime failed."),
        ("B", "Hadria closed the border. Officials in Hadria blamed Orsk."),
    ]
    pairs = [(texts[0][1].split(". ")[0], texts[1][1].split(". ")[0])]
    labels = actor_labels(texts, pairs)
    (row,) = labels.values()
    assert terms(row["A"]) == {"Hadrian regime"}
    assert terms(row["B"]) == {"Hadria"}


def test_phrases_and_demonym_fold():
    found = [
        (mods, head)
        for mods, head, _, _ in phrases("Turkish-backed militants met rebel commanders.")
    ]
    assert (["Turkish-backed"], "militants") in found
    assert fold("Turkish") == fold("Turkey") and fold("Syrian") == fold("Syria")
    assert fold("Syrian") != fold("Turkey")


def test_subjects_of_one_claim_are_one_actor_whatever_their_case():
    from rashomon.compare.framing import subject_pairs

    pairs = subject_pairs(
        [
            (
                "Strikers closed the north gate at dawn.",
                "A crowd of workers closed the north gate at dawn.",
            )
        ],
        None,
    )
    assert pairs == [("striker", "worker")]
    assert fold("Rebels") == fold("rebels")


def test_state_nouns_sharing_a_name_are_one_government():
    from rashomon.compare.framing import state_pairs

    texts = [
        "Prime Minister Ada Brenn's government raised the levy. Brenn's government defended it.",
        "The Brenn regime raised the levy. The regime is unpopular.",
    ]
    keys = {k for pair in state_pairs(texts, None) for k in pair}
    assert {"brenn regim", "regim"} <= keys
    assert not state_pairs(["Cuba's government met the government of Peru."], None)


def test_a_name_and_a_crowd_are_not_one_actor():
    pairs = substitution_pairs(
        [("Ana Lisowa told Harbor Times on Monday.", "Ana Lisowa told reporters on Monday.")]
    )
    assert pairs == []
