"""The crawl's memory, behind one interface: which URLs are known, which recent articles to re-check and with which
validators, which failed URLs are backing off, which date-bounded listing pages are settled, the runs, and where
the records go.

The spider and the pipelines talk only to ``CrawlState``. ``ArchiveState`` keeps it in the SQLite archive (one
machine); a shared implementation (Redis) replaces it without touching either. ``state_of(crawler)`` gives the
crawl's one instance.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Protocol

from archive.record import Failure
from archive.store import Archive
from crawler.items import Extracted

Record = Extracted | Failure


def retry_wait(stage: str, status: int | None, attempts: int) -> timedelta:
    """How long a URL that failed waits before the crawl asks for it again."""
    if stage in ("extract", "content-type", "size") or status in (404, 410):
        return timedelta(days=30)  # the page is gone or is no article: look again in a month
    if stage == "robots":
        return timedelta(days=7)  # robots.txt rules change, but seldom
    return min(timedelta(hours=2 ** (attempts - 1)), timedelta(days=7))  # timeouts, 5xx: 1, 2, 4 … hours


class CrawlState(Protocol):
    # -- runs
    def start_run(self, site: str, invocation: str, source: str = "crawl") -> int: ...
    def finish_run(self, run_id: int, counts: dict[str, int], status: str) -> None: ...
    def caught_up(self, site: str) -> bool:
        """Did the last run of this paper finish? Then pagination may stop at the first page with nothing new."""
    # -- URLs
    def recheck(self, site: str, days: float) -> dict[str, dict[str, str]]:
        """Recent articles to re-fetch for edits -> their validators (etag, last_modified)."""
    def known(self, urls: list[str]) -> dict[str, str | None]:
        """Which of these URLs are archived (canonical or former), with their published_at."""
    def backing_off(self, urls: list[str]) -> set[str]:
        """Which of these URLs failed too recently to be asked for again."""
    # -- date-bounded pagination: a listing page is settled once one of its articles is as recent as the bound
    # (the crawl goes on at once), or once every article it linked is dated or failed
    def open_listing_page(self, key: str, pending: set[str], dates: list[str | None],
                          bound: str) -> list[str | None] | None:
        """Remember a listing page; its dates when that settles it, else None."""
    def settle(self, key: str, url: str, published: str | None, bound: str) -> list[str | None] | None:
        """One of its articles is done; the page's dates once that settles it (once only), else None."""
    # -- records
    def save(self, records: list[Record], run_id: int) -> list[str]:
        """Store a batch; the outcome of each: new, updated, unchanged or failed."""
    def close(self) -> None: ...


def reaches(published: str | None, bound: str) -> bool:
    """Is an article published on or after the bound (YYYY-MM-DD)? Then its listing page is recent enough."""
    return bool(published) and published[:10] >= bound


class ListingPages:
    """The pending articles and the dates of open date-bounded listing pages, in this process's memory. Waiting
    for a page's last article only when it must (every article so far older than the bound) keeps the next listing
    page coming while the others are still extracted: date-bounded is as fast as plain pagination."""

    def __init__(self) -> None:
        self._pages: dict[str, tuple[set[str], list[str | None]]] = {}

    def open_listing_page(self, key: str, pending: set[str], dates: list[str | None],
                          bound: str) -> list[str | None] | None:
        if not pending or any(reaches(d, bound) for d in dates):
            return list(dates)
        self._pages[key] = (set(pending), list(dates))
        return None

    def settle(self, key: str, url: str, published: str | None, bound: str) -> list[str | None] | None:
        entry = self._pages.get(key)
        if entry is None or url not in entry[0]:
            return None  # not pending, or its page is settled already
        entry[0].discard(url)
        entry[1].append(published)
        if entry[0] and not reaches(published, bound):
            return None
        del self._pages[key]
        return entry[1]


class ArchiveState(ListingPages):
    """The crawl state kept in the SQLite archive: what is archived is known, failures back off, runs are rows."""

    def __init__(self, db: str):
        super().__init__()
        self.archive = Archive(db)

    def start_run(self, site: str, invocation: str, source: str = "crawl") -> int:
        return self.archive.start_run(site, invocation, source)

    def finish_run(self, run_id: int, counts: dict[str, int], status: str) -> None:
        self.archive.finish_run(run_id, counts, status)

    def caught_up(self, site: str) -> bool:
        return self.archive.last_run_finished(site)

    def recheck(self, site: str, days: float) -> dict[str, dict[str, str]]:
        return self.archive.recent_articles(site, days)

    def known(self, urls: list[str]) -> dict[str, str | None]:
        return self.archive.known(urls)

    def backing_off(self, urls: list[str]) -> set[str]:
        now = datetime.now(timezone.utc)
        return {url for url, (stage, status, attempts, last) in self.archive.failure_history(urls).items()
                if datetime.fromisoformat(last) + retry_wait(stage, status, attempts) > now}

    def save(self, records: list[Record], run_id: int) -> list[str]:
        outcomes = []
        with self.archive.transaction():
            for record in records:
                if isinstance(record, Failure):
                    self.archive.save_failure(record, run_id)
                    outcomes.append("failed")
                    continue
                record.page.run_id = run_id
                self.archive.save_page(record.page)
                if record.article is not None:
                    # cause of a new version: a crawl, or the import that brought a capture (warc, wacz, wayback)
                    outcomes.append(self.archive.save_article(record.article, run_id, cause=record.page.source,
                                                              indexed=record.indexed))
                else:
                    # filed under the URL the crawl asks for (a listing's link), or it would be asked for every run
                    page = record.page
                    self.archive.save_failure(Failure(url=record.requested_url or page.url, site=page.site,
                                                      stage="extract", reason=record.error or "no article",
                                                      status=page.status), run_id)
                    outcomes.append("failed")
        return outcomes

    def close(self) -> None:
        self.archive.close()


def open_state(settings: Any) -> CrawlState:
    """The SQLite archive; with VNNEWS_REDIS, the shared crawl state in Redis (crawler.redis_state)."""
    if settings.get("VNNEWS_REDIS"):
        from crawler.redis_state import RedisState

        return RedisState(settings["VNNEWS_REDIS"])
    return ArchiveState(settings["VNNEWS_DB"])


# The archive's crawl state is one per process and archive, shared by the crawlers of all papers (one connection:
# one page cache, one open of the file), closed when the last of them stops.
_SHARED: dict[str, list] = {}  # resolved archive path -> [ArchiveState, crawlers using it]


def state_of(crawler: Any) -> CrawlState:
    """The crawl state of this crawler (shared by its spider, pipelines and extensions)."""
    state = getattr(crawler, "vnnews_state", None)
    if state is None:
        from scrapy import signals

        if crawler.settings.get("VNNEWS_REDIS"):
            state = open_state(crawler.settings)
            release = state.close
        else:
            key = str(Path(crawler.settings["VNNEWS_DB"]).resolve())
            if key not in _SHARED:
                _SHARED[key] = [open_state(crawler.settings), 0]
            _SHARED[key][1] += 1
            state = _SHARED[key][0]
            def release() -> None:  # pydispatch takes functions, not partials
                _release(key)
        crawler.vnnews_state = state
        crawler.signals.connect(release, signal=signals.engine_stopped, weak=False)
    return state


def _release(key: str) -> None:
    entry = _SHARED[key]
    entry[1] -= 1
    if entry[1] == 0:
        del _SHARED[key]
        entry[0].close()
