"""The text-dump extractor on hand-written pages."""

from __future__ import annotations

from rashomon.extract.text import extract_text
from rashomon.model import Page

PARAS = [
    "The city council voted on Tuesday to close the old river bridge for repairs, after "
    "engineers found cracks in two of its supporting piers during a routine inspection.",
    "The closure will last at least six months, the council said in a statement, and "
    "traffic will be diverted through the northern ring road while the work is done.",
    "Residents who spoke at the meeting said they were worried about longer commutes, but "
    "most agreed that the safety of the bridge had to come first for the whole town.",
    "The mayor said that the repairs would be paid for from the reserve fund and that no "
    "new tax would be needed, a claim that the opposition said it would examine closely.",
]
CHROME_TOP = ["Home", "News", "Sport", "Weather", "Sign in", "Subscribe"]
CHROME_END = ["Share this article", "Facebook", "Twitter", "Related stories",
              "Privacy policy", "Terms of use", "© 2024 Example Media"]


def make_page() -> str:
    top = "\n".join(CHROME_TOP)
    body = "\n\n".join(PARAS)
    return f"{top}\n\nCouncil closes river bridge for repairs\n\n{body}\n\n" + "\n".join(CHROME_END)


def test_body_is_the_paragraphs_with_exact_offsets() -> None:
    text = make_page()
    art = extract_text(Page(source="t", source_id="t", text=text))
    assert art is not None
    assert art.body == PARAS
    for span in art.body_spans:
        assert text[span.start : span.end] == span.text
    assert art.text == text
    assert art.id == Page(source="t", source_id="t", text=text).id


def test_chrome_is_removed_with_offsets() -> None:
    text = make_page()
    art = extract_text(Page(source="t", source_id="t", text=text))
    assert art is not None
    for r in art.removed:
        assert text[r.start : r.end] == r.text
    for line in ("Subscribe", "Privacy policy", "Share this article"):
        pos = text.index(line)
        assert any(r.start <= pos < r.end for r in art.removed), line
    kinds = {r.kind for r in art.removed}
    assert "footer" in kinds and "chrome" in kinds


def test_parts_do_not_overlap() -> None:
    text = make_page()
    art = extract_text(Page(source="t", source_id="t", text=text))
    assert art is not None
    spans = [(s.start, s.end) for s in art.body_spans] + [(r.start, r.end) for r in art.removed]
    if art.title_span:
        spans.append((art.title_span.start, art.title_span.end))
    spans.sort()
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_empty_page_gives_none() -> None:
    assert extract_text(Page(source="t", source_id="t", text="  \n\n")) is None


def test_hints_take_precedence() -> None:
    page = Page(source="t", source_id="t", text=make_page(), url="https://example.org/a",
                outlet="Example", published="2024-03-01", title="Given title")
    art = extract_text(page)
    assert art is not None
    assert (art.title, art.outlet, art.published, art.url) == (
        "Given title", "Example", "2024-03-01", "https://example.org/a")
    assert art.published_how == "input"
