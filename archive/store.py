"""The SQLite archive: article upserts with versions, raw pages, runs, failures, what a crawl needs to look up.

Written with sqlite-utils; read by datasette and by later extraction work. WAL mode, so `vnnews serve` can read
while a crawl writes. Writers take the write lock up front (BEGIN IMMEDIATE) under a 60 s busy timeout, so a
second writer waits its turn instead of failing; readers open the file read-only and never block a writer.
The tables are declared in archive.schema, from the records of archive.record.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator

import sqlite_utils

from archive.record import Article, Capture, Failure, Page, SiteRow, province_before, utcnow
from archive.schema import PROVENANCE, SCHEMA_VERSION, VERSIONED, as_row, create_schema, schema_version
from archive.search import INDEX_SQL, index_texts
from archive.search import search as fts_search
from archive.sqlfunctions import register as register_sql_functions

BUSY_TIMEOUT_MS = 60_000
VN_TZ = timezone(timedelta(hours=7))


class ArchiveError(Exception):
    """The archive file cannot be used as asked (missing, not an archive, too new, read-only)."""


class ArchiveOutdated(ArchiveError):
    """Opened for reading, an archive of an older schema: a writing open migrates it."""


class ArchiveFull(ArchiveError):
    """The disk holding the archive is full: the transaction was rolled back, what was committed before is kept."""


class Archive:
    """One archive file. ``Archive(path)`` opens it for writing (creating or migrating it);
    ``Archive(path, readonly=True)`` opens an existing archive for reading only."""

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = Path(path)
        self.readonly = readonly
        exists = self.path.exists()
        if exists and not self.path.is_file():
            raise ArchiveError(f"{self.path} is not a file: give --db the archive's file (e.g. data/archive.db)")
        if exists and self.path.stat().st_size == 0:
            raise ArchiveError(f"{self.path} is an empty file, not an archive (truncated?): restore it from a backup, "
                               "or remove it to start a new archive there")
        if readonly:
            if not exists:
                raise ArchiveError(f"no archive at {self.path}: run `vnnews crawl` (or `make demo`) first, "
                                   "or give --db the archive's path")
            conn = _read_only(self.path)
        else:
            if exists and not os.access(self.path, os.W_OK):
                raise ArchiveError(f"{self.path} is read-only, and this command writes to the archive "
                                   "(status, export and serve only read it)")
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        register_sql_functions(conn)  # the search SQL calls them
        self.db = sqlite_utils.Database(conn)
        try:
            self.db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            version = schema_version(self.db)
            if version is None and (readonly or self.db.table_names()):
                raise ArchiveError(f"{self.path} is a SQLite database but not a vnnews archive: check --db")
            if version is not None and version > SCHEMA_VERSION:
                raise ArchiveError(f"{self.path} has schema {version}, newer than this vnnews ({SCHEMA_VERSION}): "
                                   "update vnnews")
            if readonly and version is not None and version < SCHEMA_VERSION:
                raise ArchiveOutdated(f"{self.path} has schema {version}, older than this vnnews ({SCHEMA_VERSION}): "
                                   "a command that writes (vnnews crawl or re-extract) migrates it")
            if not readonly:
                self.db.enable_wal()
                self.db.execute("PRAGMA synchronous=NORMAL")
                with self.transaction():
                    create_schema(self.db)
        except sqlite3.DatabaseError as exc:
            conn.close()
            # WAL mode needs its -wal and -shm files beside the archive: on a full disk SQLite cannot make them
            if _disk_full(exc) or ("disk I/O error" in str(exc) and _free_bytes(self.path) < 1 << 20):
                raise ArchiveFull(f"the disk holding {self.path.resolve()} is full: free some space and run the "
                                  "command again (the archive is as it was)") from None
            raise ArchiveError(f"{self.path} is not a usable archive ({exc}): check --db, or restore it from a "
                               "backup") from None
        except ArchiveError:
            conn.close()
            raise

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction, the write lock taken at once (BEGIN IMMEDIATE waits under the busy timeout);
        nested calls join the outer transaction."""
        conn = self.db.conn
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if _disk_full(exc):
                raise ArchiveFull(f"the disk holding {self.path.resolve()} is full: what was written before is kept; "
                                  "free some space and run the command again") from None
            raise

    # -- runs ------------------------------------------------------------------------------------------

    def start_run(self, site: str, invocation: str, source: str = "crawl", archive_file: str | None = None, *,
                  run_id: int | None = None, started_at: str | None = None) -> int:
        """A new run of a paper: a crawl, or what an import or back-fill read (``source``, ``archive_file``);
        ``run_id`` and ``started_at`` when someone else handed them out (a worker of a shared crawl)."""
        row = {"invocation": invocation, "site": site, "started_at": started_at or utcnow(), "status": "running",
               "source": source, "archive_file": archive_file}
        with self.transaction():
            return self.db["crawl_runs"].insert({**({"id": run_id} if run_id else {}), **row}).last_pk

    def finish_run(self, run_id: int, counts: dict[str, int], status: str = "finished", *,
                   finished_at: str | None = None) -> None:
        with self.transaction():
            self.db["crawl_runs"].update(run_id, {**counts, "finished_at": finished_at or utcnow(), "status": status})

    def mark_interrupted_runs(self) -> int:
        """Runs still 'running' when no crawl holds the lock died (killed, power cut): say so."""
        with self.transaction():
            return self.db.execute("UPDATE crawl_runs SET status = 'interrupted' WHERE status = 'running'").rowcount

    # -- records ---------------------------------------------------------------------------------------

    # The writes a crawl makes for every page are plain SQL on the connection: sqlite-utils' table methods look the
    # table's columns up on every call, which costs more than the write itself at a few hundred pages a second.

    def save_page(self, page: Page) -> None:
        """Keep the raw response (the record's body is already zlib-compressed)."""
        with self.transaction():
            self._upsert("pages", "url", as_row(page))

    def save_article(self, article: Article, run_id: int | None = None, *, cause: str = "crawl",
                     indexed: tuple[str, str] | None = None) -> str:
        """Insert or update by canonical URL. Returns "new", "updated" (the previous row kept in article_versions,
        with its ``cause``: "crawl" when a crawl found different content, "warc", "wacz" or "wayback" when an imported
        capture did, "re-extract" when the extractor changed)
        or "unchanged". ``indexed``: the article's index_text, when the caller worked it out already (a crawl does
        it in its extraction workers)."""
        now = utcnow()
        row = as_row(article)
        conn = self.db.conn
        with self.transaction():
            cursor = conn.execute("SELECT * FROM articles WHERE url = ?", [article.url])
            found = cursor.fetchone()
            if found is None:
                pk = self._insert("articles", {**row, "first_seen": now, "last_seen": now, "version": 1,
                                               "run_id": run_id})
                self._index(pk, article, indexed)
                return "new"
            existing = dict(zip([d[0] for d in cursor.description], found, strict=True))
            known_former = set(json.loads(existing["former_urls"] or "[]"))
            former = sorted(known_former | set(article.former_urls))
            self._remember_urls(existing["id"], former)
            # how the record was made changes without making a new version; province_before: a fetch by an old URL
            # (an absorbed paper's domain) tells more than one by the new URL alone, whichever came last
            tells_more = set(article.former_urls) >= known_former
            kept = {**{k: row[k] for k in PROVENANCE}, "former_urls": json.dumps(former),
                    "province_before": (row["province_before"] or existing["province_before"]) if tells_more
                    else (existing["province_before"] or row["province_before"]),
                    **({"last_seen": now} if cause == "crawl" else {})}
            if all(existing[k] == v for k, v in row.items() if k not in PROVENANCE):
                self._update("articles", existing["id"], kept)
                return "unchanged"
            self._insert("article_versions", {"article_id": existing["id"], "version": existing["version"],
                                              "saved_at": now, "cause": cause,
                                              **{k: existing[k] for k in VERSIONED}})
            self._update("articles", existing["id"],
                         {**row, **kept, "version": existing["version"] + 1, "run_id": run_id})
            self._index(existing["id"], article, indexed)
            return "updated"

    def _insert(self, table: str, row: dict[str, Any]) -> int:
        sql = f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})"
        return self.db.conn.execute(sql, list(row.values())).lastrowid

    def _upsert(self, table: str, key: str, row: dict[str, Any]) -> None:
        sql = (f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))}) ON CONFLICT({key}) "
               f"DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in row if c != key)}")
        self.db.conn.execute(sql, list(row.values()))

    def _update(self, table: str, pk: int, values: dict[str, Any]) -> None:
        self.db.conn.execute(f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in values)} WHERE id = ?",
                             [*values.values(), pk])

    def _index(self, pk: int, article: Article, indexed: tuple[str, str] | None = None) -> None:
        self.db.conn.execute("DELETE FROM articles_fts WHERE rowid = ?", [pk])
        texts = indexed or index_texts(article.title, article.lead, article.body)
        self.db.conn.execute(INDEX_SQL, (pk, *texts))
        self._remember_urls(pk, [article.url, *article.former_urls])

    def _remember_urls(self, pk: int, urls: Iterable[str]) -> None:
        self.db.conn.executemany("INSERT OR IGNORE INTO article_urls (url, article_id) VALUES (?, ?)",
                                 [(u, pk) for u in urls])

    def save_failure(self, failure: Failure, run_id: int | None) -> None:
        with self.transaction():
            self._insert("failures", {**as_row(failure), "run_id": run_id, "at": utcnow()})

    def save_captures(self, captures: Iterable[Capture]) -> None:
        """Log the records an import dealt with (archive.record.Capture)."""
        with self.transaction():
            rows = [as_row(c) for c in captures]
            if rows:
                self.db.conn.executemany(
                    f"INSERT OR REPLACE INTO captures ({', '.join(rows[0])}) VALUES ({', '.join('?' * len(rows[0]))})",
                    [list(r.values()) for r in rows])

    def imported(self, record_ids: list[str]) -> set[str]:
        """Which of these WARC-Record-IDs an earlier import dealt with already."""
        found: set[str] = set()
        for chunk in _chunks(record_ids):
            found.update(r for (r,) in self.db.execute(
                f"SELECT record_id FROM captures WHERE record_id IN ({', '.join('?' * len(chunk))})", chunk))
        return found

    def sync_sites(self, sites: Iterable[SiteRow]) -> None:
        """The registry as data; articles of an older archive that have no province yet get theirs."""
        rows = {s.name: s for s in sites}
        with self.transaction():
            self.db["sites"].upsert_all((as_row(s) for s in rows.values()), pk="name")
            missing = list(self.db.query("SELECT id, url, site, lead_prefix, published_at FROM articles "
                                         "WHERE province IS NULL AND site IS NOT NULL"))
            for article in missing:
                site = rows.get(article["site"])
                if site:
                    self.db["articles"].update(article["id"], {
                        "province": site.province,
                        "province_before": province_before(site.provinces_before, site.province_hints, article["url"],
                                                           article["lead_prefix"], article["published_at"])})

    # -- reading ---------------------------------------------------------------------------------------

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search that matches every spelling and ranks the typed one first (archive.search)."""
        return fts_search(self.db.conn, query, limit)

    def iter_pages(self, sites: list[str] | None = None) -> Iterator[dict[str, Any]]:
        """Stored pages with their raw body decompressed, one at a time (bounded memory on a large archive)."""
        where = f"site IN ({', '.join('?' * len(sites))})" if sites else None
        for row in self.db["pages"].rows_where(where, sites or [], order_by="url"):
            yield {**row, "body": zlib.decompress(row["body"])}

    def page_body(self, url: str) -> bytes | None:
        row = next(self.db["pages"].rows_where("url = ?", [url], select="body", limit=1), None)
        return zlib.decompress(row["body"]) if row else None

    # -- what a crawl looks up (see archive.state) -----------------------------------------------------

    def known(self, urls: list[str]) -> dict[str, str | None]:
        """Which of these URLs are archived (as an article's canonical or former URL), with its published_at."""
        found: dict[str, str | None] = {}
        for chunk in _chunks(urls):
            found.update(self.db.execute(
                "SELECT u.url, a.published_at FROM article_urls u JOIN articles a ON a.id = u.article_id "
                f"WHERE u.url IN ({', '.join('?' * len(chunk))})", chunk).fetchall())
        return found

    def failure_history(self, urls: list[str] | None = None) -> dict[str, tuple[str, int | None, int, str]]:
        """url -> (stage and status of its last failure, how many times it failed, when it last failed); every
        failed URL when ``urls`` is None."""
        # SQLite takes the bare columns (stage, status) from the row holding max(at): the latest failure
        sql = "SELECT url, stage, status, count(*), max(at) FROM failures {where} GROUP BY url"
        if urls is None:
            return {url: rest for url, *rest in map(tuple, self.db.execute(sql.format(where="")))}
        found = {}
        for chunk in _chunks(urls):
            for url, stage, status, n, last in self.db.execute(
                    sql.format(where=f"WHERE url IN ({', '.join('?' * len(chunk))})"), chunk):
                found[url] = (stage, status, n, last)
        return found

    def recent_pages(self, days: float, site: str | None = None) -> Iterator[tuple[str, str, str, dict[str, str]]]:
        """(site, url, published_at, validators of the stored page) of the articles published in the last ``days``
        days, of one paper or all."""
        cutoff = (datetime.now(timezone.utc) - timedelta(days=days)).astimezone(VN_TZ).isoformat(timespec="minutes")
        for paper, url, published, etag, modified in self.db.execute(
                "SELECT a.site, a.url, a.published_at, json_extract(p.headers, '$.etag'), "
                "json_extract(p.headers, '$.last-modified') FROM articles a LEFT JOIN pages p ON p.url = a.url "
                f"WHERE a.published_at >= ? {'AND a.site = ?' if site else ''}", [cutoff, *([site] if site else [])]):
            yield paper, url, published, {k: v for k, v in (("etag", etag), ("last_modified", modified)) if v}

    def recent_articles(self, site: str, days: float) -> dict[str, dict[str, str]]:
        """Articles of ``site`` published in the last ``days`` days -> the validators of their stored page."""
        return {url: validators for _, url, _, validators in self.recent_pages(days, site)}

    def iter_known(self) -> Iterator[tuple[str, str | None]]:
        """Every URL an article is known under, with its published_at (what a crawl checks with ``known``)."""
        yield from self.db.execute(
            "SELECT u.url, a.published_at FROM article_urls u JOIN articles a ON a.id = u.article_id")

    def last_run_finished(self, site: str) -> bool:
        last = self.db.execute("SELECT status FROM crawl_runs WHERE site = ? AND status != 'running' "
                               "ORDER BY id DESC LIMIT 1", [site]).fetchone()
        return bool(last and last[0] == "finished")


def _disk_full(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and (
        getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL" or "disk is full" in str(exc))


def _free_bytes(path: Path) -> int:
    try:
        return shutil.disk_usage(path.resolve().parent).free
    except OSError:
        return 1 << 62


def writable(path: Path) -> bool:
    """Can this process write the archive (and the -wal/-shm files beside it)?"""
    return os.access(path, os.W_OK) and os.access(path.resolve().parent, os.W_OK)


def _read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection. A WAL archive needs its -shm file, which SQLite cannot create in a folder this process
    may not write: such an archive (a snapshot, a read-only mount) is opened immutable, as nothing here can change it."""
    mode = "mode=ro" if writable(path) else "mode=ro&immutable=1"
    return sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                           isolation_level=None)


def _chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
