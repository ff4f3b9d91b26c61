"""Item pipelines, one job each: ExtractPipeline turns a fetched page into an Extracted (in worker processes: the
article, or why there is none, and the raw page compressed and hashed), StorePipeline hands batches of them to the
crawl state (crawler.state) and counts the outcomes in Scrapy's stats."""

from __future__ import annotations

import asyncio
import atexit
import hashlib
import multiprocessing
import os
import signal
import time
import zlib
from concurrent.futures import Executor, ProcessPoolExecutor
from datetime import datetime
from typing import Any

from twisted.internet import task

from archive.record import Failure, Page
from archive.search import index_texts
from archive.store import ArchiveError
from crawler.extensions import stop_for_the_archive
from crawler.extract import NoArticle, extract
from crawler.items import Extracted, FetchedPage
from crawler.lifetime import die_with_parent
from crawler.sites import SITES
from crawler.state import Record, state_of

_POOL: ProcessPoolExecutor | None = None


def extraction_pool(workers: int) -> Executor | None:
    """One pool of extraction processes for the whole crawl process (all papers share it)."""
    global _POOL
    if workers <= 0:
        return None
    if _POOL is None:
        # spawn, not fork: the parent runs a reactor and threads that a forked child must not inherit; the workers
        # die with the crawl, however it dies
        _POOL = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                    initializer=die_with_parent, initargs=(signal.SIGKILL, os.getpid()))
        atexit.register(_POOL.shutdown, cancel_futures=True)
    return _POOL


def process_page(item: FetchedPage) -> Extracted:
    """Runs in a worker process: extract the article and prepare the raw page for the archive (compressed, hashed),
    so the crawl's main process only writes what comes back."""
    content_type = item.headers.get("content-type")
    article, error = None, None
    try:
        article = extract(item.body, item.url, SITES.get(item.site), content_type=content_type,
                          fetched_at=datetime.fromisoformat(item.fetched_at), requested_url=item.requested_url)
    except NoArticle as exc:
        error = str(exc)
    except Exception as exc:  # noqa: BLE001 - one broken page never stops the crawl
        error = f"extractor error: {type(exc).__name__}: {exc}"
    page = Page(url=item.url, site=item.site, status=item.status, content_type=content_type, headers=item.headers,
                body=zlib.compress(item.body, 1), size=len(item.body), sha256=hashlib.sha256(item.body).hexdigest(),
                fetched_at=item.fetched_at, source=item.source, archive_file=item.archive_file,
                record_id=item.record_id, captured_at=item.captured_at)
    if article is not None:
        article.captured_at = item.captured_at
    indexed = index_texts(article.title, article.lead, article.body) if article else None
    return Extracted(page, article, error, item.listing_key, indexed, item.requested_url)


def process_pages(items: list[FetchedPage]) -> list[Extracted]:
    """process_page over several pages in one task: fewer round trips to the pool (the import sends them so)."""
    return [process_page(item) for item in items]


class ExtractPipeline:
    """CPU-bound extraction runs in worker processes (VNNEWS_EXTRACT_WORKERS, default: one per core), so the
    event loop keeps fetching while pages are parsed, and every core works."""

    def __init__(self, workers: int):
        self.workers = workers

    @classmethod
    def from_crawler(cls, crawler: Any) -> ExtractPipeline:
        workers = crawler.settings.getint("VNNEWS_EXTRACT_WORKERS", -1)
        return cls((os.cpu_count() or 1) if workers < 0 else workers)

    async def process_item(self, item: Any, spider: Any = None) -> Any:
        if not isinstance(item, FetchedPage):
            return item
        pool = extraction_pool(self.workers)
        if pool is None:
            return process_page(item)
        return await asyncio.get_running_loop().run_in_executor(pool, process_page, item)


class StorePipeline:
    """Writes in batches (VNNEWS_BATCH_SIZE items, or every VNNEWS_BATCH_SECONDS): one transaction per batch
    instead of one per item. A crawl killed between two batches loses nothing: what was not written is not known,
    so the next run fetches it again."""

    def __init__(self, crawler: Any):
        self.crawler = crawler
        self.stats = crawler.stats
        self.size = crawler.settings.getint("VNNEWS_BATCH_SIZE", 200)
        self.seconds = crawler.settings.getfloat("VNNEWS_BATCH_SECONDS", 1.0)
        self.batch: list[Record] = []
        self.flushed_at = time.monotonic()
        self.ticker = task.LoopingCall(self._flush_if_due)
        self.broken: str | None = None  # why the archive took no more (a full disk): this paper's crawl stops

    @classmethod
    def from_crawler(cls, crawler: Any) -> StorePipeline:
        return cls(crawler)

    def open_spider(self, spider: Any = None) -> None:
        self.state = state_of(self.crawler)
        self.ticker.start(self.seconds, now=False)

    def process_item(self, item: Any, spider: Any = None) -> Any:
        if isinstance(item, (Extracted, Failure)) and not self.broken:
            self.batch.append(item)
            if len(self.batch) >= self.size:
                self.flush()
        return item

    def _flush_if_due(self) -> None:
        if self.batch and time.monotonic() - self.flushed_at >= self.seconds:
            self.flush()

    def flush(self) -> None:
        batch, self.batch = self.batch, []
        self.flushed_at = time.monotonic()
        if not batch:
            return
        try:
            outcomes = self.state.save(batch, self.stats.get_value("vnnews/run_id"))
        except ArchiveError as exc:  # the batch was rolled back: not known, so the next run fetches it again
            self.broken = str(exc)
            stop_for_the_archive(self.crawler, self.broken)
            return
        for record, outcome in zip(batch, outcomes, strict=True):
            if isinstance(record, Failure):
                self.stats.inc_value("vnnews/robots_blocked" if record.stage == "robots" else "vnnews/failed")
                continue
            self.stats.inc_value("vnnews/pages")
            self.stats.inc_value(f"vnnews/{outcome}")
            if record.article is not None and record.article.published_at is None:
                self.stats.inc_value("vnnews/no_date")

    def close_spider(self, spider: Any = None) -> None:
        if self.ticker.running:
            self.ticker.stop()
        self.flush()
