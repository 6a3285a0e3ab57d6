"""The SQLite store: one file, WAL, foreign keys, named migrations, FTS5 search.

One writer (the process running ``analyze``) and many readers (the web UI, ``stories``):
WAL lets readers see the last committed state while a run writes.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rashomon.errors import StaleState, StoreError
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
from rashomon.store.migrations import MIGRATIONS

#: Ids per ``IN (...)`` query: below SQLite's default limit of 999 host parameters.
CHUNK = 500


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class SQLiteStore(Store):
    """Store backed by one SQLite file (``":memory:"`` for tests)."""

    def __init__(self, path: str | Path = "rashomon.db", *, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        self._lock = threading.RLock()
        try:
            if readonly:
                if not Path(self.path).exists():
                    raise StoreError(f"no store at {self.path} (run 'rashomon analyze' first)")
                uri = f"file:{Path(self.path).resolve()}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                if self.path != ":memory:":
                    Path(self.path).parent.mkdir(parents=True, exist_ok=True)
                self.conn = sqlite3.connect(self.path, check_same_thread=False,
                                            isolation_level=None, timeout=30)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
                self.migrate()
            else:
                self._check_schema()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from None

    # --- schema ---------------------------------------------------------------------
    def migrate(self) -> list[str]:
        """Apply the migrations not yet applied; returns their names."""
        with self._lock:
            self.conn.execute("CREATE TABLE IF NOT EXISTS _migrations "
                              "(name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
            done = {r[0] for r in self.conn.execute("SELECT name FROM _migrations")}
            applied = []
            for name, sql in MIGRATIONS:
                if name in done:
                    continue
                with self._tx():
                    for statement in _statements(sql):
                        self.conn.execute(statement)
                    self.conn.execute("INSERT INTO _migrations VALUES (?, ?)", (name, _now()))
                applied.append(name)
            return applied

    def migrations(self) -> list[str]:
        """Names of the applied migrations."""
        return [r[0] for r in self.conn.execute("SELECT name FROM _migrations ORDER BY name")]

    def _check_schema(self) -> None:
        try:
            names = set(self.migrations())
        except sqlite3.OperationalError:
            raise StoreError(f"{self.path} is not a Rashomon store") from None
        missing = [n for n, _ in MIGRATIONS if n not in names]
        if missing:
            raise StoreError(f"{self.path} needs migrations {missing}: run 'rashomon analyze' "
                             "on it once")

    def _tx(self) -> _Transaction:
        return _Transaction(self.conn, self._lock)

    # --- articles -------------------------------------------------------------------
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(list(ids)):
            q = f"SELECT id FROM articles WHERE id IN ({','.join('?' * len(chunk))})"
            with self._lock:
                found.update(r[0] for r in self.conn.execute(q, chunk))
        return found

    def add_articles(self, articles: list[Article]) -> int:
        now, added = _now(), 0
        with self._tx():
            for a in articles:
                data = a.to_dict()
                enrichment = data.pop("enrichment", None)
                cur = self.conn.execute(
                    "INSERT OR IGNORE INTO articles (id, source, source_id, url, title, subtitle,"
                    " outlet, authors, published, language, body, data, text, html, steps,"
                    " added_at, enrichment) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (a.id, a.source, a.source_id, a.url, a.title, a.subtitle, a.outlet,
                     _dumps(a.authors), a.published, a.language, a.body_text, _dumps(data),
                     a.text, a.html, _dumps(a.steps), now,
                     _dumps(enrichment) if enrichment is not None else None))
                added += cur.rowcount
        return added

    def _article(self, row: sqlite3.Row) -> Article:
        data = json.loads(row["data"])
        data["text"], data["html"] = row["text"], row["html"]
        article = Article.from_dict(data)
        if row["enrichment"]:
            article.enrichment = json.loads(row["enrichment"])
            article.meta["enriched_by"] = row["enriched_by"]
        return article

    def get_article(self, article_id: str) -> Article | None:
        with self._lock:
            row = self.conn.execute("SELECT * FROM articles WHERE id = ?",
                                    (article_id,)).fetchone()
        return self._article(row) if row else None

    def get_articles(self, ids: Iterable[str]) -> list[Article]:
        ids = list(ids)
        found: dict[str, Article] = {}
        for chunk in _chunks(ids):
            q = f"SELECT * FROM articles WHERE id IN ({','.join('?' * len(chunk))})"
            with self._lock:
                rows = self.conn.execute(q, chunk).fetchall()
            found.update((r["id"], self._article(r)) for r in rows)
        return [found[i] for i in ids if i in found]

    def unassigned_articles(self) -> Iterator[Article]:
        with self._lock:
            ids = [r[0] for r in self.conn.execute(
                "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM story_articles)"
                " ORDER BY published IS NULL, published, id")]
        for chunk in _chunks(ids):
            yield from self.get_articles(chunk)

    def set_enrichment(self, items: list[tuple[str, dict[str, Any]]], producer: str) -> None:
        with self._tx():
            self.conn.executemany(
                "UPDATE articles SET enrichment = ?, enriched_by = ? WHERE id = ?",
                [(_dumps(e), producer, i) for i, e in items])

    def rename_outlets(self, items: list[tuple[str, str]]) -> None:
        with self._tx():
            for article_id, outlet in items:
                row = self.conn.execute("SELECT outlet, data FROM articles WHERE id = ?",
                                        (article_id,)).fetchone()
                if row is None or row[0] == outlet:
                    continue
                data = renamed_data(row[1], row[0], outlet)
                self.conn.execute("UPDATE articles SET outlet = ?, data = ? WHERE id = ?",
                                  (outlet, _dumps(data), article_id))

    def enriched_by(self, article_id: str) -> str | None:
        """Which step@version enriched an article (None when not yet)."""
        with self._lock:
            row = self.conn.execute("SELECT enriched_by FROM articles WHERE id = ?",
                                    (article_id,)).fetchone()
        return row[0] if row else None

    # --- stories --------------------------------------------------------------------
    def save_stories(self, changed: list[Story], removed: Iterable[str],
                     state: State | list[State] | None = None,
                     storylines: StorylineUpdate | None = None,
                     expect: tuple[str, bytes | None] | None = None) -> None:
        now = _now()
        with self._tx():
            if expect is not None:
                row = self.conn.execute("SELECT value FROM state WHERE name = ?",
                                        (expect[0],)).fetchone()
                if (bytes(row[0]) if row else None) != expect[1]:
                    raise StaleState(f"state {expect[0]!r} changed since it was read")
            for sid in removed:
                self.conn.execute("DELETE FROM stories WHERE id = ?", (sid,))
            for s in changed:
                old = self.conn.execute("SELECT data FROM stories WHERE id = ?",
                                        (s.id,)).fetchone()
                data = story_data(s, old[0] if old else None)
                self.conn.execute(
                    "INSERT INTO stories (id, title, first_published, last_published,"
                    " storyline_id, size, outlets, data, updated_at) VALUES (?,?,?,?,?,?,?,?,?)"
                    " ON CONFLICT(id) DO UPDATE SET title=excluded.title,"
                    " first_published=excluded.first_published,"
                    " last_published=excluded.last_published, size=excluded.size,"
                    " outlets=excluded.outlets, data=excluded.data,"
                    " updated_at=excluded.updated_at",
                    (s.id, s.title, s.first_published, s.last_published, s.storyline_id,
                     len(s.article_ids), _dumps(s.outlets), _dumps(data), now))
                self.conn.execute("DELETE FROM story_articles WHERE story_id = ?", (s.id,))
                self.conn.executemany(
                    "INSERT INTO story_articles (article_id, story_id) VALUES (?, ?)"
                    " ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id",
                    [(a, s.id) for a in s.article_ids])
            for name, producer, blob in state_list(state):
                self.conn.execute(
                    "INSERT INTO state (name, producer, value, updated_at) VALUES (?,?,?,?)"
                    " ON CONFLICT(name) DO UPDATE SET producer=excluded.producer,"
                    " value=excluded.value, updated_at=excluded.updated_at",
                    (name, producer, blob, now))
            if storylines is not None:
                self._write_storylines(*storylines)

    def save_storylines(self, storylines: list[Storyline],
                        removed: Iterable[str] | None = None) -> None:
        with self._tx():
            self._write_storylines(storylines, removed)

    def _write_storylines(self, storylines: list[Storyline],
                          removed: Iterable[str] | None) -> None:
        if removed is None:
            self.conn.execute("UPDATE stories SET storyline_id = NULL")
            self.conn.execute("DELETE FROM storylines")
        else:  # deleting a storyline unlinks its stories (ON DELETE SET NULL)
            self.conn.executemany("DELETE FROM storylines WHERE id = ?", [(i,) for i in removed])
        for line in storylines:
            self.conn.execute(
                "INSERT INTO storylines (id, title, first_published, last_published, data)"
                " VALUES (?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET title=excluded.title,"
                " first_published=excluded.first_published,"
                " last_published=excluded.last_published, data=excluded.data",
                (line.id, line.title, line.first_published, line.last_published,
                 _dumps(line.to_dict())))
            self.conn.executemany(
                "UPDATE stories SET storyline_id = ? WHERE id = ? AND storyline_id IS NOT ?",
                [(line.id, sid, line.id) for sid in line.story_ids])

    def set_comparison(self, story_id: str, comparison: dict[str, Any],
                       steps: dict[str, str]) -> None:
        with self._tx():
            row = self.conn.execute("SELECT data FROM stories WHERE id = ?",
                                    (story_id,)).fetchone()
            if row is None:
                return
            data = json.loads(row[0])
            data["comparison"] = comparison
            data.setdefault("steps", {}).update(steps)
            self.conn.execute("UPDATE stories SET data = ? WHERE id = ?",
                              (_dumps(data), story_id))

    def get_state(self, name: str) -> tuple[str, bytes] | None:
        with self._lock:
            row = self.conn.execute("SELECT producer, value FROM state WHERE name = ?",
                                    (name,)).fetchone()
        return (row[0], bytes(row[1])) if row and row[1] is not None else None

    def _story(self, row: sqlite3.Row) -> Story:
        data = json.loads(row["data"])
        with self._lock:
            data["article_ids"] = [r[0] for r in self.conn.execute(
                "SELECT sa.article_id FROM story_articles sa JOIN articles a"
                " ON a.id = sa.article_id WHERE sa.story_id = ?"
                " ORDER BY a.published IS NULL, a.published, a.id", (row["id"],))]
        data["storyline_id"] = row["storyline_id"]
        return Story(**{k: v for k, v in data.items() if k in Story.__dataclass_fields__})

    def get_story(self, story_id: str) -> Story | None:
        with self._lock:
            row = self.conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
        return self._story(row) if row else None

    def list_stories(self, *, limit: int = 100, offset: int = 0, outlet: str | None = None,
                     since: str | None = None, until: str | None = None,
                     storyline: str | None = None) -> list[Story]:
        where, args = story_filters(outlet=outlet, since=since, until=until,
                                    storyline=storyline)
        sql = "SELECT * FROM stories" + where
        sql += (" ORDER BY size DESC, last_published IS NULL, last_published DESC, id"
                " LIMIT ? OFFSET ?")
        with self._lock:
            rows = self.conn.execute(sql, [*args, limit, offset]).fetchall()
        return [self._story(r) for r in rows]

    def get_storyline(self, storyline_id: str) -> Storyline | None:
        with self._lock:
            row = self.conn.execute("SELECT data FROM storylines WHERE id = ?",
                                    (storyline_id,)).fetchone()
        return Storyline(**json.loads(row[0])) if row else None

    def list_storylines(self) -> list[Storyline]:
        with self._lock:
            rows = self.conn.execute(
                "SELECT data FROM storylines ORDER BY last_published IS NULL,"
                " last_published DESC, id").fetchall()
        return [Storyline(**json.loads(r[0])) for r in rows]

    def actor_lists(self) -> list[dict[str, Any]]:
        sql = ("SELECT id, title, first_published, last_published,"
               " json_extract(data, '$.comparison.actors') AS actors FROM stories"
               " WHERE json_type(data, '$.comparison.actors') = 'array' ORDER BY id")
        with self._lock:
            rows = self.conn.execute(sql).fetchall()
        out = [dict(r) | {"actors": json.loads(r["actors"])} for r in rows]
        return [r for r in out if r["actors"]]

    def stories_version(self) -> object | None:
        # data_version moves when another connection commits; total_changes counts this
        # connection's own writes
        with self._lock:
            return (self.conn.execute("PRAGMA data_version").fetchone()[0],
                    self.conn.total_changes)

    def article_summaries(self, ids: Iterable[str]) -> list[dict[str, Any]]:
        ids = list(ids)
        found: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(ids):
            q = ("SELECT id, source_id, outlet, title, published, url FROM articles"
                 f" WHERE id IN ({','.join('?' * len(chunk))})")
            with self._lock:
                found.update((r["id"], dict(r)) for r in self.conn.execute(q, chunk))
        return [found[i] for i in ids if i in found]

    def story_of(self, article_id: str) -> str | None:
        with self._lock:
            row = self.conn.execute("SELECT story_id FROM story_articles WHERE article_id = ?",
                                    (article_id,)).fetchone()
        return row[0] if row else None

    # --- search and facets ------------------------------------------------------------
    def search(self, query: str, limit: int = 50) -> list[dict[str, Any]]:
        match = _fts_query(query)
        if not match:
            return []
        sql = ("SELECT a.id, a.source_id, a.outlet, a.title, a.published, a.url,"
               " snippet(articles_fts, 1, '\x02', '\x03', ' … ', 12) AS snippet,"
               " (SELECT story_id FROM story_articles WHERE article_id = a.id) AS story_id"
               " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
               " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?")
        with self._lock:
            return [dict(r) for r in self.conn.execute(sql, (match, limit))]

    def outlets(self) -> list[dict[str, Any]]:
        with self._lock:
            rows = self.conn.execute(
                "SELECT outlet, COUNT(*) AS articles, MIN(published) AS first_published,"
                " MAX(published) AS last_published FROM articles WHERE outlet IS NOT NULL"
                " GROUP BY outlet ORDER BY articles DESC, outlet").fetchall()
        return [dict(r) for r in rows]

    def outlet_articles(self, outlet: str, limit: int = 200) -> list[dict[str, Any]]:
        """Summaries of one outlet's articles with their story ids."""
        with self._lock:
            rows = self.conn.execute(
                "SELECT a.id, a.source_id, a.outlet, a.title, a.published, a.url,"
                " sa.story_id FROM articles a LEFT JOIN story_articles sa"
                " ON sa.article_id = a.id WHERE a.outlet = ?"
                " ORDER BY a.published IS NULL, a.published DESC LIMIT ?",
                (outlet, limit)).fetchall()
        return [dict(r) for r in rows]

    def counts(self) -> dict[str, int]:
        with self._lock:
            return {t: self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                    for t in ("articles", "stories", "storylines")}

    def has_articles(self) -> bool:
        with self._lock:
            return self.conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is not None

    # --- runs -----------------------------------------------------------------------
    def start_run(self, command: str) -> int:
        with self._tx():
            cur = self.conn.execute("INSERT INTO runs (started_at, command) VALUES (?, ?)",
                                    (_now(), command))
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, counts: dict[str, int], steps: dict[str, str]) -> None:
        with self._tx():
            self.conn.execute("UPDATE runs SET finished_at = ?, counts = ?, steps = ?"
                              " WHERE id = ?", (_now(), _dumps(counts), _dumps(steps), run_id))

    def close(self) -> None:
        with self._lock:
            self.conn.close()


class _Transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on any exception."""

    def __init__(self, conn: sqlite3.Connection, lock: threading.RLock) -> None:
        self.conn, self.lock = conn, lock

    def __enter__(self) -> sqlite3.Connection:
        self.lock.acquire()
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type: object, *rest: object) -> None:
        try:
            self.conn.execute("ROLLBACK" if exc_type else "COMMIT")
        finally:
            self.lock.release()


def _chunks(ids: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(ids), CHUNK):
        yield ids[i : i + CHUNK]


def _statements(sql: str) -> list[str]:
    """Split a migration into complete statements (trigger bodies kept whole)."""
    out, buf = [], ""
    for line in sql.strip().splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


_WORD = re.compile(r"\w+", re.UNICODE)


def _fts_query(query: str) -> str:
    """User text -> a safe FTS5 query: every word quoted, all required (AND)."""
    return " ".join(f'"{w}"' for w in _WORD.findall(query or ""))
