"""The template environment: Jinja2 with autoescaping on for every template.

Templates receive the page's JSON context as ``data`` and the helpers of ``present``; links
go through a ``Links`` object so the standalone report can render the same templates with
links to the served pages turned off.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import ChainableUndefined, Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from rashomon import __version__
from rashomon.web import context, marks, present, sections

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


class Links:
    """URLs of the served pages (``None`` where a page is not reachable)."""

    served = True

    def story(self, story_id: object) -> str | None:
        return f"/stories/{present.path_part(str(story_id))}" if story_id else None

    def article(self, article_id: object) -> str | None:
        return f"/articles/{present.path_part(str(article_id))}" if article_id else None

    def outlet(self, name: object) -> str | None:
        return f"/outlets/{present.path_part(str(name))}" if name else None

    def storyline(self, line_id: object) -> str | None:
        return f"/storylines/{present.path_part(str(line_id))}" if line_id else None

    def actor(self, actor_id: object, story: object = None) -> str | None:
        if not actor_id:
            return None
        url = f"/actors/{present.path_part(str(actor_id))}"
        return f"{url}?story={present.path_part(str(story))}" if story else url

    def compare(self, a: object, b: object) -> str | None:
        return (f"/compare?a={present.path_part(str(a))}&b={present.path_part(str(b))}"
                if a and b else None)


class NoLinks(Links):
    """Links of a standalone file: none lead to the server."""

    served = False

    def story(self, story_id: object) -> str | None:
        return None

    def article(self, article_id: object) -> str | None:
        return f"#a-{article_id}" if article_id else None

    def outlet(self, name: object) -> str | None:
        return None

    def storyline(self, line_id: object) -> str | None:
        return None

    def actor(self, actor_id: object, story: object = None) -> str | None:
        return None

    def compare(self, a: object, b: object) -> str | None:
        return None


@cache
def environment() -> Environment:
    """The shared Jinja2 environment (autoescape on for every template, whatever its name)."""
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=ChainableUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(
        version=__version__, safe_url=present.safe_url,
        coverage=sections.coverage, summary=sections.summary, label_rows=sections.label_rows,
        loaded_by_outlet=sections.loaded_by_outlet,
        timeline=present.timeline, span_timeline=present.span_timeline,
        outlet_of=present.outlet_of, article_index=present.article_index,
        snippet_pieces=context.snippet_pieces, quote_text=sections.quote_text,
        page_segments=page_segments,
        contradictions=sections.contradictions, quotes=sections.quotes,
        quote_counts=sections.quote_counts,
        sourcing=sections.sourcing, speaker_name=sections.speaker_name,
        own_spelling=sections.own_spelling,
    )
    env.filters["date"] = fmt_date_filter
    return env


def fmt_date_filter(value: object, time: bool = False) -> str:
    """The ``date`` filter: ``{{ a.published|date(true) }}``."""
    return present.fmt_date(value, time=time)


def page_segments(article: dict[str, Any]) -> list[marks.Segment]:
    """The marked-up page of an article context."""
    return marks.segments(article.get("text") or "", marks.regions_of(article),
                          marks.highlights_of(article, article.get("coverage") or {}))


@cache
def stylesheet() -> str:
    """The one CSS file."""
    return (STATIC / "style.css").read_text(encoding="utf-8")


def style_hash() -> str:
    """CSP source for the inlined stylesheet of a report: ``'sha256-...'``."""
    import base64

    digest = hashlib.sha256(stylesheet().encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def render(template: str, data: dict[str, Any], *, links: Links | None = None,
           standalone: bool = False, **extra: Any) -> str:
    """Render ``template`` with ``data`` (the JSON context) and the helpers."""
    env = environment()
    return env.get_template(template).render(
        data=data, links=links or Links(), standalone=standalone,
        inline_css=Markup(stylesheet()) if standalone else None,  # our own file
        now=datetime.now(UTC).strftime("%d %b %Y %H:%M UTC"),
        style_hash=Markup(style_hash()) if standalone else None, **extra)


__all__ = ["Links", "NoLinks", "environment", "render"]
