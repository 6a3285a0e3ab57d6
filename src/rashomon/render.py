"""Terminal rendering of a story (``rashomon story ID``) with rich; page text is escaped."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table


def _outlet(a: dict[str, Any]) -> str:
    return str(a.get("outlet") or a.get("source_id") or "?")


def print_story(data: dict[str, Any], console: Console | None = None) -> None:
    """Print a story detail (``views.story_detail``) as readable sections."""
    console = console or Console()
    console.rule(f"[bold]{escape(data.get('title') or data['id'])}[/]")
    dates = " .. ".join(d[:10] for d in (data.get("first_published"),
                                         data.get("last_published")) if d)
    line = data.get("storyline") or {}
    console.print(f"story {data['id']}  ·  {len(data['articles'])} articles  ·  "
                  f"{dates or 'undated'}" + (f"  ·  storyline {line['id']}" if line else ""))

    arts = Table(title="Articles", title_justify="left")
    for col in ("published", "outlet", "source_id", "title"):
        arts.add_column(col, overflow="fold")
    for a in data["articles"]:
        arts.add_row((a.get("published") or "undated")[:16], escape(_outlet(a)),
                     escape(a["source_id"]), escape(a.get("title") or ""))
    console.print(arts)

    summary = data.get("summary") or []
    if summary:
        console.print("[bold]Neutral summary[/]")
        for s in summary:
            # an outlet's two articles (a story and its update) cite it once
            cites = ", ".join(escape(str(name)) for name in dict.fromkeys(
                c.get("outlet") or c.get("source_id") or c.get("id")
                for c in s.get("sources", s.get("articles", []))))
            console.print(f"  {escape(s.get('text', ''))} [dim]({cites})[/]")

    facts = data.get("facts") or []
    if facts:
        table = Table(title="Facts", title_justify="left")
        table.add_column("support")
        table.add_column("fact", overflow="fold")
        table.add_column("outlets", overflow="fold")
        for f in facts:
            table.add_row(str(f.get("support", "")), escape(f.get("text", "")),
                          escape(", ".join(dict.fromkeys(map(_outlet, f.get("articles", []))))))
        console.print(table)

    for c in data.get("contradictions") or []:
        console.print(f"[bold red]contradiction[/] {escape(str(c.get('kind', '')))}: "
                      f"{escape(str(c.get('text') or c.get('summary') or c))}")

    labels = data.get("labels") or {}
    if labels:
        table = Table(title="How each outlet names the actors", title_justify="left")
        table.add_column("actor")
        table.add_column("outlet")
        table.add_column("terms", overflow="fold")
        for actor, per_outlet in labels.items():
            if isinstance(per_outlet, dict):
                for outlet, terms in per_outlet.items():
                    shown = ", ".join(map(str, terms)) if isinstance(terms, list) else str(terms)
                    table.add_row(escape(str(actor)), escape(str(outlet)), escape(shown))
        console.print(table)
