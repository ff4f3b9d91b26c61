"""The shared frontier: scrapy-redis's scheduler, dupefilter and priority queue, made reliable.

scrapy-redis pops a request out of Redis and forgets it: a worker killed while it fetches, extracts or holds the
records in its batch loses those requests for good (the dupefilter has seen them, nobody asks again). Here a pop
moves the request into ``vnnews:{site}:taken`` under a token of the worker (one Lua script, atomic); the token is
removed only once the request is done *and* its records are in the record queue (``RedisState.save`` removes it in
the same transaction as the push, or the tick does when nothing is waiting to be pushed). Requests of a worker
whose heartbeat stopped go back into the queue, so a killed worker costs some fetches twice, never a page.

A worker closes its spider only when the queue is empty *and* no other live worker holds requests (those may link
to more pages). When the last one closes on a drained frontier it clears the dupefilter: the next crawl starts
afresh, while a crawl interrupted half-way (workers restarted, SCHEDULER_PERSIST) resumes where it was.
"""

from __future__ import annotations

import time
from typing import Any

from scrapy import Request
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task

from crawler.distributed import WORKER_TIMEOUT, WORKERS, WORKERS_GONE, live_workers, site_key, worker_id, worker_key

# Pop the best request into the taken hash: KEYS queue, taken; ARGV token. Returns the member or nil. Idempotent:
# when Redis restarts, the client sends the call again; the token's request is returned, not a second one.
_TAKE = """
local held = redis.call('HGET', KEYS[2], ARGV[1])
if held then return string.sub(held, string.find(held, ' ', 1, true) + 1) end
local found = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #found == 0 then return false end
redis.call('ZREM', KEYS[1], found[1])
redis.call('HSET', KEYS[2], ARGV[1], found[2] .. ' ' .. found[1])
return found[1]
"""

# Queue a request unless the crawl has seen it: KEYS dupefilter, queue; ARGV fingerprint, score, member. One step,
# so that a call sent again after a Redis restart cannot leave a request marked seen but never queued.
_PUSH_UNSEEN = """
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 1
"""

# Give the requests of workers that are not alive back to the queue: KEYS queue, taken; ARGV the live workers.
_RECOVER = """
local live = {}
for _, w in ipairs(ARGV) do live[w] = true end
local entries = redis.call('HGETALL', KEYS[2])
local moved = 0
for i = 1, #entries, 2 do
  local worker = string.match(entries[i], '^(.*)#%d+$')
  if not live[worker] then
    local space = string.find(entries[i + 1], ' ', 1, true)
    redis.call('ZADD', KEYS[1], string.sub(entries[i + 1], 1, space - 1), string.sub(entries[i + 1], space + 1))
    redis.call('HDEL', KEYS[2], entries[i])
    moved = moved + 1
  end
end
return moved
"""

# A drained frontier (nothing queued, nothing taken) forgets its fingerprints: KEYS queue, taken, dupefilter.
_CLEAR_IF_DRAINED = """
if redis.call('ZCARD', KEYS[1]) == 0 and redis.call('HLEN', KEYS[2]) == 0 then
  redis.call('DEL', KEYS[3])
  return 1
end
return 0
"""


class ReliableQueue(PriorityQueue):
    """scrapy-redis's priority queue whose pop leaves the request in a taken hash until ``ack``."""

    def __init__(self, server: Any, spider: Any, key: str, serializer: Any = None):
        super().__init__(server, spider, key, serializer)
        self.taken_key = site_key(spider.name, "taken")
        self.worker = worker_id()
        self._seq = 0
        self._take = server.register_script(_TAKE)
        self._push_unseen = server.register_script(_PUSH_UNSEEN)
        self._recover = server.register_script(_RECOVER)
        self._clear = server.register_script(_CLEAR_IF_DRAINED)

    def take(self) -> tuple[str, Request] | None:
        self._seq += 1
        token = f"{self.worker}#{self._seq}"
        member = self._take(keys=[self.key, self.taken_key], args=[token])
        return (token, self._decode_request(member)) if member else None

    def push_unseen(self, request: Request, dupefilter_key: str, fingerprint: str) -> bool:
        return bool(self._push_unseen(keys=[dupefilter_key, self.key],
                                      args=[fingerprint, -request.priority, self._encode_request(request)]))

    def pop(self, timeout: int = 0) -> Request | None:
        raise NotImplementedError("use take(): a popped request must be acknowledged")

    def taken(self) -> int:
        return self.server.hlen(self.taken_key)

    def recover(self, live_workers: list[str]) -> int:
        return self._recover(keys=[self.key, self.taken_key], args=live_workers or [""])

    def clear_if_drained(self, dupefilter_key: str) -> bool:
        return bool(self._clear(keys=[self.key, self.taken_key, dupefilter_key]))


