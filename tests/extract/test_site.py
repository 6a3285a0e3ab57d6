"""Site chrome: lines a site repeats on many pages."""

from __future__ import annotations

from rashomon.extract.site import SiteChrome, site_of
from rashomon.extract.text import extract_text
from rashomon.model import Page

PROMPT = "Tell us what you think of our coverage in the box below this article."


def page(n: int, outlet: str = "Example") -> Page:
    body = "\n\n".join(
        f"Paragraph {k} of story {n}: the council met again on Tuesday and discussed the "
        f"budget for the coming year at great length, without reaching any agreement."
        for k in range(4)
    )
    return Page(source=f"p{n}", source_id=str(n), outlet=outlet,
                text=f"Headline number {n} about the council budget\n\n{body}\n\n{PROMPT}")


def test_repeated_lines_become_site_chrome() -> None:
    chrome = SiteChrome(min_pages=3)
    for n in range(3):
        chrome.add(page(n))
    chrome.add(page(0))  # an exact copy counts once
    keys = chrome.keys(page(9))
    assert len(keys) == 1
    assert chrome.keys(page(9, outlet="Other")) == frozenset()


def test_site_chrome_is_left_out_of_the_body() -> None:
    chrome = SiteChrome(min_pages=3)
    for n in range(3):
        chrome.add(page(n))
    p = page(5)
    art = extract_text(p, site_chrome=chrome.keys(p))
    assert art is not None
    assert PROMPT not in art.body
    pos = p.text.index(PROMPT)
    assert any(r.start <= pos < r.end and r.kind == "chrome" for r in art.removed)


def test_site_of() -> None:
    assert site_of(Page(source="a", source_id="a", url="https://www.example.org/x")) == \
        "example.org"
    assert site_of(Page(source="a", source_id="a")) is None
