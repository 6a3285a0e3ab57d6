"""Layout corrections of the line model's probabilities, on hand-written lines."""

from __future__ import annotations

import numpy as np
import pytest

from rashomon.extract import layout
from rashomon.extract.lines import split_lines
from rashomon.extract.text import extract_text
from rashomon.model import Page

PROSE = [
    "The orchestra will play twelve cities next summer, its manager said on Monday, in "
    "the first long tour since the hall in its home town closed for repairs.",
    "Tickets go on sale on Friday morning, and the manager said that most of the halls "
    "had asked for a second night in case the first one sold out quickly.",
]
DATES = [
    "June 9 -- Harbour Hall, Port Ellis",
    "June 12 -- The Old Corn Exchange, Millbrook",
    "June 15 -- Riverside Arena, Kettering Vale",
    "June 19 -- Civic Theatre, Northam",
]
SHARE = ["Share", "Facebook", "Twitter", "Email"]


def probs(lines, **by_text: float) -> np.ndarray:
    """0.9 for the prose lines, ``by_text`` for named lines, 0.05 for the rest."""
    out = []
    for ln in lines:
        if ln.text in PROSE:
            out.append(0.9)
        else:
            out.append(by_text.get(ln.text, 0.05))
    return np.array(out)


def test_items_of_a_list_the_article_introduces_with_a_colon_are_promoted() -> None:
    intro = "The dates announced for the tour are:"
    lines = split_lines("\n".join(PROSE + [intro] + DATES + SHARE))
    p = layout.colon_lists(lines, probs(lines, **{intro: 0.4}))
    kept = [ln.text for ln, x in zip(lines, p, strict=True) if x >= 0.5]
    # the unsure intro joins its list; the share buttons (another shape) end it
    assert kept == PROSE + [intro] + DATES


@pytest.mark.parametrize(
    "intro, items",
    [
        ("The dates announced for the tour are:", DATES[:2]),  # two lines are no list
        ("You may also like these stories:", DATES),  # a related-list label
        ("Tour dates:", DATES),  # a label, not a sentence of the article
    ],
)
def test_no_list_is_read_where_the_intro_or_the_items_fall_short(intro, items) -> None:
    lines = split_lines("\n".join(PROSE + [intro] + items + SHARE))
    p = probs(lines, **{intro: 0.6})
    after = layout.colon_lists(lines, p.copy())
    assert [x >= 0.5 for x in after[len(PROSE) + 1 :]] == [x >= 0.5 for x in p[len(PROSE) + 1 :]]


def test_a_colon_line_outside_the_articles_flow_opens_no_list() -> None:
    intro = "Please sign in with one of these accounts to comment:"
    lines = split_lines("\n".join(PROSE + SHARE + [intro] + DATES))
    p = layout.colon_lists(lines, probs(lines, **{intro: 0.6}))
    assert all(x < 0.5 for x in p[len(PROSE) + len(SHARE) + 1 :])


def test_a_prose_line_between_body_lines_is_promoted() -> None:
    doubted = "The manager said the band had rehearsed all winter in a barn outside town."
    short = "Photo: the band on stage"
    lines = split_lines("\n".join([PROSE[0], doubted, short, PROSE[1]] + SHARE))
    p = layout.prose_between(lines, probs(lines, **{doubted: 0.2, short: 0.2}))
    assert [x >= 0.5 for x in p[:4]] == [True, True, False, True]
    # ... unless the model all but ruled it out
    p = layout.prose_between(lines, probs(lines, **{doubted: 0.05}))
    assert p[1] < 0.5


def test_a_short_lone_unsure_body_line_far_from_the_rest_is_demoted() -> None:
    prompt = "Tell me about new posts by email."
    lines = split_lines(
        "\n".join(PROSE + [PROSE[0]] + [f"Menu item {k}" for k in range(20)] + [prompt] + SHARE)
    )
    at = lines.index(next(ln for ln in lines if ln.text == prompt))
    p = np.array([0.9, 0.9, 0.9] + [0.1] * 20 + [0.6] + [0.1] * len(SHARE))
    assert np.flatnonzero(layout.lone_lines(lines, p.copy()) >= 0.5).tolist() == [0, 1, 2]
    p[at] = 0.85  # the model was sure of it: it stays
    assert np.flatnonzero(layout.lone_lines(lines, p.copy()) >= 0.5).tolist() == [0, 1, 2, at]
    # a lone paragraph stays (it may be the article's lead)
    lines[at] = lines[0]
    p[at] = 0.6
    assert np.flatnonzero(layout.lone_lines(lines, p.copy()) >= 0.5).tolist() == [0, 1, 2, at]
    # with fewer than three body lines no line is lone
    two = np.array([0.9] + [0.1] * 22 + [0.6] + [0.1] * len(SHARE))
    assert np.flatnonzero(layout.lone_lines(lines, two.copy()) >= 0.5).tolist() == [0, at]


