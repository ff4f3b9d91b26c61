"""The SQLite archive: schema, article upserts with versions, raw pages, runs, failures, full-text search.

Written with sqlite-utils; read by datasette and by later extraction work. WAL mode, so `vnnews serve` can
read while a crawl writes. Every write is one transaction. The schema is documented in the README.

Search: FTS5 over one column, the folded text of title, lead and body in which a word with đ also appears in its
đ-form (crawler.textnorm.search_text): unicode61 removes every other mark but never turns đ into d, so "xay dung
dang", "xây dựng Đảng" and "khoá"/"khóa" all match, through vnnews or through datasette's own search box. One
column keeps the index small, and with it bm25's cost on common words.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import zlib
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator

import sqlite_utils

from crawler.items import Article, CrawlFailure, FetchedPage
from crawler.sites import SITES, Site
from crawler.textnorm import fold, search_text

SCHEMA_VERSION = 3
# not part of what was extracted: a difference here alone does not make a new version
_BOOKKEEPING = ("former_urls", "extractor_version")
_VERSIONED_FIELDS = ("title", "lead", "body", "author", "published_at", "section", "content_hash", "extractor_version")


def utcnow() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Archive:
    """One archive file. ``Archive("data/archive.db")`` creates or migrates it."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(self.path), timeout=60, isolation_level=None)
        self.db = sqlite_utils.Database(conn)
        self.db.enable_wal()
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA busy_timeout=60000")
        with self.db.atomic():
            create_schema(self.db)

    def close(self) -> None:
        self.db.close()

    # -- runs ------------------------------------------------------------------------------------------

    def start_run(self, site: str, invocation: str) -> int:
        with self.db.atomic():
            return self.db["crawl_runs"].insert(
                {"invocation": invocation, "site": site, "started_at": utcnow(), "status": "running"}
            ).last_pk

    def finish_run(self, run_id: int, counts: dict[str, int], status: str = "finished") -> None:
        with self.db.atomic():
            self.db["crawl_runs"].update(run_id, {**counts, "finished_at": utcnow(), "status": status})

    # -- records ---------------------------------------------------------------------------------------

    def save_page(self, page: FetchedPage, run_id: int | None) -> None:
        """Keep the raw response (zlib-compressed) so `re-extract` never needs the network."""
        digest = hashlib.sha256(page.body).hexdigest()
        with self.db.atomic():
            self.db["pages"].upsert(
                {
                    "url": page.url,
                    "site": page.site,
                    "status": page.status,
                    "content_type": page.headers.get("content-type"),
                    "headers": json.dumps(page.headers, ensure_ascii=False),
                    "body": zlib.compress(page.body, 6),
                    "size": len(page.body),
                    "sha256": digest,
                    "fetched_at": utcnow(),
                    "run_id": run_id,
                },
                pk="url",
            )

    def save_article(self, article: Article, run_id: int | None = None, *, cause: str = "crawl") -> str:
        """Insert or update by canonical URL. Returns "new", "updated" (the previous row kept in article_versions,
        with its ``cause``: "crawl" when a crawl found different content, "re-extract" when the extractor changed)
        or "unchanged"."""
        now = utcnow()
        row = _article_row(article)
        with self.db.atomic():
            existing = next(self.db["articles"].rows_where("url = ?", [article.url], limit=1), None)
            if existing is None:
                pk = self.db["articles"].insert(
                    {**row, "first_seen": now, "last_seen": now, "version": 1, "run_id": run_id}
                ).last_pk
                self._index(pk, article)
                return "new"
            former = json.dumps(sorted(set(json.loads(existing["former_urls"] or "[]")) | set(article.former_urls)))
            seen = {"last_seen": now} if cause == "crawl" else {}
            if all(existing[k] == v for k, v in row.items() if k not in _BOOKKEEPING):
                self.db["articles"].update(
                    existing["id"], {**seen, "former_urls": former, "extractor_version": article.extractor_version})
                return "unchanged"
            self.db["article_versions"].insert(
                {"article_id": existing["id"], "version": existing["version"], "saved_at": now, "cause": cause,
                 **{k: existing[k] for k in _VERSIONED_FIELDS}}
            )
            self.db["articles"].update(
                existing["id"],
                {**row, **seen, "former_urls": former, "version": existing["version"] + 1, "run_id": run_id},
            )
            self._index(existing["id"], article)
            return "updated"

    def _index(self, pk: int, article: Article) -> None:
        self.db.execute("DELETE FROM articles_fts WHERE rowid = ?", [pk])
        self.db.execute("INSERT INTO articles_fts (rowid, text) VALUES (?, ?)",
                        [pk, index_text(article.title, article.lead, article.body)])

    def save_failure(self, failure: CrawlFailure, run_id: int | None) -> None:
        with self.db.atomic():
            self.db["failures"].insert({**asdict(failure), "run_id": run_id, "at": utcnow()})

    def sync_sites(self, sites: Iterable[Site]) -> None:
        with self.db.atomic():
            self.db["sites"].upsert_all((_site_row(s) for s in sites), pk="name")

    # -- reading ---------------------------------------------------------------------------------------

    def search(self, query: str, limit: int = 20, *, window: int = 2000) -> list[dict[str, Any]]:
        """Full-text search that ignores diacritics and tone placement: 'xay dung dang', 'xây dựng Đảng' find the
        same rows. Ranked (bm25) among the ``window`` most recently archived matches: on a million articles a
        common phrase matches half of them, and ranking every match would take seconds."""
        terms = fts_query(query)
        if not terms:
            return []
        sql = (
            "SELECT a.id, a.url, a.site, a.title, a.published_at FROM ("
            "  SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?"
            ") AS hits JOIN articles a ON a.id = hits.rowid ORDER BY hits.rank LIMIT ?"
        )
        return list(self.db.query(sql, [terms, window, limit]))

    def iter_pages(self, sites: list[str] | None = None) -> Iterator[dict[str, Any]]:
        """Stored pages with their raw body decompressed, one at a time (bounded memory on a large archive)."""
        where = f"site IN ({', '.join('?' * len(sites))})" if sites else None
        for row in self.db["pages"].rows_where(where, sites or [], order_by="url"):
            yield {**row, "body": zlib.decompress(row["body"])}

    def crawl_state(self, site: str, *, recheck_days: float) -> CrawlState:
        """What a crawl of ``site`` needs to know before it starts: the archive is the crawl's memory."""
        known: dict[str, str | None] = {}
        for row in self.db.query("SELECT url, former_urls, published_at FROM articles WHERE site = ?", [site]):
            known[row["url"]] = row["published_at"]
            for former in json.loads(row["former_urls"] or "[]"):
                known[former] = row["published_at"]
        cutoff = (datetime.now(timezone.utc) - timedelta(days=recheck_days)).isoformat()
        recheck = {
            row["url"]: {k: row[k] for k in ("etag", "last_modified") if row[k]}
            for row in self.db.query(
                "SELECT a.url, json_extract(p.headers, '$.etag') AS etag, "
                "json_extract(p.headers, '$.last-modified') AS last_modified "
                "FROM articles a LEFT JOIN pages p ON p.url = a.url WHERE a.site = ? AND a.published_at >= ?",
                [site, _vn_iso(cutoff)])
        }
        now = datetime.now(timezone.utc)
        retry_later = set()
        for row in self.db.query(
            "SELECT url, stage, status, count(*) AS n, max(at) AS last FROM failures WHERE site = ? GROUP BY url",
            [site],
        ):
            if row["stage"] in ("extract", "content-type") or row["status"] in (404, 410):
                wait = timedelta(days=30)  # the page is gone or is no article: look again in a month
            elif row["stage"] == "robots":
                wait = timedelta(days=7)  # robots.txt rules change, but seldom
            else:  # timeouts, 5xx: back off 1, 2, 4 … hours, a week at most
                wait = min(timedelta(hours=2 ** (row["n"] - 1)), timedelta(days=7))
            if datetime.fromisoformat(row["last"]) + wait > now:
                retry_later.add(row["url"])
        last = next(self.db.query(
            "SELECT status FROM crawl_runs WHERE site = ? AND status != 'running' ORDER BY id DESC LIMIT 1", [site]), None)
        return CrawlState(known, recheck, retry_later, caught_up=bool(last and last["status"] == "finished"))

    def mark_interrupted_runs(self) -> int:
        """Runs still 'running' when no crawl holds the lock died (killed, power cut): say so."""
        with self.db.atomic():
            cursor = self.db.execute("UPDATE crawl_runs SET status = 'interrupted' WHERE status = 'running'")
        return cursor.rowcount

    def page_body(self, url: str) -> bytes | None:
        row = next(self.db["pages"].rows_where("url = ?", [url], select="body", limit=1), None)
        return zlib.decompress(row["body"]) if row else None


