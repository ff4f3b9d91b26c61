"""The spider: feeds and section listings (with pagination) -> article URLs of the paper -> pages.

It fetches and hands on: every article response becomes a FetchedPage for the pipelines (extraction and
archiving happen there), every failure a CrawlFailure. No page's failure stops the crawl.
"""

from __future__ import annotations

from typing import Any, AsyncIterator, Iterator

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.selector import Selector
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.items import CrawlFailure, FetchedPage
from crawler.sites import Listing, get_site

HTML_TYPES = ("text/html", "application/xhtml+xml")


class NewsSpider(scrapy.Spider):
    """`scrapy crawl news -a site=baoquangninh`, or `scrapy crawl baoquangninh`. Options: -a max_pages=N."""

    name = "news"
    site_name: str | None = None

    def __init__(self, site: str | None = None, max_pages: str | int | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.site = get_site(site or self.site_name or "")
        self.max_pages = int(max_pages) if max_pages else None
        self.allowed_domains = list(self.site.all_domains)
        self.robots_blocked = 0

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for feed in self.site.feeds:
            yield scrapy.Request(feed, callback=self.parse_feed, errback=self.failed)
        for listing in self.site.listings:
            yield self._listing_request(listing, 1)

    def _listing_request(self, listing: Listing, page: int) -> scrapy.Request:
        return scrapy.Request(listing.page(page), callback=self.parse_listing, errback=self.failed,
                              cb_kwargs={"listing": listing, "page": page})

    def _article_requests(self, urls: Iterator[str]) -> Iterator[scrapy.Request]:
        for url in urls:
            if self.site.era_for(url):
                yield scrapy.Request(url, callback=self.parse_article, errback=self.failed)

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        """RSS <item><link> and Atom <entry><link href>.

        @url https://baoquangninh.vn/rss/news/xay-dung-dang.rss
        @returns requests 1
        """
        feed = Selector(text=response.text, type="xml")
        feed.remove_namespaces()
        links = feed.xpath("//item/link/text() | //entry/link/@href").getall()
        yield from self._article_requests(response.urljoin(link.strip()) for link in links)

    def parse_listing(self, response: Response, listing: Listing, page: int) -> Iterator[scrapy.Request]:
        """Article links of one listing page, then the next page while this one had any.

        @url https://baoquangninh.vn/chinh-tri
        @cb_kwargs {"listing": null, "page": 1}
        @returns requests 1
        """
        urls = [response.urljoin(href) for href in response.css("a::attr(href)").getall()]
        yield from self._article_requests(iter(urls))
        limit = self.max_pages or (listing.max_pages if listing else 1)
        if listing and listing.page_url and page < limit and listing.page(page + 1) in urls:
            yield self._listing_request(listing, page + 1)  # only where the page itself links to the next

    def parse_article(self, response: Response) -> Iterator[FetchedPage | CrawlFailure]:
        ctype = response.headers.get("Content-Type", b"").decode("latin-1").lower()
        if not ctype.startswith(HTML_TYPES):
            yield CrawlFailure(response.url, self.site.name, "content-type",
                               f"not an HTML page ({ctype or 'no Content-Type'})", response.status)
            return
        redirects = response.request.meta.get("redirect_urls") or []
        yield FetchedPage(
            url=response.url,
            site=self.site.name,
            status=response.status,
            headers={k.decode("latin-1").lower(): b", ".join(v).decode("latin-1") for k, v in response.headers.items()},
            body=response.body,
            requested_url=redirects[0] if redirects else None,
        )

    def failed(self, failure: Failure) -> Iterator[CrawlFailure]:
        request = failure.request
        if failure.check(IgnoreRequest) and not failure.check(HttpError):
            self.robots_blocked += 1  # robots.txt or offsite: a choice, not a failure
            self.logger.debug("skipped %s: %s", request.url, failure.value)
            return
        if failure.check(HttpError):
            status = failure.value.response.status
            yield CrawlFailure(request.url, self.site.name, "http", f"HTTP {status}", status)
        else:
            reason = f"{type(failure.value).__name__}: {failure.getErrorMessage()}"
            yield CrawlFailure(request.url, self.site.name, "fetch", reason)
