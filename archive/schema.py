"""The archive's tables, derived from the records (archive.record), and the migrations of older archives.

``create_schema`` creates what is missing: tables, then columns an older archive lacks (added *before* they are
indexed: SQLite would index the literal string "province" in place of a missing column, and that index breaks once
the column exists), then indexes; ``migrate`` then runs the numbered data migrations, once each; last the triggers
that keep `coverage` (articles per paper per month) in step with `articles`, whoever writes them.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import sqlite_utils

from archive.record import (Article, Capture, Column, Coverage, CrawlRun, Failure, Page, SiteRow, Stored, as_dict,
                            columns)
from archive.search import FTS_CREATE, INDEX_SQL, index_row
from archive.topics import is_party_building

SCHEMA_VERSION = 6
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
    "captures": _table(columns(Capture)),
    "coverage": _table(columns(Coverage)),
    # the messages of a shared crawl's record queue already in the archive: the writer never applies one twice
    "applied_messages": {"id": str, "applied_at": str},
}
_KEYS = {"sites": "name", "pages": "url", "article_urls": "url", "captures": "record_id", "coverage": ("site", "month")}
_NOT_NULL = {"articles": {"url", "title", "body"}}
_FOREIGN_KEYS = {"articles": [("site", "sites", "name")], "article_versions": [("article_id", "articles", "id")],
                 "failures": [("run_id", "crawl_runs", "id")]}
_INDEXES = {
    # facets count these over the whole table; published_at orders the newest-first pages
    "articles": [["published_at"], ["site", "published_at"], ["published_month"], ["province"], ["province_before"],
                 ["section"], ["author"]],
    "article_urls": [["article_id"]],
    "article_versions": [["article_id"]],
    "failures": [["run_id"], ["url"], ["at"]],  # at: the coverage page's failures per week
    "pages": [["record_id"]],
}
# coverage follows every insert, delete and update of articles (pure SQL: any writer, any client)
_COVERAGE_ADD = """INSERT INTO coverage (site, month, articles, party_building)
    VALUES (coalesce(new.site, ''), coalesce(new.published_month, ''), 1, coalesce(new.party_building, 0))
    ON CONFLICT (site, month) DO UPDATE SET articles = articles + 1, party_building = party_building + excluded.party_building;"""
_COVERAGE_REMOVE = """UPDATE coverage SET articles = articles - 1, party_building = party_building - coalesce(old.party_building, 0)
    WHERE site = coalesce(old.site, '') AND month = coalesce(old.published_month, '');"""
_TRIGGERS = {
    "articles_coverage_insert": f"AFTER INSERT ON articles BEGIN {_COVERAGE_ADD} END",
    "articles_coverage_delete": f"AFTER DELETE ON articles BEGIN {_COVERAGE_REMOVE} END",
    "articles_coverage_update": "AFTER UPDATE OF site, published_month, party_building ON articles "
                                f"BEGIN {_COVERAGE_REMOVE} {_COVERAGE_ADD} END",
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
    for name, body in _TRIGGERS.items():
        db.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")


def schema_version(db: sqlite_utils.Database) -> int | None:
    if "vnnews_meta" not in db.table_names():
        return None
    row = db.execute("SELECT value FROM vnnews_meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else None


def _create_fts(db: sqlite_utils.Database) -> None:
    db.execute(FTS_CREATE)


def _rebuild_fts(db: sqlite_utils.Database) -> None:
    """The full-text index in today's form (archive.search), from the articles."""
    db.execute("DROP TABLE IF EXISTS articles_fts")
    _create_fts(db)
    _each_batch(db, "SELECT id, title, lead, body FROM articles",
                lambda batch: db.conn.executemany(INDEX_SQL, [index_row(*row) for row in batch]))


def _fill_party_building(db: sqlite_utils.Database) -> None:
    _each_batch(db, "SELECT id, title, lead, body, section FROM articles", lambda batch: db.conn.executemany(
        "UPDATE articles SET party_building = ? WHERE id = ?",
        [(int(is_party_building(t, ld, b, s)), i) for i, t, ld, b, s in batch]))


def _each_batch(db: sqlite_utils.Database, sql: str, apply: Any, size: int = 1000) -> None:
    rows = db.execute(sql)
    while batch := rows.fetchmany(size):
        apply(batch)


def migrate(db: sqlite_utils.Database) -> None:
    """Data changes since schema version 1, in order; each runs once and the version is recorded. (New columns
    themselves are added by create_schema.)
    - v2: articles.province and province_before (filled from the registry when the crawler syncs it: the archive
      knows no registry of its own; see Archive.sync_sites);
    - v3: the full-text index becomes one column of folded text with đ-forms, rebuilt from the articles;
    - v4: article_urls, every URL an article is known under, filled from articles.url and former_urls;
    - v5: the full-text index gets its second column, the exact spellings (and loses the đ-forms of v3: the folded
      column now has one token per word, so phrases work); articles.party_building is read from the text, and
      coverage counted from the articles (its triggers keep it from then on).
    - v6: provenance of raw pages (pages.source, archive_file, record_id, captured_at; articles.captured_at), runs
      say what they read (crawl_runs.source, archive_file), and `captures` logs the records imports dealt with:
      the pages and runs an older archive holds all came from crawls.
    (v3's rebuild of the index is v5's: an older archive is rebuilt once, in today's form.)"""
    version = schema_version(db) or SCHEMA_VERSION
    if version < 5:
        _rebuild_fts(db)
    if version < 4:
        db.execute("INSERT OR IGNORE INTO article_urls (url, article_id) SELECT url, id FROM articles")
        db.execute("INSERT OR IGNORE INTO article_urls (url, article_id) SELECT j.value, a.id FROM articles a, "
                   "json_each(coalesce(a.former_urls, '[]')) j")
    if version < 5:
        _fill_party_building(db)
        db.execute("DELETE FROM coverage")
        db.execute("INSERT INTO coverage (site, month, articles, party_building) SELECT coalesce(site, ''), "
                   "coalesce(published_month, ''), count(*), sum(party_building) FROM articles GROUP BY 1, 2")
    if version < 6:
        db.execute("UPDATE pages SET source = 'crawl' WHERE source IS NULL")
        db.execute("UPDATE crawl_runs SET source = 'crawl' WHERE source IS NULL")
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
