"""What a probe saw of one paper, as plain data: the probe spider (crawler.spiders.probe) fills it, the fact checks
(crawler.probe.verdicts) judge it against the registry. Nothing here fetches or judges."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from archive.record import Failure
from crawler.extract import Reading

PROBE_ARTICLES = 2  # articles a probe reads per paper


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


@dataclass
class Fetch:
    """One request of the probe and what came of it."""

    url: str  # as the probe asked for it
    final_url: str | None = None  # where the answer came from, after redirects (None: no answer)
    status: int | None = None
    failure: Failure | None = None  # why it gave nothing to read (archive.record.Failure: stage, reason)
    content_type: str = ""
    redirected_to: str | None = None  # a redirect the probe refused to follow (off the paper's domains)

    @property
    def ok(self) -> bool:
        return self.failure is None and self.status is not None and 200 <= self.status < 300

    @property
    def moved_to(self) -> str | None:
        """The other host this request ended on (followed or refused), if any: a redirect worth reporting."""
        target = self.redirected_to or self.final_url
        return target if target and host_of(target) != host_of(self.url) else None

    def why(self) -> str:
        """Why there is nothing to read, in a few words."""
        if self.failure:
            return self.failure.reason.removeprefix("not fetched: ")
        return f"HTTP {self.status}" if self.status else "no answer"


@dataclass
class RobotsSeen:
    host: str
    status: int
    crawl_delay: float | None = None  # what it asks of our User-Agent (Scrapy does not obey Crawl-delay)


@dataclass
class FeedSeen:
    fetch: Fetch
    root: str | None = None  # the root element: rss, feed (Atom), RDF; html for a page that is no feed
    links: list[str] = field(default_factory=list)  # its items' links


@dataclass
class ListingSeen:
    listing: str  # the registry's listing URL (its page 1)
    page: int
    fetch: Fetch
    links: list[str] = field(default_factory=list)  # every link of the page
    feeds: list[str] = field(default_factory=list)  # the feeds it advertises (<link rel=alternate>, .rss links)


@dataclass
class ArticleSeen:
    fetch: Fetch
    found_on: str  # the listing page or feed that linked to it ("example": the era's example URL)
    reading: Reading | None = None  # None: not an HTML page, or no answer


@dataclass
class Visit:
    """A request beyond the feeds, listings and articles: a domain's home page (does it answer?) or an absorbed
    paper's old article URL (does it redirect into its successor's domains?)."""

    fetch: Fetch
    purpose: str  # "domain" or "old url"


@dataclass
class Observations:
    """Everything the probe saw of one paper."""

    site: str
    robots: dict[str, RobotsSeen] = field(default_factory=dict)  # host -> its robots.txt
    feeds: list[FeedSeen] = field(default_factory=list)
    listings: list[ListingSeen] = field(default_factory=list)
    articles: list[ArticleSeen] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)

    def fetches(self) -> list[Fetch]:
        return [seen.fetch for seen in (*self.feeds, *self.listings, *self.articles, *self.visits)]

    def article_links(self) -> list[str]:
        """The links of its listing pages and feeds, in the order seen, once each."""
        return list(dict.fromkeys(link for seen in (*self.listings, *self.feeds) for link in seen.links))
