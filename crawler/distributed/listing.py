"""Date-bounded pagination across workers: a listing page is opened by the worker that read it, its articles are
settled by whichever workers extract them, maybe before the page is even opened. Each operation is one Lua script
over four keys per page: ``open`` (a marker: 1, or ``decided`` once settled early), ``pending`` (set), ``dates``
(list) and ``early`` (articles settled, or found asked by another request, before the page was opened)."""

from __future__ import annotations

import hashlib
from typing import Any

from crawler.distributed import PREFIX

TTL = 86400  # a page whose articles never all settle (a worker died with the page's state) is forgotten in a day
UNDATED = ""  # an article settled without a date (it failed)
ASKED_ELSEWHERE = "-"  # an article another request fetches: it settles no date for this page

_KEYS = "local open, pending, dates, early = KEYS[1], KEYS[2], KEYS[3], KEYS[4]\n"
# a page is settled once: when its last article is done, or at once when an article is as recent as the bound
# (then ``open`` says 'decided' until its other articles are done, so that they settle nothing more)
_FORGET = """
local function forget_if_done()
  if redis.call('SCARD', pending) == 0 then redis.call('DEL', open, pending, dates) return true end
  return false
end
"""
_SETTLED = _FORGET + """
local function reaches(d, bound) return d ~= '' and d ~= '-' and string.sub(d, 1, 10) >= bound end
local function settled()
  local out = {'done'}
  for _, d in ipairs(redis.call('LRANGE', dates, 0, -1)) do table.insert(out, d) end
  if not forget_if_done() then redis.call('SET', open, 'decided', 'KEEPTTL') end
  return out
end
"""

# ARGV: ttl, bound, number of pending URLs, the pending URLs, the dates known already
_OPEN = _KEYS + _SETTLED + """
local bound, n = ARGV[2], tonumber(ARGV[3])
local recent = false
for i = 4, 3 + n do
  local early_date = redis.call('HGET', early, ARGV[i])
  if not early_date then redis.call('SADD', pending, ARGV[i])
  elseif early_date ~= '-' then
    redis.call('RPUSH', dates, early_date)
    recent = recent or reaches(early_date, bound)
  end
end
for i = 4 + n, #ARGV do
  redis.call('RPUSH', dates, ARGV[i])
  recent = recent or reaches(ARGV[i], bound)
end
redis.call('DEL', early)
redis.call('SET', open, '1', 'EX', ARGV[1])
redis.call('EXPIRE', pending, ARGV[1])
redis.call('EXPIRE', dates, ARGV[1])
if recent or redis.call('SCARD', pending) == 0 then return settled() end
return false
"""

# ARGV: url, date, ttl, bound
_SETTLE = _KEYS + _SETTLED + """
local state = redis.call('GET', open)
if not state then
  redis.call('HSET', early, ARGV[1], ARGV[2])
  redis.call('EXPIRE', early, ARGV[3])
  return false
end
if redis.call('SREM', pending, ARGV[1]) == 0 then return false end
if state == 'decided' then forget_if_done() return false end
redis.call('RPUSH', dates, ARGV[2])
if reaches(ARGV[2], ARGV[4]) or redis.call('SCARD', pending) == 0 then return settled() end
return false
"""

# ARGV: url, ttl. 1: this page need not wait for the URL; 0: it is the page's last pending article, let it be fetched
_NOT_PENDING = _KEYS + _FORGET + """
local state = redis.call('GET', open)
if not state then
  redis.call('HSET', early, ARGV[1], '-')
  redis.call('EXPIRE', early, ARGV[2])
  return 1
end
if redis.call('SISMEMBER', pending, ARGV[1]) == 0 then return 1 end
if state ~= 'decided' and redis.call('SCARD', pending) == 1 then return 0 end
redis.call('SREM', pending, ARGV[1])
forget_if_done()
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

    def open_listing_page(self, key: str, pending: set[str], dates: list[str | None],
                          bound: str) -> list[str | None] | None:
        urls = sorted(pending)
        return _dates(self._open(keys=self._keys(key),
                                 args=[TTL, bound, len(urls), *urls, *(d or UNDATED for d in dates)]))

    def settle(self, key: str, url: str, published: str | None, bound: str) -> list[str | None] | None:
        return _dates(self._settle(keys=self._keys(key), args=[url, published or UNDATED, TTL, bound]))

    def not_pending(self, key: str, url: str) -> bool:
        """A request for ``url`` from page ``key`` was dropped as a duplicate: True when the page need not wait for
        it, False when it is the page's last pending article (then let the request be fetched again, so that its
        page settles the ordinary way)."""
        return bool(self._not_pending(keys=self._keys(key), args=[url, TTL]))


def _dates(result: list[bytes] | None) -> list[str | None] | None:
    if not result:
        return None
    return [d.decode() or None for d in result[1:]]