@dataclass
class CrawlState:
    known: dict[str, str | None]  # archived URLs (canonical and former) -> published_at
    recheck: dict[str, dict[str, str]]  # recent articles to re-fetch for edits -> their etag / last-modified
    retry_later: set[str]  # URLs that failed too recently to try again
    caught_up: bool  # the last run of this paper finished: pagination may stop at the first page with nothing new


def _vn_iso(utc_iso: str) -> str:
    return datetime.fromisoformat(utc_iso).astimezone(timezone(timedelta(hours=7))).isoformat(timespec="minutes")


# The schema, one declaration. Tables and columns missing from an older archive are added by `migrate`.
TABLES: dict[str, dict[str, Any]] = {
    "sites": {"name": str, "title": str, "province": str, "provinces_before": str, "domains": str,
              "former_domains": str, "families": str, "feeds": str, "listings": str, "unverified": str},
    "articles": {"id": int, "url": str, "site": str, "province": str, "province_before": str, "section": str,
                 "title": str, "lead": str, "lead_prefix": str, "body": str, "author": str, "source": str,
                 "published_at": str, "published_raw": str, "published_source": str, "published_month": str,
                 "modified_at": str, "tags": str, "images": str, "language": str, "word_count": int,
                 "content_hash": str, "former_urls": str, "first_seen": str, "last_seen": str, "version": int,
                 "extractor_version": str, "run_id": int},
    "article_versions": {"id": int, "article_id": int, "version": int, "saved_at": str, "cause": str,
                         **{k: str for k in _VERSIONED_FIELDS}},
    "pages": {"url": str, "site": str, "status": int, "content_type": str, "headers": str, "body": bytes,
              "size": int, "sha256": str, "fetched_at": str, "run_id": int},
    "crawl_runs": {"id": int, "invocation": str, "site": str, "started_at": str, "finished_at": str, "status": str,
                   "requests": int, "listing_pages": int, "article_requests": int, "not_modified": int, "pages": int,
                   "new": int, "updated": int, "unchanged": int, "failed": int, "skipped": int,
                   "robots_blocked": int, "no_date": int},
    "failures": {"id": int, "run_id": int, "site": str, "url": str, "stage": str, "reason": str, "status": int,
                 "at": str},
}
_KEYS = {"sites": "name", "pages": "url"}
_FOREIGN_KEYS = {"articles": [("site", "sites", "name")], "article_versions": [("article_id", "articles", "id")],
                 "failures": [("run_id", "crawl_runs", "id")]}
