"""Render an lxml tree to text roughly as a browser's ``innerText`` would, keeping offsets.

One pass over the tree (``etree.iterwalk``) writes the text and records, for every element,
the span of ``text`` it produced, and for every line ("block") the innermost block element
that owns it, how much of it is link text, and the class/id hints of the elements above it.
Content selection works on these blocks; every offset indexes ``Rendered.text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

#: Elements whose content is never rendered (as in a browser; ``noscript`` is off when
#: scripts run, and its fallback markup is almost always tracking pixels or ad notes).
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "head", "title", "meta", "link", "iframe",
    "object", "embed", "svg", "canvas", "video", "audio", "source", "track", "map", "select",
    "option", "button", "input", "textarea", "dialog",
})
#: Block-level elements: each starts and ends a line.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
    "listing", "main", "menu", "nav", "ol", "optgroup", "p", "pre", "section", "summary",
    "table", "tbody", "thead", "tfoot", "tr", "caption", "ul", "xmp", "plaintext", "frame",
})
#: Blocks that ``innerText`` surrounds with a blank line (its "required line break count" 2).
PARA_TAGS = frozenset({"p"})
#: Table cells are inline-ish in innerText: separated by a tab, rows by a newline.
CELL_TAGS = frozenset({"td", "th"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

#: Markup beyond this many characters is not read (news pages are well under 5 MB).
MAX_MARKUP = 20_000_000
_WS = re.compile(r"[ \t\n\r\f\v]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


@dataclass(slots=True)
class Block:
    """One rendered line: ``text[start:end]``, owned by the innermost block element."""

    start: int
    end: int
    owner: etree._Element
    #: block elements from ``owner`` up to the root (the owner first)
    path: tuple[etree._Element, ...]
    link_chars: int = 0
    #: inside a heading (h1-h6)
    heading: bool = False


@dataclass(slots=True)
class Rendered:
    """A page rendered to text, with the span of every element and every line."""

    text: str
    root: etree._Element
    blocks: list[Block] = field(default_factory=list)
    #: element -> (start, end) in ``text``; elements that rendered nothing are absent
    spans: dict[etree._Element, tuple[int, int]] = field(default_factory=dict)


def parse(markup: str | bytes) -> etree._Element | None:
    """Parse HTML once with lxml; ``None`` when nothing parseable is left.

    Plain ``etree`` elements (not ``lxml.html``'s classes, whose per-element Python lookup
    costs a third of the parse); HTML comments and processing instructions are dropped.
    ``huge_tree`` lifts libxml2's nesting limit of 256, past which it silently drops the rest
    of the page (old markup with unclosed tags nests that deep); the size cap stands in for
    the memory limit it also lifts.
    """
    if len(markup) > MAX_MARKUP:
        markup = markup[:MAX_MARKUP]
    if isinstance(markup, str):
        if not markup.strip():
            return None
        if markup.lstrip()[:5].lower() == "<?xml":  # a str may not carry an XML declaration
            markup = markup.encode("utf-8", "surrogatepass")
    elif not markup.strip():
        return None
    parser = etree.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False,
                              huge_tree=True)
    try:
        root = etree.fromstring(markup, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    return root


def _hidden(el: etree._Element) -> bool:
    """True for elements a browser would not render (``hidden``, inline ``display:none``)."""
    attrib = el.attrib
    if "hidden" in attrib:
        return True
    style = attrib.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


class _Writer:
    """Accumulates the text with innerText's whitespace collapsing and line breaks."""

    __slots__ = ("out", "pos", "pending", "in_line", "space", "line_start", "unresolved")

    def __init__(self) -> None:
        self.out: list[str] = []
        self.pos = 0
        self.pending = 0
        self.in_line = False
        self.space = False
        self.line_start = 0
        self.unresolved: list[etree._Element] = []

    def write(self, t: str, raw: bool = False) -> int:
        """Write inline text; returns the number of characters actually written."""
        if not raw:
            if t.isspace():  # most text nodes of real pages are indentation
                if not self.in_line or self.space:
                    return 0
                t = " "
            else:
                t = _WS.sub(" ", t)
        if not self.in_line:
            t = t.lstrip(" ")
            if not t:
                return 0
            if self.pos:
                br = "\n" * max(self.pending, 1)
                self.out.append(br)
                self.pos += len(br)
            self.pending = 0
            self.in_line = True
            self.line_start = self.pos
        elif raw:
            if t == "\t" and self.space:  # a cell separator replaces the space before it
                self.out[-1] = self.out[-1][:-1]
                self.pos -= 1
        elif self.space and t[:1] == " ":
            t = t[1:]
            if not t:
                return 0
        self.out.append(t)
        self.pos += len(t)
        self.space = t[-1] == " "
        return len(t)

    def end_line(self, breaks: int) -> bool:
        """Close the current line (if any); returns True when a line was closed."""
        closed = False
        if self.in_line:
            if self.space:
                self.out[-1] = self.out[-1][:-1]
                self.pos -= 1
                self.space = False
            self.in_line = False
            closed = True
        if breaks > self.pending:
            self.pending = breaks
        return closed


