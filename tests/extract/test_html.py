"""HTML extraction end to end: Page -> Article, hints, offsets, and the benchmark gate."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest
from extract.html_pages import ARTICLE_PAGE, BARE_PAGE, PARAS
from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.extract.html import extract_html
from rashomon.model import Page


def _page(markup: str, **hints: str) -> Page:
    return Page(source="test.html", source_id="test", html=markup, **hints)


def test_article_fields_and_offsets() -> None:
    page = _page(ARTICLE_PAGE)
    a = extract_html(page)
    assert a is not None
    assert a.id == page.id and a.html == ARTICLE_PAGE
    assert a.title == "Harbour bridge closed to cars"
    assert a.outlet == "Northern Gazette" and a.authors == ["Jo Marsh"]
    assert a.published == "2020-03-03T09:30:00+01:00" and a.published_how == "html-meta"
    assert a.language == "en"
    assert a.subtitle == "Engineers found cracks in two steel supports of the old bridge."
    assert [b for b in a.body if len(b) > 60] == PARAS
    for span in a.body_spans:
        assert a.text[span.start : span.end] == span.text
    for r in a.removed:
        assert a.text[r.start : r.end] == r.text and r.kind
    assert a.title_span is not None
    assert a.text[a.title_span.start : a.title_span.end] == a.title
    assert [c.author for c in a.comments] == ["Pat Lee", "Sam Ode", "Lovely Anna"]
    assert "window.ads" not in a.text and "color: red" not in a.text
    assert a.meta["container"] == "/html/body/main/article/div[3]"


def test_page_hints_take_precedence() -> None:
    a = extract_html(_page(ARTICLE_PAGE, url="https://example.org/bridge",
                           outlet="Gazette Wire", published="2020-03-04T08:00:00+00:00",
                           title="Bridge shut"))
    assert a is not None
    assert (a.url, a.outlet, a.title) == ("https://example.org/bridge", "Gazette Wire",
                                          "Bridge shut")
    assert a.published == "2020-03-04T08:00:00+00:00" and a.published_how == "input"


def test_bare_page_falls_back_to_document_and_copyright() -> None:
    a = extract_html(_page(BARE_PAGE))
    assert a is not None
    assert a.body == [PARAS[0], PARAS[2]]
    assert a.outlet == "Harbour Weekly"
    assert a.published and a.published.startswith("2020-03-04")


def test_unusable_markup_gives_none() -> None:
    assert extract_html(_page("")) is None
    assert extract_html(_page("<html><body><script>x()</script></body></html>")) is None


@pytest.mark.eval
def test_benchmark_quality_floor(shared: Path) -> None:
    """Body F1 on the benchmark's HTML pages stays above the pinned floor."""
    root = shared / "eval" / "aeb-dev"
    if not (root / "gold.jsonl").exists():
        pytest.skip("aeb-dev not present")
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from aeb_metric import f1_report

    pairs = []
    for line in (root / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        path = root / "html" / f"{row['id']}.html.gz"
        if not path.exists():
            continue
        markup = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        a = extract_html(Page(source=path.name, source_id=row["id"], html=markup,
                              url=row["url"]))
        pairs.append((row["body"], "\n\n".join(a.body) if a else ""))
    assert f1_report(pairs)["f1"] >= 0.975


def test_a_long_comment_thread_does_not_become_the_article() -> None:
    remark = ("I strongly disagree with the council on this one, the bridge was inspected "
              "last year and nothing was found, so why the sudden rush to close it now? ")
    thread = "".join(
        f"<li class='comment' id='comment-{i}'><div class='comment-author'><cite class='fn'>"
        f"User {i}</cite></div><div class='comment-content'><p>{remark * 3}</p></div></li>"
        for i in range(30))
    markup = (f"<html><body><div class='wrap'><div class='post'><h1>Bridge</h1><div>"
              f"<p>{PARAS[0]}</p><p>{PARAS[1]}</p></div></div><div id='comments'>"
              f"<ol class='commentlist'>{thread}</ol></div></div></body></html>")
    a = extract_html(_page(markup))
    assert a is not None
    assert a.body == PARAS[:2]
    assert len(a.comments) == 30 and a.comments[5].author == "User 5"
    assert {r.kind for r in a.removed if "strongly disagree" in r.text} == {"comment"}


def test_the_articles_own_time_beats_a_stale_header_date() -> None:
    markup = (f"<html><head><title>Bridge closed</title></head><body><header>"
              f"<time datetime='2021-06-01'>Today</time></header><main><h1>Bridge closed</h1>"
              f"<time datetime='2020-03-04T10:00:00+01:00'>4 March 2020</time>"
              f"<p>{PARAS[0]}</p><p>{PARAS[1]}</p></main></body></html>")
    a = extract_html(_page(markup))
    assert a is not None
    assert a.published == "2020-03-04T10:00:00+01:00"


_TAGS = ["div", "p", "span", "a", "li", "ul", "h1", "h2", "br", "article", "nav", "footer",
         "script", "pre", "td", "tr", "table", "img", "time", "figure", "figcaption"]
_CLASSES = ["", "comment", "comment-content", "comment-author", "share", "related", "content",
            "sidebar", "byline", "caption", "post"]


def _markup(draw_ints: list[int], words: list[str]) -> str:
    """Random but well-formed-ish markup from a list of choices."""
    out, stack = [], []
    for i, n in enumerate(draw_ints):
        if n % 5 == 0 and stack:
            out.append(f"</{stack.pop()}>")
        elif n % 5 == 1:
            out.append(words[i % len(words)] + " ")
        else:
            tag = _TAGS[n % len(_TAGS)]
            cls = _CLASSES[(n // 7) % len(_CLASSES)]
            out.append(f"<{tag} class='{cls}' id='{cls}-{i}'>")
            if tag not in ("br", "img"):
                stack.append(tag)
    return "<html><body>" + "".join(out) + "".join(f"</{t}>" for t in reversed(stack))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 500), max_size=120),
       st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=8))
def test_any_markup_gives_consistent_offsets(ints: list[int], words: list[str]) -> None:
    a = extract_html(_page(_markup(ints, words)))
    if a is None:
        return
    for s in a.body_spans:
        assert a.text[s.start : s.end] == s.text
    for r in a.removed:
        assert a.text[r.start : r.end] == r.text
    for c in a.comments:
        assert a.text[c.start : c.end] == c.text
        if c.author_start is not None:
            assert a.text[c.author_start : c.author_end] == c.author
        assert c.parent is None or 0 <= c.parent < len(a.comments)
