"""Main-content choice: container, body lines, removed kinds."""

from __future__ import annotations

from extract.html_pages import ARTICLE_PAGE, PARAS

from rashomon.extract.html_content import choose, merge_removed
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


def _choice(markup: str, title: str | None = None):
    root = parse(markup)
    assert root is not None
    r = render(root)
    return r, choose(r, title)


def _body(markup: str, title: str | None = None) -> list[str]:
    r, choice = _choice(markup, title)
    return [r.text[b.start : b.end] for b in choice.body]


def test_the_article_with_the_headline_among_sibling_articles() -> None:
    teasers = "".join(f"<article class='teaser'><h2>Other {i}</h2><p>{p}</p></article>"
                      for i, p in enumerate(PARAS[1:] * 2))
    markup = (f"<body><div id='main'><article><h1>Bridge closed</h1><p>{PARAS[0]}</p>"
              f"</article>{teasers}</div></body>")
    assert _body(markup, "Bridge closed") == [PARAS[0]]


def test_nested_articles_and_link_heavy_groups_are_related() -> None:
    cards = "".join(f"<div><a href='/{i}'>A linked headline of another story number {i}</a>"
                    f"<span>Short note</span></div>" for i in range(6))
    markup = (f"<body><article><p>{PARAS[0]}</p><p>{PARAS[1]}</p><p>{PARAS[2]}</p>"
              f"<article><p>{PARAS[3]}</p></article><div>{cards}</div></article></body>")
    r, choice = _choice(markup)
    body = [r.text[b.start : b.end] for b in choice.body]
    assert body == PARAS[:3]
    kinds = {k for _, k, _ in choice.removed}
    assert kinds == {"related"}


def test_short_text_beside_an_image_is_a_caption_and_embeds_are_kept() -> None:
    markup = (f"<body><div class='story'><p>{PARAS[0]}</p>"
              "<div class='photo'><img src='a.jpg'><span>Crowds on the bridge (Image: Pat)"
              f"</span></div><p>{PARAS[1]}</p><div class='social-embed'><blockquote>"
              "Closing the bridge is the right call for everyone in town today</blockquote>"
              f"</div><p>{PARAS[2]}</p></div></body>")
    r, choice = _choice(markup)
    body = [r.text[b.start : b.end] for b in choice.body]
    assert "Closing the bridge is the right call for everyone in town today" in body
    assert [(r.text[b.start : b.end], k) for b, k, _ in choice.removed] == [
        ("Crowds on the bridge (Image: Pat)", "caption")]


def test_removed_lines_merge_into_blocks() -> None:
    root = parse(ARTICLE_PAGE)
    assert root is not None
    r = render(root)
    merged = merge_removed(r, choose(r))
    menu = [r.text[s:e] for s, e, k, _ in merged if k == "nav"]
    assert menu[0] == "Home\nNews\nSport\nOpinion"
    assert all(r.text[s:e].strip() for s, e, _, _ in merged)


def test_headline_before_the_body_and_sign_off_prompts_are_trimmed() -> None:
    markup = (f"<body><div class='story'><h1>A headline the metadata does not give</h1>"
              f"<p>{PARAS[0]}</p><p>{PARAS[1]}</p>"
              "<p>Follow our full coverage of the bridge closure at example.org/bridge</p>"
              "<p>Jo Marsh contributed reporting from the harbour.</p></div></body>")
    r, choice = _choice(markup, "Bridge shut")
    assert [r.text[b.start : b.end] for b in choice.body] == PARAS[:2]
    assert [k for _, k, _ in choice.removed] == ["title-repeat", "promo", "promo"]


def test_a_page_of_short_lines_still_has_a_body() -> None:
    verse = ["Rain on the harbour", "the bridge holds its breath", "cars wait on the hill",
             "and the river keeps on"]
    markup = ("<body><nav><a href='/'>Home</a> <a href='/poems'>Poems</a></nav>"
              "<div class='poem'>" + "".join(f"<p>{v}</p>" for v in verse) + "</div>"
              "<footer>© 2020 Harbour Verse</footer></body>")
    assert _body(markup) == verse


def test_a_list_page_of_articles_keeps_its_items() -> None:
    items = "".join(f"<article><h2>Item {i}</h2><p>{PARAS[i]}</p></article>" for i in range(4))
    body = _body(f"<body><main>{items}</main></body>")
    assert body == [x for i in range(4) for x in (f"Item {i}", PARAS[i])]


def test_image_credits_and_list_labels_leave_the_body() -> None:
    links = "".join(f"<li><a href='/{i}'>Another story about the harbour number {i}</a></li>"
                    for i in range(3))
    markup = (f"<body><div class='story'><p>{PARAS[0]}</p><p>Photo: Pat Lee</p>"
              f"<p>{PARAS[1]}</p><p>{PARAS[2]}</p><p>More on this topic</p><ul>{links}</ul>"
              f"<p>{PARAS[3]}</p></div></body>")
    r, choice = _choice(markup)
    assert [r.text[b.start : b.end] for b in choice.body] == PARAS
    kinds = {r.text[b.start : b.end]: k for b, k, _ in choice.removed}
    assert kinds["Photo: Pat Lee"] == "caption"
    assert kinds["More on this topic"] == "related"


def test_an_article_element_around_the_header_alone_is_not_the_container() -> None:
    teasers = "".join(f"<article><h3>Teaser {i}</h3><p>Short teaser line {i}</p></article>"
                      for i in range(3))
    markup = (f"<body><main><article><h1>Bridge closed</h1><p>By Jo</p></article>"
              f"<div><p>{PARAS[0]}</p><p>{PARAS[1]}</p></div><div><p>{PARAS[2]}</p>"
              f"<p>{PARAS[3]}</p></div>{teasers}</main></body>")
    body = _body(markup, "Bridge closed")
    assert [b for b in body if len(b) > 60] == PARAS


def test_class_names_split_into_words_and_word_pairs() -> None:
    from rashomon.extract.html_hints import names_kind

    assert names_kind("read-more") == "related"
    assert names_kind("newsletter sign-up-box") == "newsletter"
    assert names_kind("ad-slot top") == "widget"
    assert names_kind("siteHeader__navBar") == "nav"
    assert names_kind("relatedArticles") == "related"
    assert names_kind("post-content") is None
    assert names_kind("canvas thread") is None  # "nav" only starts a word
    assert names_kind("social-embed") is None  # an embedded post is content
