"""``VNNEWS_REDIS=redis://host:port/db`` makes a crawl process a worker of a shared crawl: these settings switch the
scheduler, the dupefilter, the queue and its serializer to scrapy-redis (crawler.distributed.frontier) and wrap the
download handlers in the cross-worker politeness lease (crawler.distributed.polite). The crawl state follows the same
setting (crawler.state.open_state). Does nothing when VNNEWS_REDIS is unset."""

from __future__ import annotations

from typing import Any

from crawler.distributed import PREFIX
from crawler.distributed.polite import INNER_SETTING

POLITE = "crawler.distributed.polite.PoliteDownloadHandler"


class RedisAddon:
    def update_settings(self, settings: Any) -> None:
        url = settings.get("VNNEWS_REDIS")
        if not url:
            return
        for name, value in {
            "REDIS_URL": url,
            "REDIS_PARAMS": {"redis_cls": "crawler.distributed.RetryingRedis"},
            "SCHEDULER": "crawler.distributed.frontier.Frontier",
            "SCHEDULER_QUEUE_CLASS": "crawler.distributed.frontier.ReliableQueue",
            "SCHEDULER_SERIALIZER": "crawler.distributed.wire",
            "SCHEDULER_QUEUE_KEY": f"{PREFIX}:%(spider)s:requests",
            "SCHEDULER_DUPEFILTER_KEY": f"{PREFIX}:%(spider)s:dupefilter",
            "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
            "SCHEDULER_PERSIST": True,  # the frontier outlives a worker: a restarted one resumes the crawl
        }.items():
            settings.set(name, value, priority="addon")
        # wrap whatever fetches http(s) now (the mirror's handler, or Scrapy's), so the lease is taken last
        handlers = {**settings.getdict("DOWNLOAD_HANDLERS_BASE"), **settings.getdict("DOWNLOAD_HANDLERS")}
        inner = {scheme: handlers[scheme] for scheme in ("http", "https") if handlers.get(scheme)}
        settings.set(INNER_SETTING, inner, priority="project")
        # "project", like the mirror add-on: an add-on's own priority is below settings.py's
        settings.set("DOWNLOAD_HANDLERS", {**settings.getdict("DOWNLOAD_HANDLERS"), **dict.fromkeys(inner, POLITE)},
                     priority="project")
