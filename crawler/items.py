"""What flows through a crawl: the spider yields a FetchedPage (or an archive.record.Failure), the extraction
pipeline turns a FetchedPage into an Extracted, the store pipeline hands both to the crawl state.

The records the archive keeps (Article, Page, Failure) are declared once, in archive.record.
"""

from __future__ import annotations

from dataclasses import dataclass

from archive.record import Article, Page


@dataclass
class FetchedPage:
    """A response the spider hands to the pipelines: extraction happens there, not in the callback."""

    url: str
    site: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: str  # UTC ISO
    requested_url: str | None = None  # the URL before redirects, when it differs
    listing_key: tuple[str, str] | None = None  # (date-bounded listing page, URL asked for): crawler.state
    # a capture of a web archive (an imported WARC/WACZ record, a Wayback capture): archive.record.Page says what
    # each is; fetched_at is then the capture time, so extraction picks the template version of that day
    source: str = "crawl"
    archive_file: str | None = None
    record_id: str | None = None
    captured_at: str | None = None


@dataclass
class Extracted:
    """A fetched page after extraction: the raw page to keep (compressed) and its article, or why there is none."""

    page: Page
    article: Article | None
    error: str | None = None
    listing_key: tuple[str, str] | None = None
    indexed: tuple[str, str] | None = None  # its full-text index columns (archive.search.index_texts), made in the worker
    requested_url: str | None = None  # the URL asked for, when a redirect led elsewhere: a failure is filed under it
