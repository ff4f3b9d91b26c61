"""The site registry: one small declarative record per newspaper (see one module per paper beside this file).

A record names the paper's domains per era, the province before and after the 2025 merger, the CMS family of
each era (which chooses the extraction rules), where to start (feeds, section listings and their pagination)
and what an article URL looks like.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlsplit


MERGER_DATE = "2025-07-01"  # the 63 provinces became 34


@dataclass(frozen=True)
class Era:
    """One URL scheme and template of a paper, for a span of years."""

    domain: str
    family: str  # a key of crawler.families.FAMILIES
    article_path: str  # regular expression over the URL path
    since: str | None = None  # "YYYY" or "YYYY-MM"
    until: str | None = None

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        return re.compile(self.article_path)

    def matches(self, host: str, path: str) -> bool:
        return host == self.domain and bool(self._pattern.fullmatch(path))


@dataclass(frozen=True)
class Listing:
    """A section listing; ``page_url`` has ``{n}`` for page 2, 3, …"""

    url: str
    page_url: str | None = None
    max_pages: int = 3

    def page(self, n: int) -> str:
        if n <= 1 or not self.page_url:
            return self.url
        return self.page_url.format(n=n)


@dataclass(frozen=True)
class Site:
    name: str  # spider name
    title: str
    province: str  # after the 1 July 2025 merger
    provinces_before: tuple[str, ...]
    domains: tuple[str, ...]  # current domains, main one first
    eras: tuple[Era, ...]
    former_domains: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    listings: tuple[Listing, ...] = ()
    lead_prefixes: tuple[str, ...] = ()
    title_suffixes: tuple[str, ...] = ()
    # lead tags and domains that name the province an article came from before the merger ("QBĐT" -> Quảng Bình)
    province_hints: tuple[tuple[str, str], ...] = ()
    download_delay: float = 1.0
    notes: str = ""
    unverified: tuple[str, ...] = field(default=())  # which facts come from one source only

    @property
    def all_domains(self) -> tuple[str, ...]:
        return self.domains + self.former_domains

    def era_for(self, url: str) -> Era | None:
        """The era whose article URL pattern this URL matches (None: not an article URL of this paper)."""
        parts = urlsplit(url)
        host = (parts.hostname or "").removeprefix("www.")
        for era in self.eras:
            if era.matches(host, parts.path):
                return era
        return None

    def province_before(self, url: str, lead_prefix: str | None, published_at: str | None) -> str | None:
        """The pre-merger province of an article: a hint (its lead tag, its domain), else the paper's own
        province for anything published before the merger; None when the text does not tell."""
        hints = dict(self.province_hints)
        host = (urlsplit(url).hostname or "").removeprefix("www.")
        if lead_prefix in hints or host in hints:
            return hints.get(lead_prefix or "") or hints[host]
        if self.provinces_before == (self.province,) or (published_at or "9999")[:10] < MERGER_DATE:
            return self.provinces_before[0]
        return None

    def owns(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").removeprefix("www.")
        return host in self.all_domains


def _load() -> dict[str, Site]:
    sites: dict[str, Site] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        site = module.SITE
        if site.name in sites:
            raise ValueError(f"two registry entries are named {site.name!r}")
        sites[site.name] = site
    return dict(sorted(sites.items()))


SITES: dict[str, Site] = _load()


def get_site(name: str) -> Site:
    try:
        return SITES[name]
    except KeyError:
        known = ", ".join(SITES)
        raise KeyError(f"unknown site {name!r}; the registry has: {known}") from None


def site_for_url(url: str) -> Site | None:
    """The paper a URL belongs to, by domain (current or former)."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    for site in SITES.values():
        if host in site.all_domains:
            return site
    return None
