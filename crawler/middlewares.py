"""Downloader middlewares of vnnews (enabled in crawler/settings.py)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Request, Response
from scrapy.utils.response import get_meta_refresh
from w3lib.url import safe_url_string


class OffDomainRedirect(IgnoreRequest):
    """A redirect (HTTP or meta refresh) that leaves the paper: another domain, another port, another scheme."""

    def __init__(self, target: str):
        super().__init__(f"redirected off the paper's domains, to {target}")
        self.target = target


class RedirectLoop(IgnoreRequest):
    """A redirect back to a URL of the same chain: Scrapy's duplicate filter would drop it without a word."""

    def __init__(self, target: str):
        super().__init__(f"redirect loop back to {target}")


def redirect_target(request: Request, response: Response) -> str | None:
    """Where a response sends the crawl: its Location (read the way Scrapy's RedirectMiddleware reads it, so that
    "\\\\evil.example" or "//evil.example" resolve here as they will there), or a meta refresh; None when nowhere."""
    if 300 <= response.status < 400 and response.headers.get("Location"):
        raw = response.headers["Location"]
        location = safe_url_string(raw)
        if raw.startswith(b"//"):
            location = urlsplit(request.url).scheme + "://" + location.lstrip("/")
        return urljoin(request.url, location)
    if isinstance(response, HtmlResponse) and response.status == 200:
        _, url = get_meta_refresh(response)
        return url
    return None


def same_origin_port(request_url: str, target: str) -> bool:
    """The target's port is the request's, or the default one: a redirect never reaches another service of a host."""
    request, where = urlsplit(request_url), urlsplit(target)
    return where.scheme in ("http", "https") and where.port in (None, request.port, {"http": 80, "https": 443}[where.scheme])


class PaperRedirectsMiddleware:
    """Redirects move articles to a paper's new domain, or an absorbed paper's to its successor's (baovinhphuc.com.vn
    -> baophutho.vn): those are followed. One that leaves them (another domain, port or scheme, by HTTP or by meta
    refresh) is not, and reaches the spider's errback so the crawl records it (Scrapy's offsite filter would drop it
    without a word). Runs before RedirectMiddleware and MetaRefreshMiddleware see the response."""

    def __init__(self, crawler: Any):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> PaperRedirectsMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Response:
        site = getattr(self.crawler.spider, "site", None)
        if site is None or request.meta.get("dont_redirect"):
            return response
        target = redirect_target(request, response)
        if target and not (site.follows(target) and same_origin_port(request.url, target)):
            raise OffDomainRedirect(target)
        if target and target in (request.url, *request.meta.get("redirect_urls", ())):
            raise RedirectLoop(target)
        return response
