"""The records that flow through the crawl: a fetched page, an Article extracted from it, a failure.

One definition each; the spider, the pipelines, the archive and `vnnews extract` all use these.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Image:
    url: str
    caption: str | None = None


@dataclass
class Article:
    url: str
    site: str | None
    title: str
    body: str
    lead: str | None = None
    lead_prefix: str | None = None
    author: str | None = None
    source: str | None = None
    published_at: str | None = None  # ISO 8601 with +07:00 (or a bare date when the page gives no time)
    published_raw: str | None = None
    published_source: str | None = None
    modified_at: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    language: str = "vi"
    word_count: int = 0
    content_hash: str = ""
    extractor_version: str = ""
    former_urls: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class FetchedPage:
    """A response the spider hands to the pipelines: extraction happens there, not in the callback."""

    url: str
    site: str
    status: int
    headers: dict[str, str]
    body: bytes
    requested_url: str | None = None  # the URL before redirects, when it differs
    article: Article | None = None  # set by the extraction pipeline
    error: str | None = None  # set by the extraction pipeline when the page holds no article
    outcome: str | None = None  # set by the archive pipeline: new, updated, unchanged or failed


@dataclass
class CrawlFailure:
    """A URL that could not be archived: where it failed (fetch, http, content-type, extract) and why."""

    url: str
    site: str
    stage: str
    reason: str
    status: int | None = None
