"""Downloader middlewares of vnnews (enabled in crawler/settings.py)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response


class OffDomainRedirect(IgnoreRequest):
    """A redirect to a domain that is not the paper's."""

    def __init__(self, target: str):
        super().__init__(f"redirected off the paper's domains, to {target}")
        self.target = target


class PaperRedirectsMiddleware:
    """Redirects move articles to a paper's new domain, or an absorbed paper's to its successor's (baovinhphuc.com.vn
    -> baophutho.vn): those are followed. One that leaves them is not, and reaches the spider's errback so the crawl
    records it (Scrapy's offsite filter would drop it without a word). Runs before RedirectMiddleware sees it."""

    def __init__(self, crawler: Any):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> PaperRedirectsMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Response:
        location = response.headers.get("Location")
        follows = getattr(self.crawler.spider, "follows", None)
        if follows is None or not location or not 300 <= response.status < 400 or request.meta.get("dont_redirect"):
            return response
        target = urljoin(request.url, location.decode("latin-1"))
        if not follows(target):
            raise OffDomainRedirect(target)
        return response
