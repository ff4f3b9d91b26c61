"""The records the archive stores, each declared once, with a one-line description per field.

Everything else is derived from these declarations: the SQLite tables (archive.schema), the export columns and
Parquet types (archive.export), and the column descriptions datasette shows (archive.metadata). A field added here
appears in all of them; nothing else lists the fields.

This module depends on nothing but the standard library and archive.topics (standard library only too): the crawler
builds these records, the archive stores them.
"""

from __future__ import annotations

import functools
import types
import typing
from dataclasses import MISSING, dataclass, field, fields
from datetime import datetime, timezone
from typing import Any, Union
from urllib.parse import urlsplit

from archive.topics import is_party_building

MERGER_DATE = "2025-07-01"  # the 63 provinces became 34


def describe(text: str, default: Any = MISSING, *, factory: Any = MISSING, versioned: bool = False,
             provenance: bool = False) -> Any:
    """A dataclass field with its description (what datasette and the README show for the column).
    ``versioned``: an earlier version of the article keeps it (article_versions). ``provenance``: says how the record
    was made or where it came from (the registry's provinces), not what the page says; a difference there alone does
    not make a new version."""
    metadata = {"doc": text, "versioned": versioned, "provenance": provenance}
    if factory is not MISSING:
        return field(default_factory=factory, metadata=metadata)
    return field(default=default, metadata=metadata)


