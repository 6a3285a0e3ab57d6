"""Metadata from the lines around the body."""

from __future__ import annotations

from rashomon.extract.lines import split_lines
from rashomon.extract.meta import (
    detect_language,
    find_author_bio,
    find_authors,
    find_dateline,
    find_outlet,
    find_published,
    find_title,
    is_owner,
    notice_holder,
    title_repeats,
)

BODY = ("The port authority said on Friday that two ships had been held at anchor after customs "
        "officers found undeclared cargo during an inspection, according to a Harbourwire source.")
PAGE = "\n".join([
    "Valletta",                              # 0 site header
    "Wednesday 1st January 2020",            # 1 stale header date
    "Ships held at anchor after customs find undeclared cargo",  # 2 title
    "Harbourwire Valletta",                  # 3 outlet + dateline... (Valletta not a city here)
    "By Ana Ruiz and Ben Cole | Staff",      # 4 byline
    "Fri, 14 Jun 2024 09:30 GMT",            # 5 article date
    BODY,                                    # 6
    BODY.replace("Friday", "Thursday"),      # 7
    "Ships held at anchor after customs find undeclared cargo",  # 8 repeat
    "© 2024 Harbourwire. All rights reserved.",  # 9
])


def parts() -> tuple[list, list[bool]]:
    lines = split_lines(PAGE)
    return lines, [i in (6, 7) for i in range(len(lines))]


def menu(n: int) -> str:
    """``n`` lines of site navigation."""
    return "\n".join(f"Section {k}" for k in range(n))


def title_of(text: str) -> tuple[list, int | None, str | None]:
    """A page's lines and the title ``find_title`` picks, its body being the BODY lines."""
    lines = split_lines(text)
    return (lines, *find_title(lines, [ln.text == BODY for ln in lines], None))


def test_title_and_repeats() -> None:
    lines, body = parts()
    i, title = find_title(lines, body, None)
    assert i == 2 and title == lines[2].text
    assert title_repeats(lines, i, title) == [8]


def test_title_hint_wins_and_strips_site_suffix() -> None:
    lines = split_lines("Harbourwire\nShips held at anchor - Harbourwire\n" + BODY)
    i, title = find_title(lines, [False, False, True], "Ships held at anchor")
    assert (i, title) == (1, "Ships held at anchor")


def test_published_prefers_the_date_after_the_title() -> None:
    lines, body = parts()
    iso, how, idx = find_published(lines, body, 2)
    assert (iso, how, idx) == ("2024-06-14T09:30:00+00:00", "page-date", [5])


def test_no_date_is_never_guessed() -> None:
    lines = split_lines("A title for the story here\n" + BODY)
    assert find_published(lines, [False, True], 0) == (None, None, [])
    # a weekday resolves only against a known anchor date
    iso, how, _ = find_published(lines, [False, True], 0, anchor="2024-06-16")
    assert (iso, how) == ("2024-06-14", "relative")


def test_authors() -> None:
    lines, _ = parts()
    assert find_authors(lines, range(3, 6)) == (["Ana Ruiz", "Ben Cole"], [4])


def test_outlet_from_byline_line_named_in_the_body() -> None:
    lines = split_lines("Ships held at anchor\nHarbourwire London\n" + BODY)
    outlet, idx = find_outlet(lines, [False, False, True], None, range(1, 2))
    assert (outlet, idx) == ("Harbourwire", [1])
    assert find_dateline(lines, [False, False, True], range(1, 2)) == ("London", [1])


def test_outlet_from_copyright_or_url() -> None:
    lines, body = parts()
    assert find_outlet(lines, body, None, range(0))[0] == "Harbourwire"
    lines2 = split_lines("Title here today\n" + BODY)
    assert find_outlet(lines2, [False, True], "https://www.example.org/a", range(0)) == (
        "example.org", [])


def test_body_dateline() -> None:
    lines = split_lines("Title of it all\nROME (Reuters) - The talks resumed on Monday.")
    assert find_dateline(lines, [False, True], range(0))[0] == "ROME"


def test_language() -> None:
    assert detect_language(BODY) == "en"
    assert detect_language("El gobierno de la ciudad dijo que los barcos y las cargas del "
                           "puerto se quedan en el muelle por la inspección.") == "es"
    assert detect_language("") is None


