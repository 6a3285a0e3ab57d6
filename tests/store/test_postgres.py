"""The PostgreSQL store against a real server: the SQLite store's behaviours, plus what differs.

The server comes from ``RASHOMON_TEST_PG`` (default: the role and database that
``.ci/services.d/postgres.sh`` creates). Each test gets a fresh schema, dropped afterwards;
everything skips when psycopg is missing or no server answers.
"""

from __future__ import annotations

import json
import os
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner

from rashomon.cli import cli
from rashomon.errors import StoreError
from rashomon.model import Article, Comment, Removed, Span, Story, Storyline
from rashomon.store import open_store
from rashomon.store.migrations import MIGRATIONS as SQLITE_MIGRATIONS
from rashomon.store.postgres_migrations import MIGRATIONS

pytestmark = pytest.mark.postgres
psycopg = pytest.importorskip("psycopg")

from rashomon.store.postgres import PostgresStore, redact  # noqa: E402

SERVER = os.environ.get("RASHOMON_TEST_PG",
                        "postgresql://rashomon:rashomon@127.0.0.1:5432/rashomon_test")


def _with_schema(url: str, schema: str) -> str:
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options={quote(f'-csearch_path={schema}')}"


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    try:
        psycopg.connect(SERVER, connect_timeout=3).close()
    except psycopg.Error as exc:
        pytest.skip(f"no PostgreSQL server at {redact(SERVER)}: {str(exc).strip()[:120]}")
    yield SERVER


@pytest.fixture
def url(server: str) -> Iterator[str]:
    """A URL whose search path is a fresh, empty schema."""
    schema = f"rashomon_t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield _with_schema(server, schema)
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def store(url: str) -> Iterator[PostgresStore]:
    s = PostgresStore(url)
    yield s
    s.close()


def _article(i: int, published: str | None = "2025-03-0{}") -> Article:
    body = [f"Paragraph {i} about the strike at the harbour of Velmora.", "Second paragraph."]
    text = "Title\n\n" + "\n\n".join(body)
    return Article(
        id=f"a{i:019d}", source=f"p{i}.txt", source_id=f"p{i}", text=text,
        title=f"Harbour strike {i}", outlet="Ledger" if i % 2 else "Courier",
        published=published.format(i) if published else None, body=body,
        body_spans=[Span(body[0], 7, 7 + len(body[0]))],
        comments=[Comment("a comment", 0, 9, author="Tomas", spam=False)],
        removed=[Removed("Home", "chrome", 0, 4, "navigation")],
    )


def test_migrations_have_the_sqlite_names_and_are_applied_once(url: str) -> None:
    assert [n for n, _ in MIGRATIONS] == [n for n, _ in SQLITE_MIGRATIONS]
    store = PostgresStore(url)
    assert store.migrations() == [name for name, _ in MIGRATIONS]
    assert store.migrate() == []
    store.close()
    again = PostgresStore(url)  # reopening migrates nothing and keeps the data
    assert again.migrate() == [] and again.counts()["articles"] == 0
    again.close()


def test_concurrent_openers_of_a_fresh_database_do_not_race(url: str) -> None:
    errors: list[BaseException] = []

    def open_one() -> None:
        try:
            PostgresStore(url).close()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_articles_round_trip_and_are_keyed_by_content_hash(store: PostgresStore) -> None:
    a = _article(1)
    assert store.add_articles([a, _article(2)]) == 2
    assert store.add_articles([a]) == 0
    back = store.get_article(a.id)
    assert back is not None and back.to_dict(raw=True) == a.to_dict(raw=True)
    assert store.known_ids([a.id, "nope"]) == {a.id}
    assert [x.id for x in store.get_articles([_article(2).id, "nope", a.id])] == \
        [_article(2).id, a.id]
    assert store.get_article("nope") is None


def test_hostile_characters_round_trip_exactly(store: PostgresStore) -> None:
    a = _article(3)
    a.text = "Title\x00 with a NUL and a lone \udc80 surrogate\n\nbody"
    a.html = "<p>\x00</p>"
    a.title = "Bad\x00title"
    a.body = ["body \x00 text"]
    assert store.add_articles([a]) == 1
    back = store.get_article(a.id)
    assert back is not None and back.to_dict(raw=True) == a.to_dict(raw=True)
    assert len(back.text) == len(a.text)


def test_enrichment_is_cached_with_its_producer(store: PostgresStore) -> None:
    a = _article(1)
    store.add_articles([a])
    store.set_enrichment([(a.id, {"sentences": [[0, 5]]})], "rashomon.enrich@1")
    back = store.get_article(a.id)
    assert back is not None and back.enrichment == {"sentences": [[0, 5]]}
    assert back.meta["enriched_by"] == "rashomon.enrich@1"
    assert store.enriched_by(a.id) == "rashomon.enrich@1"


