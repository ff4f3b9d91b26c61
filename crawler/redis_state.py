"""The crawl state of a worker of a shared crawl (``VNNEWS_REDIS``), in Redis: the CrawlState of crawler.state, so
the spider and the pipelines work unchanged.

Lookups (known URLs, back-off, recent articles and their validators, caught-up papers) read what the archive
writer keeps in Redis (crawler.distributed.writer); ``save`` pushes the batch to the record queue; runs are events
on the same queue (the writer records them in crawl_runs, in order with the records) plus a hash per run for the
worker's summary and `vnnews status`. Date-bounded pagination lives in Redis too (crawler.distributed.listing):
another worker may fetch the articles a listing page linked.
"""

from __future__ import annotations

import json
import time
from typing import Any

from scrapy import signals

from archive.record import Failure, utcnow
from crawler.distributed import (CAUGHT_UP, KNOWN, BACKOFF, OPEN_RUNS, RECORDS, RUN_SEQ, SEEDED, VALIDATORS, connect,
                                 invocation_key, recent_key, run_key, worker_id)
from crawler.distributed.listing import SharedListingPages
from crawler.distributed.wire import message
from crawler.items import Extracted
from crawler.state import Record

RUN_TTL = 7 * 86400


class NotSeeded(Exception):
    """No archive writer has loaded the crawl state into this Redis yet."""


def not_seeded_message(url: str) -> str:
    return (f"no archive writer has loaded the crawl state into {url} yet: start "
            f"`vnnews archive-writer --redis {url} --db ARCHIVE` first")


class RedisState(SharedListingPages):
    def __init__(self, url: str):
        server = connect(url)
        if not server.exists(SEEDED):
            raise NotSeeded(not_seeded_message(url))
        super().__init__(server)
        self.worker = worker_id()
        self.frontier: Any = None
        # records that passed the pipelines (item_scraped) but are not pushed yet, and the reverse (a full batch is
        # pushed from inside the pipeline, before the signal): the frontier acknowledges requests only when both
        # are empty or at a push (crawler.distributed.frontier)
        self._unsaved: dict[int, Any] = {}
        self._saved_early: dict[int, Any] = {}

    def attach(self, frontier: Any) -> None:
        """The crawl's frontier, whose finished requests each push acknowledges."""
        self.frontier = frontier
        frontier.crawler.signals.connect(self._scraped, signal=signals.item_scraped)

    def _scraped(self, item: Any, **_: Any) -> None:
        if isinstance(item, (Extracted, Failure)) and self._saved_early.pop(id(item), None) is None:
            self._unsaved[id(item)] = item

    def unsaved(self) -> bool:
        return bool(self._unsaved)

    # -- runs ------------------------------------------------------------------------------------------------------

    def start_run(self, site: str, invocation: str, source: str = "crawl") -> int:
        run_id = int(self.server.incr(RUN_SEQ))
        started = utcnow()
        with self.server.pipeline() as pipe:
            pipe.lpush(RECORDS, message("run_started", self.worker, run=run_id, site=site, invocation=invocation,
                                        started_at=started, source=source))
            pipe.hset(OPEN_RUNS, str(run_id), self.worker)
            pipe.hset(run_key(run_id), mapping={"site": site, "invocation": invocation, "worker": self.worker,
                                                "started_at": started, "status": "running"})
            pipe.expire(run_key(run_id), RUN_TTL)
            pipe.sadd(invocation_key(invocation), run_id)
            pipe.expire(invocation_key(invocation), RUN_TTL)
            pipe.execute()
        return run_id

    def finish_run(self, run_id: int, counts: dict[str, int], status: str) -> None:
        finished = utcnow()
        with self.server.pipeline() as pipe:
            pipe.lpush(RECORDS, message("run_finished", self.worker, run=run_id, counts=counts, status=status,
                                        finished_at=finished))
            pipe.hdel(OPEN_RUNS, str(run_id))
            pipe.hset(run_key(run_id), mapping={"status": status, "finished_at": finished,
                                                "counts": json.dumps(counts)})
            pipe.execute()

    def caught_up(self, site: str) -> bool:
        return self.server.hget(CAUGHT_UP, site) == b"1"

    # -- URLs ------------------------------------------------------------------------------------------------------

    def recheck(self, site: str, days: float) -> dict[str, dict[str, str]]:
        urls = self.server.zrangebyscore(recent_key(site), time.time() - days * 86400, "+inf")
        if not urls:
            return {}
        found = self.server.hmget(VALIDATORS, urls)
        return {url.decode(): json.loads(v) if v else {} for url, v in zip(urls, found, strict=True)}

    def known(self, urls: list[str]) -> dict[str, str | None]:
        if not urls:
            return {}
        return {url: published.decode() or None
                for url, published in zip(urls, self.server.hmget(KNOWN, urls), strict=True) if published is not None}

    def backing_off(self, urls: list[str]) -> set[str]:
        if not urls:
            return set()
        now = time.time()
        return {url for url, until in zip(urls, self.server.hmget(BACKOFF, urls), strict=True)
                if until is not None and float(until) > now}

    # -- records ---------------------------------------------------------------------------------------------------

    def save(self, records: list[Record], run_id: int) -> list[str]:
        """Push the batch to the record queue, and in the same transaction acknowledge the requests that are done
        (their records are in this batch or an earlier one). What the archive makes of each record (new, updated,
        unchanged) the writer counts; here a record is "queued", or "failed" when it holds no article."""
        for record in records:
            if self._unsaved.pop(id(record), None) is None:
                self._saved_early[id(record)] = record
        tokens = self.frontier.collect_done() if self.frontier else []
        with self.server.pipeline() as pipe:
            pipe.lpush(RECORDS, message("records", self.worker, run=run_id, records=records))
            if tokens:
                pipe.hdel(self.frontier.queue.taken_key, *tokens)
            pipe.execute()
        if tokens:
            self.frontier.acked(len(tokens))
        return ["failed" if isinstance(r, Failure) or r.article is None else "queued" for r in records]

    def close(self) -> None:
        pass  # the connection is the process's (crawler.distributed.connect)
