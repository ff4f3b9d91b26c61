"""Distributed crawling on scrapy-redis: workers on any number of machines share one frontier and one dupefilter in
Redis and push their records to a Redis queue; one archive writer drains it into the SQLite archive.

Every key lives under ``vnnews:`` (one Redis database can hold one crawl; ``redis://host:port/DB`` picks another):

    vnnews:{site}:requests     zset   the frontier (scrapy-redis priority queue; members are JSON requests, wire.py)
    vnnews:{site}:taken        hash   requests a worker popped and has not finished: token -> "score member"
    vnnews:{site}:dupefilter   set    fingerprints of the requests of the current crawl (scrapy-redis)
    vnnews:{site}:listing:…    *      date-bounded pagination: open listing pages, their pending articles and dates
    vnnews:records             list   record batches and run events from the workers (LPUSH; the writer takes the
    vnnews:records:processing  list   oldest with BLMOVE into processing and removes it once SQLite committed it)
    vnnews:known               hash   archived URL -> published_at ("" when undated)       } kept by the writer,
    vnnews:backoff             hash   failed URL -> when it may be asked again (epoch s)   } seeded from the
    vnnews:recent:{site}       zset   recent articles by publication time                  } archive at its
    vnnews:validators          hash   URL of a recent article -> {"etag", "last_modified"} } start
    vnnews:caught_up           hash   site -> "1" when its last run finished
    vnnews:runs:seq            string the last run id handed out (the writer seeds it from crawl_runs)
    vnnews:runs:open           hash   run id -> worker that runs it
    vnnews:run:{id}            hash   what a worker's run reported (for its summary and `vnnews status`)
    vnnews:invocation:{id}     set    the runs of one `vnnews crawl --redis` command
    vnnews:workers             zset   worker id -> last heartbeat (epoch s); vnnews:worker:{id}:sites its papers
    vnnews:workers:gone        zset   worker id -> when it closed
    vnnews:writer              hash   the writer's heartbeat, totals and rate
    vnnews:slot:{domain}       string the politeness lease of a domain (SET NX PX = the paper's delay)
"""

from __future__ import annotations

import functools
import os
import socket
import time
import uuid

import redis
from redis.backoff import ExponentialBackoff
from redis.retry import Retry

PREFIX = "vnnews"
RECORDS = f"{PREFIX}:records"
PROCESSING = f"{PREFIX}:records:processing"
KNOWN = f"{PREFIX}:known"
BACKOFF = f"{PREFIX}:backoff"
VALIDATORS = f"{PREFIX}:validators"
CAUGHT_UP = f"{PREFIX}:caught_up"
RUN_SEQ = f"{PREFIX}:runs:seq"
OPEN_RUNS = f"{PREFIX}:runs:open"
WORKERS = f"{PREFIX}:workers"
WORKERS_GONE = f"{PREFIX}:workers:gone"  # worker id -> when it closed
WRITER = f"{PREFIX}:writer"
SEEDED = f"{PREFIX}:seeded"  # set by the writer once the crawl state is in Redis

# How long Redis may be away (a restart) before a call gives up: the client retries with back-off meanwhile.
RETRY = Retry(ExponentialBackoff(cap=1.0, base=0.05), retries=60)
# a worker silent this long is dead: its taken requests go back to the frontier, its runs are interrupted
WORKER_TIMEOUT = float(os.environ.get("VNNEWS_WORKER_TIMEOUT", "30"))


def site_key(site: str, name: str) -> str:
    return f"{PREFIX}:{site}:{name}"


def recent_key(site: str) -> str:
    return f"{PREFIX}:recent:{site}"


def run_key(run_id: int | str) -> str:
    return f"{PREFIX}:run:{run_id}"


def invocation_key(invocation: str) -> str:
    return f"{PREFIX}:invocation:{invocation}"


def worker_key(worker: str) -> str:
    return f"{PREFIX}:worker:{worker}"


class RedisUnavailable(Exception):
    """The Redis URL is wrong or the server does not answer."""


class RetryingRedis(redis.Redis):
    """The client every vnnews component uses: calls wait out a Redis restart instead of failing."""

    @classmethod
    def from_url(cls, url: str, **kwargs: object) -> RetryingRedis:
        kwargs.setdefault("retry", RETRY)
        kwargs.setdefault("retry_on_error", [redis.ConnectionError, redis.TimeoutError])
        kwargs.setdefault("health_check_interval", 30)
        return super().from_url(url, **kwargs)


@functools.cache
def connect(url: str) -> redis.Redis:
    """One client (and connection pool) per URL and process. Checks the server once, without the retries, so a wrong
    URL or a server that is down ends in RedisUnavailable at once."""
    try:
        redis.Redis.from_url(url, socket_connect_timeout=3, socket_timeout=3).ping()
    except (ValueError, redis.RedisError) as exc:
        raise RedisUnavailable(f"cannot use Redis at {url}: {exc}") from None
    return RetryingRedis.from_url(url)


def live_workers(server: redis.Redis, timeout: float = WORKER_TIMEOUT) -> list[str]:
    """Workers that sent a heartbeat in the last ``timeout`` seconds."""
    return [w.decode() for w in server.zrangebyscore(WORKERS, time.time() - timeout, "+inf")]


@functools.cache
def worker_id() -> str:
    """This process as a worker: host, pid and a random part (a restarted process is a new worker)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