def render(root: etree._Element) -> Rendered:
    """Render ``root`` (a parsed document) to text with element and line offsets."""
    w = _Writer()
    rendered = Rendered(text="", root=root)
    spans = rendered.spans
    blocks = rendered.blocks
    starts: dict[etree._Element, int] = {}
    block_stack: list[etree._Element] = []
    path_stack: list[tuple[etree._Element, ...]] = [()]
    skip_depth = 0
    link_depth = 0
    line_links = 0
    heading_depth = 0
    pre_depth = 0

    def close_line(breaks: int) -> None:
        nonlocal line_links
        line_start = w.line_start
        if w.end_line(breaks) and block_stack:
            owner = block_stack[-1]
            blocks.append(Block(line_start, w.pos, owner, path_stack[-1], line_links,
                                heading_depth > 0))
            line_links = 0
        elif breaks:
            line_links = 0

    def write_pre(t: str) -> int:
        """Preformatted text keeps its line breaks and spaces (tabs become spaces)."""
        n = 0
        for i, part in enumerate(t.replace("\r", "").split("\n")):
            if i:
                close_line(1)
            if part.strip():
                n += w.write(part.replace("\t", " "), raw=True)
        return n

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        if not isinstance(tag, str):  # entities, comments left by a caller's parser
            if event == "end" and el.tail:
                n = w.write(el.tail)
                if link_depth:
                    line_links += n
            continue
        if event == "start":
            if tag in SKIP_TAGS or (el.get("style") is not None or el.get("hidden") is not None) \
                    and _hidden(el):
                walker.skip_subtree()  # its "end" event still comes: the tail is rendered
                skip_depth = 1
                continue
            if tag in BLOCK_TAGS:
                close_line(2 if tag in PARA_TAGS else 1)
                block_stack.append(el)
                path_stack.append((el,) + path_stack[-1])
                if tag in HEADING_TAGS:
                    heading_depth += 1
                elif tag == "pre":
                    pre_depth += 1
            elif tag == "br":
                if w.in_line:
                    close_line(1)
                else:
                    w.pending = min(w.pending + 1, 2)
            elif tag in CELL_TAGS and w.in_line:
                w.write("\t", raw=True)
            elif tag == "a":
                link_depth += 1
            starts[el] = w.pos if w.in_line else -1
            if not w.in_line:
                w.unresolved.append(el)
            text = el.text
            if text and (w.in_line or pre_depth or not text.isspace()):
                n = w.write(text) if not pre_depth else write_pre(text)
                if link_depth and n:
                    line_links += n
                if n and w.unresolved:
                    _resolve(w, starts)
            continue
        # end event
        if skip_depth:
            skip_depth = 0  # the skipped element itself: its tail is rendered
        elif el in starts:
            if tag in BLOCK_TAGS:
                close_line(2 if tag in PARA_TAGS else 1)
                block_stack.pop()
                path_stack.pop()
                if tag in HEADING_TAGS:
                    heading_depth -= 1
                elif tag == "pre":
                    pre_depth -= 1
            elif tag == "a":
                link_depth -= 1
            start = starts.pop(el)
            if start >= 0:
                end = w.pos
                if end > start:
                    spans[el] = (start, end)
            elif w.unresolved and w.unresolved[-1] is el:
                w.unresolved.pop()
            elif el in w.unresolved:
                w.unresolved.remove(el)
        tail = el.tail
        # indentation between blocks (most tails) writes nothing: skip the call
        if tail and (w.in_line or pre_depth or not tail.isspace()):
            n = w.write(tail) if not pre_depth else write_pre(tail)
            if link_depth and n:
                line_links += n
            if n and w.unresolved:
                _resolve(w, starts)
    close_line(0)
    rendered.text = "".join(w.out)
    return rendered


def _resolve(w: _Writer, starts: dict[etree._Element, int]) -> None:
    """Elements opened while no line was open start where the text just written starts."""
    begin = w.pos - len(w.out[-1])
    for el in w.unresolved:
        starts[el] = begin
    w.unresolved.clear()
