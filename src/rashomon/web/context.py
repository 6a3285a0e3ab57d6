"""The data of every web page: each function returns the JSON-ready dict that the page's
JSON twin returns and that its template is rendered from.

Stories, articles and storylines come from ``rashomon.views`` (the CLI's ``--json``);
this module adds what only the web shows: the home page's filters, search hits with their
highlights, an outlet's habits across stories, and two articles side by side.
"""

from __future__ import annotations

import re
from typing import Any

from rashomon.errors import NotFound
from rashomon.model import Story
from rashomon.store.base import Store
from rashomon.views import article_detail, story_detail, story_summary
from rashomon.web import align, present
from rashomon.web.outlets import outlet

#: stories listed per page on the home page
PAGE_SIZE = 50
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def day_or_none(value: str | None) -> str | None:
    """A ``YYYY-MM-DD`` filter value, or None for anything else."""
    return value if value and _DAY.match(value) else None


def home(store: Store, *, outlet: str | None = None, since: str | None = None,
         until: str | None = None, offset: int = 0, limit: int = PAGE_SIZE) -> dict[str, Any]:
    """Stories by size and recency, filtered by outlet and dates, with the facets."""
    since, until = day_or_none(since), day_or_none(until)
    # 'T99' sorts after every time of day, so a story first published on ``until`` counts
    found = store.list_stories(limit=limit + 1, offset=offset, outlet=outlet or None,
                               since=since, until=f"{until}T99" if until else None)
    stories = [with_counts(story_summary(store, s), s) for s in found]
    more = len(stories) > limit
    return {
        "filters": {"outlet": outlet or None, "since": since, "until": until},
        "offset": offset,
        "next_offset": offset + limit if more else None,
        "counts": store.counts(),
        "outlets": store.outlets(),
        "stories": stories[:limit],
        # the newest storylines only: listing them all would read every story
        "storylines": [{"id": line.id, "title": line.title,
                        "first_published": line.first_published,
                        "last_published": line.last_published, "size": len(line.story_ids)}
                       for line in store.list_storylines()[:12]],
    }


def with_counts(summary: dict[str, Any], story: Story) -> dict[str, Any]:
    """A story summary with the sizes of its comparison (facts, contradictions ...)."""
    comp = story.comparison or {}
    summary["compared"] = {k: len(comp[k]) for k in ("facts", "contradictions", "omissions",
                                                      "quotes", "loaded")
                           if isinstance(comp.get(k), list)}
    return summary


def search(store: Store, q: str, limit: int = 50) -> dict[str, Any]:
    """Full-text hits; each snippet comes with the ``[start, end]`` of its matched words."""
    hits = []
    for h in store.search(q, limit) if q.strip() else []:
        raw = h.get("snippet") or ""
        clean, marks, pos, start = [], [], 0, None
        for ch in raw:
            if ch == "\x02":
                start = pos
            elif ch == "\x03":
                if start is not None:
                    marks.append([start, pos])
                start = None
            else:
                clean.append(ch)
                pos += 1
        hits.append(h | {"snippet": "".join(clean), "highlights": marks})
    return {"q": q, "hits": hits}


def snippet_pieces(hit: dict[str, Any]) -> list[tuple[str, bool]]:
    """A hit's snippet as ``(text, matched)`` pieces for the template."""
    text, out, pos = hit.get("snippet") or "", [], 0
    for s, e in hit.get("highlights") or []:
        if s > pos:
            out.append((text[pos:s], False))
        out.append((text[s:e], True))
        pos = e
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def story(store: Store, story_id: str) -> dict[str, Any]:
    """One story: exactly ``rashomon story ID --json``."""
    return story_detail(store, story_id)


def article(store: Store, article_id: str) -> dict[str, Any]:
    """One article (``views.article_detail``) plus what its story's comparison says of it:
    the facts it reports (with its own evidence), what it omits, its loaded wording, its
    passages shared with other articles, and the other articles of the story."""
    out = article_detail(store, article_id)
    out["coverage"] = {"facts": [], "omitted": [], "loaded": [], "contradictions": [],
                       "reuse": []}
    out["story_articles"] = []
    data = story_detail(store, out["story"]) if out.get("story") else None
    if data is None:
        return out
    outlet = present.outlet_of(out)
    out["story_title"] = data.get("title")
    out["story_articles"] = [a for a in data["articles"] if a["id"] != article_id]
    cov = out["coverage"]
    dicts = present.dicts
    for f in dicts(data.get("facts")):
        ev = [e for e in dicts(f.get("evidence")) if e.get("article") == article_id]
        arts = dicts(f.get("articles"))
        if any(a.get("id") == article_id for a in arts) or ev:
            cov["facts"].append({k: f.get(k) for k in ("id", "text", "support", "n_outlets",
                                                        "kind")}
                                | {"evidence": ev[0] if ev else None,
                                   "outlets": sorted({present.outlet_of(a) for a in arts})})
    for o in dicts(data.get("omissions")):
        if o.get("outlet") == outlet:
            cov["omitted"] = dicts(o.get("facts"))
    cov["loaded"] = [s for s in dicts(data.get("loaded")) if s.get("article") == article_id]
    sourcing: dict[str, Any] = data["sourcing"] if isinstance(data.get("sourcing"), dict) \
        else {}
    cov["reuse"] = [r for r in dicts(sourcing.get("reuse")) if r.get("article") == article_id]
    cov["contradictions"] = [c for c in dicts(data.get("contradictions"))
                             if article_id in map(str, present.collect(c, "article"))
                             or article_id in map(str, present.collect(c, "id"))]
    return out


