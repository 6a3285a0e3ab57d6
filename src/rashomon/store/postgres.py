"""The PostgreSQL store: one server shared by a team, same schema and behaviour as SQLite.

Needs ``psycopg`` 3 (``pip install 'rashomon[postgres]'``). Every write is one transaction;
migrations take an advisory lock so two processes opening a fresh database do not race;
full-text search uses a stored ``tsvector`` (diacritics folded, as SQLite's FTS5 does) with
a GIN index. PostgreSQL text cannot hold NUL characters or lone surrogates, which hostile
pages do contain: such characters are replaced (one for one, so offsets hold) in the
searchable columns, and the exact page text is kept JSON-escaped in the ``data`` column when
that happens.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from rashomon.errors import StaleState, StoreError, require
from rashomon.model import Article, Story, Storyline
from rashomon.store.base import (
    State,
    Store,
    StorylineUpdate,
    renamed_data,
    state_list,
    story_data,
    story_filters,
)
from rashomon.store.postgres_migrations import MIGRATIONS

#: Advisory lock key taken by a ``save_stories`` that checks the saved state first.
STATE_LOCK = 0x5241_5348  # "RASH"
#: Ids per ``= ANY(%s)`` query: keeps each statement and its result set small.
CHUNK = 1000
#: Key of the advisory lock held while migrating (any constant unique to this project).
MIGRATION_LOCK = 0x5241_5348  # "RASH"
#: Characters PostgreSQL text refuses: NUL and UTF-16 surrogates.
_BAD = re.compile("[\x00\ud800-\udfff]")
#: ts_headline options giving the same marks and length as the SQLite snippet (12 words).
_HEADLINE = ("StartSel=\x02, StopSel=\x03, MaxWords=12, MinWords=4, ShortWord=0, "
             "MaxFragments=2, FragmentDelimiter=\" … \"")
_WORD = re.compile(r"\w+", re.UNICODE)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _stamp() -> str:
    """A story's write time, to the microsecond (``stories_version`` compares them)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _clean(value: str | None) -> str | None:
    return _BAD.sub("\ufffd", value) if value else value


def _dumps(value: Any) -> str:
    out = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    # json escapes NUL itself; lone surrogates need the ASCII form to be valid UTF-8
    return out if not _BAD.search(out) else json.dumps(value, separators=(",", ":"))