def test_full_text_search_is_safe_against_query_syntax(store: PostgresStore) -> None:
    store.add_articles([_article(1), _article(2)])
    hits = store.search("harbour Velmora")
    assert {h["source_id"] for h in hits} == {"p1", "p2"}
    assert all("\x02" in h["snippet"] and "\x03" in h["snippet"] for h in hits)
    assert store.search("HARBOUR strike 2")[0]["source_id"] == "p2"
    assert store.search("harbour nowhere") == []  # every word is required
    assert store.search('") OR * NEAR( & | ! <->') == []
    assert store.search("") == []


def test_search_ignores_diacritics_as_the_sqlite_store_does(store: PostgresStore,
                                                           tmp_path: Path) -> None:
    a = _article(4)
    a.title, a.body = "Grève à Vélmora", ["Les dockers de Vélmora sont en grève depuis lundi."]
    sqlite = open_store(str(tmp_path / "s.db"))
    for s in (store, sqlite):
        s.add_articles([a, _article(1)])
    for query in ("greve velmora", "GRÈVE", "vélmora dockers"):
        assert [h["source_id"] for h in store.search(query)] == ["p4"], query
        assert [h["source_id"] for h in sqlite.search(query)] == ["p4"], query
    sqlite.close()


def test_stories_storylines_and_state_are_saved_together(store: PostgresStore) -> None:
    arts = [_article(i) for i in (1, 2, 3)]
    store.add_articles(arts)
    s1 = Story(id="s-1", article_ids=[arts[1].id, arts[0].id], title="Strike",
               first_published="2025-03-01", last_published="2025-03-02",
               outlets=["Ledger", "Courier"])
    s2 = Story(id="s-2", article_ids=[arts[2].id], title="Other")
    store.save_stories([s1, s2], [], ("idx", "test@1", b"blob\x00"))
    assert [a.id for a in store.unassigned_articles()] == []
    assert store.get_state("idx") == ("test@1", b"blob\x00")
    assert [s.id for s in store.list_stories()] == ["s-1", "s-2"]
    got = store.get_story("s-1")
    assert got is not None and got.article_ids == [arts[0].id, arts[1].id]  # by date
    store.set_comparison("s-1", {"facts": [{"text": "x"}]}, {"compare": "1"})
    # merging s-2 into s-1 moves its article and drops s-2, keeping the comparison
    s1.article_ids.append(arts[2].id)
    store.save_stories([s1], ["s-2"])
    got = store.get_story("s-1")
    assert got is not None and len(got.article_ids) == 3
    assert got.comparison == {"facts": [{"text": "x"}]}
    assert store.get_story("s-2") is None
    store.save_storylines([Storyline(id="l-1", story_ids=["s-1"], title="Strikes")])
    assert store.get_story("s-1").storyline_id == "l-1"  # type: ignore[union-attr]
    assert [s.id for s in store.list_stories(storyline="l-1")] == ["s-1"]
    assert [s.id for s in store.list_stories(outlet="Courier")] == ["s-1"]
    assert store.list_stories(since="2025-04-01") == []
    assert [line.id for line in store.list_storylines()] == ["l-1"]
    assert store.get_storyline("l-1").title == "Strikes"  # type: ignore[union-attr]
    assert store.story_of(arts[2].id) == "s-1"
    assert store.counts() == {"articles": 3, "stories": 1, "storylines": 1}
    assert [o["outlet"] for o in store.outlets()] == ["Ledger", "Courier"]
    assert {r["story_id"] for r in store.outlet_articles("Ledger")} == {"s-1"}
    summaries = store.article_summaries([arts[2].id, "nope", arts[0].id])
    assert [s["id"] for s in summaries] == [arts[2].id, arts[0].id]
    assert "text" not in summaries[0]


def test_unassigned_articles_come_oldest_first_undated_last(store: PostgresStore) -> None:
    arts = [_article(2), _article(3, None), _article(1)]
    store.add_articles(arts)
    assert [a.source_id for a in store.unassigned_articles()] == ["p1", "p2", "p3"]


def test_failed_transaction_leaves_nothing_half_written(store: PostgresStore) -> None:
    store.add_articles([_article(1)])
    bad = Story(id="s-x", article_ids=[_article(1).id, "missing-article"])
    with pytest.raises(psycopg.IntegrityError):
        store.save_stories([bad], [], ("idx", "t@1", b"new"))
    assert store.get_story("s-x") is None
    assert store.get_state("idx") is None
    assert store.counts() == {"articles": 1, "stories": 0, "storylines": 0}
    store.add_articles([_article(2)])  # the connection is usable after the rollback
    assert store.counts()["articles"] == 2