def test_the_extractor_keeps_a_list_the_model_missed(monkeypatch) -> None:
    from rashomon.extract import text as text_mod

    intro = "The dates announced for the tour are:"
    page = "\n\n".join(["Orchestra sets summer tour"] + PROSE + [intro, "\n".join(DATES)] + SHARE)
    lines = split_lines(page)
    monkeypatch.setattr(
        text_mod, "body_probabilities", lambda lines, *a, **k: probs(lines, **{intro: 0.4})
    )
    art = extract_text(Page(source="t", source_id="t", text=page))
    assert art is not None
    assert art.body == PROSE + [intro] + DATES
    assert len(lines) == 1 + len(PROSE) + 1 + len(DATES) + len(SHARE)


MORE = [
    "The hall's owners said the repairs had run over budget, but that the work on the roof "
    "would be finished in time for the opening night.",
    "A spokeswoman for the city said the council would meet the orchestra next week.",
]


def test_prose_at_the_articles_edges_joins_it_past_captions() -> None:
    lines = split_lines(
        "\n".join(
            SHARE
            + [
                "Image copyright Example Images",
                MORE[0],
                "Image copyright Example Images",
                "Image caption The hall in May",
                MORE[1],
            ]
            + PROSE
            + ["Photo: the hall", "Related stories", MORE[0]]
        )
    )
    p = layout.prose_edges(lines, probs(lines, **{MORE[0]: 0.15, MORE[1]: 0.3}))
    kept = [ln.text for ln, x in zip(lines, p, strict=True) if x >= 0.5]
    # upwards over two lines at a time; never past a related-list label
    assert kept == [MORE[0], MORE[1]] + PROSE


def test_the_edges_stop_at_a_wide_gap_or_a_line_the_model_ruled_out() -> None:
    gap = ["Image copyright Example Images", "Image caption The hall", "Copy this link"]
    lines = split_lines("\n".join([MORE[0]] + gap + PROSE + [MORE[1]]))
    p = layout.prose_edges(lines, probs(lines, **{MORE[0]: 0.3, MORE[1]: 0.05}))
    assert [ln.text for ln, x in zip(lines, p, strict=True) if x >= 0.5] == PROSE


HEADLINES = [
    "Harbour crane to be replaced after rust found",
    "Council approves new cycle lanes for the old town",
    "Ferry timetable changes for the winter season",
]


def test_a_run_of_headlines_is_a_list_of_links() -> None:
    lines = split_lines("\n".join(PROSE + ["MUST WATCH"] + HEADLINES + SHARE))
    p = layout.headline_runs(lines, probs(lines, **{h: 0.7 for h in HEADLINES}))
    assert [ln.text for ln, x in zip(lines, p, strict=True) if x >= 0.5] == PROSE


@pytest.mark.parametrize(
    "between",
    [
        HEADLINES[:2],  # two in a row: a heading and a subheading may look so
        [HEADLINES[0], MORE[1], HEADLINES[1], HEADLINES[2]],  # prose breaks the run
        [HEADLINES[0] + ".", HEADLINES[1] + ",", HEADLINES[2]],  # punctuated: sentences
    ],
)
def test_headlines_that_do_not_make_a_run_stay(between) -> None:
    lines = split_lines("\n".join(PROSE[:1] + between + PROSE[1:]))
    p = probs(lines, **{t: 0.7 for t in between})
    assert (layout.headline_runs(lines, p.copy()) >= 0.5).all()


def test_a_headline_with_a_byline_under_it_is_a_teaser() -> None:
    lines = split_lines(
        "\n".join(
            [HEADLINES[0], "By Ana Ruiz"]
            + PROSE
            + [HEADLINES[1], "By HARBOUR NEWS STAFF", "03/14/2024 09:40 AM"]
            + [HEADLINES[2], "By Tuesday evening, most of the crowd had left the old town."]
        )
    )
    p = probs(lines, **{h: 0.7 for h in HEADLINES})
    kept = [ln.text for ln, x in zip(lines, layout.teasers(lines, p), strict=True) if x >= 0.5]
    # the first body line may be the story's own headline; a sentence opening with 'By' is
    # no byline
    assert kept == [HEADLINES[0]] + PROSE + [HEADLINES[2]]


@pytest.mark.parametrize("label", ["Leia também", "Читайте также:", "Lesen Sie auch", "Baca juga"])
def test_the_edges_stop_at_a_related_label_in_another_language(label) -> None:
    lines = split_lines("\n".join(PROSE + [label, MORE[0]]))
    p = layout.prose_edges(lines, probs(lines, **{MORE[0]: 0.3}))
    assert [ln.text for ln, x in zip(lines, p, strict=True) if x >= 0.5] == PROSE


