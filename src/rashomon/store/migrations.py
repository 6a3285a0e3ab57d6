"""Named schema migrations, applied in order and recorded in ``_migrations``.

The SQL is written for SQLite; the PostgreSQL store keeps its own list with the same names.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[str, str]] = [
    ("0001_articles", """
CREATE TABLE articles (
    id TEXT PRIMARY KEY,            -- content hash of the raw page
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    url TEXT,
    title TEXT,
    subtitle TEXT,
    outlet TEXT,
    authors TEXT NOT NULL DEFAULT '[]',
    published TEXT,
    language TEXT,
    body TEXT NOT NULL DEFAULT '',  -- paragraphs joined by blank lines, for search
    data TEXT NOT NULL,             -- the whole Article as JSON, without text and html
    text TEXT NOT NULL,             -- the page text every offset indexes
    html TEXT,
    steps TEXT NOT NULL DEFAULT '{}',
    added_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_source_id ON articles(source_id);
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body)
    VALUES ('delete', old.rowid, old.title, old.body);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body)
    VALUES ('delete', old.rowid, old.title, old.body);
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
"""),
    ("0002_stories", """
CREATE TABLE storylines (
    id TEXT PRIMARY KEY,
    title TEXT,
    first_published TEXT,
    last_published TEXT,
    data TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    title TEXT,
    first_published TEXT,
    last_published TEXT,
    storyline_id TEXT REFERENCES storylines(id) ON DELETE SET NULL,
    size INTEGER NOT NULL DEFAULT 0,
    outlets TEXT NOT NULL DEFAULT '[]',
    data TEXT NOT NULL DEFAULT '{}',   -- the Story as JSON (comparison, steps, meta)
    updated_at TEXT NOT NULL
);
CREATE INDEX stories_size ON stories(size DESC, last_published DESC);
CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE
);
CREATE INDEX story_articles_story ON story_articles(story_id);
"""),
    ("0003_state_runs", """
CREATE TABLE state (
    name TEXT PRIMARY KEY,   -- e.g. the story index, versioned by its producer
    producer TEXT NOT NULL,
    value BLOB,
    updated_at TEXT NOT NULL
);
CREATE TABLE runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    command TEXT NOT NULL,
    counts TEXT NOT NULL DEFAULT '{}',
    steps TEXT NOT NULL DEFAULT '{}'
);
"""),
    ("0004_enrichment", """
ALTER TABLE articles ADD COLUMN enrichment TEXT;   -- JSON, keyed by the article's content hash
ALTER TABLE articles ADD COLUMN enriched_by TEXT;  -- step@version that produced it
"""),
    ("0005_storyline_index", """
-- storylines are rewritten a few at a time: deleting one unlinks its stories (ON DELETE
-- SET NULL), which without this index scans every story
CREATE INDEX stories_storyline ON stories(storyline_id);
"""),
]