def test_runs_are_recorded(store: PostgresStore) -> None:
    run = store.start_run("analyze pages/")
    store.finish_run(run, {"added": 3}, {"rashomon.extract": "1"})
    row = store.conn.execute("SELECT command, counts, finished_at FROM runs WHERE id = %s",
                             (run,)).fetchone()
    assert row[0] == "analyze pages/" and row[1] == '{"added":3}' and row[2]
    assert store.start_run("again") == run + 1


def test_readonly_store_refuses_foreign_databases_and_writes(url: str, server: str) -> None:
    with pytest.raises(StoreError, match="not a Rashomon store"):
        PostgresStore(url, readonly=True)
    PostgresStore(url).close()
    reader = PostgresStore(url, readonly=True)
    with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
        reader.add_articles([_article(1)])
    reader.close()
    dead = server.replace("@127.0.0.1:5432", "@127.0.0.1:9").replace(":5432", ":9")
    with pytest.raises(StoreError, match="cannot open store") as err:
        PostgresStore(dead + ("&" if "?" in dead else "?") + "connect_timeout=2")
    assert "rashomon:rashomon@" not in str(err.value)


def test_readers_see_committed_writes(url: str) -> None:
    writer = open_store(url)
    reader = open_store(url, readonly=True)
    assert isinstance(writer, PostgresStore) and isinstance(reader, PostgresStore)
    writer.add_articles([_article(1)])
    assert reader.counts()["articles"] == 1
    assert reader.path == redact(url) and "rashomon:***@" in reader.path
    reader.close()
    writer.close()


def test_redact_hides_only_the_password() -> None:
    assert redact("postgresql://u:secret@h:5/db?x=1") == "postgresql://u:***@h:5/db?x=1"
    assert redact("postgresql://h/db") == "postgresql://h/db"


def test_cli_analyze_into_postgres_gives_what_sqlite_gives(url: str, pages_dir: Path,
                                                            tmp_path: Path) -> None:
    def run(*args: str) -> object:
        result = CliRunner().invoke(cli, list(args))
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)

    views = []
    for db in (str(tmp_path / "s.db"), url):
        summary = run("analyze", "--db", db, "--json", "--no-enrich", "--no-compare",
                      str(pages_dir))
        stories = run("stories", "--db", db, "--json")
        assert isinstance(summary, dict) and isinstance(stories, list)
        views.append(({k: v for k, v in summary.items() if isinstance(v, int)},
                      [(s["title"], s["outlets"], sorted(a["source_id"] for a in s["articles"]))
                       for s in stories]))
    assert views[0] == views[1] and views[1][0]["added"] == 3
    again = run("analyze", "--db", url, "--json", "--no-enrich", "--no-compare", str(pages_dir))
    assert isinstance(again, dict) and again["added"] == 0 and again["already_stored"] == 3
    assert "rashomon:rashomon@" not in str(again["db"])


def test_a_dropped_connection_is_opened_again(store: PostgresStore, server: str) -> None:
    store.add_articles([_article(1)])
    with psycopg.connect(server, autocommit=True) as admin:  # a server restart, in effect
        admin.execute("SELECT pg_terminate_backend(%s)", (store.conn.info.backend_pid,))
    with pytest.raises(psycopg.OperationalError):
        store.counts()
    assert store.counts()["articles"] == 1
    assert store.add_articles([_article(2)]) == 1


def test_outlets_are_renamed_with_the_written_name_kept(store: PostgresStore) -> None:
    from storekit import check_outlets_are_renamed_with_the_written_name_kept

    check_outlets_are_renamed_with_the_written_name_kept(store, _article(1))


def test_storylines_update_incrementally(store: PostgresStore) -> None:
    arts = [_article(i) for i in (1, 2, 3)]
    store.add_articles(arts)
    store.save_stories([Story(id=f"s-{i}", article_ids=[a.id]) for i, a in enumerate(arts)], [])
    store.save_storylines([Storyline(id="l-a", story_ids=["s-0", "s-1"]),
                           Storyline(id="l-b", story_ids=["s-2"])])
    store.save_storylines([Storyline(id="l-a", story_ids=["s-0", "s-1", "s-2"])], ["l-b"])
    assert [x.id for x in store.list_storylines()] == ["l-a"]
    assert {s.storyline_id for s in store.list_stories()} == {"l-a"}


def test_a_save_expecting_an_old_state_writes_nothing(store: PostgresStore) -> None:
    from storekit import check_expect_guards_the_save

    check_expect_guards_the_save(store, _article(1))


def test_actor_lists_read_the_actors_of_compared_stories(store: PostgresStore) -> None:
    from storekit import check_actor_lists_read_the_actors_of_compared_stories

    check_actor_lists_read_the_actors_of_compared_stories(store, _article(1))