def test_a_sentence_opening_with_a_label_word_is_no_boundary() -> None:
    sentence = "Lee también el informe del consejo, que se publicó el lunes por la tarde."
    lines = split_lines("\n".join(PROSE + [sentence]))
    p = layout.prose_edges(lines, probs(lines, **{sentence: 0.3}))
    assert (p >= 0.5).all()


def test_a_body_without_a_sentence_gets_the_pages_likeliest_prose_line() -> None:
    archive = [f"{m} ({n})" for m, n in (("March", 12), ("April", 9), ("May", 14))]
    tags = "harbour ferry tickets council budget river bridge repairs weather festival"
    lines = split_lines("\n".join(archive + [tags] + SHARE + PROSE))
    p = np.array([0.7] * 4 + [0.05] * 4 + [0.2, 0.3])
    out = layout.a_sentence(lines, p.copy())
    # archive links and a tag cloud (ten words, no stopwords) hold no sentence: the likelier
    # paragraph joins them
    assert out[-1] == layout.PROMOTED and out[-2] == 0.2
    assert (out[:-1] == p[:-1]).all()
    # a body with running text, even one that ends without a full stop, is left alone
    lines = split_lines("\n".join(archive + [PROSE[0].rstrip(".")] + [PROSE[1]]))
    p = np.array([0.7] * 4 + [0.3])
    assert (layout.a_sentence(lines, p.copy()) == p).all()
    # ... and so is a page without prose (a list is the article)
    lines = split_lines("\n".join(DATES + SHARE))
    p = probs(lines, **{d: 0.8 for d in DATES})
    assert (layout.a_sentence(lines, p.copy()) == p).all()


def test_kept_items_of_a_colon_list_do_not_end_it() -> None:
    intro = "The dates announced for the tour are:"
    lines = split_lines("\n".join(PROSE + [intro] + DATES[:3] + ["Related stories"] + DATES[3:]))
    p = probs(lines, **{intro: 0.6, DATES[0]: 0.7, "Related stories": 0.7})
    kept = [ln.text for ln, x in zip(lines, layout.colon_lists(lines, p), strict=True) if x >= 0.5]
    # the model kept the first date: the list reads on past it, up to the label it kept
    assert kept == PROSE + [intro] + DATES[:3] + ["Related stories"]


PACKING = [
    "Two pairs of thick walking socks",
    "A light rain jacket with a hood",
    "Extras",
    "Sun cream and a wide hat",
    "Print this list",
    "A refillable bottle for water",
]


def test_a_run_of_list_items_after_a_sentence_is_promoted() -> None:
    lines = split_lines("\n".join(PROSE + PACKING + SHARE))
    p = layout.item_runs(lines, probs(lines))
    kept = [ln.text for ln, x in zip(lines, p, strict=True) if x >= 0.5]
    # a heading between the items joins them, a chrome word does not
    assert kept == PROSE + [t for t in PACKING if t != "Print this list"]


@pytest.mark.parametrize(
    "head, items, tail",
    [
        # the body line before it is a headline, not a sentence
        ([PROSE[0], "Ferry timetable changes for the winter season"], PACKING, []),
        # a related-list label stands first
        (PROSE + ["Related stories"], PACKING, []),
        # other articles' teasers, with bylines
        (PROSE, [HEADLINES[0], "By Ana Ruiz", HEADLINES[1], "By Ana Ruiz", HEADLINES[2]], []),
        # headlines longer than list items
        (PROSE, [h + " after a long and stormy night" for h in HEADLINES], []),
        # mostly capitalised, as headlines are
        (PROSE, ["Fresh Fish from the Harbour Market", "New Cycle Lanes for the Old Town",
                 "Old Mill Opens to the Public"], []),
        # a menu the page repeats elsewhere
        (PROSE, PACKING, PACKING[:3]),
    ],
)
def test_runs_that_are_no_list_of_the_article_stay_out(head, items, tail) -> None:
    lines = split_lines("\n".join(head + items + SHARE + tail))
    p = probs(lines, **{t: 0.9 for t in head})
    assert (layout.item_runs(lines, p.copy()) == p).all()


MENU = ["Home", "News", "Travel", "Sport"]
INTRO = ("Packing for a long walk is easier with a list, so we asked three guides what they "
         "never leave behind.")


def test_a_list_leading_into_the_article_is_promoted_with_its_introduction() -> None:
    lines = split_lines("\n".join(MENU + [INTRO] + PACKING + PROSE + SHARE))
    p = layout.lead_list(lines, probs(lines, **{INTRO: 0.35}))
    kept = [ln.text for ln, x in zip(lines, p, strict=True) if x >= 0.5]
    assert kept == [INTRO] + [t for t in PACKING if t != "Print this list"] + PROSE


