"""Presentation helpers shared by every page: safe links, dates, outlet names, defensive
reading of JSON records, and the geometry of SVG timelines.

Every function here is pure: it reads the same context the JSON twin returns, so the HTML
never shows data the JSON lacks.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, urlsplit


def safe_url(url: object) -> str | None:
    """An external link only when it is plain http(s); ``javascript:`` and the like give None."""
    if not isinstance(url, str) or len(url) > 2000:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


def path_part(value: str) -> str:
    """A path segment with every reserved character quoted (ids and outlet names)."""
    return quote(value, safe="")


def parse_time(value: object) -> datetime | None:
    """An ISO date or datetime as an aware datetime (naive ones taken as UTC), else None."""
    if not isinstance(value, str) or not value:
        return None
    try:
        dt = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def fmt_date(value: object, *, time: bool = False) -> str:
    """'12 Mar 2024' (with ', 14:05' when asked and known); '' when undated."""
    dt = parse_time(value)
    if dt is None:
        return value if isinstance(value, str) else ""
    out = f"{dt.day} {dt:%b %Y}"
    if time and isinstance(value, str) and "T" in value:
        out += f", {dt:%H:%M}"
    return out


def outlet_of(article: dict[str, Any]) -> str:
    """The outlet an article summary speaks for (its source id when the outlet is unknown)."""
    return str(article.get("outlet") or article.get("source_id") or article.get("id") or "?")


def story_outlets(story: dict[str, Any]) -> list[str]:
    """The story's outlets in order of first appearance among its (dated) articles."""
    seen: dict[str, None] = {}
    for a in dicts(story.get("articles")):
        seen.setdefault(outlet_of(a), None)
    return list(seen)


def collect(obj: Any, key: str, depth: int = 4) -> list[Any]:
    """Every value stored under ``key`` anywhere in nested dicts and lists."""
    out: list[Any] = []
    if depth < 0:
        return out
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == key and isinstance(v, str | int):
                out.append(v)
            else:
                out += collect(v, key, depth - 1)
    elif isinstance(obj, list):
        for v in obj:
            out += collect(v, key, depth - 1)
    return out


def dicts(value: Any) -> list[dict[str, Any]]:
    """The dict items of ``value`` when it is a list; [] for anything else."""
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def article_index(story: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Article summaries of a story by id."""
    return {str(a.get("id")): a for a in dicts(story.get("articles"))}


def timeline(articles: Iterable[dict[str, Any]], *, width: int = 900, lane: int = 26,
             label: int = 160) -> dict[str, Any] | None:
    """Geometry of an SVG timeline: one lane per outlet, one dot per dated article.

    Returns None when fewer than one article is dated. ``label`` pixels on the left hold the
    outlet names; ticks fall on whole days when the span allows (at most 6).
    """
    dated = [(parse_time(a.get("published") or a.get("first_published")), a)
             for a in articles]
    points = [(t, a) for t, a in dated if t is not None]
    if not points:
        return None
    lanes: dict[str, int] = {}
    for _, a in sorted(points, key=lambda p: p[0]):
        lanes.setdefault(outlet_of(a) if "outlet" in a or "source_id" in a else "", len(lanes))
    lo = min(t for t, _ in points).timestamp()
    hi = max(t for t, _ in points).timestamp()
    span = max(hi - lo, 3600.0)  # an hour at least, so one dot does not sit on the edge
    plot = width - label - 60  # room for the last tick's label
    dots = []
    for t, a in points:
        y = lanes[outlet_of(a) if "outlet" in a or "source_id" in a else ""]
        dots.append({"x": round(label + 10 + (t.timestamp() - lo) / span * plot, 1),
                     "y": y * lane + lane // 2 + 4, "id": a.get("id"),
                     "title": a.get("title") or "", "when": fmt_date(
                         a.get("published") or a.get("first_published"), time=True)})
    ticks = []
    for i in range(6):
        ts = lo + span * i / 5
        ticks.append({"x": round(label + 10 + plot * i / 5, 1),
                      "label": datetime.fromtimestamp(ts, UTC).strftime(
                          "%d %b %H:%M" if span < 8 * 86400 else "%d %b %Y")})
    height = len(lanes) * lane + 28
    return {"width": width, "height": height, "label": label, "axis": height - 22,
            "lanes": [{"name": n, "y": i * lane + lane // 2 + 4, "band": i * lane}
                      for n, i in lanes.items()],
            "lane": lane, "dots": dots, "ticks": ticks, "undated": len(dated) - len(points)}


def span_timeline(stories: list[dict[str, Any]], *, width: int = 900, lane: int = 24,
                  label: int = 300) -> dict[str, Any] | None:
    """Geometry of a storyline's timeline: one lane per dated story, a bar from its first
    to its last article (a dot when they coincide). None when no story is dated."""
    spans = []
    for s in stories:
        a, b = parse_time(s.get("first_published")), parse_time(s.get("last_published"))
        if a is None and b is None:
            continue
        a, b = a or b, b or a
        assert a is not None and b is not None
        spans.append((min(a, b), max(a, b), s))
    if not spans:
        return None
    lo = min(a for a, _, _ in spans).timestamp()
    hi = max(b for _, b, _ in spans).timestamp()
    total = max(hi - lo, 3600.0)
    plot = width - label - 40
    bars = []
    for i, (a, b, s) in enumerate(spans):
        x1 = label + 10 + (a.timestamp() - lo) / total * plot
        x2 = label + 10 + (b.timestamp() - lo) / total * plot
        bars.append({"id": s.get("id"), "title": s.get("title") or "", "y": i * lane + 4,
                     "x": round(x1, 1), "w": round(max(x2 - x1, 0.0), 1),
                     "cx": round((x1 + x2) / 2, 1), "cy": i * lane + lane // 2,
                     "size": s.get("size"), "when": fmt_date(s.get("first_published"))})
    axis = len(spans) * lane + 6
    ticks = [{"x": round(label + 10 + plot * k / 4, 1),
              "label": datetime.fromtimestamp(lo + total * k / 4, UTC).strftime("%d %b %Y")}
             for k in range(5)]
    return {"width": width, "height": axis + 22, "label": label, "lane": lane, "axis": axis,
            "bars": bars, "ticks": ticks, "undated": len(stories) - len(spans)}
