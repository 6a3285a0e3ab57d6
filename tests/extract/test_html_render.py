"""The innerText-like renderer: lines, skipped elements and offsets."""

from __future__ import annotations

from rashomon.extract.html_render import parse, render


def _render(markup: str):
    root = parse(markup)
    assert root is not None
    return render(root)


def test_blocks_on_their_own_lines_and_scripts_dropped() -> None:
    r = _render("<html><head><title>T</title><script>var a = 1;</script></head><body>"
                "<div>One <b>bold</b>\n  word</div><p>Para one</p><p>Para two<br>next</p>"
                "<style>p {}</style><ul><li>a</li><li>b</li></ul></body></html>")
    assert r.text == "One bold word\n\nPara one\n\nPara two\nnext\n\na\nb"


def test_hidden_elements_are_not_rendered() -> None:
    r = _render('<body><p>shown</p><div hidden>no</div><p style="display: none">no</p>'
                "<noscript>no</noscript><p>end</p></body>")
    assert "no" not in r.text.split()
    assert r.text == "shown\n\nend"


def test_table_cells_are_tab_separated() -> None:
    r = _render("<body><table><tr><td>a</td> <td>b</td></tr><tr><td>c</td></tr></table></body>")
    assert r.text == "a\tb\nc"


def test_element_and_line_offsets_index_the_text() -> None:
    r = _render('<body><nav><a href="/">Home</a></nav><p id="x">Some <a href="/y">linked'
                "</a> text</p></body>")
    p = r.root.find(".//p")
    start, end = r.spans[p]
    assert r.text[start:end] == "Some linked text"
    lines = [(r.text[b.start : b.end], b.owner.tag, b.link_chars) for b in r.blocks]
    assert lines == [("Home", "nav", 4), ("Some linked text", "p", 6)]


def test_unparseable_and_empty_markup() -> None:
    assert parse("") is None
    assert parse("   ") is None
    root = parse('<?xml version="1.0" encoding="utf-8"?><html><body><p>x</p></body></html>')
    assert root is not None and render(root).text == "x"


def test_preformatted_text_keeps_its_lines() -> None:
    r = _render("<body><p>Run this:</p><pre>x = <b>1</b>\ny =  2\n</pre><p>Done.</p></body>")
    assert r.text == "Run this:\n\nx = 1\ny =  2\n\nDone."
    assert [r.text[b.start : b.end] for b in r.blocks] == ["Run this:", "x = 1", "y =  2",
                                                          "Done."]


def test_deeply_nested_markup_is_rendered_whole() -> None:
    depth = 600  # past libxml2's default nesting limit of 256
    r = _render("<body><p>before</p>" + "<div>" * depth + "<p>deep</p>" + "</div>" * depth
                + "<p>after</p></body>")
    assert r.text == "before\n\ndeep\n\nafter"
