"""The spider: feeds and section listings (with pagination) -> article URLs of the paper -> pages.

It fetches and hands on: every article response becomes a FetchedPage for the pipelines (extraction and
archiving happen there), every failure an archive.record.Failure. No page's failure stops the crawl.

Incremental by design, with the crawl state (crawler.state) as its memory:
- a known URL is not fetched again, except recent articles, re-checked for edits with a conditional
  request (If-None-Match / If-Modified-Since, so an unchanged page costs a 304);
- a URL that failed is retried only after a back-off (hours for a timeout, 30 days for a 404 or a non-article);
- pagination stops at the first listing page with nothing new, once the paper is caught up (its last run
  finished); after a first or interrupted run it follows the listing to the end, so a killed crawl loses nothing;
- with a date bound (--since, or --backfill --until) it follows pagination until a page holds only older articles,
  judged by the dates extraction gives (the item_scraped signal), never by parsing a page twice.
Counts go to Scrapy's stats collector (``vnnews/…``); crawler.extensions reads them.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any, AsyncIterator, Iterable, Iterator

import scrapy
from scrapy import signals
from scrapy.exceptions import IgnoreRequest, UsageError
from scrapy.http import Response
from scrapy.selector import Selector
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure as TwistedFailure

from archive.record import Failure
from archive.store import ArchiveError
from crawler.items import Extracted, FetchedPage
from crawler.middlewares import OffDomainRedirect, RedirectLoop
from crawler.sites import SITES, Listing, Site, get_site
from crawler.state import CrawlState, reaches, state_of
from crawler.urls import is_web_url, normalize_url

HTML_TYPES = ("text/html", "application/xhtml+xml")
BACKFILL_MAX_PAGES = 1000


class NewsSpider(scrapy.Spider):
    """`scrapy crawl news -a site=baoquangninh`, or `scrapy crawl baoquangninh`.

    Options (-a): max_pages=N, since=YYYY-MM-DD, backfill=1 (with until=YYYY-MM-DD), recheck_days=N.
    """

    name = "news"
    site_name: str | None = None
    source = "crawl"  # what its runs and pages say they came from

    def __init__(self, site: str | Site | None = None, max_pages: str | int | None = None, since: str | None = None,
                 until: str | None = None, backfill: str | bool = False, recheck_days: str | float | None = None,
                 **kwargs: Any):
        super().__init__(**kwargs)
        name = site.name if isinstance(site, Site) else (site or self.site_name)
        if not name:
            raise UsageError(f"which paper? `scrapy crawl news -a site=NAME`, or `scrapy crawl NAME`; "
                             f"NAME is one of: {', '.join(SITES)}")
        self.site = site if isinstance(site, Site) else get_site(name)
        self.backfill = str(backfill).lower() in ("1", "true", "yes")
        bound = until or since
        # the oldest day to reach (YYYY-MM-DD, checked), compared with published_at (ISO) as text
        self.bound = date.fromisoformat(str(bound)).isoformat() if bound else None
        # bounded by a date, the listings are followed as far back as the date requires, not 3 pages
        self.max_pages = int(max_pages) if max_pages else (
            BACKFILL_MAX_PAGES if self.backfill or self.bound else None)
        self.recheck_days = float(recheck_days) if recheck_days is not None else None
        self.allowed_domains = paper_domains(self.site)
        self.recheck: dict[str, dict[str, str]] = {}
        self._asked: set[str] = set()  # article URLs requested in this run (a feed and a listing share many)

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        try:
            spider.state: CrawlState = state_of(crawler)
        except ArchiveError as exc:  # a full disk: the spider asks for nothing, the run book stops it, the command says why
            crawler.stats.set_value("vnnews/archive_error", str(exc))
            spider.state = None
            return spider
        days = spider.recheck_days if spider.recheck_days is not None else crawler.settings.getfloat("VNNEWS_RECHECK_DAYS")
        spider.recheck = spider.state.recheck(spider.site.name, days)
        spider.caught_up = spider.state.caught_up(spider.site.name)
        if spider.bound is not None:
            crawler.signals.connect(spider._item_done, signal=signals.item_scraped)
            crawler.signals.connect(spider._item_lost, signal=signals.item_error)
            crawler.signals.connect(spider._item_lost, signal=signals.item_dropped)
        return spider

    def count(self, key: str, n: int = 1) -> None:
        self.crawler.stats.inc_value(f"vnnews/{key}", n)

    # -- discovery -------------------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[scrapy.Request]:
        if self.state is None:
            return
        for feed in self.site.feeds:
            yield scrapy.Request(feed, callback=self.parse_feed, errback=self.failed)
        for listing in self.site.listings:
            yield self._listing_request(listing, 1)
        # recent articles are re-checked where they are, not only if a listing still shows them
        for request in self._article_requests(list(self.recheck)):
            yield request

    def _listing_request(self, listing: Listing, page: int) -> scrapy.Request:
        return scrapy.Request(listing.page(page), callback=self.parse_listing, errback=self.failed,
                              cb_kwargs={"listing_url": listing.url, "page": page})

    def _article_requests(self, urls: Iterable[str], listing_key: str | None = None) -> list[scrapy.Request]:
        candidates = [u for u in dict.fromkeys(map(normalize_url, urls))
                      if u not in self._asked and is_web_url(u) and self.site.era_for(u)]
        known = self.state.known([u for u in candidates if u not in self.recheck])
        waiting = self.state.backing_off([u for u in candidates if u not in self.recheck and u not in known])
        requests = []
        for url in candidates:
            meta: dict[str, Any] = {"listing_key": listing_key}
            headers = {}
            if url in self.recheck:
                validators = self.recheck[url]
                headers = {k: v for k, v in (("If-None-Match", validators.get("etag")),
                                              ("If-Modified-Since", validators.get("last_modified"))) if v}
                meta["handle_httpstatus_list"] = [304]
            elif url in known or url in waiting:
                self.count("skipped")
                continue
            self.count("article_requests")
            self._asked.add(url)
            requests.append(self.article_request(url, headers, meta))
        return requests

    def article_request(self, url: str, headers: dict[str, str], meta: dict[str, Any]) -> scrapy.Request:
        """The request that fetches an article URL (the Wayback back-fill fetches a capture of it instead)."""
        return scrapy.Request(url, callback=self.parse_article, errback=self.failed, headers=headers, meta=meta)

    def follows(self, url: str) -> bool:
        """May a redirect lead there (crawler.middlewares)?"""
        return self.site.follows(url)

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        """RSS <item><link> and Atom <entry><link href>."""
        self.count("listing_pages")
        yield from self._article_requests(read_feed(response)[1])

    def parse_listing(self, response: Response, listing_url: str, page: int) -> Iterator[scrapy.Request]:
        """Article links of one listing page, then the next page when this one warrants it."""
        self.count("listing_pages")
        listing = self._listing(listing_url)
        urls = page_links(response)
        articles = [u for u in dict.fromkeys(urls) if self.site.era_for(u)]
        key = f"{listing_url} {page}"
        dated = self.bound is not None and self._links_to_next(listing, page, urls)
        requests = self._article_requests(articles, key if dated else None)
        yield from requests
        if not self._links_to_next(listing, page, urls):
            return
        known = self.state.known(articles)
        if self.bound is None:
            unknown = [u for u in articles if u not in known]
            new = set(unknown) - self.state.backing_off(unknown)
            if not new and self.caught_up and not self.backfill:
                self.logger.info("%s page %d holds nothing new: stopping there", listing.url, page)
                return
            yield self._listing_request(listing, page + 1)
            return
        # date-bounded: decide once this page's articles are dated (known ones now, fetched ones as they arrive)
        dates = self.state.open_listing_page(key, {r.url for r in requests}, list(known.values()), self.bound)
        if dates is not None:
            yield from self._decide(key, dates)

    def _listing(self, url: str) -> Listing:
        return next((item for item in self.site.listings if item.url == url), Listing(url))

    def _links_to_next(self, listing: Listing, page: int, urls: list[str]) -> bool:
        """Follow only where the page itself links to the next page: no guessing past the end."""
        limit = self.max_pages or listing.max_pages
        return bool(listing.page_url) and page < limit and listing.page(page + 1) in urls

    def _decide(self, key: str, dates: list[str | None]) -> Iterator[scrapy.Request]:
        """A date-bounded listing page is settled: go on if any dated article of it is recent enough, or if none
        has a date to judge by (failed pages have none)."""
        listing_url, page = key.rsplit(" ", 1)
        if not any(dates) or any(reaches(d, self.bound) for d in dates):
            yield self._listing_request(self._listing(listing_url), int(page) + 1)
        else:
            self.logger.info("%s page %s: every article is older than %s, stopping", listing_url, page, self.bound)

    def _settle(self, key: str | None, url: str, published: str | None) -> Iterator[scrapy.Request]:
        dates = self.state.settle(key, url, published, self.bound) if key else None
        if dates is not None:
            yield from self._decide(key, dates)

    def _item_done(self, item: Any, response: Any = None, spider: Any = None) -> None:
        """item_scraped: an article of a date-bounded listing page is extracted; its date may settle the page."""
        if isinstance(item, Extracted) and item.listing_key:
            key, url = item.listing_key
            for request in self._settle(key, url, item.article.published_at if item.article else None):
                self.crawler.engine.crawl(request)

    def _item_lost(self, item: Any, response: Any = None, spider: Any = None, **_: Any) -> None:
        if isinstance(item, (Extracted, FetchedPage)) and item.listing_key:
            key, url = item.listing_key
            for request in self._settle(key, url, None):
                self.crawler.engine.crawl(request)

    # -- articles --------------------------------------------------------------------------------------

    def parse_article(self, response: Response) -> Iterator[FetchedPage | Failure | scrapy.Request]:
        key = response.meta.get("listing_key")
        first_url = requested_url(response.request)
        if response.status == 304:
            self.count("not_modified")
            yield from self._settle(key, first_url, self.state.known([first_url]).get(first_url))
            return
        not_html = content_type_failure(response, self.site.name)
        if not_html:
            yield not_html
            yield from self._settle(key, first_url, None)
            return
        yield self.fetched_page(response, (key, first_url) if key else None)

    def fetched_page(self, response: Response, listing_key: tuple[str, str] | None) -> FetchedPage:
        redirects = response.request.meta.get("redirect_urls") or []
        return FetchedPage(
            url=normalize_url(response.url),
            site=self.site.name,
            status=response.status,
            headers=header_dict(response),
            body=response.body,
            fetched_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            requested_url=normalize_url(redirects[0]) if redirects else None,
            listing_key=listing_key,
        )

    def failed(self, failure: TwistedFailure) -> Iterator[Failure | scrapy.Request]:
        record = failure_record(failure, self.site.name)
        yield record
        yield from self._settle(failure.request.meta.get("listing_key"), record.url, None)


def failure_record(failure: TwistedFailure, site: str) -> Failure:
    """A request's errback failure as the archive records it: the URL asked for, its stage and why."""
    stage, reason, status = failure_stage(failure)
    return Failure(url=requested_url(failure.request), site=site, stage=stage, reason=reason, status=status)