_INDEXES = {"articles": [["published_at"], ["site", "published_at"], ["published_month"], ["province"], ["province_before"],
                         ["section"], ["author"]],  # facets count these over the whole table
            "article_versions": [["article_id"]], "failures": [["run_id"]]}


def create_schema(db: sqlite_utils.Database) -> None:
    """Create what is missing and bring an older archive up to this schema (see ``migrate``)."""
    for name, columns in TABLES.items():
        if name not in db.table_names():
            db[name].create(columns, pk=_KEYS.get(name, "id"), foreign_keys=_FOREIGN_KEYS.get(name),
                            not_null={"url", "title", "body"} if name == "articles" else None)
        else:  # an older archive: add the columns it lacks *before* indexing them (SQLite would index the
            # literal string "province" in place of a missing column, and that index breaks once the column exists)
            existing = db[name].columns_dict
            for column, kind in columns.items():
                if column not in existing:
                    db[name].add_column(column, kind)
    db["articles"].create_index(["url"], unique=True, if_not_exists=True)
    for name, indexes in _INDEXES.items():
        for columns in indexes:
            db[name].create_index(columns, if_not_exists=True)
    if "articles_fts" not in db.table_names():
        _create_fts(db)
    db.execute("CREATE TABLE IF NOT EXISTS vnnews_meta (key TEXT PRIMARY KEY, value TEXT)")
    migrate(db)


