from rashomon.compare.loaded import find_loaded
from rashomon.compare.story import compare_story


def kinds(text):
    return [(s["kind"], s["text"]) for s in find_loaded(text, model=False)]


def test_kinds_of_loaded_wording():
    assert kinds("This raises serious questions about the real motives of the deal.") == [
        ("doubt", "raises serious questions"),
        ("doubt", "real motives"),
    ]
    assert ("name_calling", "Ferro's regime") in kinds("Ferro's regime sent thugs to the square.")
    assert ("name_calling", "thugs") in kinds("Ferro's regime sent thugs to the square.")
    assert kinds("It was a shameful act.") == [("loaded_language", "shameful")]
    assert kinds("The ministry published the figures on Monday.") == []


def test_quotes_are_marked_and_scare_quotes_are_doubt():
    spans = find_loaded(
        'The "peace envoy" arrived. "It is a shameful deal," she said.', model=False
    )
    assert {"kind": "doubt", "text": '"peace envoy"'}.items() <= spans[0].items()
    shameful = next(s for s in spans if s["text"] == "shameful")
    assert shameful["in_quote"]
    assert find_loaded('He said the talks were "going well".', model=False) == []


def test_loaded_spans_of_a_story_point_into_article_text(story, articles):
    loaded = compare_story(story, articles)["loaded"]
    by_text = {s["text"]: s for s in loaded}
    assert by_text["shameful"]["outlet"] == "Daily Patriot"
    assert "raises serious questions" in by_text
    patriot = next(a for a in articles if a.outlet == "Daily Patriot")
    s = by_text["shameful"]
    assert patriot.text[s["start"] : s["end"]] == "shameful"
