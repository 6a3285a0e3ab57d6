"""The records that flow through the pipeline: Page -> Article -> Story -> Storyline.

Every record is a plain slotted dataclass with typed fields and a ``meta`` dict for the
rest. ``to_dict``/``from_dict`` give the JSON shape used by the CLI, the store and the web
API, so the three never disagree.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any

#: Hex digits of sha256 kept in an article id: 80 bits, so a collision needs ~10^12 pages.
ID_HEX_DIGITS = 20


def content_hash(text: str) -> str:
    """Stable id of a page's raw content (sha256, truncated)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:ID_HEX_DIGITS]


@dataclass(slots=True)
class Span:
    """A piece of the raw page text: ``raw[start:end] == text``."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Page:
    """One raw input page and where it came from.

    ``text`` is a browser innerText dump; ``html`` is markup. At least one is set. The
    other fields are hints given by the input (a JSON row's ``url``, ``outlet`` ...).
    """

    source: str
    source_id: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def raw(self) -> str:
        """The content the page was given as (HTML when both are present)."""
        return self.html if self.html is not None else (self.text or "")

    @property
    def id(self) -> str:
        """Content hash of the raw page: the key of the article made from it."""
        return content_hash(self.raw)


@dataclass(slots=True)
class Comment:
    """A reader comment; offsets index ``Article.text``."""

    text: str
    start: int
    end: int
    author: str | None = None
    spam: bool = False
    #: index in ``Article.comments`` of the comment this one replies to
    parent: int | None = None
    author_start: int | None = None
    author_end: int | None = None


@dataclass(slots=True)
class Removed:
    """A block of the page left out of the article, with its kind and why."""

    text: str
    kind: str  # chrome, title-repeat, caption, related, widget, comment-label, spam, footer, ...
    start: int
    end: int
    reason: str = ""


@dataclass(slots=True)
class Article:
    """What a reader would call the article on a page.

    ``text`` is the page text that every offset indexes: the page as given for text dumps,
    the rendered text for HTML (the markup itself is kept in ``html``).
    """

    id: str
    source: str
    source_id: str
    text: str
    html: str | None = None
    url: str | None = None
    title: str | None = None
    subtitle: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    #: how ``published`` was found: "input", "dateline", "page-date", "relative", "url", "html-meta"
    published_how: str | None = None
    dateline: str | None = None
    language: str | None = None
    body: list[str] = field(default_factory=list)
    body_spans: list[Span] = field(default_factory=list)
    title_span: Span | None = None
    comments: list[Comment] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    #: enrichment (sentences, entities, quotes, attributions, figures) as JSON-ready lists
    enrichment: dict[str, Any] | None = None
    #: step name -> version of every step that produced or changed this record
    steps: dict[str, str] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def body_text(self) -> str:
        """Body paragraphs joined by blank lines."""
        return "\n\n".join(self.body)

    def to_dict(self, *, raw: bool = False) -> dict[str, Any]:
        """JSON shape of the article; ``raw`` adds the page text and HTML."""
        out = asdict(self)
        if not raw:
            out.pop("text")
            out.pop("html")
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an article from ``to_dict(raw=True)`` output."""
        known = {f.name for f in fields(cls)}
        kw = {k: v for k, v in data.items() if k in known}
        kw.setdefault("text", "")
        kw["body_spans"] = [Span(**s) for s in kw.get("body_spans") or []]
        if kw.get("title_span"):
            kw["title_span"] = Span(**kw["title_span"])
        kw["comments"] = [Comment(**c) for c in kw.get("comments") or []]
        kw["removed"] = [Removed(**r) for r in kw.get("removed") or []]
        return cls(**kw)


@dataclass(slots=True)
class Story:
    """Articles about one event, told by one or more outlets."""

    id: str
    article_ids: list[str] = field(default_factory=list)
    title: str | None = None
    first_published: str | None = None
    last_published: str | None = None
    outlets: list[str] = field(default_factory=list)
    storyline_id: str | None = None
    #: the coverage comparison (facts, contradictions, quotes, ...), filled by compare/
    comparison: dict[str, Any] = field(default_factory=dict)
    steps: dict[str, str] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON shape of the story."""
        return asdict(self)


@dataclass(slots=True)
class Storyline:
    """Stories of one developing situation, over weeks or months."""

    id: str
    story_ids: list[str] = field(default_factory=list)
    title: str | None = None
    first_published: str | None = None
    last_published: str | None = None
    steps: dict[str, str] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON shape of the storyline."""
        return asdict(self)