def fold(text: str) -> str:
    """Text without diacritics ("Grève" -> "Greve") and without characters PostgreSQL refuses,
    as the full-text index and queries see it."""
    decomposed = unicodedata.normalize("NFKD", _BAD.sub(" ", text))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def redact(url: str) -> str:
    """The URL without its password, for messages and summaries."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = netloc[0].split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc[1]}"))


class PostgresStore(Store):
    """Store backed by a PostgreSQL database given as a ``postgresql://`` URL.

    Args:
        url: libpq connection URL; query parameters such as ``options=-csearch_path=x``
            choose a schema.
        readonly: open for reading only (the web UI, ``stories``): no migration, and the
            session refuses writes.
    """

    #: Many processes may write at once: the Ray engine writes articles from its workers.
    shared = True

    def __init__(self, url: str, *, readonly: bool = False) -> None:
        psycopg: Any = require("psycopg", "postgres")
        self.url, self.path, self.readonly = url, redact(url), readonly
        self._lock = threading.RLock()
        self._closed = False
        self._conn = self._connect()
        try:
            if readonly:
                self._check_schema()
            else:
                self.migrate()
        except psycopg.Error as exc:
            self._conn.close()
            raise StoreError(f"cannot open store {self.path}: {exc}") from None
        except StoreError:
            self._conn.close()
            raise

    def _connect(self) -> Any:
        import psycopg

        try:
            conn = psycopg.connect(self.url, autocommit=True, connect_timeout=10)
            if self.readonly:
                conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        except psycopg.Error as exc:
            raise StoreError(f"cannot open store {self.path}: "
                             f"{str(exc).strip().splitlines()[0]}") from None
        return conn

    @property
    def conn(self) -> Any:
        """The connection, opened again when the server dropped it (a restart, an idle
        timeout): the statement that met the broken connection fails, the next one works."""
        with self._lock:
            if self._conn.broken and not self._closed:
                self._conn.close()
                self._conn = self._connect()
            return self._conn

    def __reduce__(self) -> tuple[Any, tuple[str, bool]]:
        """Pickled as its URL: unpickling (on a Ray worker) opens a connection of its own."""
        return (_reopen, (self.url, self.readonly))

    # --- schema ---------------------------------------------------------------------
    def migrate(self) -> list[str]:
        """Apply the migrations not yet applied; returns their names."""
        applied: list[str] = []
        with self._lock, self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            self.conn.execute("CREATE TABLE IF NOT EXISTS _migrations "
                              "(name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
            done = {r[0] for r in self.conn.execute("SELECT name FROM _migrations")}
            for name, sql in MIGRATIONS:
                if name in done:
                    continue
                self.conn.execute(sql)
                self.conn.execute("INSERT INTO _migrations VALUES (%s, %s)", (name, _now()))
                applied.append(name)
        return applied

    def migrations(self) -> list[str]:
        """Names of the applied migrations."""
        with self._lock:
            return [r[0] for r in self.conn.execute(
                "SELECT name FROM _migrations ORDER BY name COLLATE \"C\"")]

    def _check_schema(self) -> None:
        with self._lock:
            exists = self.conn.execute("SELECT to_regclass('_migrations')").fetchone()
        if not exists or exists[0] is None:
            raise StoreError(f"{self.path} is not a Rashomon store (run 'rashomon analyze' "
                             "on it first)")
        missing = [n for n, _ in MIGRATIONS if n not in set(self.migrations())]
        if missing:
            raise StoreError(f"{self.path} needs migrations {missing}: run 'rashomon analyze' "
                             "on it once")

    def _rows(self, sql: str, args: Any = ()) -> list[dict[str, Any]]:
        from psycopg.rows import dict_row

        with self._lock, self.conn.cursor(row_factory=dict_row) as cur:
            cur.execute(sql, args)
            return list(cur.fetchall())

    # --- articles -------------------------------------------------------------------
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(list(ids)):
            with self._lock:
                found.update(r[0] for r in self.conn.execute(
                    "SELECT id FROM articles WHERE id = ANY(%s)", (chunk,)))
        return found

    def add_articles(self, articles: list[Article]) -> int:
        now = _now()
        rows = []
        for a in articles:
            data = a.to_dict()
            enrichment = data.pop("enrichment", None)
            text, html = _clean(a.text) or "", _clean(a.html)
            if text != a.text:
                data["_text"] = a.text
            if html != a.html:
                data["_html"] = a.html
            rows.append((a.id, _clean(a.source), _clean(a.source_id), _clean(a.url),
                         _clean(a.title), _clean(a.subtitle), _clean(a.outlet),
                         _dumps(a.authors), _clean(a.published), _clean(a.language),
                         _clean(a.body_text), _dumps(data), text, html, _dumps(a.steps), now,
                         _dumps(enrichment) if enrichment is not None else None,
                         fold(a.title or ""), fold(a.body_text)))
        if not rows:
            return 0
        # one statement per transaction: the ids it really inserted come back, so
        # concurrent writers sharing the server still count each article once
        with self._lock, self.conn.transaction(), self.conn.cursor() as cur:
            cur.execute(
                "INSERT INTO articles (id, source, source_id, url, title, subtitle, outlet,"
                " authors, published, language, body, data, text, html, steps, added_at,"
                " enrichment, fts) SELECT r.id, r.source, r.source_id, r.url, r.title,"
                " r.subtitle, r.outlet, r.authors, r.published, r.language, r.body, r.data,"
                " r.text, r.html, r.steps, r.added_at, r.enrichment,"
                " setweight(to_tsvector('simple', r.ft), 'A')"
                " || setweight(to_tsvector('simple', r.fb), 'B')"
                " FROM unnest(%s::text[], %s::text[], %s::text[], %s::text[], %s::text[],"
                " %s::text[], %s::text[], %s::text[], %s::text[], %s::text[], %s::text[],"
                " %s::text[], %s::text[], %s::text[], %s::text[], %s::text[], %s::text[],"
                " %s::text[], %s::text[]) AS r(id, source, source_id, url, title, subtitle,"
                " outlet, authors, published, language, body, data, text, html, steps,"
                " added_at, enrichment, ft, fb) ON CONFLICT (id) DO NOTHING RETURNING id",
                [list(col) for col in zip(*rows, strict=True)])
            return len(cur.fetchall())

    def _article(self, row: dict[str, Any]) -> Article:
        data = json.loads(row["data"])
        data["text"] = data.pop("_text", row["text"])
        data["html"] = data.pop("_html", row["html"])
        article = Article.from_dict(data)
        if row["enrichment"]:
            article.enrichment = json.loads(row["enrichment"])
            article.meta["enriched_by"] = row["enriched_by"]
        return article

    def get_article(self, article_id: str) -> Article | None:
        rows = self._rows("SELECT * FROM articles WHERE id = %s", (article_id,))
        return self._article(rows[0]) if rows else None

    def get_articles(self, ids: Iterable[str]) -> list[Article]:
        ids = list(ids)
        found: dict[str, Article] = {}
        for chunk in _chunks(ids):
            rows = self._rows("SELECT * FROM articles WHERE id = ANY(%s)", (chunk,))
            found.update((r["id"], self._article(r)) for r in rows)
        return [found[i] for i in ids if i in found]

    def unassigned_articles(self) -> Iterator[Article]:
        with self._lock:
            ids = [r[0] for r in self.conn.execute(
                "SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_articles sa"
                " WHERE sa.article_id = a.id) ORDER BY a.published NULLS LAST, a.id")]
        for chunk in _chunks(ids):
            yield from self.get_articles(chunk)

    def set_enrichment(self, items: list[tuple[str, dict[str, Any]]], producer: str) -> None:
        with self._lock, self.conn.transaction(), self.conn.cursor() as cur:
            cur.executemany("UPDATE articles SET enrichment = %s, enriched_by = %s WHERE id = %s",
                            [(_dumps(e), producer, i) for i, e in items])

    def rename_outlets(self, items: list[tuple[str, str]]) -> None:
        with self._lock, self.conn.transaction(), self.conn.cursor() as cur:
            for article_id, outlet in items:
                row = cur.execute("SELECT outlet, data FROM articles WHERE id = %s",
                                  (article_id,)).fetchone()
                if row is None or row[0] == outlet:
                    continue
                data = renamed_data(row[1], row[0], outlet)
                cur.execute("UPDATE articles SET outlet = %s, data = %s WHERE id = %s",
                            (outlet, _dumps(data), article_id))

    def enriched_by(self, article_id: str) -> str | None:
        """Which step@version enriched an article (None when not yet)."""
        with self._lock:
            row = self.conn.execute("SELECT enriched_by FROM articles WHERE id = %s",
                                    (article_id,)).fetchone()
        return row[0] if row else None

    # --- stories --------------------------------------------------------------------
    def save_stories(self, changed: list[Story], removed: Iterable[str],
                     state: State | list[State] | None = None,
                     storylines: StorylineUpdate | None = None,
                     expect: tuple[str, bytes | None] | None = None) -> None:
        now = _now()
        with self._lock, self.conn.transaction(), self.conn.cursor() as cur:
            if expect is not None:  # one saver at a time, then compare
                cur.execute("SELECT pg_advisory_xact_lock(%s)", (STATE_LOCK,))
                row = cur.execute("SELECT value FROM state WHERE name = %s",
                                  (expect[0],)).fetchone()
                if (bytes(row[0]) if row and row[0] is not None else None) != expect[1]:
                    raise StaleState(f"state {expect[0]!r} changed since it was read")
            removed = list(removed)
            if removed:
                cur.execute("DELETE FROM stories WHERE id = ANY(%s)", (removed,))
            for s in changed:
                old = cur.execute("SELECT data FROM stories WHERE id = %s", (s.id,)).fetchone()
                data = story_data(s, old[0] if old else None)
                cur.execute(
                    "INSERT INTO stories (id, title, first_published, last_published,"
                    " storyline_id, size, outlets, data, updated_at)"
                    " VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s)"
                    " ON CONFLICT (id) DO UPDATE SET title=excluded.title,"
                    " first_published=excluded.first_published,"
                    " last_published=excluded.last_published, size=excluded.size,"
                    " outlets=excluded.outlets, data=excluded.data,"
                    " updated_at=excluded.updated_at",
                    (s.id, _clean(s.title), s.first_published, s.last_published, s.storyline_id,
                     len(s.article_ids), _dumps(s.outlets), _dumps(data), _stamp()))
                cur.execute("DELETE FROM story_articles WHERE story_id = %s", (s.id,))
                cur.executemany(
                    "INSERT INTO story_articles (article_id, story_id) VALUES (%s, %s)"
                    " ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id",
                    [(a, s.id) for a in s.article_ids])
            for name, producer, blob in state_list(state):
                cur.execute(
                    "INSERT INTO state (name, producer, value, updated_at) VALUES (%s,%s,%s,%s)"
                    " ON CONFLICT (name) DO UPDATE SET producer=excluded.producer,"
                    " value=excluded.value, updated_at=excluded.updated_at",
                    (name, producer, blob, now))
            if storylines is not None:
                _write_storylines(cur, *storylines)

    def save_storylines(self, storylines: list[Storyline],
                        removed: Iterable[str] | None = None) -> None:
        with self._lock, self.conn.transaction(), self.conn.cursor() as cur:
            _write_storylines(cur, storylines, removed)

    def set_comparison(self, story_id: str, comparison: dict[str, Any],
                       steps: dict[str, str]) -> None:
        with self._lock, self.conn.transaction(), self.conn.cursor() as cur:
            row = cur.execute("SELECT data FROM stories WHERE id = %s FOR UPDATE",
                              (story_id,)).fetchone()
            if row is None:
                return
            data = json.loads(row[0])
            data["comparison"] = comparison
            data.setdefault("steps", {}).update(steps)
            cur.execute("UPDATE stories SET data = %s, updated_at = %s WHERE id = %s",
                        (_dumps(data), _stamp(), story_id))

    def get_state(self, name: str) -> tuple[str, bytes] | None:
        with self._lock:
            row = self.conn.execute("SELECT producer, value FROM state WHERE name = %s",
                                    (name,)).fetchone()
        return (row[0], bytes(row[1])) if row and row[1] is not None else None

    def _stories(self, rows: list[dict[str, Any]]) -> list[Story]:
        """Stories from their rows, with the article ids of all of them in one query."""
        members: dict[str, list[str]] = {r["id"]: [] for r in rows}
        if members:
            with self._lock:
                for story_id, article_id in self.conn.execute(
                        "SELECT sa.story_id, sa.article_id FROM story_articles sa JOIN articles a"
                        " ON a.id = sa.article_id WHERE sa.story_id = ANY(%s)"
                        " ORDER BY a.published NULLS LAST, a.id", (list(members),)):
                    members[story_id].append(article_id)
        out = []
        for row in rows:
            data = json.loads(row["data"])
            data["article_ids"] = members[row["id"]]
            data["storyline_id"] = row["storyline_id"]
            out.append(Story(**{k: v for k, v in data.items()
                                if k in Story.__dataclass_fields__}))
        return out

    def get_story(self, story_id: str) -> Story | None:
        rows = self._rows("SELECT * FROM stories WHERE id = %s", (story_id,))
        return self._stories(rows)[0] if rows else None

    def list_stories(self, *, limit: int = 100, offset: int = 0, outlet: str | None = None,
                     since: str | None = None, until: str | None = None,
                     storyline: str | None = None) -> list[Story]:
        where, args = story_filters(outlet=outlet, since=since, until=until,
                                    storyline=storyline, mark="%s")
        sql = "SELECT * FROM stories" + where
        sql += " ORDER BY size DESC, last_published DESC NULLS LAST, id LIMIT %s OFFSET %s"
        return self._stories(self._rows(sql, [*args, limit, offset]))

    def get_storyline(self, storyline_id: str) -> Storyline | None:
        with self._lock:
            row = self.conn.execute("SELECT data FROM storylines WHERE id = %s",
                                    (storyline_id,)).fetchone()
        return Storyline(**json.loads(row[0])) if row else None

    def list_storylines(self) -> list[Storyline]:
        with self._lock:
            rows = self.conn.execute("SELECT data FROM storylines"
                                     " ORDER BY last_published DESC NULLS LAST, id").fetchall()
        return [Storyline(**json.loads(r[0])) for r in rows]

    def actor_lists(self) -> list[dict[str, Any]]:
        rows = self._rows(
            "SELECT id, title, first_published, last_published, actors FROM"
            " (SELECT id, title, first_published, last_published,"
            " data::json #> '{comparison,actors}' AS actors FROM stories) s"
            " WHERE json_typeof(actors) = 'array' ORDER BY id")
        out = [r | {"actors": r["actors"] if isinstance(r["actors"], list)
                    else json.loads(r["actors"])} for r in rows]
        return [r for r in out if r["actors"]]

    def stories_version(self) -> object | None:
        # every story write stamps updated_at to the microsecond; a removal changes the count
        with self._lock:
            row = self.conn.execute("SELECT COUNT(*), MAX(updated_at) FROM stories").fetchone()
        return (int(row[0]), row[1])

    def article_summaries(self, ids: Iterable[str]) -> list[dict[str, Any]]:
        ids = list(ids)
        found: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(ids):
            rows = self._rows("SELECT id, source_id, outlet, title, published, url"
                              " FROM articles WHERE id = ANY(%s)", (chunk,))
            found.update((r["id"], r) for r in rows)
        return [found[i] for i in ids if i in found]

    def story_of(self, article_id: str) -> str | None:
        with self._lock:
            row = self.conn.execute("SELECT story_id FROM story_articles WHERE article_id = %s",
                                    (article_id,)).fetchone()
        return row[0] if row else None

    # --- search and facets ------------------------------------------------------------
    def search(self, query: str, limit: int = 50) -> list[dict[str, Any]]:
        words = _WORD.findall(fold(query or ""))
        if not words:
            return []
        # plainto_tsquery ANDs the words and ignores any query syntax in them
        # rank and cut first, then build snippets for the rows kept only
        sql = ("WITH q AS (SELECT plainto_tsquery('simple', %s) AS q),"
               " top AS (SELECT a.id, ts_rank(a.fts, q.q) AS rank FROM articles a, q"
               " WHERE a.fts @@ q.q ORDER BY rank DESC, a.id LIMIT %s)"
               " SELECT a.id, a.source_id, a.outlet, a.title, a.published, a.url,"
               " ts_headline('simple', a.body, q.q, %s) AS snippet,"
               " (SELECT story_id FROM story_articles WHERE article_id = a.id) AS story_id"
               " FROM top JOIN articles a ON a.id = top.id, q ORDER BY top.rank DESC, a.id")
        return self._rows(sql, (" ".join(words), limit, _HEADLINE))

    def outlets(self) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT outlet, COUNT(*) AS articles, MIN(published) AS first_published,"
            " MAX(published) AS last_published FROM articles WHERE outlet IS NOT NULL"
            " GROUP BY outlet ORDER BY articles DESC, outlet")

    def outlet_articles(self, outlet: str, limit: int = 200) -> list[dict[str, Any]]:
        """Summaries of one outlet's articles with their story ids."""
        return self._rows(
            "SELECT a.id, a.source_id, a.outlet, a.title, a.published, a.url, sa.story_id"
            " FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id"
            " WHERE a.outlet = %s ORDER BY a.published DESC NULLS LAST LIMIT %s",
            (outlet, limit))

    def counts(self) -> dict[str, int]:
        with self._lock:
            return {t: int(self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0])
                    for t in ("articles", "stories", "storylines")}

    def has_articles(self) -> bool:
        with self._lock:
            return self.conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is not None

    # --- runs -----------------------------------------------------------------------
    def start_run(self, command: str) -> int:
        with self._lock, self.conn.transaction():
            row = self.conn.execute("INSERT INTO runs (started_at, command) VALUES (%s, %s)"
                                    " RETURNING id", (_now(), _clean(command))).fetchone()
        return int(row[0]) if row else 0

    def finish_run(self, run_id: int, counts: dict[str, int], steps: dict[str, str]) -> None:
        with self._lock, self.conn.transaction():
            self.conn.execute("UPDATE runs SET finished_at = %s, counts = %s, steps = %s"
                              " WHERE id = %s", (_now(), _dumps(counts), _dumps(steps), run_id))

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._conn.close()


