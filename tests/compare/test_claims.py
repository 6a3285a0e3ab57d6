from rashomon.compare.claims import idf_weights, match_claims, sentence_claims, similarity_matrix
from rashomon.compare.text import Sentence, content_stems


def claims_of(text, article=0):
    return sentence_claims(Sentence(article, 0, 0, text, stems=content_stems(text)))


def test_attribution_frames_are_cut_off():
    cs = claims_of("Rebels took the hill near Dorvik on Friday, two commanders told Reuters.")
    assert [(c.kind, c.text) for c in cs] == [
        ("attribution", "two commanders told Reuters"),
        ("content", "Rebels took the hill near Dorvik on Friday"),
    ]
    cs = claims_of("According to the ministry, the dam held through the night and the river fell.")
    assert cs[0].kind == "attribution" and cs[1].text.startswith("the dam held")


def test_clauses_split_at_participles_and_semicolons():
    cs = claims_of(
        "The army shelled the old market town at dawn, killing nine fishermen near the pier."
    )
    assert [c.text for c in cs] == [
        "The army shelled the old market town at dawn",
        "killing nine fishermen near the pier.",
    ]


def test_matching_takes_one_claim_per_article():
    texts = [
        (0, "The dam near Orsk burst after heavy rain on Tuesday night."),
        (1, "Heavy rain burst the dam near Orsk on Tuesday night."),
        (1, "The dam near Orsk had been inspected after heavy rain last year."),
        (2, "Officials opened an inquiry into the contractor."),
    ]
    cs = [c for a, t in texts for c in claims_of(t, a)]
    sim = similarity_matrix(cs, idf_weights(cs))
    groups = match_claims(cs, sim)
    together = next(g for g in groups if 0 in g)
    assert together == [0, 1]
    assert [3] in groups