@pytest.mark.parametrize(
    "intro_prob, items",
    [
        (0.1, PACKING),  # the model ruled the sentence out
        (0.35, PACKING[:2]),  # two items make no list
        # other articles' headlines, longer than list items
        (0.35, [h + " after a long and stormy night" for h in HEADLINES]),
        (0.35, PACKING[:2] + ["By Ana Ruiz"] + PACKING[2:]),  # a byline: teasers
    ],
)
def test_no_lead_list_without_a_likely_introduction_and_list_items(intro_prob, items) -> None:
    lines = split_lines("\n".join(MENU + [INTRO] + items + PROSE + SHARE))
    p = probs(lines, **{INTRO: intro_prob})
    assert (layout.lead_list(lines, p.copy()) == p).all()


ROUNDUP = [
    "Harbour Hall, Port Ellis",
    "Photo: Example Images",
    "The hall seats two thousand people and has the best sound of any venue on the tour.",
    "Tickets from $40 at Example Tickets",
    "The Old Corn Exchange",
    "A small room with a long bar, where the band played its first concert ten years ago.",
]


def test_prose_between_two_body_lines_with_no_label_between_is_promoted() -> None:
    lines = split_lines("\n".join(PROSE[:1] + ROUNDUP + PROSE[1:]))
    p = layout.enclosed_prose(lines, probs(lines, **{ROUNDUP[2]: 0.02, ROUNDUP[5]: 0.04}))
    kept = [ln.text for ln, x in zip(lines, p, strict=True) if x >= 0.5]
    assert kept == PROSE[:1] + [ROUNDUP[2], ROUNDUP[5]] + PROSE[1:]


@pytest.mark.parametrize(
    "other", ["Related stories", "Leave a comment", "Leia também", "© Example Media"]
)
def test_prose_past_a_label_or_chrome_between_body_lines_stays_out(other) -> None:
    lines = split_lines("\n".join(PROSE[:1] + ROUNDUP[:3] + [other] + ROUNDUP[3:] + PROSE[1:]))
    p = probs(lines)
    assert (layout.enclosed_prose(lines, p.copy()) == p).all()
    # ... and so does a caption the page shows twice, or prose after a label the model kept
    lines = split_lines("\n".join(PROSE[:1] + ROUNDUP[:3] + PROSE[1:] + ROUNDUP[2:3]))
    p = probs(lines)
    assert (layout.enclosed_prose(lines, p.copy()) == p).all()
    lines = split_lines("\n".join(PROSE + ["Related stories"] + ROUNDUP + PROSE))
    p = probs(lines, **{"Related stories": 0.6})
    assert (layout.enclosed_prose(lines, p.copy())[3:] == p[3:]).all()


def test_prose_edges_stop_at_a_copyright_line() -> None:
    lines = split_lines("\n".join(PROSE + ["© 2024 Example Media Ltd", MORE[0]]))
    p = layout.prose_edges(lines, probs(lines, **{MORE[0]: 0.3}))
    assert [ln.text for ln, x in zip(lines, p, strict=True) if x >= 0.5] == PROSE


MENU = ["NEWS", "SPORT AND LEISURE", "WEATHER", "PARKING PERMITS"]
FILLER = [f"Section {k}" for k in range(12)]


def test_an_island_of_body_lines_without_running_text_is_demoted() -> None:
    lines = split_lines("\n".join(MENU + FILLER + PROSE + FILLER + PACKING[:2]))
    p = probs(lines, **{m: 0.6 for m in MENU} | {PACKING[0]: 0.6, PACKING[1]: 0.6})
    p[1] = 0.85  # the model was sure of this one
    out = layout.prose_islands(lines, p.copy())
    kept = [ln.text for ln, x in zip(lines, out, strict=True) if x >= 0.5]
    # an island of list items far from the prose stays
    assert kept == [MENU[1]] + PROSE + PACKING[:2]
    # on a page without running text in its body, nothing is demoted
    lines = split_lines("\n".join(MENU + FILLER + DATES))
    p = probs(lines, **{t: 0.6 for t in MENU + DATES})
    assert (layout.prose_islands(lines, p.copy()) == p).all()


def test_the_menu_goes_when_the_pages_one_sentence_is_the_article() -> None:
    story = "A lorry shed its load of gravel on the ring road on Monday, the police said."
    lines = split_lines("\n".join(MENU + FILLER + [story] + SHARE))
    p = probs(lines, **{m: 0.6 for m in MENU} | {story: 0.04})
    kept = [ln.text for ln, x in zip(lines, layout.correct(lines, p), strict=True) if x >= 0.5]
    assert kept == [story]
