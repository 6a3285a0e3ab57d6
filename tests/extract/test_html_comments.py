"""Reader comments from the DOM: authors, replies, spam."""

from __future__ import annotations

from extract.html_pages import ARTICLE_PAGE

from rashomon.extract.html_comments import extract_comments, is_spam
from rashomon.extract.html_render import parse, render


def test_comments_with_authors_replies_and_spam() -> None:
    root = parse(ARTICLE_PAGE)
    assert root is not None
    r = render(root)
    comments = extract_comments(r)
    assert [(c.author, c.parent, c.spam) for c in comments] == [
        ("Pat Lee", None, False), ("Sam Ode", 0, False), ("Lovely Anna", None, True)]
    assert comments[0].text == "About time, that bridge has been shaking for years."
    for c in comments:
        assert r.text[c.start : c.end] == c.text
        assert c.author_start is not None and c.author_end is not None
        assert r.text[c.author_start : c.author_end] == c.author


def test_spam_needs_promotion_and_a_link() -> None:
    assert is_spam("Hot singles near you, dating at https://example.org")
    assert is_spam("casino bonus and payday loans for everyone")
    assert not is_spam("When I made my website live it felt scary, but it got easier.")
    assert not is_spam("Read the report at https://example.org/report.pdf")
    assert is_spam("Great post! Buy replica bags at 70% discount, visit our store today.")
    assert not is_spam("I bought a cheap ticket and the bridge was closed.", linked=True)


def test_a_linked_promotion_in_the_markup_is_spam() -> None:
    markup = ("<body><p>Article text.</p><div id='comments'><div class='comment'>"
              "<span class='comment-author'>Mia</span><div class='comment-content'>"
              "Best <a href='https://example.net/x'>dating site</a> for lonely hearts</div>"
              "</div><div class='comment'><span class='comment-author'>Lee</span>"
              "<div class='comment-content'>The <a href='/report'>report</a> says the "
              "bridge is safe.</div></div></div></body>")
    root = parse(markup)
    assert root is not None
    comments = extract_comments(render(root))
    assert [(c.author, c.spam) for c in comments] == [("Mia", True), ("Lee", False)]


def test_the_date_in_a_comment_header_is_not_its_text() -> None:
    markup = ("<body><p>Article text.</p><div id='comments'><div class='comment'>"
              "<span class='comment-author'>Mia Holt</span><p>on March 4, 2024 at 9:12 am "
              "said:</p><p>The bridge was shut again this morning.</p></div></div></body>")
    root = parse(markup)
    assert root is not None
    comments = extract_comments(render(root))
    assert [(c.author, c.text) for c in comments] == [
        ("Mia Holt", "The bridge was shut again this morning.")]


def test_pingbacks_are_no_readers_comments() -> None:
    markup = ("<body><p>Article text.</p><ol id='comments'>"
              "<li class='comment even depth-1' id='comment-7'><div id='div-comment-7'>"
              "<span class='comment-author'>Mia</span><div class='comment-content'>The ferry "
              "was late again this morning.</div></div></li>"
              "<li class='pingback odd depth-1' id='comment-8'><div id='div-comment-8'>"
              "<span class='comment-author'><a href='https://example.net/p'>Harbour roundup | "
              "Another Blog</a></span><p>[…] the fares rose again, as the Courier reported "
              "[…]</p></div></li></ol></body>")
    root = parse(markup)
    assert root is not None
    assert [c.author for c in extract_comments(render(root))] == ["Mia"]
