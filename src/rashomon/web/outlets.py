"""An outlet across stories: its articles, the labels it uses per actor, its loaded
wording, how much of each story it tells, leaves out or tells alone, and how much of its
text is its own reporting."""

from __future__ import annotations

from collections import Counter
from typing import Any

from rashomon.errors import NotFound
from rashomon.model import Story
from rashomon.store.base import Store
from rashomon.views import story_summary
from rashomon.web import present, sections


def _share_of(comp: dict[str, Any], mine: set[str]) -> list[tuple[float, list[str]]]:
    """(own share, wires) of this outlet's articles in a story's sourcing."""
    src = comp.get("sourcing") if isinstance(comp.get("sourcing"), dict) else {}
    out = []
    for a in present.dicts((src or {}).get("articles")):
        if a.get("id") in mine and isinstance(a.get("own_share"), int | float):
            wires = a.get("wires")
            out.append((float(a["own_share"]),
                        list(map(str, wires)) if isinstance(wires, dict | list) else []))
    return out


def _story_row(s: Story, name: str, mine: set[str]) -> dict[str, Any]:
    comp = s.comparison or {}
    facts = present.dicts(comp.get("facts"))
    told = [f for f in facts if name in {present.outlet_of(a)
                                         for a in present.dicts(f.get("articles"))}]
    omitted = next((len(present.dicts(o.get("facts")))
                    for o in present.dicts(comp.get("omissions"))
                    if o.get("outlet") == name), 0)
    return {"id": s.id, "title": s.title, "size": len(s.article_ids),
            "first_published": s.first_published, "facts": len(facts), "told": len(told),
            "omitted": omitted, "unique": sum(1 for f in told if f.get("support") == "unique")}


def outlet(store: Store, name: str, limit: int = 200) -> dict[str, Any]:
    """An outlet's articles and habits across the stories it covered.

    Raises:
        NotFound: no stored article names this outlet.
    """
    facet = next((o for o in store.outlets() if o.get("outlet") == name), None)
    if facet is None:
        raise NotFound(f"no outlet {name!r}")
    stories = store.list_stories(outlet=name, limit=limit)
    reader = getattr(store, "outlet_articles", None)
    if reader is not None:
        articles = reader(name, limit)
    else:
        articles = [a | {"story_id": s.id} for s in stories
                    for a in story_summary(store, s)["articles"] if a.get("outlet") == name]
    mine = {a["id"] for a in articles}
    labels: dict[str, Counter[str]] = {}
    loaded: Counter[str] = Counter()
    wires: Counter[str] = Counter()
    examples: list[dict[str, Any]] = []
    shares: list[float] = []
    for s in stories:
        comp = s.comparison or {}
        for row in sections.label_rows(comp.get("labels")):
            for term in row["outlets"].get(name, []):
                labels.setdefault(row["actor"], Counter())[term] += 1
        for span in present.dicts(comp.get("loaded")):
            if span.get("article") in mine:
                loaded[str(span.get("kind") or "loaded")] += 1
                if len(examples) < 30:
                    examples.append({"text": span.get("text"), "kind": span.get("kind"),
                                     "article": span.get("article"), "story": s.id})
        for own, credited in _share_of(comp, mine):
            shares.append(own)
            wires.update(credited)
    per_story = [_story_row(s, name, mine) for s in stories]
    compared = [r for r in per_story if r["facts"]]
    told = sum(r["told"] for r in compared)
    return {
        "outlet": name,
        "articles_count": facet.get("articles"),
        "first_published": facet.get("first_published"),
        "last_published": facet.get("last_published"),
        "habits": {
            "stories_compared": len(compared),
            "facts_told_share": round(told / max(sum(r["facts"] for r in compared), 1), 2),
            "unique_share": round(sum(r["unique"] for r in compared) / max(told, 1), 2),
            "omitted": sum(r["omitted"] for r in compared),
            "loaded_per_article": round(sum(loaded.values()) / max(len(mine), 1), 2),
            "own_share": round(sum(shares) / len(shares), 2) if shares else None,
            "wires": dict(wires.most_common()),
        },
        "articles": articles,
        "stories": per_story,
        "labels": [{"actor": actor, "terms": dict(c.most_common())}
                   for actor, c in sorted(labels.items())],
        "loaded": {"kinds": dict(loaded.most_common()), "examples": examples},
    }
