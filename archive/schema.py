"""The archive's tables, derived from the records (archive.record), and the migrations of older archives.

``create_schema`` creates what is missing: tables, then columns an older archive lacks (added *before* they are
indexed: SQLite would index the literal string "province" in place of a missing column, and that index breaks once
the column exists), then indexes; ``migrate`` then runs the numbered data migrations, once each.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import sqlite_utils

from archive.record import Article, Column, as_dict, CrawlRun, Failure, Page, SiteRow, Stored, columns
from archive.search import index_text

SCHEMA_VERSION = 4
_SQL_TYPES = {"text": str, "integer": int, "blob": bytes, "real": float, "json": str}

# the article fields an earlier version keeps (article_versions), and those that say how a record was made
VERSIONED = tuple(c.name for c in columns(Article) if c.versioned)
PROVENANCE = tuple(c.name for c in columns(Article) if c.provenance)


def article_columns() -> list[Column]:
    """The columns of `articles`, in order: its id, the Article's fields, then what the archive keeps about it."""
    stored = columns(Stored)
    return stored[:1] + columns(Article) + stored[1:]


def _table(cols: list[Column]) -> dict[str, type]:
    return {c.name: _SQL_TYPES[c.kind] for c in cols}


_ID = Column("id", "integer", "Row id")
TABLES: dict[str, dict[str, type]] = {
    "sites": _table(columns(SiteRow)),
    "articles": _table(article_columns()),
    # every URL an article is known under (its canonical URL and former ones): what a crawl looks up
    "article_urls": {"url": str, "article_id": int},
    "article_versions": {"id": int, "article_id": int, "version": int, "saved_at": str, "cause": str,
                         **{name: str for name in VERSIONED}},
    "pages": _table(columns(Page)),
    "crawl_runs": _table([_ID, *columns(CrawlRun)]),
    "failures": {"id": int, "run_id": int, **_table(columns(Failure)), "at": str},
    # the messages of a shared crawl's record queue already in the archive: the writer never applies one twice
    "applied_messages": {"id": str, "applied_at": str},
}
_KEYS = {"sites": "name", "pages": "url", "article_urls": "url"}
_NOT_NULL = {"articles": {"url", "title", "body"}}
_FOREIGN_KEYS = {"articles": [("site", "sites", "name")], "article_versions": [("article_id", "articles", "id")],
                 "failures": [("run_id", "crawl_runs", "id")]}
_INDEXES = {
    # facets count these over the whole table; published_at orders the newest-first pages
    "articles": [["published_at"], ["site", "published_at"], ["published_month"], ["province"], ["province_before"],
                 ["section"], ["author"]],
    "article_urls": [["article_id"]],
    "article_versions": [["article_id"]],
    "failures": [["run_id"], ["url"]],
}


def create_schema(db: sqlite_utils.Database) -> None:
    """Create what is missing and bring an older archive up to this schema. Runs inside the caller's transaction."""
    for name, cols in TABLES.items():
        if name not in db.table_names():
            db[name].create(cols, pk=_KEYS.get(name, "id"), foreign_keys=_FOREIGN_KEYS.get(name),
                            not_null=_NOT_NULL.get(name))
        else:
            existing = db[name].columns_dict
            for column, kind in cols.items():
                if column not in existing:
                    db[name].add_column(column, kind)
    db["articles"].create_index(["url"], unique=True, if_not_exists=True)
    for name, indexes in _INDEXES.items():
        for cols in indexes:
            db[name].create_index(cols, if_not_exists=True)
    if "articles_fts" not in db.table_names():
        _create_fts(db)
    db.execute("CREATE TABLE IF NOT EXISTS vnnews_meta (key TEXT PRIMARY KEY, value TEXT)")
    migrate(db)


def schema_version(db: sqlite_utils.Database) -> int | None:
    if "vnnews_meta" not in db.table_names():
        return None
    row = db.execute("SELECT value FROM vnnews_meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else None


def _create_fts(db: sqlite_utils.Database) -> None:
    db.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')")


def migrate(db: sqlite_utils.Database) -> None:
    """Data changes since schema version 1, in order; each runs once and the version is recorded. (New columns
    themselves are added by create_schema.)
    - v2: articles.province and province_before (filled from the registry when the crawler syncs it: the archive
      knows no registry of its own; see Archive.sync_sites);
    - v3: the full-text index becomes one column of folded text with đ-forms, rebuilt from the articles;
    - v4: article_urls, every URL an article is known under, filled from articles.url and former_urls."""
    version = schema_version(db) or SCHEMA_VERSION
    if version < 3:
        if "folded" in db["articles_fts"].columns_dict:  # the v1/v2 index: title, lead, body, folded
            db.execute("DROP TABLE articles_fts")
            _create_fts(db)
        db.execute("DELETE FROM articles_fts")
        rows = db.execute("SELECT id, title, lead, body FROM articles")
        while batch := rows.fetchmany(1000):
            db.conn.executemany("INSERT INTO articles_fts (rowid, text) VALUES (?, ?)",
                                [(i, index_text(t, ld, b)) for i, t, ld, b in batch])
    if version < 4:
        db.execute("INSERT OR IGNORE INTO article_urls (url, article_id) SELECT url, id FROM articles")
        db.execute("INSERT OR IGNORE INTO article_urls (url, article_id) SELECT j.value, a.id FROM articles a, "
                   "json_each(coalesce(a.former_urls, '[]')) j")
    db.execute("INSERT OR REPLACE INTO vnnews_meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])


@functools.cache
def json_columns(record: type) -> tuple[str, ...]:
    return tuple(c.name for c in columns(record) if c.kind == "json")


def as_row(record: Any) -> dict[str, Any]:
    """A record as a row of its table: lists and dicts as JSON text."""
    row = as_dict(record)
    for name in json_columns(type(record)):
        row[name] = json.dumps(row[name], ensure_ascii=False)
    return row
