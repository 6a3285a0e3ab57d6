"""Main-content choice: container, body lines, removed kinds."""

from __future__ import annotations

from extract.html_pages import ARTICLE_PAGE, PARAS

from rashomon.extract.html_content import choose
from rashomon.extract.html_hints import hint_kind
from rashomon.extract.html_render import parse, render


def test_body_is_the_article_paragraphs_and_subheading() -> None:
    root = parse(ARTICLE_PAGE)
    assert root is not None
    r = render(root)
    choice = choose(r, "Harbour bridge closed to cars")
    body = [r.text[b.start : b.end] for b in choice.body]
    assert [b for b in body if len(b) > 60] == PARAS
    assert "Detours for buses" in body
    assert not any("Share on" in b or "Photo:" in b or "sign up" in b for b in body)
    kinds = {r.text[b.start : b.end]: k for b, k, _ in choice.removed}
    assert kinds["Harbour bridge closed to cars"] == "title-repeat"
    assert kinds["Share on Facebook Share on X"] == "share"
    assert kinds["Ferry prices to rise in spring"] == "related"
    assert kinds["© 2020 Northern Gazette Ltd. All rights reserved."] == "footer"
    assert kinds["Home"] == "nav"
    assert any(k == "caption" for t, k in kinds.items() if t.startswith("The harbour bridge"))
    assert any(k == "newsletter" for t, k in kinds.items() if t.startswith("Get the morning"))


def test_hint_kind_reads_tags_classes_and_ids() -> None:
    root = parse('<body><div class="post-content"><div class="social-share">x</div></div>'
                 '<aside>y</aside><div id="footer-links">z</div></body>')
    assert root is not None
    els = {el.text: el for el in root.iter("div", "aside") if el.text}
    assert hint_kind(els["x"]) == "share"
    assert hint_kind(els["y"]) == "widget"
    assert hint_kind(els["z"]) == "footer"
    assert hint_kind(root.find(".//div[@class='post-content']")) is None


def test_no_prose_no_container() -> None:
    root = parse('<body><nav><a href="/">Home</a> <a href="/b">B</a></nav></body>')
    assert root is not None
    assert choose(render(root)).container is None