class Frontier(Scheduler):
    """scrapy-redis's Scheduler with acknowledged requests, heartbeats and recovery (see the module doc)."""

    TICK = 1.0
    opened = 0  # frontiers open in this process (one per paper): the last to close says the worker is gone

    @classmethod
    def from_crawler(cls, crawler: Any) -> Frontier:
        frontier = super().from_crawler(crawler)
        frontier.crawler = crawler
        frontier.timeout = WORKER_TIMEOUT
        frontier.in_progress: dict[Request, str] = {}  # requests handed to the engine -> their token
        frontier.held = 0  # this worker's entries in the taken hash
        frontier.ticker = task.LoopingCall(frontier.tick)
        frontier._recovered_at = 0.0
        return frontier

    def open(self, spider: Any) -> None:
        from crawler.state import state_of

        super().open(spider)
        self.state = state_of(self.crawler)
        self.state.attach(self)
        Frontier.opened += 1
        self.heartbeat()
        self.recover()
        self.ticker.start(self.TICK, now=False)

    def next_request(self) -> Request | None:
        taken = self.queue.take()
        if taken is None:
            return None
        token, request = taken
        self.in_progress[request] = token
        self.held += 1
        self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def enqueue_request(self, request: Request) -> bool:
        if request.dont_filter or self.queue.push_unseen(request, self.df.key, self.df.request_fingerprint(request)):
            if request.dont_filter:
                self.queue.push(request)
            self.stats.inc_value("scheduler/enqueued/redis")
            return True
        # a duplicate: another request (maybe another worker's) fetches this article. Its date-bounded listing page
        # need not wait for it, unless it is the page's last one: then fetch it again, that settles the page.
        key = request.meta.get("listing_key")
        if key and not self.state.not_pending(key, request.url):
            self.queue.push(request)
            return True
        self.df.log(request, self.spider)
        return False

    def has_pending_requests(self) -> bool:
        # other workers' requests in progress may link to more pages: wait for them (and for a dead one's to return)
        return len(self.queue) > 0 or self.queue.taken() > self.held

    def collect_done(self) -> list[str]:
        """Tokens of the requests the engine has finished with: downloaded, their callback's requests scheduled and
        their items through the pipelines (so in the store pipeline's batch, or pushed already)."""
        active = _engine_in_progress(self.crawler)
        finished = [] if active is None else [request for request in self.in_progress if request not in active]
        return [self.in_progress.pop(request) for request in finished]

    def acked(self, count: int) -> None:
        self.held -= count

    def tick(self) -> None:
        self.heartbeat()
        if not self.state.unsaved():
            tokens = self.collect_done()
            if tokens:
                self.server.hdel(self.queue.taken_key, *tokens)
                self.acked(len(tokens))
        if time.monotonic() - self._recovered_at > self.timeout / 3:
            self.recover()

    def heartbeat(self) -> None:
        me = worker_id()
        with self.server.pipeline(transaction=False) as pipe:
            pipe.zadd(WORKERS, {me: time.time()})
            pipe.sadd(f"{worker_key(me)}:sites", self.spider.name)
            pipe.expire(f"{worker_key(me)}:sites", 86400)
            pipe.execute()

    def recover(self) -> None:
        self._recovered_at = time.monotonic()
        moved = self.queue.recover(live_workers(self.server, self.timeout))
        if moved:
            self.spider.logger.warning("%d requests of a worker that stopped went back to the frontier", moved)
            self.stats.inc_value("vnnews/recovered", moved)

    def close(self, reason: str) -> None:
        if self.ticker.running:
            self.ticker.stop()
        # the engine closes the scheduler after the pipelines: what it finished is pushed. Anything else it held stays
        # taken: once this worker is gone, the others' recovery gives it back to the frontier.
        tokens = self.collect_done()
        if tokens:
            self.server.hdel(self.queue.taken_key, *tokens)
        if reason == "finished" and self.queue.clear_if_drained(self.df.key):
            self.spider.logger.info("frontier drained: the next crawl of %s starts afresh", self.spider.name)
        Frontier.opened -= 1
        if not Frontier.opened:  # the process's last paper: this worker is gone (not dead: nothing to recover)
            with self.server.pipeline() as pipe:
                pipe.zrem(WORKERS, worker_id())
                pipe.zadd(WORKERS_GONE, {worker_id(): time.time()})
                pipe.execute()


def _engine_in_progress(crawler: Any) -> set[Request] | None:
    """The requests the engine is still working on. Scrapy has no signal for "a request and all it produced are
    done"; the engine's slot keeps each request until then (removed after its output is scheduled and its items
    have passed the pipelines)."""
    slot = getattr(crawler.engine, "_slot", None)
    return getattr(slot, "inprogress", None)  # None: cannot tell, so nothing counts as finished before close
