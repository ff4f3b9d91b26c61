"""One generic spider driven by a site record, and one named subclass per paper so `scrapy list` shows them.

Each paper's spider carries its own contracts for `scrapy check` (`make check-spiders` runs them over the offline
mirror): its first section listing and its first feed must each give at least one request.
"""

from __future__ import annotations

import json
from typing import Any, Callable

from crawler.sites import SITES, Site
from crawler.spiders.news import NewsSpider


def _with_contract(callback: Callable[..., Any], contract: str | None) -> Callable[..., Any]:
    """The callback, under a docstring that holds this paper's contract (scrapy.contracts reads docstrings)."""

    def paper_callback(self: NewsSpider, *args: Any, **kwargs: Any) -> Any:
        return callback(self, *args, **kwargs)

    paper_callback.__doc__ = f"{callback.__doc__}\n\n{contract}" if contract else None
    return paper_callback


def _paper_spider(site: Site) -> type[NewsSpider]:
    listing = site.listings[0] if site.listings else None
    listing_contract = listing and (
        f"@url {listing.url}\n@cb_kwargs {json.dumps({'listing_url': listing.url, 'page': 1})}\n@returns requests 1")
    feed_contract = site.feeds and f"@url {site.feeds[0]}\n@returns requests 1"
    return type(
        f"{site.name.capitalize()}Spider",
        (NewsSpider,),
        {"name": site.name, "site_name": site.name, "__module__": __name__,
         "__doc__": f"{site.title} ({site.domains[0]})",
         "parse_listing": _with_contract(NewsSpider.parse_listing, listing_contract),
         "parse_feed": _with_contract(NewsSpider.parse_feed, feed_contract or None)},
    )


for _site in SITES.values():
    globals()[f"{_site.name.capitalize()}Spider"] = _paper_spider(_site)