def utcnow() -> str:
    """The time vnnews did something, UTC, to the second (`first_seen`, `fetched_at`, …)."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class Image:
    url: str = describe("Address of the image")
    caption: str | None = describe("Its caption as printed under it", None)


@dataclass(kw_only=True)
class Article:
    """One article as extracted from one page: what a reader sees, plus where it came from."""

    url: str = describe("Canonical URL of the article on the newspaper's site")
    site: str | None = describe("The paper (registry name; see the sites table)")
    province: str | None = describe("The paper's province since the 1 July 2025 merger", None, provenance=True)
    province_before: str | None = describe(
        "The province the article came from before the merger (from its lead tag, its domain or its date); "
        "empty when the text does not tell", None, provenance=True)
    section: str | None = describe("Section as printed in the page's breadcrumb", None, versioned=True)
    title: str = describe("Headline, site suffix removed, Ð repaired to Đ", versioned=True)
    lead: str | None = describe("The sapo (standfirst), paper tag removed", None, versioned=True)
    lead_prefix: str | None = describe("The paper tag that opened the lead (QTO, TQOL, QBĐT, …)", None)
    body: str = describe("Article text, paragraphs separated by blank lines; no captions, byline or boilerplate",
                         versioned=True)
    author: str | None = describe("The byline (a person; never the site name)", None, versioned=True)
    source: str | None = describe("Where the paper says the text comes from (\"Nguồn:\", \"Theo …\")", None)
    published_at: str | None = describe(
        "Publication time, ISO 8601 in Vietnam time (UTC+07:00, no daylight saving), as the paper printed it; "
        "a bare date when the page gives no time", None, versioned=True)
    published_raw: str | None = describe("The date string as printed on the page", None)
    published_source: str | None = describe(
        "Where published_at came from (meta tag, JSON-LD, printed, or both combined)", None)
    published_month: str | None = describe("YYYY-MM of published_at, for facets", None)
    modified_at: str | None = describe("Last modification time the page declares", None)
    tags: list[str] = describe("JSON list of the page's tags", factory=list)
    images: list[Image] = describe("JSON list of {url, caption}", factory=list)
    language: str = describe("Language code of the page", "vi")
    word_count: int = describe("Words in body", 0)
    content_hash: str = describe(
        "sha256 of the normalised title, lead and body; changes when the text changes", "", versioned=True)
    former_urls: list[str] = describe(
        "JSON list of other URLs this article was fetched under (old domains, redirects)", factory=list,
        provenance=True)
    party_building: int = describe(
        "1 when the article is Party-building coverage: its section is \"Xây dựng Đảng\", or its text speaks of "
        "\"xây dựng Đảng\" or \"chỉnh đốn Đảng\" (spelled so, not just folded); else 0", 0)
    template: str | None = describe(
        "The template version that read the page (family/version, e.g. yyyymm/v1; generic: no known template)",
        None, versioned=True, provenance=True)
    extractor_version: str = describe("Version of the extraction rules that produced this row", "",
                                      versioned=True, provenance=True)
    captured_at: str | None = describe(
        "When a web archive captured the page this row was read from (UTC; an imported WARC/WACZ record or a "
        "Wayback Machine capture), beside published_at; empty for a page vnnews fetched itself. The raw page and "
        "where it came from: the pages row of this URL (source, archive_file, record_id)", None, provenance=True)

    def __post_init__(self) -> None:
        self.published_month = self.published_month or ((self.published_at or "")[:7] or None)
        self.party_building = int(is_party_building(self.title, self.lead, self.body, self.section))

    def to_dict(self) -> dict[str, Any]:
        return as_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["images"] = [i if isinstance(i, Image) else Image(**i) for i in values.get("images") or []]
        return cls(**values)


@dataclass(kw_only=True)
class Stored:
    """What the archive adds to an article row: its identity and history."""

    id: int = describe("Row id (stable: the readable page is /-/vnnews/article/<db>/<id>)", 0)
    first_seen: str = describe("When vnnews first stored this article (UTC)", "")
    last_seen: str = describe("When a crawl last saw it (UTC)", "")
    version: int = describe("1 for the first version; +1 each time the text changed", 1)
    run_id: int | None = describe("The crawl run that last wrote this row", None)


@dataclass(kw_only=True)
class Page:
    """A fetched response, kept raw so that re-extraction never needs the network."""

    url: str = describe("The URL fetched (after redirects)")
    site: str = describe("The paper")
    status: int = describe("HTTP status")
    content_type: str | None = describe("Content-Type header", None)
    headers: dict[str, str] = describe("Response headers (JSON)", factory=dict)
    body: bytes = describe("The raw bytes as served, zlib-compressed", b"")
    size: int = describe("Size of the raw bytes, uncompressed", 0)
    sha256: str = describe("sha256 of the raw bytes", "")
    fetched_at: str = describe("When it was fetched from the paper's site (UTC; for a capture, its capture time)", "")
    run_id: int | None = describe("The crawl or import run that stored it", None)
    source: str = describe("Where the page came from: crawl (vnnews fetched it), warc or wacz (an imported archive "
                           "file), wayback (a Wayback Machine capture)", "crawl")
    archive_file: str | None = describe("The WARC or WACZ file it was imported from (its name)", None)
    record_id: str | None = describe(
        "The capture: its WARC-Record-ID, or for the Wayback Machine the replay URL of the raw capture "
        "(https://web.archive.org/web/<timestamp>id_/<url>)", None)
    captured_at: str | None = describe("When the web archive captured it (UTC); empty for a crawl", None)


@dataclass(kw_only=True)
class Failure:
    """A URL that could not be archived."""

    url: str = describe("The URL as the crawl asked for it")
    site: str = describe("The paper")
    stage: str = describe(
        "Where it failed: fetch, http, content-type, redirect (off the paper's domains, or a loop), size (past the "
        "download limit), extract, robots; warc (a record of an imported file that cannot be read)")
    reason: str = describe("Why, in a few words")
    status: int | None = describe("HTTP status, when there was a response", None)


@dataclass(kw_only=True)
class CrawlRun:
    """What one run of one paper did. The counts come from Scrapy's stats collector (crawler.extensions)."""

    invocation: str = describe("Shared by the runs of one `vnnews crawl`, `import` or `backfill` command")
    site: str = describe("The paper")
    started_at: str = describe("Start (UTC)")
    finished_at: str | None = describe("End (UTC)", None)
    status: str = describe("running while it runs; then Scrapy's close reason (finished when all went through); "
                           "interrupted for a run that died", "running")
    requests: int = describe("HTTP requests, retries and robots.txt included", 0)
    responses: int = describe("HTTP responses received, whatever their status (0: the site could not be reached)", 0)
    listing_pages: int = describe("Feed and listing pages read", 0)
    article_requests: int = describe("Article pages asked for", 0)
    not_modified: int = describe("Re-checked articles the site answered 304 for", 0)
    pages: int = describe("Article pages fetched", 0)
    new: int = describe("Articles archived for the first time", 0)
    updated: int = describe("Articles whose text changed (a new version)", 0)
    unchanged: int = describe("Articles fetched again with the same text", 0)
    failed: int = describe("URLs that could not be archived (robots.txt refusals not included)", 0)
    skipped: int = describe("Known or backing-off URLs left alone", 0)
    robots_blocked: int = describe("URLs robots.txt forbids", 0)
    no_date: int = describe("Articles archived without a publication date", 0)
    source: str = describe("crawl; or an import (warc, wacz) or a Wayback back-fill (wayback)", "crawl")
    archive_file: str | None = describe("The file an import run read", None)


