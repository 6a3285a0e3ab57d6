"""Routes: every HTML page and its JSON twin call the same ``context`` function.

JSON routes are declared before their HTML twins so ``/stories/ID.json`` is never read as
the story ``ID.json``.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from rashomon.store.base import Store
from rashomon.web import context
from rashomon.web.render import render

router = APIRouter()


def page(path: str) -> Any:
    """Register an HTML page for GET and HEAD (left out of the OpenAPI schema)."""
    return router.api_route(path, methods=["GET", "HEAD"], response_class=HTMLResponse,
                            include_in_schema=False)


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _page(template: str, data: dict[str, Any], **extra: Any) -> HTMLResponse:
    return HTMLResponse(render(template, data, **extra))


# --- home and search ---------------------------------------------------------------------
@router.get("/stories.json", tags=["stories"], summary="Stories, largest and newest first")
def stories_json(request: Request, outlet: str | None = None, since: str | None = None,
                 until: str | None = None, offset: int = Query(0, ge=0)) -> dict[str, Any]:
    """The home page's data: stories (with their articles), outlets, storylines, counts.
    ``since``/``until`` are ``YYYY-MM-DD`` days."""
    return context.home(_store(request), outlet=outlet, since=since, until=until,
                        offset=offset)


@page("/")
def home_page(request: Request, outlet: str | None = None, since: str | None = None,
              until: str | None = None, offset: int = Query(0, ge=0)) -> HTMLResponse:
    return _page("home.html", context.home(_store(request), outlet=outlet, since=since,
                                           until=until, offset=offset))


@router.get("/search.json", tags=["search"], summary="Full-text search over articles")
def search_json(request: Request, q: str = "") -> dict[str, Any]:
    """Hits with a snippet; ``highlights`` are ``[start, end]`` of matched words in it."""
    return context.search(_store(request), q)


@page("/search")
def search_page(request: Request, q: str = "") -> HTMLResponse:
    return _page("search.html", context.search(_store(request), q))


# --- stories ----------------------------------------------------------------------------
@router.get("/stories/{story_id}.json", tags=["stories"], summary="One story")
def story_json(request: Request, story_id: str) -> dict[str, Any]:
    """The story with its articles and coverage comparison (same as ``rashomon story
    --json``)."""
    return context.story(_store(request), story_id)


@page("/stories/{story_id}")
def story_page(request: Request, story_id: str) -> HTMLResponse:
    return _page("story.html", context.story(_store(request), story_id))


# --- articles ---------------------------------------------------------------------------
@router.get("/articles/{article_id}.json", tags=["articles"], summary="One article")
def article_json(request: Request, article_id: str) -> dict[str, Any]:
    """The article with its page text, parts, enrichment, story and coverage."""
    return context.article(_store(request), article_id)


@page("/articles/{article_id}")
def article_page(request: Request, article_id: str) -> HTMLResponse:
    return _page("article.html", context.article(_store(request), article_id))


@router.get("/compare.json", tags=["articles"], summary="Two articles side by side")
def compare_json(request: Request, a: str, b: str) -> dict[str, Any]:
    """Paragraphs of ``a`` and ``b`` aligned, with the word runs they share."""
    return context.compare(_store(request), a, b)


@page("/compare")
def compare_page(request: Request, a: str, b: str) -> HTMLResponse:
    return _page("compare.html", context.compare(_store(request), a, b))


# --- outlets and storylines ---------------------------------------------------------------
@router.get("/outlets/{name:path}.json", tags=["outlets"], summary="One outlet")
def outlet_json(request: Request, name: str) -> dict[str, Any]:
    """The outlet's articles, stories, labels per actor and loaded wording."""
    return context.outlet(_store(request), name)


@page("/outlets/{name:path}")
def outlet_page(request: Request, name: str) -> HTMLResponse:
    return _page("outlet.html", context.outlet(_store(request), name))


# --- actors ---------------------------------------------------------------------------------
@router.get("/actors.json", tags=["actors"], summary="Actors joined across stories")
def actors_json(request: Request, kind: str | None = None) -> dict[str, Any]:
    """Actors of the compared stories, most stories first, with their spellings."""
    return context.actors(_store(request), kind=kind)


@page("/actors")
def actors_page(request: Request, kind: str | None = None) -> HTMLResponse:
    return _page("actors.html", context.actors(_store(request), kind=kind))


@router.get("/actors/{actor_id:path}.json", tags=["actors"], summary="One actor")
def actor_json(request: Request, actor_id: str, story: str | None = None) -> dict[str, Any]:
    """The actor's spellings, outlets, stories and the quotes outlets give it."""
    return context.actor(_store(request), actor_id, story=story)


@page("/actors/{actor_id:path}")
def actor_page(request: Request, actor_id: str, story: str | None = None) -> HTMLResponse:
    store = _store(request)
    known = {o["outlet"] for o in store.outlets()}
    return _page("actor.html", context.actor(store, actor_id, story=story), known=known)


@router.get("/storylines/{storyline_id}.json", tags=["storylines"], summary="One storyline")
def storyline_json(request: Request, storyline_id: str) -> dict[str, Any]:
    """The storyline's stories, oldest first."""
    return context.storyline(_store(request), storyline_id)


@page("/storylines/{storyline_id}")
def storyline_page(request: Request, storyline_id: str) -> HTMLResponse:
    return _page("storyline.html", context.storyline(_store(request), storyline_id))
