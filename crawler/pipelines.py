"""Item pipelines, one job each: ExtractPipeline turns a fetched page into an Article (or a reason there is
none); ArchivePipeline writes pages, articles and failures, and the run's counts, to the SQLite archive."""

from __future__ import annotations

import asyncio
import atexit
import multiprocessing
import os
import uuid
from collections import Counter
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Any

from scrapy import signals

from crawler.extract import NoArticle, extract
from crawler.items import Article, CrawlFailure, FetchedPage
from crawler.sites import SITES

_POOL: ProcessPoolExecutor | None = None


def extraction_pool(workers: int) -> Executor | None:
    """One pool of extraction processes for the whole crawl process (all papers share it)."""
    global _POOL
    if workers <= 0:
        return None
    if _POOL is None:
        # spawn, not fork: the parent runs a reactor and threads that a forked child must not inherit
        _POOL = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
        atexit.register(_POOL.shutdown, cancel_futures=True)
    return _POOL


def extract_page(body: bytes, url: str, site: str, content_type: str | None) -> tuple[Article | None, str | None]:
    """Runs in a worker process: (article, None), or (None, why there is none)."""
    try:
        return extract(body, url, SITES.get(site), content_type=content_type), None
    except NoArticle as exc:
        return None, str(exc)
    except Exception as exc:  # noqa: BLE001 - one broken page never stops the crawl
        return None, f"extractor error: {type(exc).__name__}: {exc}"


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
        args = (item.body, item.url, item.site, item.headers.get("content-type"))
        pool = extraction_pool(self.workers)
        if pool is None:
            item.article, item.error = extract_page(*args)
        else:
            item.article, item.error = await asyncio.get_running_loop().run_in_executor(pool, extract_page, *args)
        if item.article and item.requested_url and item.requested_url != item.article.url:
            item.article.former_urls.append(item.requested_url)
        return item


class ArchivePipeline:
    def __init__(self, db_path: str, invocation: str | None):
        self.db_path = db_path
        self.invocation = invocation or uuid.uuid4().hex[:12]
        self.counts: Counter[str] = Counter()

    @classmethod
    def from_crawler(cls, crawler: Any) -> ArchivePipeline:
        pipeline = cls(crawler.settings["VNNEWS_DB"], crawler.settings.get("VNNEWS_INVOCATION"))
        pipeline.crawler = crawler
        # the close reason (finished, shutdown, …) is only known from this signal
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self, spider: Any = None) -> None:
        from archive.store import Archive

        spider = spider or self.crawler.spider
        self.archive = Archive(self.db_path)
        self.archive.sync_sites(SITES.values())
        self.run_id = self.archive.start_run(spider.site.name, self.invocation)

    def process_item(self, item: Any, spider: Any = None) -> Any:
        if isinstance(item, FetchedPage):
            self.counts["pages"] += 1
            self.archive.save_page(item, self.run_id)
            if item.article:
                item.outcome = self.archive.save_article(item.article, self.run_id)
                self.counts[item.outcome] += 1
                self.counts["no_date"] += item.article.published_at is None
            else:
                item.outcome = "failed"
                self._fail(CrawlFailure(item.url, item.site, "extract", item.error or "no article", item.status))
        elif isinstance(item, CrawlFailure):
            self._fail(item)
        return item

    def _fail(self, failure: CrawlFailure) -> None:
        self.counts["robots_blocked" if failure.stage == "robots" else "failed"] += 1
        self.archive.save_failure(failure, self.run_id)

    def spider_closed(self, spider: Any, reason: str) -> None:
        counts = {k: self.counts[k] for k in ("pages", "new", "updated", "unchanged", "failed", "no_date", "robots_blocked")}
        counts["requests"] = self.crawler.stats.get_value("downloader/request_count", 0)
        for name in ("listing_pages", "article_requests", "not_modified", "skipped"):
            counts[name] = getattr(spider, "counts", Counter())[name]
        self.archive.finish_run(self.run_id, counts, reason)
        self.archive.close()