def test_document_title_line_points_to_the_headline() -> None:
    lines, i, title = title_of(f"Ships held at anchor after customs find - Harbourwire\n"
                               f"{menu(50)}\nShips held at anchor after customs find\n"
                               f"By Ana Ruiz\n{BODY}\n{BODY}")
    assert title == "Ships held at anchor after customs find"
    assert i is not None and lines[i].lineno == 52
    assert title_repeats(lines, i, title) == [0]


def test_outlet_from_title_suffix() -> None:
    def outlet(*page: str) -> str | None:
        lines = split_lines("\n".join(page))
        return find_outlet(lines, [ln.text == BODY for ln in lines], None, range(0))[0]

    title = "Ferry fares rise again - Coastline Courier"
    # the page names the site on a line of its own, or the article names it
    assert outlet(title, "Coastline Courier", BODY) == "Coastline Courier"
    assert outlet(title, "Menu", BODY.replace("Harbourwire", "Coastline Courier")) == \
        "Coastline Courier"
    # named nowhere else: the site's own notice says more ...
    assert outlet(title, "Menu", BODY, "© 2024 Tidewater Media Ltd") == "Tidewater"
    # ... and without one, a suffix that reads as a name is the outlet, a section label not
    assert outlet(title, "Menu", BODY) == "Coastline Courier"
    assert outlet("Ferry fares rise again - Latest News", "Menu", BODY) is None
    assert outlet("Ferry fares rise again – Report", "Menu", BODY) is None
    # a notice held by a company that owns many outlets names none, nor does a photo
    # credit then
    assert outlet("Ferry fares rise again", BODY, "© Ana Ruiz", "© 2024 Gannett") is None


def test_service_tail_where_the_pattern_finds_it() -> None:
    from rashomon.extract.meta import _SERVICE_TAIL, _service_tail

    texts = ["The Courier’s news service said", "it's late. The Post's Rome bureau wrote",
             "Jo's dog and Al’s  own  team", "no quote here", "Ed's'service", "x’s, y's team"]
    for text in texts:
        m = _SERVICE_TAIL.search(text)
        assert _service_tail(text) == (m.start() if m else None), text
    assert _service_tail(texts[1]) == 19


def test_script_lead_bytes_open_every_character_the_script_pattern_finds() -> None:
    from rashomon.extract.meta import _NOT_SCRIPT_LEAD, _SCRIPTS

    for c in range(0x10000):
        if _SCRIPTS.match(chr(c)):
            assert chr(c).encode("utf-8", "surrogatepass").translate(None, _NOT_SCRIPT_LEAD)
    assert not "Curly “quotes” and café – dashes".encode().translate(None, _NOT_SCRIPT_LEAD)
    assert detect_language("東京で会議が開かれた。" * 3) == "ja"


def test_copyright_notice_names_the_publisher_without_its_legal_tail() -> None:
    def outlet(footer: str) -> str | None:
        lines = split_lines("Ferry fares rise again\n" + BODY + "\n" + footer)
        return find_outlet(lines, [False, True, False], None, range(0))[0]

    assert outlet("© Copyright Tidewater 2021") == "Tidewater"
    assert outlet("Copyright © 2020, Gullhaven Media, Inc., Contact Us") == "Gullhaven"
    assert outlet("© 2014-2021 Tidewater Holdings Ltd.") == "Tidewater"
    assert outlet("© All rights reserved | Terms") is None
    assert outlet("© tidewater-news.com, 2008") == "tidewater-news.com"
    assert outlet("© copyright holders of the images") is None
    # a bare '© Name' under the body is a photo credit when the page has a notice
    lines = split_lines("Ferry fares rise again\n" + BODY + "\n© 2021 Tidewater. All rights "
                        "reserved.\nNext story\n© Ana Ruiz")
    assert find_outlet(lines, [False, True, False, False, False], None, range(0)) == (
        "Tidewater", [2])
    # ... also when the notice stands above the article (a sidebar the dump writes first)
    lines = split_lines("Ferry fares rise again\n© 2021 Tidewater. All rights reserved.\n"
                        + BODY + "\n© Ana Ruiz")
    assert find_outlet(lines, [False, False, True, False], None, range(0)) == ("Tidewater", [1])


