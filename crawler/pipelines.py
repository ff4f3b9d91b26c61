"""Item pipelines, one job each: ExtractPipeline turns a fetched page into an Article (or a reason there is
none); ArchivePipeline writes pages, articles and failures, and the run's counts, to the SQLite archive."""

from __future__ import annotations

import uuid
from collections import Counter
from typing import Any

from scrapy import signals

from crawler.extract import NoArticle, extract
from crawler.items import CrawlFailure, FetchedPage


class ExtractPipeline:
    def process_item(self, item: Any, spider: Any = None) -> Any:
        if not isinstance(item, FetchedPage):
            return item
        site = getattr(spider, "site", None)
        try:
            item.article = extract(item.body, item.url, site, content_type=item.headers.get("content-type"))
        except NoArticle as exc:
            item.error = str(exc)
        except Exception as exc:  # noqa: BLE001 - one broken page never stops the crawl
            item.error = f"extractor error: {type(exc).__name__}: {exc}"
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
        from crawler.sites import SITES

        spider = spider or self.crawler.spider
        self.archive = Archive(self.db_path)
        self.archive.sync_sites(SITES.values())
        self.run_id = self.archive.start_run(spider.site.name, self.invocation)

    def process_item(self, item: Any, spider: Any = None) -> Any:
        if isinstance(item, FetchedPage):
            self.counts["pages"] += 1
            self.archive.save_page(item, self.run_id)
            if item.article:
                self.counts[self.archive.save_article(item.article, self.run_id)] += 1
            else:
                self._fail(CrawlFailure(item.url, item.site, "extract", item.error or "no article", item.status))
        elif isinstance(item, CrawlFailure):
            self._fail(item)
        return item

    def _fail(self, failure: CrawlFailure) -> None:
        self.counts["failed"] += 1
        self.archive.save_failure(failure, self.run_id)

    def spider_closed(self, spider: Any, reason: str) -> None:
        counts = {k: self.counts[k] for k in ("pages", "new", "updated", "unchanged", "failed")}
        counts["requests"] = self.crawler.stats.get_value("downloader/request_count", 0)
        counts["robots_blocked"] = getattr(spider, "robots_blocked", 0)
        self.archive.finish_run(self.run_id, counts, reason)
        self.archive.close()
