"""The command line: thin commands over the library.

Exit codes: 0 all input used; 3 some input skipped (one ``skipped:`` line each on stderr);
other non-zero codes for errors (one clear line, never a traceback for user mistakes).
"""

from __future__ import annotations

import json
import logging
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import click

from rashomon import __version__
from rashomon.errors import RashomonError
from rashomon.settings import Settings

#: Exit code when some input could not be used.
EXIT_SKIPPED = 3

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def safe(text: object) -> str:
    """Printable form of untrusted text (file names, page text) for a terminal line."""
    return _CONTROL.sub("?", str(text))


class Reporter:
    """Counts and reports unusable input: one line on stderr each."""

    def __init__(self) -> None:
        self.skipped = 0

    def __call__(self, source: str, reason: str) -> None:
        self.skipped += 1
        click.echo(f"skipped: {safe(source)}: {safe(reason)}", err=True)


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _db_option(f: Any) -> Any:
    return click.option("--db", default=None, metavar="FILE|URL",
                        help="Store: SQLite file (default ./rashomon.db) or postgresql:// URL.")(f)


def _open(db: str | None, *, readonly: bool = False) -> Any:
    from rashomon.store import open_store

    return open_store(db or Settings.load().db, readonly=readonly)


class _Group(click.Group):
    """Turns the project's named errors into one line and their exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RashomonError as exc:
            click.echo(f"error: {safe(exc)}", err=True)
            ctx.exit(exc.exit_code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rashomon")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """Rashomon: read one news story through every outlet that told it."""
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=max(level, logging.DEBUG), stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article per line.")
@click.option("--enrich", is_flag=True, help="Add sentences, entities, quotes, attributions "
                                             "and figures.")
@click.option("--raw", is_flag=True, help="With --json: include the page text and HTML.")
def extract(paths: tuple[str, ...], as_json: bool, enrich: bool, raw: bool) -> None:
    """Extract the article from each page (no store)."""
    from rashomon.extract import Extract
    from rashomon.ingest import read_pages

    settings = Settings.load()
    report = Reporter()
    pages = read_pages(paths, max_bytes=settings.max_page_bytes, on_skip=report)
    articles = Extract(on_skip=report).run(pages)
    if enrich:
        from rashomon.enrich import enrich_many

        articles = enrich_many(articles, n_process=settings.enrich_processes)
    for article in articles:
        if as_json:
            data = article.to_dict(raw=raw)
            # the enrichment keys also sit at the top of the article's JSON (the stored
            # record and the web views keep them under ``enrichment``)
            for key, value in (article.enrichment or {}).items():
                data.setdefault(key, value)
            click.echo(_dump(data))
        else:
            _print_article(article)
    sys.exit(EXIT_SKIPPED if report.skipped else 0)


def _print_article(article: Any) -> None:
    from rich.console import Console
    from rich.markup import escape

    console = Console()
    console.rule(escape(article.title or article.source_id))
    facts = [("outlet", article.outlet), ("published", article.published),
             ("authors", ", ".join(article.authors)), ("source", article.source)]
    for key, value in facts:
        if value:
            console.print(f"[bold]{key}[/]: {escape(str(value))}")
    for para in article.body:
        console.print(escape(para), soft_wrap=True)
        console.print()
    if article.comments:
        console.print(f"[bold]{len(article.comments)} comments[/] "
                      f"({sum(c.spam for c in article.comments)} spam)")
    kinds = Counter(r.kind for r in article.removed)
    if kinds:
        console.print("[dim]removed: " + ", ".join(f"{k} {n}" for k, n in kinds.items()) + "[/]")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_db_option
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local",
              show_default=True, help="Run here, or on a Ray cluster.")
@click.option("--address", default=None, help="Ray cluster address (with --engine ray).")
@click.option("--no-enrich", is_flag=True, help="Skip the deep NLP step.")
@click.option("--no-compare", is_flag=True, help="Skip the coverage comparison.")
@click.option("--json", "as_json", is_flag=True, help="Print the run summary as JSON.")
def analyze(paths: tuple[str, ...], db: str | None, engine: str, address: str | None,
            no_enrich: bool, no_compare: bool, as_json: bool) -> None:
    """Ingest pages and run the whole pipeline into the store."""
    summary, skipped = analyze_paths(paths, db, engine=engine, address=address,
                                     enrich=not no_enrich, compare=not no_compare)
    if as_json:
        click.echo(_dump(summary))
    else:
        click.echo(f"articles added: {summary['added']}, already stored: "
                   f"{summary['already_stored']}, skipped: {summary['skipped']}")
        click.echo(f"store {safe(summary['db'])}: {summary['articles']} articles, "
                   f"{summary['stories']} stories, {summary['storylines']} storylines")
        waiting = summary["deferred"]
        if waiting:
            click.echo(f"{waiting} stories wait for deep NLP or comparison (budget per run): "
                       f"'rashomon enrich --db {safe(summary['db'])}' finishes them; until "
                       "then they are compared when viewed")
    sys.exit(EXIT_SKIPPED if skipped else 0)


def analyze_paths(paths: tuple[str, ...] | list[str], db: str | None, *, engine: str = "local",
                  address: str | None = None, enrich: bool = True,
                  compare: bool = True) -> tuple[dict[str, Any], int]:
    """Run ``analyze`` and return (summary, number of skipped inputs)."""
    from rashomon.analysis import analysis_pipeline
    from rashomon.ingest import read_pages
    from rashomon.progress import progress_counter

    settings = Settings.load()
    report = Reporter()
    store = _open(db)
    try:
        run_id = store.start_run("analyze " + " ".join(map(str, paths)))
        with progress_counter("articles") as tick:
            pipeline = analysis_pipeline(store, settings, enrich=enrich, compare=compare,
                                         on_article=lambda _a: tick(), on_skip=report)
            pages = read_pages(paths, max_bytes=settings.max_page_bytes, on_skip=report)
            if engine == "ray":
                from rashomon.runners.ray import run_ray  # type: ignore[import-not-found]

                stats = run_ray(pipeline, pages, address=address, on_skip=report)
            else:
                from rashomon.runners import run_local

                stats = run_local(pipeline, pages)
        counts = store.counts()
        summary = {
            "db": getattr(store, "path", db),
            "added": stats.get("rashomon.store.write_articles.added", 0),
            "already_stored": stats.get("rashomon.store.skip_known.already_stored", 0),
            "skipped": report.skipped,
            "deferred": max(stats.get("rashomon.enrich.stories.deferred_stories", 0),
                            stats.get("rashomon.compare.stories.deferred", 0)),
            **counts,
            "stats": dict(stats),
        }
        store.finish_run(run_id, {k: v for k, v in summary.items() if isinstance(v, int)},
                         {s.name: s.version for s in pipeline})
    finally:
        store.close()
    return summary, report.skipped


@cli.command()
@_db_option
@click.option("--limit", type=int, default=None, help="Parse at most this many articles.")
@click.option("--json", "as_json", is_flag=True, help="Print the counters as JSON.")
def enrich(db: str | None, limit: int | None, as_json: bool) -> None:
    """Deep NLP and comparison for stories that earlier runs left waiting."""
    from rashomon.analysis import catch_up

    with _open(db) as store:
        counts = catch_up(store, limit=limit)
    click.echo(_dump(counts) if as_json else
               f"articles enriched: {counts['enriched']}, stories compared: "
               f"{counts['compared']}")


@cli.command()
@_db_option
@click.option("--json", "as_json", is_flag=True, help="JSON list of stories.")
@click.option("--limit", default=50, show_default=True, help="How many stories.")
@click.option("--outlet", default=None, help="Only stories this outlet covered.")
def stories(db: str | None, as_json: bool, limit: int, outlet: str | None) -> None:
    """List stories, largest first."""
    from rashomon.views import list_stories

    with _open(db, readonly=True) as store:
        rows = list_stories(store, limit=limit, outlet=outlet)
    if as_json:
        click.echo(_dump(rows))
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(title="Stories", show_lines=False)
    table.add_column("id", no_wrap=True)
    table.add_column("n", justify="right")
    table.add_column("dates", no_wrap=True)
    table.add_column("title", overflow="fold", ratio=3)
    table.add_column("outlets", overflow="fold", ratio=2)
    for r in rows:
        dates = " .. ".join(d[:10] for d in (r["first_published"], r["last_published"]) if d)
        table.add_row(r["id"], str(r["size"]), dates or "undated", escape(r["title"] or ""),
                      escape(", ".join(o for o in r["outlets"] if o)))
    Console(width=max(Console().width, 120)).print(table)


@cli.command()
@click.argument("story_id")
@_db_option
@click.option("--json", "as_json", is_flag=True, help="The story as JSON.")
def story(story_id: str, db: str | None, as_json: bool) -> None:
    """Show one story: its articles and how the outlets covered it."""
    from rashomon.views import story_detail

    with _open(db, readonly=True) as store:
        data = story_detail(store, story_id)
    if as_json:
        click.echo(_dump(data))
        return
    from rashomon.render import print_story

    print_story(data)


@cli.command()
@_db_option
@click.option("--json", "as_json", is_flag=True, help="JSON list of storylines.")
def storylines(db: str | None, as_json: bool) -> None:
    """List storylines with their stories."""
    from rashomon.views import list_storylines

    with _open(db, readonly=True) as store:
        rows = list_storylines(store)
    if as_json:
        click.echo(_dump(rows))
        return
    from rich.console import Console
    from rich.markup import escape

    console = Console()
    for line in rows:
        console.rule(f"{line['id']}: {escape(line['title'] or '')}")
        for s in line["stories"]:
            console.print(f"  {(s['first_published'] or 'undated')[:10]}  {s['id']}  "
                          f"({s['size']} articles)  {escape(s['title'] or '')}")


@cli.command()
@_db_option
@click.option("--json", "as_json", is_flag=True, help="JSON: {count, stories, actors}.")
@click.option("--limit", default=50, show_default=True, help="How many actors.")
@click.option("--kind", type=click.Choice(["person", "org", "group", "place", "outlet"]),
              default=None, help="Only actors of this kind.")
@click.option("--min-stories", default=1, show_default=True,
              help="Only actors named in at least this many stories.")
def actors(db: str | None, as_json: bool, limit: int, kind: str | None,
           min_stories: int) -> None:
    """List the actors of the compared stories, joined across stories, most stories first."""
    from rashomon.actors import store_actors

    with _open(db, readonly=True) as store:
        data = store_actors(store, kind=kind, limit=limit, min_stories=min_stories)
    if as_json:
        click.echo(_dump(data))
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"Actors ({data['count']} in {data['stories']} compared stories)")
    table.add_column("id", overflow="fold", ratio=2)
    table.add_column("kind", no_wrap=True)
    table.add_column("stories", justify="right")
    table.add_column("mentions", justify="right")
    table.add_column("named as", overflow="fold", ratio=3)
    for a in data["actors"]:
        table.add_row(escape(safe(a["id"])), a["kind"], str(a["story_count"]),
                      str(a["mentions"]),
                      escape(safe(" / ".join(n["text"] for n in a["names"][:6]))))
    Console(width=max(Console().width, 120)).print(table)


@cli.command()
@click.argument("actor_id")
@_db_option
@click.option("--story", "story_id", default=None,
              help="The story whose own actor id ACTOR_ID is (when several use it).")
@click.option("--json", "as_json", is_flag=True, help="The actor as JSON.")
def actor(actor_id: str, db: str | None, story_id: str | None, as_json: bool) -> None:
    """Show one actor: its spellings, outlets, stories and the quotes given to it."""
    from rashomon.actors import store_actor

    with _open(db, readonly=True) as store:
        data = store_actor(store, actor_id, story=story_id)
    if as_json:
        click.echo(_dump(data))
        return
    click.echo(f"{safe(data['name'])} ({data['kind']}): {data['mentions']} mentions in "
               f"{data['story_count']} stories")
    click.echo("named as: " + safe(", ".join(f"{n['text']} ({n['count']})"
                                              for n in data["names"])))
    click.echo("outlets: " + safe(", ".join(f"{o} ({n})" for o, n in data["outlets"].items())))
    if data["by_outlet"]:
        click.echo("how each outlet names it:")
    for outlet, used in data["by_outlet"].items():
        click.echo(f"  {safe(outlet)}: "
                   + safe(", ".join(f"{t['text']} ({t['count']})" for t in used[:5])))
    for s in data["stories"]:
        click.echo(f"  {(s['first_published'] or 'undated')[:10]}  {safe(s['id'])}  "
                   f"{s['mentions']} mentions  {safe(s['title'] or '')}")
    for q in data["quotes"]:
        who = "; ".join(f"{o}: {n}" for o, n in q["speakers"].items())
        click.echo(f"  \u201c{safe(q['text'])}\u201d  ({safe(who)})")


@cli.command()
@click.argument("query")
@_db_option
@click.option("--json", "as_json", is_flag=True, help="JSON list of hits.")
@click.option("--limit", default=20, show_default=True)
def search(query: str, db: str | None, as_json: bool, limit: int) -> None:
    """Full-text search over the stored articles."""
    with _open(db, readonly=True) as store:
        hits = store.search(query, limit)
    for h in hits:
        h["snippet"] = (h.get("snippet") or "").replace("\x02", "").replace("\x03", "")
    if as_json:
        click.echo(_dump(hits))
        return
    for h in hits:
        click.echo(f"{h['id']}  {safe(h['outlet'] or '-')}  {safe(h['title'] or '')}")
        click.echo(f"    {safe(h['snippet'])}")


@cli.command()
@click.option("--dir", "folder", default=None, type=click.Path(file_okay=False),
              help="Where to put the demo store (default: a new temporary folder).")
@click.option("--json", "as_json", is_flag=True, help="Print the stories as JSON.")
def demo(folder: str | None, as_json: bool) -> None:
    """Analyze the bundled demo corpus and show its stories."""
    from rashomon.demo import demo_corpus

    corpus = demo_corpus()
    where = Path(folder) if folder else Path(tempfile.mkdtemp(prefix="rashomon-demo-"))
    where.mkdir(parents=True, exist_ok=True)
    db = str(where / "demo.db")
    summary, skipped = analyze_paths([str(corpus)], db)
    ctx = click.get_current_context()
    if as_json:
        from rashomon.views import list_stories

        with _open(db, readonly=True) as store:
            click.echo(_dump({"db": db, "summary": summary, "stories": list_stories(store)}))
    else:
        click.echo(f"Analyzed the demo corpus ({corpus}): {summary['articles']} articles, "
                   f"{summary['stories']} stories, {summary['storylines']} storylines.")
        ctx.invoke(stories, db=db, as_json=False, limit=50, outlet=None)
        click.echo(f"\nStore: {db}")
        click.echo(f"Read a story:   rashomon story STORY_ID --db {db}")
        click.echo(f"Who is in them: rashomon actors --db {db}")
        click.echo(f"Browse it:      rashomon serve --db {db}   (then open http://127.0.0.1:8000)")
    sys.exit(EXIT_SKIPPED if skipped else 0)


@cli.command()
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
def serve(db: str | None, host: str, port: int) -> None:
    """Serve the store as a web UI with a JSON API."""
    from rashomon.web import serve as serve_web  # type: ignore[attr-defined]

    serve_web(db or Settings.load().db, host=host, port=port)


@cli.command()
@click.argument("story_id")
@_db_option
@click.option("--out", required=True, type=click.Path(dir_okay=False),
              help="HTML file to write.")
def report(story_id: str, db: str | None, out: str) -> None:
    """Write one story as a self-contained HTML file."""
    from rashomon.web import write_report  # type: ignore[attr-defined]

    with _open(db, readonly=True) as store:
        write_report(store, story_id, Path(out))
    click.echo(f"wrote {out}")


def main() -> None:
    """Console entry point."""
    try:
        cli()
    except BrokenPipeError:
        sys.exit(0)


if __name__ == "__main__":
    main()
