"""Kinds of removed lines."""

from __future__ import annotations

from rashomon.extract.kinds import inline_kind, removed_kind


def test_inline_kinds() -> None:
    assert inline_kind("4 min read") == "widget"
    assert inline_kind("Protesters gather outside parliament [AFP]") == "caption"
    assert inline_kind("Read more: Minister resigns over budget row") == "related"
    assert inline_kind("Follow us on Facebook and Twitter to stay connected") == "share"
    assert inline_kind("Sharing is caring!") == "share"  # the label over share buttons
    assert inline_kind("The minister said the budget would pass next week.") is None
    assert inline_kind("By HARBOUR NEWS STAFF") == "byline"
    assert inline_kind("By then the talks were over") is None
    # contributors' credits close wire stories; the words alone make no credit
    assert inline_kind("Ana Ruiz contributed reporting from the port.") == "byline"
    assert inline_kind("Press writers Tom Ng and Ana Ruiz contributed to this report.") == "byline"
    assert inline_kind("Additional reporting by Tom Ng") == "byline"
    assert inline_kind("The mayor contributed to the harbour fund, the council said.") is None
    assert inline_kind("2 of 9 Dockers gather at the gate on Monday") == "caption"
    assert inline_kind("Stay informed. Sign up for our morning briefing.") == "newsletter"
    assert inline_kind("The briefing said the union would sign up new members.") is None


def test_removed_kinds() -> None:
    assert removed_kind("© 2024 Example Media. All rights reserved.", after_body=True)[0] == \
        "footer"
    assert removed_kind("Sign up for our daily newsletter", after_body=False)[0] == "newsletter"
    assert removed_kind("You might also like", after_body=True)[0] == "related"
    assert removed_kind("12 Comments", after_body=True)[0] == "comment-label"
    assert removed_kind("By Jane Doe", after_body=False)[0] == "byline"
    assert removed_kind("Monday 3 June 2024", after_body=False)[0] == "date"
    assert removed_kind("World", after_body=False)[0] == "chrome"


def test_a_long_agency_caption_closed_by_its_credit_is_a_caption() -> None:
    caption = (
        "3 of 5 Dockers stand at the closed gate of the grain terminal in Velmora on Monday, "
        "Nov. 4, as the third strike this month halts loading of the ships waiting in the bay "
        "and the port authority says talks with the union will resume only after the weekend "
        "(Ana Ruiz/The Harbour Courier via AP)"
    )
    assert len(caption.split()) > 40
    assert inline_kind(caption) == "caption"
    assert inline_kind("Talks resumed on Monday (see the timeline below)") is None
    assert inline_kind("The vote split the council (Ruiz and Lee against/abstaining).") is None


def test_the_rules_of_a_comment_section_are_no_article_text() -> None:
    rules = (
        "Before posting, please be respectful of fellow readers and their views. We remove "
        "comments that insult others or stray off topic."
    )
    assert inline_kind(rules) == "comment-label"
    assert removed_kind(rules, after_body=True) == ("comment-label", "rules of the comment section")
    assert inline_kind("Readers left 300 comments, and the editor asked them to be civil.") is None


def test_legal_small_print_and_the_authors_contact_line_are_footer() -> None:
    notice = (
        "No part of this page may be copied or reprinted without the express written "
        "consent of Harbour Media."
    )
    assert inline_kind(notice) == "footer"
    assert inline_kind("Got a story? Ana Ruiz can be reached at aruiz@harbour.example.") == "footer"
    assert inline_kind("The council said the old crest may not be reproduced by shops.") is None


def test_a_two_sentence_prompt_naming_the_newsletter_is_a_newsletter_prompt() -> None:
    prompt = (
        "Liked this story? There is more every morning. Sign up for The Harbour Brief, our "
        "weekday newsletter, and find it waiting in your inbox at six."
    )
    assert len(prompt.split()) > 15
    assert inline_kind(prompt) == "newsletter"


def test_an_author_named_beside_the_date_is_a_byline() -> None:
    assert inline_kind("By Harbour Staff | March 3, 2024 at 9:10 AM - Updated 11:02 AM") == "byline"
    assert inline_kind("Tuesday March 5, 2024 7:45 am by Ana Ruiz") == "byline"
    assert inline_kind("The port deal was signed by Mayor Lee on March 3, 2024.") is None