def _create_fts(db: sqlite_utils.Database) -> None:
    db.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')")


def index_text(title: str, lead: str | None, body: str) -> str:
    """What articles_fts holds for one article (every writer of the index goes through here)."""
    return search_text(f"{title}\n{lead or ''}\n{body}")


def fts_query(query: str) -> str | None:
    """A user's words as a safe FTS5 query (each word quoted, so "Mác - Lênin" is no syntax error), folded."""
    terms = re.findall(r"\w+", fold(query))
    return " ".join(f'"{t}"' for t in terms) if terms else None


def migrate(db: sqlite_utils.Database) -> None:
    """Data changes since schema version 1, in order; each runs once and the version is recorded. (New columns
    themselves are added by create_schema.) v2: articles.province and province_before, filled from the registry.
    v3: the full-text index becomes one column of folded text with đ-forms (rebuilt from the articles)."""
    row = db.execute("SELECT value FROM vnnews_meta WHERE key = 'schema_version'").fetchone()
    version = int(row[0]) if row else SCHEMA_VERSION
    if version < 2:
        for article in list(db.query("SELECT id, url, site, lead_prefix, published_at FROM articles")):
            site = SITES.get(article["site"] or "")
            if site:
                db["articles"].update(article["id"], {
                    "province": site.province,
                    "province_before": site.province_before(article["url"], article["lead_prefix"], article["published_at"])})
    if version < 3:
        if "folded" in db["articles_fts"].columns_dict:  # the v1/v2 index: title, lead, body, folded
            db.execute("DROP TABLE articles_fts")
            _create_fts(db)
        db.execute("DELETE FROM articles_fts")
        rows = db.execute("SELECT id, title, lead, body FROM articles")
        while batch := rows.fetchmany(1000):
            db.conn.executemany("INSERT INTO articles_fts (rowid, text) VALUES (?, ?)",
                                [(i, index_text(t, ld, b)) for i, t, ld, b in batch])
    db.execute("INSERT OR REPLACE INTO vnnews_meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])


def _article_row(article: Article) -> dict[str, Any]:
    row = article.to_dict()
    site = SITES.get(article.site or "")
    row["province"] = site.province if site else None
    row["province_before"] = site.province_before(article.url, article.lead_prefix, article.published_at) if site else None
    row["tags"] = json.dumps(row["tags"], ensure_ascii=False)
    row["images"] = json.dumps(row["images"], ensure_ascii=False)
    row["former_urls"] = json.dumps(sorted(set(row["former_urls"])))
    row["published_month"] = (article.published_at or "")[:7] or None
    return row


def _site_row(site: Site) -> dict[str, Any]:
    dump = lambda value: json.dumps(value, ensure_ascii=False, default=str)  # noqa: E731
    return {
        "name": site.name,
        "title": site.title,
        "province": site.province,
        "provinces_before": dump(site.provinces_before),
        "domains": dump(site.domains),
        "former_domains": dump(site.former_domains),
        "families": dump(sorted({e.family for e in site.eras})),
        "feeds": dump(site.feeds),
        "listings": dump([listing.url for listing in site.listings]),
        "unverified": dump(site.unverified),
    }
