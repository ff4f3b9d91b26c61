"""Where the crawl starts: each feed parses and links to articles of the paper's eras, each listing answers with such
links, and its page 1 links to page 2 the way the record's page_url says."""

from __future__ import annotations

import re

from crawler.probe.observations import FeedSeen, Fetch, ListingSeen, Observations
from crawler.probe.verdict import BROKEN, NOT_CHECKED, OK, Verdict
from crawler.sites import Listing, Site

FEED_ROOTS = {"rss": "RSS", "feed": "Atom", "RDF": "RSS 1.0"}
# what an operator would look at when no link matches: long slugs and long ids, pagination-looking links
_ARTICLE_LIKE = re.compile(r"(?:[a-z0-9]+-){3,}|\d{5,}")
_PAGE_LIKE = re.compile(r"(?:page|trang|p)\W?2\b|/2/?$", re.I)
_EXAMPLES = 3


def _unanswered(fetch: Fetch) -> str:
    moved = f" (redirected to {fetch.moved_to})" if fetch.moved_to else ""
    return f"{fetch.why()}{moved}"


def articles_in(site: Site, links: list[str]) -> list[str]:
    """The links that are article URLs of one of the paper's eras, once each."""
    return [link for link in dict.fromkeys(links) if site.era_for(link)]


def feed_verdicts(site: Site, seen: Observations) -> list[Verdict]:
    if not site.feeds:
        advertised = sorted({url for listing in seen.listings for url in listing.feeds})
        hint = f"; the listing pages advertise {', '.join(advertised)}" if advertised else ""
        return [Verdict("feed", "-", NOT_CHECKED, f"the record names no feed{hint}", ("feeds",))]
    return [_feed(site, feed) for feed in seen.feeds]


def _feed(site: Site, feed: FeedSeen) -> Verdict:
    url, fetch = feed.fetch.url, feed.fetch
    articles = articles_in(site, feed.links)
    if not fetch.ok:
        verdict, detail = BROKEN, _unanswered(fetch)
    elif feed.root not in FEED_ROOTS:
        verdict, detail = BROKEN, f"not a feed: a <{feed.root or '?'}> document ({fetch.content_type or 'no type'})"
    elif not feed.links:
        verdict, detail = BROKEN, f"a {FEED_ROOTS[feed.root]} feed without items"
    elif not articles:
        verdict, detail = BROKEN, (f"{len(feed.links)} items, none links to an article URL of the paper's eras "
                                   f"(first: {feed.links[0]})")
    else:
        verdict, detail = OK, f"{FEED_ROOTS[feed.root]}, items: {len(feed.links)}, linking to articles: {len(articles)}"
    return Verdict("feed", url, verdict, detail, ("feeds",))


def listing_verdicts(site: Site, seen: Observations) -> list[Verdict]:
    verdicts = []
    for listing in site.listings:
        pages = {s.page: s for s in seen.listings if s.listing == listing.url}
        if 1 not in pages:  # the probe of this paper did not run
            verdicts += [Verdict(fact, listing.url, NOT_CHECKED, "not fetched", (name,))
                         for fact, name in (("listing", "listings"), ("pagination", "pagination"))]
            continue
        verdicts.append(_listing(site, pages[1]))
        verdicts.append(_pagination(site, listing, pages[1], pages.get(2)))
    return verdicts


def _listing(site: Site, page: ListingSeen) -> Verdict:
    articles = articles_in(site, page.links)
    if not page.fetch.ok:
        verdict, detail = BROKEN, _unanswered(page.fetch)
    elif not articles:
        like = [link for link in dict.fromkeys(page.links) if site.owns(link) and _ARTICLE_LIKE.search(link)]
        hint = f"; links that look like articles: {', '.join(like[:_EXAMPLES])}" if like else ""
        moved = f" (redirected to {page.fetch.moved_to})" if page.fetch.moved_to else ""
        verdict, detail = BROKEN, (f"none of its {len(page.links)} links matches an article URL pattern of the "
                                   f"paper's eras{moved}{hint}")
    else:
        verdict, detail = OK, f"article links: {len(articles)} of {len(set(page.links))}"
    return Verdict("listing", page.listing, verdict, detail, ("listings",))


def _pagination(site: Site, listing: Listing, page1: ListingSeen, page2: ListingSeen | None) -> Verdict:
    if not listing.page_url:
        return Verdict("pagination", listing.url, NOT_CHECKED, "the record gives no page_url", ("pagination",))
    if not page1.fetch.ok:
        return Verdict("pagination", listing.url, NOT_CHECKED, "page 1 did not answer", ("pagination",))
    if page2 is None:
        like = [link for link in dict.fromkeys(page1.links) if site.owns(link) and _PAGE_LIKE.search(link)]
        hint = f"; links that look like page 2: {', '.join(like[:_EXAMPLES])}" if like else ""
        return Verdict("pagination", listing.url, BROKEN,
                       f"page 1 links to no {listing.page(2)} (the crawl stops at page 1){hint}", ("pagination",))
    articles = articles_in(site, page2.links)
    if not page2.fetch.ok:
        verdict, detail = BROKEN, f"page 2 ({page2.fetch.url}): {_unanswered(page2.fetch)}"
    elif not articles:
        verdict, detail = BROKEN, f"page 2 ({page2.fetch.url}) holds no article link"
    else:
        new = len(set(articles) - set(page1.links))
        verdict, detail = OK, f"page 2 ({page2.fetch.url}): article links: {len(articles)}, not on page 1: {new}"
    return Verdict("pagination", listing.url, verdict, detail, ("pagination",))