def test_a_long_caption_closed_by_a_photo_agency_is_a_caption() -> None:
    caption = " ".join(["Dockers stand at the closed gate of the grain terminal on Monday."] * 5)
    assert inline_kind(caption + " Ana RUIZ / AFP") == "caption"
    assert inline_kind(caption + " Getty Images") == "caption"
    assert inline_kind(caption) is None


def test_a_line_with_only_the_pages_date_and_time_is_a_date() -> None:
    assert inline_kind("Nov. 18, 2024 7:04 pm ET") == "date"
    assert inline_kind("Published: 18/11/2024 at 10:05") == "date"
    # a live blog's entry time and a span of dates can be article text
    assert inline_kind("4:14 p.m.") is None
    assert inline_kind("29 November 2023 | 20 January 2024") is None


def test_caption_search_reads_the_line_end_only() -> None:
    from rashomon.extract.kinds import _CAPTION, _caption

    prose = "The council met on Tuesday and the vote was delayed again. " * 5
    # the longest match: '(' 'pictured', 60 more characters, ')', and a final newline
    for text in (prose + "(pictured" + "x" * 60 + ")", prose + "(pictured" + "x" * 60 + ")\n",
                 prose + "[Getty " + "y" * 39 + "]", prose + "/ AFP " + "z" * 38,
                 "Photo: the harbour at dawn " + prose, prose + "(pictured" + "x" * 61 + ")",
                 prose + "(see the chart)", "x" * 30 + "/ Reuters"):
        assert _caption(text, text.lower()) == (_CAPTION.search(text) is not None), text[-80:]


def test_agency_caption_openings_and_bracketed_credits_are_captions() -> None:
    assert inline_kind("This satellite image shows smoke over the port.") == "caption"
    assert inline_kind("In this May 2, 2024, photo, dockers stand at the gate.") == "caption"
    assert inline_kind("A crane lifts the last container of the day [Ana Ruiz via AP]") == "caption"
    assert inline_kind("This image problem has haunted the port for years, its chief said.") is None
    assert inline_kind("The council debated the plan [see the map below].") is None


def test_caption_tail_search_as_the_whole_pattern() -> None:
    from rashomon.extract.kinds import _CAPTION, _CAPTION_END, _CAPTION_REACH

    texts = ["The bridge at dusk. [Getty Images]", "A ferry leaves the harbour (Photo: Jo Bo)",
             "Crowds on the pier / AFP", "Firefighters at work [Ana Ruiz via AP]",
             "Rain on the square. Jane Roe/Reuters", "Photo: the square", "The mayor (left) spoke.",
             "x" * 90 + " Getty Images", "Storm clouds ımage: Jo Bo", "Snow [Jo/Bo] falls."]
    for text in texts:
        start = max(0, len(text) - _CAPTION_REACH)
        plain = _CAPTION.match(text) or _CAPTION.search(text, start)
        fast = _CAPTION.match(text) or _CAPTION_END.search(text, start)
        assert (plain is None) == (fast is None), text
    assert _CAPTION_END.search(texts[2]) and not _CAPTION_END.search(texts[6])


def test_caption_hints_read_in_the_key_as_in_the_lower_cased_line() -> None:
    from rashomon.extract.kinds import _CAPTION, _caption
    from rashomon.extract.lines import norm_key

    for text in (
        "Dockers at the gate. GETTY IMAGES",
        "The quay at dawn / Photo: Ana Ruiz",
        "Crowds on the pier (Reuters)",
        "The Profile of a harbour town",
        "Illustration: the new ferry terminal",
        "Ferries wait outside the port",
    ):
        assert (
            _caption(text, norm_key(text))
            == _caption(text, text.lower())
            == (_CAPTION.search(text) is not None)
        ), text


def test_inline_links_need_one_of_their_separators() -> None:
    from rashomon.extract.kinds import _INLINE_LINK

    for text in (
        "Read more: Port strike ends",
        "Watch > The vote in two minutes",
        "Related | Harbour fees rise",
        "Opinion » Why the ferry matters",
    ):
        assert _INLINE_LINK.match(text) and inline_kind(text) == "related", text
    assert inline_kind("Watch the harbour webcam as the ferries come in tonight") is None