@dataclass(kw_only=True)
class Capture:
    """A record of a web archive (WARC/WACZ file) that an import dealt with: a second import of the same file finds
    it here and skips it before any extraction."""

    record_id: str = describe("Its WARC-Record-ID")
    url: str = describe("Its WARC-Target-URI")
    site: str = describe("The paper")
    source: str = describe("warc or wacz")
    archive_file: str = describe("The file it came from (its name)")
    captured_at: str | None = describe("Its WARC-Date (UTC)", None)
    outcome: str = describe("new, updated, unchanged (the article), or failed (see failures)")
    run_id: int | None = describe("The import run", None)


@dataclass(kw_only=True)
class Coverage:
    """Articles per paper per month: kept by triggers on articles (archive.schema), read by the coverage page."""

    site: str = describe("The paper")
    month: str = describe("YYYY-MM of publication; empty for articles without a date")
    articles: int = describe("Articles of this paper published this month", 0)
    party_building: int = describe("Of these, the Party-building articles (articles.party_building = 1)", 0)


@dataclass(kw_only=True)
class SiteRow:
    """The registry as data, one row per paper, for facets and joins."""

    name: str = describe("Registry name of the paper (its spider)")
    title: str = describe("The paper's name")
    province: str = describe("Its province since the 2025 merger")
    provinces_before: list[str] = describe("The provinces it covers, as they were before the merger", factory=list)
    domains: list[str] = describe("Current domains", factory=list)
    former_domains: list[str] = describe("Former and archive domains", factory=list)
    families: list[str] = describe("Template families of its eras", factory=list)
    feeds: list[str] = describe("Feeds the crawl reads", factory=list)
    listings: list[str] = describe("Section listings the crawl reads", factory=list)
    unverified: list[str] = describe("Facts of this record not yet checked against the live site", factory=list)
    province_hints: dict[str, str] = describe(
        "Lead tags and domains that name the pre-merger province an article came from", factory=dict)


def province_before(provinces_before: list[str] | tuple[str, ...], hints: dict[str, str], url: str,
                    lead_prefix: str | None, published_at: str | None) -> str | None:
    """The pre-merger province of an article: a hint (its lead tag "QBĐT", its former domain), else the paper's own
    province for anything published before the merger (or for a paper that covers one province only); None when
    the text does not tell."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    for key in (lead_prefix, host):
        if key and key in hints:
            return hints[key]
    if not provinces_before:
        return None
    if len(set(provinces_before)) == 1 or (published_at or "9999")[:10] < MERGER_DATE:
        return provinces_before[0]
    return None


# -- what the declarations say about themselves --------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # "text", "integer", "blob", "json" (a list or dict stored as JSON text)
    description: str
    item: type | None = None  # for lists: the item type (str, Image)
    versioned: bool = False
    provenance: bool = False


@functools.cache
def columns(record: type) -> list[Column]:
    """The columns of a record type, in declaration order (worked out once per type: every row uses them)."""
    hints = typing.get_type_hints(record)
    out = []
    for f in fields(record):
        kind, item = _kind(hints[f.name])
        out.append(Column(f.name, kind, f.metadata.get("doc", ""), item, f.metadata.get("versioned", False),
                          f.metadata.get("provenance", False)))
    return out


def _kind(hint: Any) -> tuple[str, type | None]:
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if typing.get_origin(hint) in (Union, types.UnionType):
        return _kind(args[0])
    if typing.get_origin(hint) in (list, dict):
        return "json", (args[0] if typing.get_origin(hint) is list else None)
    return {str: "text", int: "integer", bytes: "blob", float: "real"}[hint], None


def as_dict(value: Any) -> Any:
    """A record as plain data (nested records as dicts), field by field in declaration order."""
    if isinstance(value, list):
        return [as_dict(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: as_dict(getattr(value, f.name)) for f in fields(value)}
    return value