def failure_stage(failure: TwistedFailure) -> tuple[str, str, int | None]:
    """(stage, reason, status) of a request that failed: robots for robots.txt only (our choice, backed off for a
    week), redirect for a redirect off the paper or a loop, size for a body past DOWNLOAD_MAXSIZE, http for an error
    status, fetch for the rest (timeouts, refused connections, DNS)."""
    if failure.check(OffDomainRedirect, RedirectLoop):
        return "redirect", str(failure.value), None
    if failure.check(HttpError):
        status = failure.value.response.status
        return "http", f"HTTP {status}", status
    message = str(failure.value)
    if failure.check(IgnoreRequest):
        if "robots.txt" in message:
            return "robots", f"not fetched: {message}", None
        if "max redirections" in message:
            return "redirect", "too many redirects (a redirect loop?)", None
        if "offsite" in message:
            return "redirect", f"redirected off the paper's domains ({message})", None
    if "DOWNLOAD_MAXSIZE" in message or "max size" in message:
        return "size", f"larger than the download limit: {message}", None
    return "fetch", f"{type(failure.value).__name__}: {failure.getErrorMessage()}", None


def paper_domains(site: Site) -> list[str]:
    """The domains a spider of this paper may fetch from (its allowed_domains): its own and, as an absorbed paper's
    old URLs may redirect into its successor's (Site.follows), the successor's; Scrapy's offsite filter would drop
    those redirects without a word."""
    successor = SITES.get(site.successor) if site.successor else None
    return list(site.all_domains + (successor.all_domains if successor else ()))


