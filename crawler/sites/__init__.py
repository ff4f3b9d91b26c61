"""The site registry: one folder per newspaper, holding a small declarative record and its sample pages.

    crawler/sites/<paper>/site.py             SITE = Site(...): domains per era, provinces, families, feeds, listings
    crawler/sites/<paper>/pages/<domain>/…    what the paper's domains serve, for the offline mirror and the tests
    crawler/sites/<paper>/expected/<domain>/… the record extraction must give for each page (<page>.json)

A record names the paper's domains per era, the province before and after the 2025 merger, the template family
of each era (crawler.templates), where to start (feeds, section listings and their pagination) and what an
article URL looks like. More papers can live outside the package: ``VNNEWS_SITES_PATH`` lists folders (separated
by ``os.pathsep``) whose sub-folders are papers laid out the same way.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

from archive.record import SiteRow
from archive.record import province_before as _province_before

BUILTIN = Path(__file__).parent
SITES_PATH_ENV = "VNNEWS_SITES_PATH"


@dataclass(frozen=True)
class Era:
    """One URL scheme and template family of a paper, for a span of years ("YYYY" or "YYYY-MM")."""

    domain: str
    family: str  # a name or letter of crawler.templates.FAMILIES ("yyyymm" or "A"); "generic": markup unknown
    article_path: str  # regular expression over the URL path
    since: str | None = None
    until: str | None = None
    examples: tuple[str, ...] = ()  # article URLs of this era seen in stored copies (PAPERS.md), verbatim

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
    # facts not yet seen on the live site (PAPERS.md marks them U): "feeds", "pagination", "era:<domain>", …;
    # every other fact of the record was seen in a stored copy. `vnnews probe` checks them.
    unverified: tuple[str, ...] = ()
    probe_first: str = ""  # which unverified fact an operator with internet should check first, and how
    successor: str | None = None  # a paper absorbed in the 2025 merger: the registry name of the paper that took it over
    folder: Path | None = field(default=None, compare=False, repr=False)  # set by the loader

    @property
    def all_domains(self) -> tuple[str, ...]:
        return self.domains + self.former_domains

    @property
    def absorbed(self) -> bool:
        """Absorbed by another paper in the 2025 merger (its archive lives on, under its own name)."""
        return self.successor is not None

    def follows(self, url: str) -> bool:
        """May a redirect from this paper lead there? Its own domains, and its successor's: an absorbed paper's
        old URLs move to the paper that took it over."""
        successor = SITES.get(self.successor) if self.successor else None
        return self.owns(url) or bool(successor and successor.owns(url))

    @property
    def pages(self) -> Path | None:
        """The paper's sample pages, one folder per domain (what the offline mirror serves)."""
        return self.folder / "pages" if self.folder else None

    def era_for(self, url: str) -> Era | None:
        """The era whose article URL pattern this URL matches (None: not an article URL of this paper)."""
        parts = urlsplit(url)
        host = (parts.hostname or "").removeprefix("www.")
        for era in self.eras:
            if era.matches(host, parts.path):
                return era
        return None

    def province_before(self, urls: list[str], lead_prefix: str | None, published_at: str | None) -> str | None:
        """The pre-merger province of one of its articles, known under these URLs (archive.record.province_before);
        the domain of any of them may tell (an absorbed paper's domain names its province)."""
        hints = dict(self.province_hints)
        hosted = next((u for u in urls if (urlsplit(u).hostname or "").removeprefix("www.") in hints), urls[0])
        return _province_before(self.provinces_before, hints, hosted, lead_prefix, published_at)

    def owns(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").removeprefix("www.")
        return host in self.all_domains

    def row(self) -> SiteRow:
        """The record as the archive's `sites` table keeps it."""
        return SiteRow(name=self.name, title=self.title, province=self.province,
                       provinces_before=list(self.provinces_before), domains=list(self.domains),
                       former_domains=list(self.former_domains),
                       families=sorted({e.family for e in self.eras}), feeds=list(self.feeds),
                       listings=[listing.url for listing in self.listings], unverified=list(self.unverified),
                       province_hints=dict(self.province_hints))


def paper_folders() -> list[Path]:
    """Every paper's folder: the built-in ones, then those under the folders VNNEWS_SITES_PATH names."""
    roots = [BUILTIN] + [Path(p) for p in os.environ.get(SITES_PATH_ENV, "").split(os.pathsep) if p]
    return [folder for root in roots for folder in sorted(root.iterdir()) if (folder / "site.py").is_file()]


def _load_record(folder: Path) -> Site:
    spec = importlib.util.spec_from_file_location(f"crawler.sites._papers.{folder.name}", folder / "site.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    site = getattr(module, "SITE", None)
    if not isinstance(site, Site):
        raise ValueError(f"{folder / 'site.py'} defines no SITE = Site(...)")
    if site.name != folder.name:
        raise ValueError(f"{folder / 'site.py'} names its paper {site.name!r}; the folder must have that name")
    return dataclasses.replace(site, folder=folder)


def _load() -> dict[str, Site]:
    sites: dict[str, Site] = {}
    for folder in paper_folders():
        site = _load_record(folder)
        if site.name in sites:
            raise ValueError(f"two registry entries are named {site.name!r}: {sites[site.name].folder} and {folder}")
        sites[site.name] = site
    for site in list(sites.values()):
        if site.successor is None:
            continue
        if site.successor not in sites:
            raise ValueError(f"{site.name}: its successor {site.successor!r} is not in the registry")
        # the successor tells its articles from this paper's by this paper's domains too (old URLs that redirected)
        successor = sites[site.successor]
        hints = tuple((d, site.provinces_before[0]) for d in site.all_domains)
        sites[successor.name] = dataclasses.replace(successor, province_hints=successor.province_hints + hints)
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
