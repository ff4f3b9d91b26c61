"""The probe spider (`vnnews probe`): what a paper's sites answer today, for the registry's facts to be checked
against. It archives nothing; it fills a crawler.probe.observations.Observations.

Per paper, politely (robots.txt obeyed, the per-domain delay, AutoThrottle: the project's settings): the robots.txt
of each domain it asks (Scrapy's robots middleware fetches it; the spider only watches it arrive), every feed, the
first page of every listing and, where page 1 links to it, page 2; the home page of a domain none of them is on and,
for an absorbed paper, one old article URL (``visits``); then two articles. The articles are tried in the order the
listings and feeds link them (page 1, the feeds, page 2; an era's example URL when nothing links one), in rounds
whenever the spider would go idle, until two were read or six tried: a listing may lead with a video or a removed
page, and that is no broken fact.

    scrapy crawl probe -a site=baoquangtri     (the observations are lost there; `vnnews probe` reports them)
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, AsyncIterator, Iterator

import scrapy
from protego import Protego
from scrapy import signals
from scrapy.exceptions import DontCloseSpider, UsageError
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure as TwistedFailure

from crawler.extract import read_page
from crawler.middlewares import OffDomainRedirect
from crawler.probe.observations import (PROBE_ARTICLES, ArticleSeen, FeedSeen, Fetch, ListingSeen, Observations,
                                        RobotsSeen, Visit, host_of)
from crawler.sites import Site, get_site
from crawler.spiders.news import (content_type, content_type_failure, failure_record, page_links,
                                  paper_domains, read_feed, requested_url)

MAX_ARTICLE_TRIES = 6  # links tried at most to read them
_FEED_LINKS = ("link[rel=alternate][type*=rss]::attr(href), link[rel=alternate][type*=atom]::attr(href), "
               "a[href$='.rss']::attr(href)")


class ProbeSpider(scrapy.Spider):
    name = "probe"
    # read-only: the pipelines and the run book write to the archive
    custom_settings = {"ITEM_PIPELINES": {},
                       "EXTENSIONS": {"crawler.extensions.RunBook": None, "crawler.extensions.Progress": None}}

    def __init__(self, site: str | Site | None = None, observations: Observations | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        if not site:
            raise UsageError("which paper? `scrapy crawl probe -a site=NAME`")
        self.site = site if isinstance(site, Site) else get_site(site)
        self.seen = observations if observations is not None else Observations(self.site.name)
        self.allowed_domains = paper_domains(self.site)

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> ProbeSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._response_received, signal=signals.response_received)
        crawler.signals.connect(spider._idle, signal=signals.spider_idle)
        return spider

    def follows(self, url: str) -> bool:
        """May a redirect lead there (crawler.middlewares)? As for a crawl: the paper's and its successor's domains."""
        return self.site.follows(url)

    def _request(self, seen: FeedSeen | ListingSeen | ArticleSeen | Visit, callback: Any) -> scrapy.Request:
        # dont_filter: a request the duplicate filter dropped would leave its observation without an outcome
        return scrapy.Request(seen.fetch.url, callback=callback, errback=self.failed, cb_kwargs={"seen": seen},
                              dont_filter=True)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.site.feeds:
            self.seen.feeds.append(seen := FeedSeen(Fetch(url)))
            yield self._request(seen, self.parse_feed)
        for listing in self.site.listings:
            self.seen.listings.append(seen := ListingSeen(listing.url, 1, Fetch(listing.url)))
            yield self._request(seen, self.parse_listing)
        for url, purpose in visits(self.site):
            self.seen.visits.append(seen := Visit(Fetch(url), purpose))
            yield self._request(seen, self.parse_visit)

    # -- what came back --------------------------------------------------------------------------------

    def _response_received(self, response: Response, request: scrapy.Request, spider: Any = None) -> None:
        """robots.txt as Scrapy's robots middleware fetched it for a domain (the spider never asks for it)."""
        if not request.meta.get("dont_obey_robotstxt") or not response.url.endswith("/robots.txt"):
            return
        host = host_of(requested_url(request))
        delay = None
        if response.status == 200:
            rules = Protego.parse(response.body.decode("utf-8", "replace"))
            delay = rules.crawl_delay(self.crawler.settings["USER_AGENT"])
        self.seen.robots.setdefault(host, RobotsSeen(host, response.status, delay))

    @staticmethod
    def _answered(fetch: Fetch, response: Response) -> None:
        fetch.final_url, fetch.status, fetch.content_type = response.url, response.status, content_type(response)

    def parse_feed(self, response: Response, seen: FeedSeen) -> None:
        self._answered(seen.fetch, response)
        if isinstance(response, TextResponse):
            seen.root, seen.links = read_feed(response)

    def parse_listing(self, response: Response, seen: ListingSeen) -> Iterator[scrapy.Request]:
        self._answered(seen.fetch, response)
        if not isinstance(response, TextResponse):
            return
        seen.links = page_links(response)
        seen.feeds = list(dict.fromkeys(response.urljoin(href) for href in response.css(_FEED_LINKS).getall()))
        listing = next(item for item in self.site.listings if item.url == seen.listing)
        if seen.page == 1 and listing.page_url and listing.page(2) in seen.links:
            self.seen.listings.append(page2 := ListingSeen(listing.url, 2, Fetch(listing.page(2))))
            yield self._request(page2, self.parse_listing)

    def parse_visit(self, response: Response, seen: Visit) -> None:
        self._answered(seen.fetch, response)

    def parse_article(self, response: Response, seen: ArticleSeen) -> None:
        self._answered(seen.fetch, response)
        seen.fetch.failure = content_type_failure(response, self.site.name)
        if seen.fetch.failure is None:
            requested = requested_url(response.request)
            seen.reading = read_page(response.body, response.url, self.site, content_type=seen.fetch.content_type,
                                     fetched_at=datetime.now(timezone.utc),
                                     requested_url=requested if requested != response.url else None)

    def failed(self, failure: TwistedFailure) -> None:
        fetch: Fetch = failure.request.cb_kwargs["seen"].fetch
        fetch.failure = failure_record(failure, self.site.name)
        if failure.check(HttpError):
            self._answered(fetch, failure.value.response)
        elif failure.check(OffDomainRedirect):
            fetch.redirected_to = failure.value.target

    # -- the articles ----------------------------------------------------------------------------------

    def _idle(self) -> None:
        """Discovery is done (or a round of articles is): try the next links, until two articles are read."""
        requests = [self._request(seen, self.parse_article) for seen in self._next_articles()]
        for request in requests:
            self.crawler.engine.crawl(request)
        if requests:
            raise DontCloseSpider

    def _next_articles(self) -> list[ArticleSeen]:
        read = sum(1 for seen in self.seen.articles if seen.reading and seen.reading.article)
        room = min(PROBE_ARTICLES - read, MAX_ARTICLE_TRIES - len(self.seen.articles))
        tried = {seen.fetch.url for seen in self.seen.articles}
        batch = [ArticleSeen(Fetch(url), found_on) for url, found_on in self._candidates().items()
                 if url not in tried][:max(room, 0)]
        self.seen.articles.extend(batch)
        return batch

    def _candidates(self) -> dict[str, str]:
        """Article URLs of the paper's eras -> where they were found: page 1 of the listings, the feeds, page 2; the
        examples of the eras still running when nothing links an article."""
        sources = ([s for s in self.seen.listings if s.page == 1], self.seen.feeds,
                   [s for s in self.seen.listings if s.page > 1])
        found: dict[str, str] = {}
        for seen in (seen for group in sources for seen in group):
            for link in seen.links:
                if self.site.era_for(link):
                    found.setdefault(link, seen.fetch.url)
        if not found:
            for era in self.site.eras:
                for url in era.examples if era.until is None else ():
                    found.setdefault(url, "example")
        return found


def visits(site: Site) -> list[tuple[str, str]]:
    """(URL, purpose) of the requests beyond feeds, listings and articles: the home page of each domain none of them
    is on, and for an absorbed paper one old article URL (an era's example on its own domains)."""
    asked = {host_of(url) for url in (*site.feeds, *(listing.url for listing in site.listings))}
    found = [(f"https://{domain}/", "domain") for domain in site.domains if domain not in asked]
    # the paper's own last domains first: what old links and search results still point at
    old = sorted((url for era in site.eras for url in era.examples if site.owns(url)),
                 key=lambda url: host_of(url) not in site.domains) if site.absorbed else []
    return found + [(url, "old url") for url in old[:1]]
