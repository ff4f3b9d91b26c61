"""What a shared crawl looks like from Redis: the frontier per paper, the record queue and the writer's lag, the
workers seen lately (`vnnews status --redis`), and what one worker's runs did (`vnnews crawl --redis`)."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from crawler.distributed import (PREFIX, PROCESSING, RECORDS, WORKERS, WORKERS_GONE, WRITER, invocation_key, run_key, site_key,
                                 worker_key)
from crawler.distributed.wire import loads

RECENT_SECONDS = 60


@dataclass
class CrawlStatus:
    frontier: dict[str, tuple[int, int]]  # paper -> (queued, taken)
    waiting: int  # messages in the record queue
    writing: int  # messages the writer has taken and not committed
    lag: float  # seconds since the oldest message not yet in the archive was sent; 0 when none waits
    writer: dict[str, str]  # the writer's heartbeat: id, seen, records, rows_per_s
    workers: dict[str, tuple[float, str, list[str]]]  # worker -> (seconds since seen, crawling/finished, papers)


def crawl_status(server: Any, now: float | None = None) -> CrawlStatus:
    now = now or time.time()
    frontier = {}
    for key in server.scan_iter(f"{PREFIX}:*:requests"):
        site = key.decode().split(":")[1]
        frontier[site] = (server.zcard(key), server.hlen(site_key(site, "taken")))
    for key in server.scan_iter(f"{PREFIX}:*:taken"):
        site = key.decode().split(":")[1]
        frontier.setdefault(site, (0, server.hlen(key)))
    oldest = server.lindex(PROCESSING, -1) or server.lindex(RECORDS, -1)
    lag = max(0.0, now - loads(oldest)["sent_at"]) if oldest else 0.0
    workers = {}
    for key, state in ((WORKERS, "crawling"), (WORKERS_GONE, "finished")):
        for worker, seen in server.zrangebyscore(key, now - RECENT_SECONDS, "+inf", withscores=True):
            sites = sorted(s.decode() for s in server.smembers(f"{worker_key(worker.decode())}:sites"))
            workers[worker.decode()] = (now - seen, state, sites)
    writer = {k.decode(): v.decode() for k, v in server.hgetall(WRITER).items()}
    return CrawlStatus(dict(sorted(frontier.items())), server.llen(RECORDS), server.llen(PROCESSING), lag, writer,
                       workers)


def format_status(status: CrawlStatus, now: float | None = None) -> str:
    now = now or time.time()
    lines = [f"{'frontier':<15}{'queued':>8}{'taken':>7}", "-" * 30]
    lines += [f"{site:<15}{queued:>8}{taken:>7}" for site, (queued, taken) in status.frontier.items()] or ["(empty)"]
    writer = status.writer
    seen = f"seen {now - float(writer['seen']):.0f} s ago, {writer['records']} records, {writer['rows_per_s']} rows/s " \
           f"while busy" if writer else "never seen"
    lines += ["", f"record queue: {status.waiting} messages waiting, {status.writing} being written; "
                  f"writer lag {status.lag:.1f} s",
              f"archive writer: {writer.get('id', '')} {seen}".replace("  ", " "),
              "", f"workers seen in the last minute: {len(status.workers)}"]
    lines += [f"  {worker:<36} {state:<9} {ago:>5.1f} s ago  {', '.join(sites)}"
              for worker, (ago, state, sites) in status.workers.items()]
    return "\n".join(lines)


def worker_summary(server: Any, invocation: str) -> str:
    """The runs of one `vnnews crawl --redis` command, from what its workers reported."""
    header = f"{'paper':<15}{'requests':>9}{'pages':>7}{'failed':>8}{'skipped':>9}  status"
    lines = ["", header, "-" * len(header)]
    runs = [server.hgetall(run_key(r.decode())) for r in server.smembers(invocation_key(invocation))]
    for run in sorted(({k.decode(): v.decode() for k, v in r.items()} for r in runs), key=lambda r: r["site"]):
        counts = json.loads(run.get("counts", "{}"))
        lines.append(f"{run['site']:<15}{counts.get('requests', 0):>9}{counts.get('pages', 0):>7}"
                     f"{counts.get('failed', 0):>8}{counts.get('skipped', 0):>9}  {run['status']}")
    lines.append("\n(the archive writer counts what is new and updated: `vnnews status --redis URL --db ARCHIVE`)")
    return "\n".join(lines)