def content_type(response: Response) -> str:
    return response.headers.get("Content-Type", b"").decode("latin-1").lower()


def content_type_failure(response: Response, site: str) -> Failure | None:
    """The failure of an article response that is no HTML page (a PDF, an image), or None."""
    ctype = content_type(response)
    if ctype.startswith(HTML_TYPES):
        return None
    return Failure(url=response.url, site=site, stage="content-type",
                   reason=f"not an HTML page ({ctype or 'no Content-Type'})", status=response.status)


def read_feed(response: Response) -> tuple[str | None, list[str]]:
    """(the name of the feed's root element: rss, feed (Atom), RDF, or html for a page that is no feed; the links of
    its RSS <item><link> and Atom <entry><link href>, absolute)."""
    feed = Selector(text=response.text, type="xml")
    feed.remove_namespaces()
    links = feed.xpath("//item/link/text() | //entry/link/@href").getall()
    return feed.xpath("name(/*)").get() or None, [response.urljoin(link.strip()) for link in links]


def page_links(response: Response) -> list[str]:
    """Every web link of an HTML page, absolute and in its one form (crawler.urls), in page order."""
    links = (normalize_url(response.urljoin(href)) for href in response.css("a::attr(href)").getall())
    return [link for link in links if is_web_url(link)]


def requested_url(request: scrapy.Request) -> str:
    """The URL as the spider asked for it, before any redirect (for a capture: the URL captured)."""
    return request.meta.get("original_url") or (request.meta.get("redirect_urls") or [request.url])[0]


def header_dict(response: Response) -> dict[str, str]:
    return {k.decode("latin-1").lower(): b", ".join(v).decode("latin-1") for k, v in response.headers.items()}