def test_possessive_newsroom_words_name_an_outlet_but_any_team_does_not() -> None:
    def outlet(sentence: str) -> str | None:
        lines = split_lines("Ferry fares rise again\n" + sentence)
        return find_outlet(lines, [False, True], None, range(0))[0]

    assert outlet("As Tidewater's chief medical correspondent wrote, it is rare.") == "Tidewater"
    assert outlet("Officials told Tidewater's Spanish service on Monday.") == "Tidewater"
    assert outlet("A deal must be made with Jo Roe's management team first.") is None
    assert outlet("Gullhaven's streaming service has grown fast.") is None


def test_title_suffix_names_the_outlet_when_the_headline_stands_alone() -> None:
    lines = split_lines("Ferry fares rise again - Coastline Courier\nMenu\n"
                        "Ferry fares rise again\n" + BODY)
    assert find_outlet(lines, [False, False, False, True], None, range(0))[0] == \
        "Coastline Courier"


def test_site_name_line_is_not_the_title() -> None:
    _, i, title = title_of(f"Ferry fares rise again for island commuters | Coastline Courier\n"
                           f"The Coastline Courier\n{menu(5)}\nThe Coastline Courier\n"
                           f"Ferry fares rise again for island commuters\n{BODY}")
    assert title == "Ferry fares rise again for island commuters" and i == 8


def test_a_name_over_each_of_its_teasers_is_not_the_title() -> None:
    teasers = "\n".join(f"{t}\nIlse Marta Varga\n11/{d}/24 9:00AM" for t, d in (
        ("Why the ferry timetable keeps slipping", 12), ("Five harbour walks for winter", 11),
        ("The lighthouse keepers who stayed on", 10), ("Inside the new fish market", 9)))
    _, i, title = title_of(f"Island commuters face another fare rise\n{menu(3)}\n{teasers}\n"
                           f"{BODY}")
    assert title == "Island commuters face another fare rise" and i == 0


def test_a_subheading_under_the_first_paragraph_is_not_the_title() -> None:
    text = (f"Island ferries add a late crossing, new fares and a winter timetable\n"
            f"Ines Carvalho\n- Nov. 18th 2024 8:54 am\nFacebook\nTwitter\n{BODY}\n"
            f"Late crossings from May\nThe operator will add a late boat on Fridays.")
    lines = split_lines(text)
    body = [ln.text.endswith(".") and len(ln.words) > 6 for ln in lines]
    assert find_title(lines, body, None) == (0, lines[0].text)


def test_published_from_a_labelled_date_under_the_body() -> None:
    lines = split_lines("A title for the story here\n" + BODY +
                        "\nFirst published on May 2, 2024 / 8:16 AM\n© 2024 Tidewater")
    assert find_published(lines, [False, True, False, False], 0) == (
        "2024-05-02T08:16:00", "page-date", [2])


def authors(*header: str) -> list[str]:
    """The authors ``find_authors`` reads in the ``header`` lines."""
    lines = split_lines("\n".join(header))
    return find_authors(lines, list(range(len(lines))))[0]


def test_bylines_with_dates_roles_and_labels() -> None:
    assert authors("By Ana Ruiz Updated Mar 3, 2024, 9:10am EST") == ["Ana Ruiz"]
    assert authors("March 3, 2024 | by Ana Ruiz") == ["Ana Ruiz"]
    assert authors("9:10 AM PST 03/13/2024 by Ana Ruiz") == ["Ana Ruiz"]
    assert authors("Analysis by Ana Ruiz, Harbourwire Editor-at-large") == ["Ana Ruiz"]
    assert authors("By Ana Ruiz, Harbour Business") == ["Ana Ruiz"]
    assert authors("By Ana Ruiz and Ben Cole") == ["Ana Ruiz", "Ben Cole"]
    assert authors("By Harbourwire Staff") == []
    assert authors("Ferries were stopped by Ana Ruiz and her crew on Monday.") == []


def test_one_word_bylines_and_labels() -> None:
    # a handle signs a byline when a date or a bar follows it, or after 'Posted by'
    assert authors("By tidewatcher - 2024-03-03") == ["tidewatcher"]
    assert authors("by Marisol March 3, 2024") == ["Marisol"]
    assert authors("Posted by Marisol") == ["Marisol"]
    assert authors("May 2, 2024 | BY: Ana Ruiz, MA, RD") == ["Ana Ruiz"]
    # ... but a wire service or a role names no author, nor does a bare 'By' phrase
    assert authors("By Reuters - 2024-03-03") == []
    assert authors("By AFP | March 3") == []
    assert authors("By Staff - 2024-03-03") == []
    assert authors("By tidewatcher") == []
    # a label line over the name
    assert authors("Author:", "Harbour Desk Team Two") == []  # a role word: a desk
    assert authors("Author:", "Marisol Ortega Vidal") == ["Marisol Ortega Vidal"]


