"""Import WARC/WACZ captures into the archive through the crawl's own machinery.

Each `response` record of a registry paper's article URL (any era, any domain: current, former, archive
subdomains) becomes a FetchedPage with its provenance (source, file, record id, capture time) and goes through
``process_page`` in the extraction pool, as a crawled page does (extraction with the template version of the
capture's day, compression, index text); the results are written in batches through the crawl state, one run per
file and paper. Everything else is counted and skipped: records of other sites, non-article URLs, redirects, other
statuses, non-HTML responses, requests and metadata.

Streaming and bounded: records are read one at a time and at most ``IN_FLIGHT`` pages wait in the pool. Resumable:
every record dealt with is logged in ``captures`` in the transaction that stores it, and a record found there is
skipped before its body is even read, so a second import of a file writes nothing.
"""

from __future__ import annotations

import os
import time
from collections import Counter, deque
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from archive.record import Capture, Failure, utcnow
from archive.store import Archive
from crawler.imports.reader import BadRecord, Entry, Truncated, archives, entries, kind
from crawler.items import Extracted, FetchedPage
from crawler.pipelines import extraction_pool, process_pages
from crawler.sites import SITES, site_for_url
from crawler.spiders.news import HTML_TYPES
from crawler.state import ArchiveState

IN_FLIGHT = 64  # pages read and waiting for extraction, at most
CHUNK = 8  # pages per task of the pool
BATCH = 200  # records per write transaction
# what a record that is not imported counts as, for the summary
SKIPPED = {"other_records": "requests, metadata and other non-response records",
           "other_sites": "of other sites", "not_article": "not article URLs", "redirects": "redirects",
           "not_ok": "other HTTP statuses", "not_html": "not HTML", "imported_before": "imported before",
           "unreadable": "unreadable (no URL left to tell whose)"}


@dataclass
class _Pending:
    """A record on its way to the archive: what is stored, and its line in the captures log."""

    record: Extracted | Failure
    capture: Capture


