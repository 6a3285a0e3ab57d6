from __future__ import annotations

from rashomon.enrich import VERSION, Enrich, enrich_article, enrich_many
from rashomon.pipeline import REGISTRY

PARAS = [
    "Foreign Minister Mevlut Cavusoglu told reporters that Turkey would not accept new refugees.",
    "“We cannot take more,” he said. “Our capacity is exhausted.”",
    "Dozens of vehicles crossed the border on Monday, according to a local monitor.",
]


def _check_spans(art, value):
    if isinstance(value, dict):
        if {"text", "start", "end"} <= set(value):
            assert art.text[value["start"] : value["end"]] == value["text"]
        for v in value.values():
            _check_spans(art, v)
    elif isinstance(value, list):
        for v in value:
            _check_spans(art, v)


def test_quotes_have_speakers_and_spans_index_the_page(nlp, make_article):
    art = enrich_article(make_article(PARAS, comment="“This is all fake news,” he said."), nlp=nlp)
    enr = art.enrichment
    assert set(enr) == {"sentences", "entities", "quotes", "attributions", "figures"}
    _check_spans(art, enr)
    quotes = enr["quotes"]
    cavusoglu = next(e["id"] for e in enr["entities"] if "Cavusoglu" in e["name"])
    assert [q["speaker"] for q in quotes] == [cavusoglu, cavusoglu]
    assert [q["kind"] for q in quotes] == ["indirect", "direct"]
    assert len(quotes[1]["parts"]) == 2
    comment_start = art.comments[0].start
    assert all(q["content"]["start"] < comment_start for q in quotes)
    according = [a for a in enr["attributions"] if a["cue_lemma"] == "according to"]
    assert according[0]["source"]["text"] == "a local monitor"
    assert Enrich.name in art.steps


def test_unnamed_speakers_keep_their_description(nlp, make_article):
    art = enrich_article(make_article(["“We will fight,” a senior rebel commander said."]), nlp=nlp)
    (quote,) = art.enrichment["quotes"]
    assert quote["speaker"] == "a senior rebel commander"


def test_enrich_many_uses_the_cache_and_handles_empty_bodies(nlp, make_article):
    cache: dict = {}
    first = list(enrich_many([make_article(PARAS), make_article([])], nlp=nlp, cache=cache))
    assert first[1].enrichment == {k: [] for k in first[0].enrichment}
    assert len(cache) == 2

    class NoParse:
        def pipe(self, items, **kw):
            for text, ctx in items:
                assert text == "", "a cached article was parsed again"
                yield None, ctx

    again = next(enrich_many([make_article(PARAS)], nlp=NoParse(), cache=cache))
    assert again.enrichment == first[0].enrichment


def test_step_is_registered():
    assert REGISTRY["rashomon.enrich"] is Enrich
    assert Enrich.version == VERSION


def test_a_failing_article_is_a_counter_not_a_crash(nlp, make_article, monkeypatch):
    import rashomon.enrich as enrich

    real = enrich.find_relations

    def flaky(doc):
        if "poison" in doc.text:
            raise ValueError("bad parse")
        return real(doc)

    monkeypatch.setattr(enrich, "find_relations", flaky)
    step = Enrich(nlp=nlp)
    out = list(
        step.run(
            [make_article(["A poison paragraph."], art_id="x"), make_article(PARAS, art_id="y")]
        )
    )
    assert [a.enrichment is None for a in out] == [True, False]
    assert step.stats["enrich-failed"] == 1 and step.stats["enriched"] == 1


def test_a_relative_pronoun_speaks_for_the_noun_it_stands_for(nlp, make_article):
    paras = [
        "A senior rebel commander, who asked not to be named, said the convoy had left.",
        "Farida Haddad, who has warned that stocks are low, said the clinic would close.",
        "An aide, the third this month, said the bridge was shut.",
    ]
    enr = enrich_article(make_article(paras), nlp=nlp).enrichment
    haddad = next(e["id"] for e in enr["entities"] if "Haddad" in e["name"])
    speakers = {(a["source"]["text"], a["speaker"]) for a in enr["attributions"]}
    assert ("who", "A senior rebel commander") in speakers
    assert ("who", haddad) in speakers
    # the source span keeps the annotators' closing comma; the description does not
    assert ("An aide, the third this month,", "An aide, the third this month") in speakers


def _speakers(nlp, make_article, paras):
    enr = enrich_article(make_article(paras), nlp=nlp).enrichment
    names = {e["id"]: e["name"] for e in enr["entities"]}
    return [(q["source"]["text"], names.get(q["speaker"], q["speaker"])) for q in enr["quotes"]]


def test_a_pronoun_speaks_for_the_source_of_the_report_before_it(nlp, make_article):
    # the last person named before 'She' is Carl Dahl, who said nothing
    paras = [
        "Inspector Carl Dahl met a harbour official on the pier.",
        "The official said the ferry would sail again on Friday. "
        "She said the repairs would take two more days.",
    ]
    assert _speakers(nlp, make_article, paras)[-1] == ("She", "The official")


def test_they_takes_a_plural_source_and_he_does_not(nlp, make_article):
    paras = [
        "Residents of Norfield told the council that the water tasted of rust.",
        "They added that the pipes were forty years old.",
        "Mayor Tomas Brenn visited the plant. He said the pipes would be replaced.",
    ]
    got = _speakers(nlp, make_article, paras)
    assert got[1] == ("They", "Residents of Norfield")
    assert got[2] == ("He", "Tomas Brenn")


def test_a_date_read_as_subject_is_no_source(nlp, make_article):
    paras = [
        "On Friday, March 3rd, armed guards employed by the Harbor Authority(HA) admitted "
        "that it had lost a crate of rifles."
    ]
    enr = enrich_article(make_article(paras), nlp=nlp).enrichment
    (source,) = {a["source"]["text"] for a in enr["attributions"]}
    assert source.startswith("armed guards")


def test_a_source_keeps_the_whole_name_the_parse_splits(nlp, make_article):
    paras = [
        "Libyan leader Khalifa al-Mahdi launched the offensive in April, saying militias had "
        "broken an existing ceasefire."
    ]
    enr = enrich_article(make_article(paras), nlp=nlp).enrichment
    assert [a["source"]["text"] for a in enr["attributions"]] == ["Libyan leader Khalifa al-Mahdi"]