def compare(store: Store, a: str, b: str) -> dict[str, Any]:
    """Two articles side by side: the facts both report (their two sentences, shared words
    marked) and their paragraphs aligned."""
    arts = store.get_articles([a, b])
    found = {x.id: x for x in arts}
    missing = [i for i in (a, b) if i not in found]
    if missing:
        raise NotFound(f"no article {missing[0]!r}")
    left, right = found[a], found[b]
    story_a, story_b = store.story_of(a), store.story_of(b)
    facts: list[dict[str, Any]] = []
    links: list[tuple[str, str]] = []
    if story_a and story_a == story_b:
        data = story_detail(store, story_a)
        for f in present.dicts(data.get("facts")):
            ev = {e.get("article"): e for e in present.dicts(f.get("evidence"))}
            if a in ev and b in ev:
                sa, sb = str(ev[a].get("sentence") or ""), str(ev[b].get("sentence") or "")
                links.append((sa, sb))
                facts.append({"id": f.get("id"), "text": f.get("text"),
                              "support": f.get("support"), "a": align.mark_pair(sa, sb),
                              "b": align.mark_pair(sb, sa)})
        sourcing: dict[str, Any] = data["sourcing"] if isinstance(data.get("sourcing"), dict) \
            else {}
        for r in present.dicts(sourcing.get("reuse")):
            src = r.get("source") if isinstance(r, dict) else None
            sid = src.get("id") if isinstance(src, dict) else src
            if r.get("article") == a and sid == b:
                links.append((str(r.get("sentence") or ""), str(r.get("source_sentence") or "")))
            elif r.get("article") == b and sid == a:
                links.append((str(r.get("source_sentence") or ""), str(r.get("sentence") or "")))
    rows = align.align(left.body, right.body, links)
    head = ("id", "source_id", "outlet", "title", "published", "url")
    return {
        "a": {k: getattr(left, k) for k in head} | {"story": story_a},
        "b": {k: getattr(right, k) for k in head} | {"story": story_b},
        "facts": facts,
        "rows": rows,
        "shared": {"a": align.share_matched(rows, "a"), "b": align.share_matched(rows, "b")},
    }


def actors(store: Store, *, kind: str | None = None, limit: int = 200) -> dict[str, Any]:
    """The actors of the compared stories, joined across stories (``actors.store_actors``);
    each with its stories as ids only, so the list stays small."""
    from rashomon.actors import store_actors  # imports the name rules (and spaCy)

    data = store_actors(store, kind=kind if kind in KINDS else None, limit=limit)
    for a in data["actors"]:
        a["stories"] = [s["id"] for s in a["stories"]]
    return data | {"filters": {"kind": kind if kind in KINDS else None}, "kinds": list(KINDS)}


#: the actor kinds the actors page filters by
KINDS = ("person", "org", "group", "place", "outlet")


def actor(store: Store, actor_id: str, story: str | None = None) -> dict[str, Any]:
    """One actor across stories: exactly ``rashomon actor ID --json``."""
    from rashomon.actors import store_actor

    return store_actor(store, actor_id, story=story)


def storyline(store: Store, storyline_id: str) -> dict[str, Any]:
    """A storyline with its stories (each as listed on the home page), oldest first, and the
    actors that run through them."""
    from rashomon.actors import storyline_actors  # imports the name rules (and spaCy)

    line = store.get_storyline(storyline_id)
    if line is None:
        raise NotFound(f"no storyline {storyline_id!r}")
    stories = [with_counts(story_summary(store, s), s)
               for s in map(store.get_story, line.story_ids) if s is not None]
    stories.sort(key=lambda s: (s["first_published"] is None, s["first_published"] or ""))
    return {"id": line.id, "title": line.title, "first_published": line.first_published,
            "last_published": line.last_published, "stories": stories, "steps": line.steps,
            "actors": storyline_actors(store, line.story_ids)}


__all__ = ["actor", "actors", "article", "compare", "home", "outlet", "search", "story",
           "storyline"]
