"""The archive writer of a shared crawl: the one process that writes the SQLite archive.

Reliable queue: a message moves from ``vnnews:records`` to ``vnnews:records:processing`` (LMOVE, atomic) and is
removed from there only after the SQLite transaction that applied it committed. The transaction also records the
message's id (table ``applied_messages``), so a writer killed between its commit and the removal skips the message
when it finds it again at its restart: nothing is lost, nothing is written twice.

After each commit it updates the crawl state the workers read (known URLs, back-off, recent articles and their
validators, caught-up papers); at its start it seeds that state from the archive. It also notices workers that
stopped without closing their runs and records those runs as interrupted, in order with the runs' records.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Iterable

from archive.record import Failure, utcnow
from crawler.distributed import (BACKOFF, CAUGHT_UP, KNOWN, OPEN_RUNS, PROCESSING, RECORDS, RUN_SEQ, SEEDED,
                                 VALIDATORS, WORKER_TIMEOUT, WRITER, live_workers, recent_key, run_key)
from crawler.distributed.wire import WireError, message, read
from crawler.state import ArchiveState, retry_wait

log = logging.getLogger("vnnews.writer")

REJECTED = f"{RECORDS}:rejected"  # messages this writer cannot read, kept for a look
LOCK = f"{WRITER}:lock"
LOCK_SECONDS = 10
RECHECK_WINDOW_DAYS = 30  # recent articles whose validators the workers get (they re-check the last few days)
WORKER_COUNTS = ("new", "updated", "unchanged")  # counted here, from what the archive did; the rest the worker counts
VN_TZ = timezone(timedelta(hours=7))


class WriterBusy(Exception):
    """Another archive writer holds this Redis."""


@dataclass
class Changes:
    """What one transaction changed, for the crawl state in Redis."""

    known: dict[str, str] = field(default_factory=dict)
    recent: list[tuple[str, str, str, dict[str, str]]] = field(default_factory=list)  # site, url, published, validators
    failed: set[str] = field(default_factory=set)
    sites: set[str] = field(default_factory=set)  # whose last run changed
    records: int = 0


def published_epoch(published: str) -> float:
    moment = datetime.fromisoformat(published)
    return (moment if moment.tzinfo else moment.replace(tzinfo=VN_TZ)).timestamp()


class ArchiveWriter:
    def __init__(self, server: Any, db: str, *, batch: int = 20, worker_timeout: float = WORKER_TIMEOUT):
        self.server = server
        self.state = ArchiveState(db)
        self.archive = self.state.archive
        self.batch = batch
        self.worker_timeout = worker_timeout
        self.me = f"{socket.gethostname()}:{os.getpid()}"
        self.applied_records = 0
        self.busy_seconds = 0.0

    # -- the single writer --------------------------------------------------------------------------------------

    def lock(self) -> None:
        """Hold the writer's lease in Redis (renewed by ``heartbeat``); a stale one of a dead process on this host
        is taken over at once."""
        if self.server.set(LOCK, self.me, nx=True, ex=LOCK_SECONDS):
            return
        holder = (self.server.get(LOCK) or b"").decode()
        host, _, pid = holder.rpartition(":")
        if host == socket.gethostname() and pid.isdigit() and not _alive(int(pid)):
            self.server.set(LOCK, self.me, ex=LOCK_SECONDS)
            return
        raise WriterBusy(f"another archive writer ({holder}) is draining this Redis")

    def unlock(self) -> None:
        if (self.server.get(LOCK) or b"").decode() == self.me:
            self.server.delete(LOCK)

    def heartbeat(self) -> None:
        rate = self.applied_records / self.busy_seconds if self.busy_seconds else 0.0
        with self.server.pipeline() as pipe:
            pipe.set(LOCK, self.me, ex=LOCK_SECONDS)
            pipe.hset(WRITER, mapping={"id": self.me, "seen": time.time(), "records": self.applied_records,
                                       "rows_per_s": f"{rate:.1f}"})
            pipe.execute()

    # -- seeding the crawl state from the archive ----------------------------------------------------------------

    def seed(self, window_days: float = RECHECK_WINDOW_DAYS) -> dict[str, int]:
        """Load the crawl state the workers read from the archive, replacing what Redis held (each key is built
        aside and renamed into place, so workers never see it half-built)."""
        known = self._replace_hash(KNOWN, ((url, published or "") for url, published in self.archive.iter_known()))
        recent = list(self.archive.recent_pages(window_days))
        self._replace_hash(VALIDATORS, ((url, json.dumps(v)) for _, url, _, v in recent))
        seeded = {k.decode().rsplit(":", 1)[1] for k in self.server.scan_iter(recent_key("*"))
                  if not k.endswith(b":seeding")}
        for site in {site for site, *_ in recent} | seeded:
            members = {url: published_epoch(p) for s, url, p, _ in recent if s == site and p}
            self._replace(recent_key(site), lambda key, m=members: m and self.server.zadd(key, m))
        now = time.time()
        waiting = {url: until for url, until in ((url, _retry_at(h)) for url, h in self.archive.failure_history().items())
                   if until > now}
        self._replace_hash(BACKOFF, waiting.items())
        sites = [s for (s,) in self.archive.db.execute("SELECT DISTINCT site FROM crawl_runs")]
        self._replace_hash(CAUGHT_UP, ((s, "1" if self.archive.last_run_finished(s) else "0") for s in sites))
        last_run = self.archive.db.execute("SELECT coalesce(max(id), 0) FROM crawl_runs").fetchone()[0]
        if int(self.server.get(RUN_SEQ) or 0) < last_run:
            self.server.set(RUN_SEQ, last_run)
        self.server.set(SEEDED, utcnow())
        return {"known URLs": known, "recent articles": len(recent), "backing off": len(waiting)}

    def _replace_hash(self, key: str, pairs: Iterable[tuple[str, Any]]) -> int:
        count = 0

        def fill(aside: str) -> None:
            nonlocal count
            chunk: dict[str, Any] = {}
            for name, value in pairs:
                chunk[name] = value
                if len(chunk) >= 5000:
                    count += len(chunk)
                    self.server.hset(aside, mapping=chunk)
                    chunk = {}
            if chunk:
                count += len(chunk)
                self.server.hset(aside, mapping=chunk)

        self._replace(key, fill)
        return count

    def _replace(self, key: str, fill: Callable[[str], Any]) -> None:
        aside = f"{key}:seeding"
        self.server.delete(aside)
        fill(aside)
        if self.server.exists(aside):
            self.server.rename(aside, key)
        else:
            self.server.delete(key)

    # -- draining the queue ----------------------------------------------------------------------------------------

    def run(self, *, should_stop: Callable[[], bool] = lambda: False, exit_when_done: bool = False) -> None:
        """Drain the record queue until ``should_stop`` (or, with ``exit_when_done``, until the crawl is over:
        nothing queued, no run open, no worker alive)."""
        self.lock()
        try:
            self.heartbeat()
            checked, started = 0.0, False  # started: a crawl has begun (a run opened or a message came)
            while not should_stop():
                self.sweep()
                raws = self.take()
                if raws:
                    self.apply(raws)
                    started = True
                if time.monotonic() - checked >= 1.0:
                    checked = time.monotonic()
                    self.heartbeat()
                    self.interrupt_dead_runs()
                    started = started or bool(self.server.hlen(OPEN_RUNS))
                    if exit_when_done and started and not raws and self.crawl_over():
                        break
        finally:
            self.unlock()

    def sweep(self) -> None:
        """Between two batches the processing list holds what no transaction of this writer is applying: what a
        killed writer had taken, or a move Redis did while its answer was lost (a restart) and the client sent
        again. Applied already or not, the messages' ids tell."""
        leftover = self.server.lrange(PROCESSING, 0, -1)
        if leftover:
            log.warning("%d messages taken but not released (a writer killed, or Redis restarted): applying those "
                        "not in the archive yet", len(leftover))
            self.apply(list(reversed(leftover)))

    def take(self) -> list[bytes]:
        """Up to ``batch`` messages, oldest first, each moved to the processing list (waits up to a second)."""
        first = self.server.blmove(RECORDS, PROCESSING, 1, "RIGHT", "LEFT")
        if first is None:
            return []
        with self.server.pipeline(transaction=False) as pipe:
            for _ in range(self.batch - 1):
                pipe.lmove(RECORDS, PROCESSING, "RIGHT", "LEFT")
            return [first, *(raw for raw in pipe.execute() if raw is not None)]

    def apply(self, raws: list[bytes]) -> int:
        """Apply messages in one transaction, then update the crawl state and release them. Returns the records."""
        started = time.perf_counter()
        messages, changes = [], Changes()
        for raw in raws:
            try:
                messages.append(read(raw))
            except WireError as exc:
                log.error("rejected a message (%s): kept in %s", exc, REJECTED)
                with self.server.pipeline() as pipe:
                    pipe.lpush(REJECTED, raw)
                    pipe.lrem(PROCESSING, 1, raw)
                    pipe.execute()
        db = self.archive.db
        with self.archive.transaction():
            ids = [m["id"] for m in messages]
            done = {i for (i,) in db.execute(f"SELECT id FROM applied_messages WHERE id IN ({', '.join('?' * len(ids))})",
                                             ids)} if ids else set()
            for msg in messages:
                if msg["id"] not in done:  # a push sent twice (Redis restarted before it answered) counts once
                    done.add(msg["id"])
                    self._apply(msg, changes)
            db.conn.executemany("INSERT OR IGNORE INTO applied_messages (id, applied_at) VALUES (?, ?)",
                                [(i, utcnow()) for i in set(ids)])
        self._publish(changes, raws)
        self.applied_records += changes.records
        self.busy_seconds += time.perf_counter() - started
        return changes.records

    def _apply(self, msg: dict[str, Any], changes: Changes) -> None:
        kind, run_id = msg["kind"], msg.get("run")
        if kind == "run_started":
            self.archive.start_run(msg["site"], msg["invocation"], msg.get("source", "crawl"), run_id=run_id,
                                   started_at=msg["started_at"])
        elif kind == "run_finished":
            counts = {k: v for k, v in msg["counts"].items() if k not in WORKER_COUNTS}
            self.archive.finish_run(run_id, counts, msg["status"], finished_at=msg["finished_at"])
            self.archive.db.execute("UPDATE crawl_runs SET " + ", ".join(f"{k} = coalesce({k}, 0)" for k in WORKER_COUNTS)
                                    + " WHERE id = ?", [run_id])
            changes.sites.add(self._site_of(run_id))
        elif kind == "run_interrupted":
            self.archive.db.execute("UPDATE crawl_runs SET status = 'interrupted' WHERE id = ? AND status = 'running'",
                                    [run_id])
            changes.sites.add(self._site_of(run_id))
        elif kind == "records":
            self._apply_records(msg["records"], run_id, changes)
        else:
            log.error("unknown message kind %r: skipped", kind)

    def _apply_records(self, records: list[Any], run_id: int, changes: Changes) -> None:
        outcomes = self.state.save(records, run_id)
        tally = Counter(o for o in outcomes if o in WORKER_COUNTS)
        if tally:
            self.archive.db.execute(
                "UPDATE crawl_runs SET " + ", ".join(f"{k} = coalesce({k}, 0) + ?" for k in tally) + " WHERE id = ?",
                [*tally.values(), run_id])
        changes.records += len(records)
        for record in records:
            article = None if isinstance(record, Failure) else record.article
            if article is None:
                changes.failed.add(record.url if isinstance(record, Failure) else record.page.url)
                continue
            for url in (article.url, *article.former_urls):
                changes.known[url] = article.published_at or ""
            if article.published_at:
                headers = record.page.headers
                validators = {k: v for k, v in (("etag", headers.get("etag")),
                                                ("last_modified", headers.get("last-modified"))) if v}
                changes.recent.append((article.site, article.url, article.published_at, validators))

    def _site_of(self, run_id: int) -> str:
        row = self.archive.db.execute("SELECT site FROM crawl_runs WHERE id = ?", [run_id]).fetchone()
        return row[0] if row else ""

    def _publish(self, changes: Changes, raws: list[bytes]) -> None:
        """After the commit: the crawl state the workers read, then the messages leave the processing list."""
        cutoff = time.time() - RECHECK_WINDOW_DAYS * 86400
        history = self.archive.failure_history(sorted(changes.failed)) if changes.failed else {}
        with self.server.pipeline() as pipe:
            if changes.known:
                pipe.hset(KNOWN, mapping=changes.known)
            for site, url, published, validators in changes.recent:
                if published_epoch(published) >= cutoff:
                    pipe.zadd(recent_key(site), {url: published_epoch(published)})
                    pipe.hset(VALIDATORS, url, json.dumps(validators))
            if history:
                pipe.hset(BACKOFF, mapping={url: _retry_at(h) for url, h in history.items()})
            for site in changes.sites - {""}:
                pipe.hset(CAUGHT_UP, site, "1" if self.archive.last_run_finished(site) else "0")
            for raw in raws:
                pipe.lrem(PROCESSING, 1, raw)
            pipe.execute()

    # -- runs of workers that stopped ------------------------------------------------------------------------------

    def interrupt_dead_runs(self) -> None:
        """Runs whose worker stopped heartbeating are interrupted: say so after whatever that worker had pushed."""
        open_runs = self.server.hgetall(OPEN_RUNS)
        if not open_runs:
            return
        live = set(live_workers(self.server, self.worker_timeout))
        for run_id, worker in open_runs.items():
            if worker.decode() not in live:
                with self.server.pipeline() as pipe:
                    pipe.lpush(RECORDS, message("run_interrupted", self.me, run=int(run_id)))
                    pipe.hdel(OPEN_RUNS, run_id)
                    pipe.hset(run_key(run_id.decode()), "status", "interrupted")
                    pipe.execute()
                log.warning("run %s of worker %s stopped without closing: interrupted", run_id.decode(),
                            worker.decode())

    def crawl_over(self) -> bool:
        return (not self.server.llen(RECORDS) and not self.server.llen(PROCESSING)
                and not self.server.hlen(OPEN_RUNS) and not live_workers(self.server, self.worker_timeout))

    def close(self) -> None:
        self.state.close()


def _retry_at(history: tuple[str, int | None, int, str]) -> float:
    stage, status, attempts, last = history
    return (datetime.fromisoformat(last) + retry_wait(stage, status, attempts)).timestamp()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
