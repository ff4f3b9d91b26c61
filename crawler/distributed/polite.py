"""Politeness across workers: one request per domain per the paper's delay, whatever the number of workers.

Scrapy's download delay is per process; N workers would send N times the rate. Before a request leaves, its worker
takes the domain's lease in Redis (``SET vnnews:slot:{domain} NX PX <delay>``); while another worker holds it, it
waits out the lease's remaining time without blocking the reactor. This is a download handler wrapping the real
one (HTTP, or the mirror's), not a downloader middleware, because a handler runs when the downloader's slot lets the
request go: a middleware would take the lease and then wait in the slot's queue, so two workers' requests could
still leave together.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from scrapy.core.downloader.handlers.base import BaseDownloadHandler
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import build_from_crawler, load_object

from crawler.distributed import PREFIX, connect, worker_id

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

INNER_SETTING = "VNNEWS_POLITE_INNER_HANDLERS"  # scheme -> the handler this one wraps (set by the Redis add-on)
# The lease starts when it is taken, the request reaches the site a little later (a connection to open, a busy event
# loop): a lease this much longer than the delay keeps the gaps the site sees at the delay or above.
MARGIN = 0.05


def lease_key(domain: str) -> str:
    return f"{PREFIX}:slot:{domain}"


class PoliteDownloadHandler(BaseDownloadHandler):
    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        settings = crawler.settings
        self.server = connect(settings["VNNEWS_REDIS"])
        self.slots = settings.getdict("DOWNLOAD_SLOTS")
        self.default_delay = settings.getfloat("DOWNLOAD_DELAY")
        self.inner = {scheme: build_from_crawler(load_object(path), crawler)
                      for scheme, path in settings.getdict(INNER_SETTING).items()}
        self.me = worker_id()

    def delay(self, domain: str) -> float:
        return float(self.slots.get(domain, {}).get("delay", self.default_delay))

    async def download_request(self, request: Request) -> Response:
        url = urlparse_cached(request)
        await self.lease(url.hostname or "")
        return await self.inner[url.scheme].download_request(request)

    async def lease(self, domain: str) -> None:
        delay = self.delay(domain)
        if delay <= 0:
            return
        milliseconds = int((delay + MARGIN) * 1000)
        key = lease_key(domain)
        while not self.server.set(key, self.me, nx=True, px=milliseconds):
            remaining = self.server.pttl(key)
            await asyncio.sleep(max(remaining, 1) / 1000)

    async def close(self) -> None:
        for handler in self.inner.values():
            await handler.close()