class Importer:
    """One `vnnews import` invocation: several files, one run per file and paper."""

    def __init__(self, db: str, invocation: str, *, workers: int | None = None,
                 progress: Callable[[Counter], None] | None = None):
        self.state = ArchiveState(db)
        self.archive = self.state.archive
        self.invocation = invocation
        self.pool = extraction_pool((os.cpu_count() or 1) if workers is None else workers)
        self.totals: Counter[str] = Counter()
        self.runs: dict[tuple[str, str], int] = {}  # (archive name, paper) -> run id
        self.run_counts: dict[int, Counter[str]] = {}
        self.progress = progress
        self._chunk: list[FetchedPage] = []
        self._inflight: deque[tuple[list[FetchedPage], Future[list[Extracted]] | list[Extracted]]] = deque()
        self._batch: list[_Pending] = []
        self._flushed = time.monotonic()

    # -- reading ---------------------------------------------------------------------------------------

    def import_file(self, path: str | Path) -> None:
        source = kind(path)
        for name, stream, size in archives(path):
            for entry in entries(stream, size):
                self.totals["records"] += 1
                pending = self._bad(entry, name, source) if isinstance(entry, BadRecord) else \
                    self._take(entry, name, source)
                if isinstance(pending, FetchedPage):
                    self._extract(pending)
                elif pending is not None:
                    self._queue(pending)
                if self.progress and self.totals["records"] % 50 == 0:
                    self.progress(self.totals)
            self._drain()

    def _take(self, entry: Entry, name: str, source: str) -> FetchedPage | _Pending | None:
        """The page to extract from this record, a failure to store, or None (counted and skipped)."""
        if entry.type != "response":
            return self._skip("other_records")
        site = site_for_url(entry.url)
        if site is None:
            return self._skip("other_sites")
        if 300 <= entry.status < 400:
            return self._skip("redirects")
        if entry.status != 200:
            return self._skip("not_ok")
        if not entry.content_type.lower().startswith(HTML_TYPES):
            return self._skip("not_html")
        if not site.era_for(entry.url):
            return self._skip("not_article")
        if self.archive.imported([entry.record_id]):  # before reading the body: a second import stays fast
            return self._skip("imported_before")
        try:
            body = entry.body()
        except Truncated as exc:
            return self._failure(site.name, entry.url, entry.record_id, entry.captured_at, name, source, str(exc))
        captured = entry.captured_at or None  # a record without a (readable) WARC-Date: read as of today
        return FetchedPage(url=entry.url, site=site.name, status=entry.status, headers=entry.headers, body=body,
                           fetched_at=captured or utcnow(), source=source, archive_file=name,
                           record_id=entry.record_id, captured_at=captured)

    def _bad(self, bad: BadRecord, name: str, source: str) -> _Pending | None:
        site = site_for_url(bad.url) if bad.url else None
        if site is None:
            return self._skip("other_sites" if bad.url else "unreadable")
        record_id = bad.record_id or f"{name}@{bad.offset}"
        if self.archive.imported([record_id]):
            return self._skip("imported_before")
        return self._failure(site.name, bad.url, record_id, None, name, source, bad.reason)

    def _skip(self, why: str) -> None:
        self.totals[why] += 1
        return None

    @staticmethod
    def _failure(site: str, url: str, record_id: str, captured_at: str | None, name: str, source: str,
                 reason: str) -> _Pending:
        return _Pending(Failure(url=url, site=site, stage="warc", reason=f"{reason} ({name}, {record_id})"),
                        Capture(record_id=record_id, url=url, site=site, source=source, archive_file=name,
                                captured_at=captured_at, outcome="failed"))

    # -- extraction, in the pool, at most IN_FLIGHT pages at a time -------------------------------------

    def _extract(self, item: FetchedPage) -> None:
        self._chunk.append(item)
        if len(self._chunk) >= CHUNK:
            self._submit()

    def _submit(self) -> None:
        chunk, self._chunk = self._chunk, []
        if chunk:
            self._inflight.append((chunk, self.pool.submit(process_pages, chunk) if self.pool else process_pages(chunk)))
        while len(self._inflight) * CHUNK > IN_FLIGHT:
            self._collect()

    def _collect(self) -> None:
        chunk, done = self._inflight.popleft()
        for item, extracted in zip(chunk, done.result() if isinstance(done, Future) else done, strict=True):
            self._queue(_Pending(extracted, Capture(record_id=item.record_id, url=item.url, site=item.site,
                                                    source=item.source, archive_file=item.archive_file,
                                                    captured_at=item.captured_at, outcome="")))

    def _drain(self) -> None:
        self._submit()
        while self._inflight:
            self._collect()
        self.flush()

    # -- writing ---------------------------------------------------------------------------------------

    def _queue(self, pending: _Pending) -> None:
        self._batch.append(pending)
        if len(self._batch) >= BATCH or time.monotonic() - self._flushed >= 1.0:
            self.flush()

    def _run(self, archive_file: str, site: str, source: str) -> int:
        key = (archive_file, site)
        if key not in self.runs:
            self.runs[key] = self.archive.start_run(site, self.invocation, source, archive_file)
            self.run_counts[self.runs[key]] = Counter()
        return self.runs[key]

    def flush(self) -> None:
        batch, self._batch = self._batch, []
        self._flushed = time.monotonic()
        if not batch:
            return
        with self.archive.transaction():
            for pending in batch:
                capture = pending.capture
                run_id = self._run(capture.archive_file, capture.site, capture.source)
                capture.outcome = self.state.save([pending.record], run_id)[0]
                capture.run_id = run_id
                self._count(run_id, pending.record, capture.outcome)
            self.archive.save_captures(p.capture for p in batch)

    def _count(self, run_id: int, record: Extracted | Failure, outcome: str) -> None:
        counts = self.run_counts[run_id]
        for key in ("failed",) if isinstance(record, Failure) else ("pages", outcome):
            counts[key] += 1
            self.totals[key] += 1
        if isinstance(record, Extracted) and record.article is not None and record.article.published_at is None:
            counts["no_date"] += 1

    def finish(self, status: str = "finished") -> None:
        """Write what is left and close every run with its counts."""
        if status == "finished":
            self._drain()
        else:
            self.flush()
        for run_id, counts in self.run_counts.items():
            self.archive.finish_run(run_id, dict(counts), status)
        self.state.close()


def import_files(paths: list[str], db: str, invocation: str, *, workers: int | None = None,
                 progress: Callable[[Counter], None] | None = None) -> Counter:
    """Import the files in order; the totals over all of them. The caller holds the archive's lock."""
    with Archive(db) as archive:
        archive.mark_interrupted_runs()
        archive.sync_sites(site.row() for site in SITES.values())
    importer = Importer(db, invocation, workers=workers, progress=progress)
    status = "interrupted"
    try:
        for path in paths:
            importer.import_file(path)
        status = "finished"
    finally:
        importer.finish(status)
    return importer.totals
