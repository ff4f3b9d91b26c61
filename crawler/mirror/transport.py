"""Scrapy download handler that fetches real-domain URLs from the offline mirror.

It is a download handler rather than a downloader middleware on purpose: it runs inside the downloader's
per-domain slot, so robots.txt, the duplicate filter, DOWNLOAD_DELAY, AutoThrottle and redirects all work on
the real URLs exactly as on the internet; only the socket goes to 127.0.0.1. Enabled by the VNNEWS_MIRROR
setting (crawler/settings.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.core.downloader.handlers.base import BaseDownloadHandler
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.settings import SETTINGS_PRIORITIES

from crawler.mirror import mirror_url

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response


class MirrorDownloadHandler(BaseDownloadHandler):
    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self.mirror = crawler.settings["VNNEWS_MIRROR"]
        self._http = HTTP11DownloadHandler(crawler)

    async def download_request(self, request: Request) -> Response:
        local = request.replace(url=mirror_url(request.url, self.mirror))
        try:
            response = await self._http.download_request(local)
        except Exception as exc:
            # errors name the URL they fetched: name the real one, as a crawl of the real site would
            try:
                renamed = type(exc)(str(exc).replace(local.url, request.url))
            except Exception:  # noqa: BLE001 - an exception type that takes other arguments
                raise exc from None
            raise renamed from exc
        return response.replace(url=request.url)

    async def close(self) -> None:
        await self._http.close()


class MirrorAddon:
    """Turns VNNEWS_MIRROR into settings: the mirror download handler and, unless VNNEWS_MIRROR_FAST is off, no
    politeness delay or AutoThrottle (the mirror is ours and local) and short timeouts. Does nothing when
    VNNEWS_MIRROR is unset."""

    def update_settings(self, settings) -> None:  # noqa: ANN001 - scrapy.settings.Settings
        if not settings.get("VNNEWS_MIRROR"):
            return
        handler = "crawler.mirror.transport.MirrorDownloadHandler"
        settings.set("DOWNLOAD_HANDLERS", {"http": handler, "https": handler}, priority="project")
        if not settings.getbool("VNNEWS_MIRROR_FAST", True):
            return
        mirror_mode = {
            "DOWNLOAD_DELAY": 0,
            "DOWNLOAD_SLOTS": {},
            "AUTOTHROTTLE_ENABLED": False,
            "DOWNLOAD_TIMEOUT": 5,  # short, for the page that never answers; long enough for a busy machine
            "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
        }
        for name, value in mirror_mode.items():
            # above settings.py, below what the user passes with -s
            if (settings.getpriority(name) or 0) <= SETTINGS_PRIORITIES["project"]:
                settings.set(name, value, priority="project")
