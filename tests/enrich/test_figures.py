from __future__ import annotations

from datetime import date

from rashomon.enrich.figures import figures, parse_number, resolve_date
from rashomon.enrich.nlp import body_of


def test_parse_number_scales_words_and_ranges():
    assert parse_number("3.6 million") == 3_600_000
    assert parse_number("180,000") == 180_000
    assert parse_number("two dozen") == 24
    assert parse_number("dozens") == [24.0, 99.0]
    assert parse_number("10-20") == [10.0, 20.0]
    assert parse_number("several") is None


def test_resolve_date_against_the_article_day():
    pub = date(2019, 12, 26)  # a Thursday
    assert resolve_date("Monday", pub) == "2019-12-23"
    assert resolve_date("yesterday", pub) == "2019-12-25"
    assert resolve_date("Thursday", pub) == "2019-12-26"
    assert resolve_date("March 5", pub) == "2019-03-05"
    assert resolve_date("5 March 2018", pub) == "2018-03-05"
    assert resolve_date("December", pub) == ["2019-12-01", "2019-12-31"]
    assert resolve_date("Monday", None) is None


def test_figures_keep_qualifier_unit_and_what_is_counted(nlp, make_article):
    art = make_article(
        [
            "Some 180,000 civilians fled as dozens of armoured vehicles moved in "
            "on Monday, while 3.6 million Syrians live in Turkey and prices rose 5%."
        ],
        published="2019-12-26",
    )
    doc = nlp(body_of(art).text)
    figs = figures(doc, art, body_of(art))
    for fig in figs:
        assert art.text[fig["span"]["start"] : fig["span"]["end"]] == fig["span"]["text"]
    by_text = {f["span"]["text"].lower(): f for f in figs}
    assert by_text["some 180,000"]["value"] == 180_000
    assert by_text["some 180,000"]["qualifier"] == "some"
    assert by_text["some 180,000"]["counts"] == "civilians"
    assert by_text["dozens"]["counts"] == "armoured vehicles"
    assert by_text["3.6 million"]["value"] == 3_600_000
    assert by_text["monday"]["value"] == "2019-12-23"
    assert by_text["5%"]["unit"] == "%"


def test_a_nested_count_and_a_number_glued_to_a_name(nlp, make_article):
    art = make_article(
        [
            "Tens of thousands of farmers marched on Friday, according to a 2Dwire source, "
            "after a 12km convoy blocked the road."
        ]
    )
    figs = figures(nlp(body_of(art).text), art, body_of(art))
    numbers = {f["span"]["text"]: f for f in figs if f["kind"] == "number"}
    assert set(numbers) == {"Tens of thousands", "12km"}
    assert numbers["Tens of thousands"]["counts"] == "farmers"
    assert numbers["12km"]["unit"] == "km"