def _reopen(url: str, readonly: bool) -> PostgresStore:
    return PostgresStore(url, readonly=readonly)


def _chunks(ids: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(ids), CHUNK):
        yield ids[i : i + CHUNK]


def _write_storylines(cur: Any, storylines: list[Storyline],
                      removed: Iterable[str] | None) -> None:
    """Write storylines (all of them when ``removed`` is None) inside a transaction."""
    if removed is None:
        cur.execute("UPDATE stories SET storyline_id = NULL"
                    " WHERE storyline_id IS NOT NULL")
        cur.execute("DELETE FROM storylines")
    else:  # deleting a storyline unlinks its stories (ON DELETE SET NULL)
        gone = list(removed)
        if gone:
            cur.execute("DELETE FROM storylines WHERE id = ANY(%s)", (gone,))
    for line in storylines:
        cur.execute(
            "INSERT INTO storylines (id, title, first_published, last_published, data)"
            " VALUES (%s,%s,%s,%s,%s) ON CONFLICT (id) DO UPDATE SET title=excluded.title,"
            " first_published=excluded.first_published,"
            " last_published=excluded.last_published, data=excluded.data",
            (line.id, _clean(line.title), line.first_published, line.last_published,
             _dumps(line.to_dict())))
        if line.story_ids:
            cur.execute("UPDATE stories SET storyline_id = %s WHERE id = ANY(%s)"
                        " AND storyline_id IS DISTINCT FROM %s",
                        (line.id, list(line.story_ids), line.id))
