"""The spider: feeds and section listings (with pagination) -> article URLs of the paper -> pages.

It fetches and hands on: every article response becomes a FetchedPage for the pipelines (extraction and
archiving happen there), every failure a CrawlFailure. No page's failure stops the crawl.

Incremental by design, with the archive as its memory (archive.store.CrawlState):
- an archived URL is not fetched again, except recent articles, re-checked for edits with a conditional
  request (If-None-Match / If-Modified-Since, so an unchanged page costs a 304);
- a URL that failed is retried only after a back-off (hours for a timeout, 30 days for a 404 or a non-article);
- pagination stops at the first listing page with nothing new, once the paper is caught up (its last run
  finished); after a first or interrupted run it follows the listing to the end, so a killed crawl loses nothing;
- with a date bound (--since, or --backfill --until) it follows pagination until a page holds only older articles.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any, AsyncIterator, Iterable, Iterator

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.selector import Selector
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from archive.store import Archive, CrawlState
from crawler.items import CrawlFailure, FetchedPage
from crawler.middlewares import OffDomainRedirect
from crawler.sites import Listing, Site, get_site

HTML_TYPES = ("text/html", "application/xhtml+xml")
BACKFILL_MAX_PAGES = 1000


class NewsSpider(scrapy.Spider):
    """`scrapy crawl news -a site=baoquangninh`, or `scrapy crawl baoquangninh`.

    Options (-a): max_pages=N, since=YYYY-MM-DD, backfill=1 (with until=YYYY-MM-DD), recheck_days=N.
    """

    name = "news"
    site_name: str | None = None

    def __init__(self, site: str | Site | None = None, max_pages: str | int | None = None, since: str | None = None,
                 until: str | None = None, backfill: str | bool = False, recheck_days: str | float | None = None,
                 **kwargs: Any):
        super().__init__(**kwargs)
        self.site = site if isinstance(site, Site) else get_site(site or self.site_name or "")
        self.backfill = str(backfill).lower() in ("1", "true", "yes")
        self.max_pages = int(max_pages) if max_pages else (BACKFILL_MAX_PAGES if self.backfill else None)
        bound = until or since
        self.oldest = date.fromisoformat(str(bound)) if bound else None
        self.recheck_days = float(recheck_days) if recheck_days is not None else None
        self.allowed_domains = list(self.site.all_domains)
        self.counts: Counter[str] = Counter()
        self.state = CrawlState({}, {}, set(), caught_up=False)
        self._listing_pages: dict[tuple[str, int], dict[str, Any]] = {}
        self._asked: set[str] = set()  # article URLs requested in this run (a feed and a listing share many)

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        days = spider.recheck_days if spider.recheck_days is not None else crawler.settings.getfloat("VNNEWS_RECHECK_DAYS")
        archive = Archive(crawler.settings["VNNEWS_DB"])
        try:
            spider.state = archive.crawl_state(spider.site.name, recheck_days=days)
        finally:
            archive.close()
        return spider

    # -- discovery -------------------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for feed in self.site.feeds:
            yield scrapy.Request(feed, callback=self.parse_feed, errback=self.failed)
        for listing in self.site.listings:
            yield self._listing_request(listing, 1)
        # recent articles are re-checked where they are, not only if a listing still shows them
        for request in self._article_requests(self.state.recheck):
            yield request

    def _listing_request(self, listing: Listing, page: int) -> scrapy.Request:
        return scrapy.Request(listing.page(page), callback=self.parse_listing, errback=self.failed,
                              cb_kwargs={"listing": listing, "page": page})

    def _article_requests(self, urls: Iterable[str], listing_key: tuple[str, int] | None = None) -> list[scrapy.Request]:
        requests = []
        for url in dict.fromkeys(urls):
            if url in self._asked or self.site.era_for(url) is None:
                continue
            meta: dict[str, Any] = {"listing_key": listing_key}
            headers = {}
            if url in self.state.recheck:
                validators = self.state.recheck[url]
                headers = {k: v for k, v in (("If-None-Match", validators.get("etag")),
                                              ("If-Modified-Since", validators.get("last_modified"))) if v}
                meta["handle_httpstatus_list"] = [304]
            elif url in self.state.known or url in self.state.retry_later:
                self.counts["skipped"] += 1
                continue
            self.counts["article_requests"] += 1
            self._asked.add(url)
            requests.append(scrapy.Request(url, callback=self.parse_article, errback=self.failed, headers=headers,
                                           meta=meta))
        return requests

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        """RSS <item><link> and Atom <entry><link href>. (`scrapy check` runs both contracts on one spider, which
        asks for an article once: whichever runs second may find one already asked for, hence the ranges.)

        @url https://baoquangninh.vn/rss/news/xay-dung-dang.rss
        @returns requests 1 2
        """
        self.counts["listing_pages"] += 1
        feed = Selector(text=response.text, type="xml")
        feed.remove_namespaces()
        links = feed.xpath("//item/link/text() | //entry/link/@href").getall()
        yield from self._article_requests(response.urljoin(link.strip()) for link in links)

    def parse_listing(self, response: Response, listing: Listing, page: int) -> Iterator[scrapy.Request]:
        """Article links of one listing page, then the next page when this one warrants it.

        @url https://baoquangninh.vn/chinh-tri
        @cb_kwargs {"listing": null, "page": 1}
        @returns requests 3 4
        """
        self.counts["listing_pages"] += 1
        urls = [response.urljoin(href) for href in response.css("a::attr(href)").getall()]
        articles = [u for u in dict.fromkeys(urls) if self.site.era_for(u)]
        key = (listing.url, page) if listing else None
        requests = self._article_requests(articles, key)
        yield from requests
        next_page = self._next_page(listing, page, urls)
        if next_page is None:
            return
        new = [u for u in articles if u not in self.state.known and u not in self.state.retry_later]
        if not new and self.state.caught_up and not self.backfill and self.oldest is None:
            self.logger.info("%s page %d holds nothing new: stopping there", listing.url, page)
            return
        if self.oldest is None:
            yield next_page
            return
        # date-bounded: decide once this page's articles are dated (known ones now, fetched ones as they arrive)
        dates = [self.state.known.get(u) for u in articles if u in self.state.known]
        self._listing_pages[key] = {"pending": {r.url for r in requests}, "dates": dates, "next": next_page}
        yield from self._settle(key, None, None)

    def _next_page(self, listing: Listing | None, page: int, urls: list[str]) -> scrapy.Request | None:
        if not listing or not listing.page_url:
            return None
        limit = self.max_pages or listing.max_pages
        # follow only where the page itself links to the next page: no guessing past the end
        if page >= limit or listing.page(page + 1) not in urls:
            return None
        return self._listing_request(listing, page + 1)

    def _settle(self, key: tuple[str, int] | None, url: str | None, published: str | None) -> Iterator[scrapy.Request]:
        """One article of a date-bounded listing page is done; when all are, request the next page if any dated
        article of this page is recent enough, or if none has a date to judge by (failed pages have none)."""
        entry = self._listing_pages.get(key) if key else None
        if entry is None:
            return
        if url is not None:
            entry["pending"].discard(url)
            entry["dates"].append(published)
        if entry["pending"]:
            return
        del self._listing_pages[key]
        dated = [d[:10] for d in entry["dates"] if d]
        if not dated or max(dated) >= self.oldest.isoformat():
            yield entry["next"]
        else:
            self.logger.info("%s page %d: every article is older than %s, stopping", key[0], key[1], self.oldest)

    # -- articles --------------------------------------------------------------------------------------

    def parse_article(self, response: Response) -> Iterator[FetchedPage | CrawlFailure | scrapy.Request]:
        key = response.meta.get("listing_key")
        first_url = _first_url(response.request)
        if response.status == 304:
            self.counts["not_modified"] += 1
            yield from self._settle(key, first_url, self.state.known.get(first_url))
            return
        ctype = response.headers.get("Content-Type", b"").decode("latin-1").lower()
        if not ctype.startswith(HTML_TYPES):
            yield CrawlFailure(response.url, self.site.name, "content-type",
                               f"not an HTML page ({ctype or 'no Content-Type'})", response.status)
            yield from self._settle(key, first_url, None)
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
        if key is not None:
            from crawler.extract import published_at_of  # only date-bounded crawls read dates in the spider

            yield from self._settle(key, first_url, published_at_of(response.body, response.url, self.site))

    def failed(self, failure: Failure) -> Iterator[CrawlFailure | scrapy.Request]:
        request = failure.request
        first_url = _first_url(request)
        if failure.check(OffDomainRedirect):
            yield CrawlFailure(first_url, self.site.name, "redirect", str(failure.value))
        elif failure.check(IgnoreRequest) and not failure.check(HttpError):
            # robots.txt: our choice, not the site's failure; recorded so it is not asked again for a while
            yield CrawlFailure(first_url, self.site.name, "robots", f"not fetched: {failure.value}")
        elif failure.check(HttpError):
            status = failure.value.response.status
            yield CrawlFailure(first_url, self.site.name, "http", f"HTTP {status}", status)
        else:
            reason = f"{type(failure.value).__name__}: {failure.getErrorMessage()}"
            yield CrawlFailure(first_url, self.site.name, "fetch", reason)
        yield from self._settle(request.meta.get("listing_key"), first_url, None)


def _first_url(request: scrapy.Request) -> str:
    """The URL as the spider asked for it, before any redirect."""
    return (request.meta.get("redirect_urls") or [request.url])[0]
