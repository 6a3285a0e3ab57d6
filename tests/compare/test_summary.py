from rashomon.compare.story import compare_story
from rashomon.compare.summary import minority_terms, neutrality_cost


def test_summary_uses_shared_facts_in_neutral_wording(story, articles):
    out = compare_story(story, articles)
    summary = out["summary"]
    assert 2 <= len(summary) <= 5
    assert all(len(s["sources"]) >= 2 for s in summary)
    texts = " ".join(s["text"] for s in summary)
    assert "rioters" not in texts and "shameful" not in texts
    road = next(s for s in summary if "main road" in s["text"])
    assert road["article"]["outlet"] in {"Harbor Times", "coast-3"}
    ships = next(s for s in summary if "ships" in s["text"])
    assert ships["contested"]


def test_neutrality_cost():
    minority = minority_terms(
        {"a": {"X": [{"term": "rebels"}], "Y": [{"term": "rebels"}], "Z": [{"term": "terrorists"}]}}
    )
    assert minority == {"terrorists"}
    assert neutrality_cost("The rebels took the town on the river.", minority) == 0
    assert neutrality_cost("The terrorists took the town on the river.", minority) > 3
    assert neutrality_cost('"We took the town on the river," he said.', minority) >= 4
