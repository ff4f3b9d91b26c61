"""Date-bounded pagination across workers: a listing page is opened by the worker that read it, its articles are
settled by whichever workers extract them, maybe before the page is even opened. Each operation is one Lua script
over four keys per page: ``open`` (a marker), ``pending`` (set), ``dates`` (list) and ``early`` (articles settled,
or found asked by another request, before the page was opened)."""

from __future__ import annotations

import hashlib
from typing import Any

from crawler.distributed import PREFIX

TTL = 86400  # a page whose articles never all settle (a worker died with the page's state) is forgotten in a day
UNDATED = ""  # an article settled without a date (it failed)
ASKED_ELSEWHERE = "-"  # an article another request fetches: it settles no date for this page

_KEYS = "local open, pending, dates, early = KEYS[1], KEYS[2], KEYS[3], KEYS[4]\n"
_DONE = """
local function done()
  local out = {'done'}
  for _, d in ipairs(redis.call('LRANGE', dates, 0, -1)) do table.insert(out, d) end
  redis.call('DEL', open, pending, dates)
  return out
end
"""

# ARGV: ttl, number of pending URLs, the pending URLs, the dates known already
_OPEN = _KEYS + _DONE + """
local n = tonumber(ARGV[2])
for i = 3, 2 + n do
  local early_date = redis.call('HGET', early, ARGV[i])
  if not early_date then redis.call('SADD', pending, ARGV[i])
  elseif early_date ~= '-' then redis.call('RPUSH', dates, early_date) end
end
for i = 3 + n, #ARGV do redis.call('RPUSH', dates, ARGV[i]) end
redis.call('DEL', early)
if redis.call('SCARD', pending) == 0 then return done() end
redis.call('SET', open, '1', 'EX', ARGV[1])
redis.call('EXPIRE', pending, ARGV[1])
redis.call('EXPIRE', dates, ARGV[1])
return false
"""

# ARGV: url, date, ttl
_SETTLE = _KEYS + _DONE + """
if redis.call('EXISTS', open) == 0 then
  redis.call('HSET', early, ARGV[1], ARGV[2])
  redis.call('EXPIRE', early, ARGV[3])
  return false
end
if redis.call('SREM', pending, ARGV[1]) == 0 then return false end
redis.call('RPUSH', dates, ARGV[2])
if redis.call('SCARD', pending) == 0 then return done() end
return false
"""

# ARGV: url, ttl. 1: this page need not wait for the URL; 0: it is the page's last pending article, let it be fetched
_NOT_PENDING = _KEYS + """
if redis.call('EXISTS', open) == 0 then
  redis.call('HSET', early, ARGV[1], '-')
  redis.call('EXPIRE', early, ARGV[2])
  return 1
end
if redis.call('SISMEMBER', pending, ARGV[1]) == 0 then return 1 end
if redis.call('SCARD', pending) == 1 then return 0 end
redis.call('SREM', pending, ARGV[1])
return 1
"""


class SharedListingPages:
    """The ListingPages of crawler.state, kept in Redis."""

    def __init__(self, server: Any):
        self.server = server
        self._open = server.register_script(_OPEN)
        self._settle = server.register_script(_SETTLE)
        self._not_pending = server.register_script(_NOT_PENDING)

    @staticmethod
    def _keys(key: str) -> list[str]:
        base = f"{PREFIX}:listing:{hashlib.sha1(key.encode()).hexdigest()[:20]}"
        return [f"{base}:{part}" for part in ("open", "pending", "dates", "early")]

    def open_listing_page(self, key: str, pending: set[str], dates: list[str | None]) -> list[str | None] | None:
        urls = sorted(pending)
        return _dates(self._open(keys=self._keys(key),
                                 args=[TTL, len(urls), *urls, *(d or UNDATED for d in dates)]))

    def settle(self, key: str, url: str, published: str | None) -> list[str | None] | None:
        return _dates(self._settle(keys=self._keys(key), args=[url, published or UNDATED, TTL]))

    def not_pending(self, key: str, url: str) -> bool:
        """A request for ``url`` from page ``key`` was dropped as a duplicate: True when the page need not wait for
        it, False when it is the page's last pending article (then let the request be fetched again, so that its
        page settles the ordinary way)."""
        return bool(self._not_pending(keys=self._keys(key), args=[url, TTL]))


def _dates(result: list[bytes] | None) -> list[str | None] | None:
    if not result:
        return None
    return [d.decode() or None for d in result[1:]]
