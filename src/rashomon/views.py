"""The data behind every view: the CLI's ``--json``, the web pages and their JSON twins
are all built from these functions, so they never disagree."""

from __future__ import annotations

from typing import Any

from rashomon.errors import NotFound
from rashomon.model import Story
from rashomon.store.base import Store

#: Keys of a story's coverage comparison, in the order the story page shows them.
COMPARISON_KEYS = ("summary", "facts", "omissions", "contradictions", "quotes", "sourcing",
                   "labels", "loaded")


def story_summary(store: Store, story: Story) -> dict[str, Any]:
    """A story as listed by ``rashomon stories --json`` and ``/stories.json``."""
    return {
        "id": story.id,
        "title": story.title,
        "storyline": story.storyline_id,
        "first_published": story.first_published,
        "last_published": story.last_published,
        "outlets": story.outlets,
        "size": len(story.article_ids),
        "articles": [
            {k: a[k] for k in ("id", "source_id", "outlet", "title", "published")}
            for a in store.article_summaries(story.article_ids)
        ],
    }


def list_stories(store: Store, **filters: Any) -> list[dict[str, Any]]:
    """Stories, largest and most recent first, with their articles."""
    return [story_summary(store, s) for s in store.list_stories(**filters)]


def story_detail(store: Store, story_id: str) -> dict[str, Any]:
    """Everything known about one story: articles, storyline and the coverage comparison."""
    story = store.get_story(story_id)
    if story is None:
        raise NotFound(f"no story {story_id!r}")
    out = story_summary(store, story)
    comparison = story.comparison or {}
    out["comparison_status"] = "stored" if comparison else "none"
    if not comparison and len(story.article_ids) >= 2:
        from rashomon.analysis import compare_safely

        comparison = compare_safely(store, story) or {}
        out["comparison_status"] = "computed on demand" if comparison else "failed"
    for key in COMPARISON_KEYS:
        out[key] = comparison.get(key, [] if key not in ("sourcing", "labels") else {})
    for key, value in comparison.items():
        out.setdefault(key, value)
    line = store.get_storyline(story.storyline_id) if story.storyline_id else None
    out["storyline"] = ({"id": line.id, "title": line.title, "stories": line.story_ids}
                        if line else None)
    out["steps"] = story.steps
    out["meta"] = story.meta
    return out


def list_storylines(store: Store) -> list[dict[str, Any]]:
    """Storylines with their stories' titles and dates."""
    out = []
    for line in store.list_storylines():
        stories = [store.get_story(s) for s in line.story_ids]
        out.append({
            "id": line.id, "title": line.title, "first_published": line.first_published,
            "last_published": line.last_published,
            "stories": [{"id": s.id, "title": s.title, "first_published": s.first_published,
                         "last_published": s.last_published, "size": len(s.article_ids)}
                        for s in stories if s is not None],
        })
    return out


def article_detail(store: Store, article_id: str) -> dict[str, Any]:
    """One article with its parts, enrichment and story."""
    article = store.get_article(article_id)
    if article is None:
        raise NotFound(f"no article {article_id!r}")
    out = article.to_dict(raw=True)
    out["story"] = store.story_of(article_id)
    story = store.get_story(out["story"]) if out["story"] else None
    # near-duplicate copies found when the article was clustered (MinHash, verified)
    out["syndication"] = ((story.meta.get("copies") or {}).get(article_id) if story else None) \
        or {"copies": [], "copied_share": 0.0}
    return out
