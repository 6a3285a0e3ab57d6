from rashomon.compare.quotes import compare_quotes
from rashomon.compare.story import compare_story
from rashomon.compare.text import article_sentences
from rashomon.model import Story

from .conftest import make_article


def test_trimmed_quote_and_moved_speaker(story, articles):
    (q,) = [q for q in compare_story(story, articles)["quotes"] if len(q["outlets"]) > 1]
    assert q["change"] == "trimmed"
    assert q["speaker_conflict"]
    by = {a["outlet"]: a["speaker"] for a in q["articles"]}
    assert by["Harbor Times"] == "Mara Keln" and by["Daily Patriot"] == "Mara Keln"
    assert "Voss" in by["coast-3"]


def test_altered_words_and_unmatched_quotes():
    a = make_article("a", "A", ['"The bridge will reopen next spring," said engineer Lou Park.'])
    b = make_article(
        "b",
        "B",
        [
            '"The bridge will never reopen next spring," Park said.',
            '"Nobody asked the residents anything," a neighbour said.',
        ],
    )
    arts = [a, b]
    groups = compare_quotes(arts, [article_sentences(x, i) for i, x in enumerate(arts)])
    shared = [g for g in groups if len(g["outlets"]) == 2]
    assert len(shared) == 1 and shared[0]["change"] == "altered"
    assert not shared[0]["speaker_conflict"]
    assert any(g["outlets"] == ["B"] and g["speakers"] == ["neighbour"] for g in groups)


def test_enrichment_quotes_are_used_when_present():
    a = make_article("a", "A", ["She spoke at length."])
    a.enrichment = {
        "entities": [{"id": "e1", "name": "Ada Vorn", "kind": "person"}],
        "quotes": [
            {
                "kind": "direct",
                "speaker": "e1",
                "content": {"text": "we stay until the end", "start": 0, "end": 1},
            }
        ],
    }
    b = make_article("b", "B", ['"We stay until the end," Ada Vorn said.'])
    (g,) = compare_story(Story(id="x"), [a, b])["quotes"]
    assert g["change"] == "same" and g["speakers"] == ["Ada Vorn"]


def test_multi_sentence_quote_and_pronoun_speaker():
    a = make_article(
        "a",
        "A",
        [
            'Port chief Ida Marsh spoke to Harbor Times on Monday. "The cranes are '
            'back. We lost a week," she said.'
        ],
    )
    b = make_article("b", "B", ['"The cranes are back. We lost a week," Mayor Tomas Rell said.'])
    arts = [a, b]
    (g,) = compare_quotes(arts, [article_sentences(x, i) for i, x in enumerate(arts)])
    assert g["change"] == "same" and g["speaker_conflict"]
    assert {x["speaker"] for x in g["articles"]} == {"Ida Marsh", "Mayor Tomas Rell"}
