"""The Wayback back-fill: a paper's captures on the Wayback Machine, as a crawl of them.

Start requests are the CDX listings of every domain of the paper (current, former, archive subdomains), paged with
the resume key; the article URLs among the captures (by the registry's era patterns) are fetched as raw captures
(``id_``) and archived under their ORIGINAL URL, with the capture time beside the publication time and source
"wayback". Everything else is the news spider's: known and backing-off URLs are skipped (incremental and
resumable like a crawl), failures become rows, retries, robots.txt and the download slots are Scrapy's. The
Wayback host has its own slot (crawler.settings: one request at a time, a second apart at least).

    scrapy crawl wayback -a site=baoquangtri -a start=2016 -a end=2020
"""

from __future__ import annotations

from typing import Any, AsyncIterator, Iterator
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response

from crawler.items import FetchedPage
from crawler.spiders.news import NewsSpider
from crawler.wayback import CDX_LIMIT, WAYBACK, capture_time, cdx_url, parse_cdx, parse_replay, replay_url


class WaybackSpider(NewsSpider):
    name = "wayback"
    source = "wayback"

    def __init__(self, site: Any = None, start: str | int | None = None, end: str | int | None = None,
                 **kwargs: Any):
        super().__init__(site=site, **kwargs)
        self.start_year = str(start) if start else None
        self.end_year = str(end) if end else None
        self.timestamps: dict[str, str] = {}  # article URL -> the timestamp of the capture to fetch

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> WaybackSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.base = crawler.settings.get("VNNEWS_WAYBACK") or WAYBACK
        spider.cdx_limit = crawler.settings.getint("VNNEWS_WAYBACK_CDX_LIMIT", CDX_LIMIT)
        spider.allowed_domains = [*spider.allowed_domains, urlsplit(spider.base).hostname]
        spider.recheck = {}  # captures do not change: nothing to re-check
        return spider

    async def start(self) -> AsyncIterator[scrapy.Request]:
        if self.state is None:  # the archive could not be opened (NewsSpider.from_crawler)
            return
        for domain in self.site.all_domains:
            yield self._cdx_request(domain)

    def _cdx_request(self, domain: str, resume_key: str | None = None) -> scrapy.Request:
        url = cdx_url(self.base, domain, start=self.start_year, end=self.end_year, limit=self.cdx_limit,
                      resume_key=resume_key)
        return scrapy.Request(url, callback=self.parse_cdx, errback=self.failed, cb_kwargs={"domain": domain},
                              meta={"original_url": url})

    def parse_cdx(self, response: Response, domain: str) -> Iterator[scrapy.Request]:
        """One page of a domain's captures: the article URLs among them, then the next page."""
        self.count("listing_pages")
        captures, resume_key = parse_cdx(response.text)
        articles = []
        for capture in captures:
            if self.site.era_for(capture.url):
                self.timestamps.setdefault(capture.url, capture.timestamp)
                articles.append(capture.url)
        yield from self._article_requests(articles)
        if resume_key:
            yield self._cdx_request(domain, resume_key)

    def article_request(self, url: str, headers: dict[str, str], meta: dict[str, Any]) -> scrapy.Request:
        return scrapy.Request(replay_url(self.base, self.timestamps[url], url), callback=self.parse_article,
                              errback=self.failed, meta={**meta, "original_url": url})

    def follows(self, url: str) -> bool:
        """The Wayback redirects a capture to the nearest one it has: follow it while it is of this paper."""
        replayed = parse_replay(url)
        return bool(replayed) and url.startswith(self.base) and self.site.follows(replayed[1])

    def fetched_page(self, response: Response, listing_key: tuple[str, str] | None) -> FetchedPage:
        page = super().fetched_page(response, listing_key)
        timestamp, _ = parse_replay(response.url) or (self.timestamps[response.meta["original_url"]], "")
        page.url = response.meta["original_url"]
        page.requested_url = None
        page.fetched_at = page.captured_at = capture_time(timestamp)
        page.source = "wayback"
        page.record_id = replay_url(self.base, timestamp, page.url)
        return page