def test_names_with_a_role_over_the_date_line() -> None:
    def over_date(line: str) -> list[str]:
        return authors("Ferry fares rise again", line,
                       "Updated 4:12 am PST, Tuesday, March 5, 2024", BODY)

    assert over_date("Ana Ruiz, Ap Harbour Affairs Writer") == ["Ana Ruiz"]
    assert over_date("Ana Ruiz and Ben Cole HARBOUR TODAY") == ["Ana Ruiz"]
    # capitalised words over a date with no role after them are a headline, not names
    assert over_date("Fares Rise and Ferries Slow Down") == []


def test_a_name_line_over_the_date_line_is_the_byline() -> None:
    lines = split_lines("Ferry fares rise again\nAna Ruiz\nMar. 3, 2024 1:35 a.m.\n" + BODY)
    assert find_authors(lines, [1, 2, 3]) == (["Ana Ruiz"], [1])
    lines = split_lines("Ferry fares rise again\nBy\nAna Ruiz\n" + BODY)
    assert find_authors(lines, [1, 2, 3]) == (["Ana Ruiz"], [1, 2])
    lines = split_lines("Ferry fares rise again\nNew Hampshire\nMar. 3, 2024\n" + BODY)
    assert find_authors(lines, [1, 2, 3]) == ([], [])


def test_the_line_signed_underneath_is_the_title() -> None:
    # a share prompt shown twice scores as a repeated headline; the signed line wins
    _, _, title = title_of(
        "Walking the cliff path at Gull Point\nby Marisol March 3, 2024\nGood things travel!\n"
        f"{menu(3)}\n{BODY}\nGood things travel!")
    assert title == "Walking the cliff path at Gull Point"


def test_headline_written_again_with_a_word_changed() -> None:
    teaser = "Divers search the old wreck off Gull Point"
    nav = menu(5)
    _, _, title = title_of(
        f"Why the island ferries cannot run on time this winter - Coastline Courier\n{nav}\n"
        f"Why the island ferries just cannot run on time this winter\n{nav}\n{nav}\n"
        f"{nav}\n{teaser}\nVideo\n{teaser}\n{BODY}")
    assert title == "Why the island ferries just cannot run on time this winter"


def test_dateline_from_an_agency_line_drops_its_commas() -> None:
    lines = split_lines("Ships held at anchor\nHarbourwire, London,\n" + BODY)
    assert find_dateline(lines, [False, False, True], range(1, 2)) == ("London", [1])


def test_notice_holder() -> None:
    assert notice_holder("© 2020 Northern Gazette Ltd. All rights reserved.") == (
        "Northern Gazette", True)
    assert notice_holder("Copyright 2019-2020 Harbour Weekly") == ("Harbour Weekly", True)
    assert notice_holder("© Ana Ruiz") == ("Ana Ruiz", False)  # a photo credit, likely
    assert notice_holder("© 2021 by Harbour Weekly") == ("Harbour Weekly", True)
    assert notice_holder("No rights here") is None
    # a company that owns many outlets does not say which one the page is
    assert is_owner("Gannett") and is_owner("Cable News Network") and is_owner("Condé Nast")
    assert not is_owner("Harbour Weekly")


def test_an_author_box_names_the_author() -> None:
    lines = split_lines("Share this story\nTagged: ferries, fares\n"
                        "Dana Holt is the chair of the harbour board.\n"
                        "Ines Carvalho is a senior transport writer at the Courier, covering "
                        "ports and ferries.\nMore from the Courier")
    assert find_author_bio(lines, range(len(lines))) == (["Ines Carvalho"], [3])
    lines = split_lines("Tomas Brand covers the harbour and the fishing fleet.")
    assert find_author_bio(lines, range(1)) == (["Tomas Brand"], [0])
    # a person the article quotes, described by a role that is no writer's, is not one
    lines = split_lines("Dana Holt is the chair of the harbour board.\nThe Ferry Company is "
                        "a partner of the writers' festival.")
    assert find_author_bio(lines, range(2)) == ([], [])
