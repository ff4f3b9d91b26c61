"""The health of each paper, from the archive alone: is it crawled, does it still yield articles?

- failing: the last run did not finish, or at least half of the last week's URLs failed to fetch
  (timeouts, refused connections, 5xx, redirects off the paper's domains; a 404 on one link is not a failure);
- drifting: at least half of the article pages fetched in the last week gave no article or no date, which
  is what a template change looks like;
- stale: no finished run for longer than the allowed age.

Only crawls count: imports and Wayback back-fills (crawl_runs.source) are listed apart (``imports``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from archive.store import Archive

# a paper's health is judged by its crawls: imports and Wayback back-fills read old captures, not the live site
CRAWLS = "coalesce(source, 'crawl') = 'crawl'"
CRAWL_FAILURES = f"run_id IN (SELECT id FROM crawl_runs WHERE {CRAWLS})"
FAILING_SHARE = 0.5
DRIFT_SHARE = 0.5
DRIFT_MIN_PAGES = 3


@dataclass
class PaperStatus:
    site: str
    last_success: str | None
    last_status: str | None
    new_1d: int
    new_7d: int
    new_30d: int
    attempted: int  # URLs asked for: listing and feed pages, article pages, 304s, failures
    fetch_failures: int
    pages: int
    no_article_or_date: int
    state: str

    @property
    def failure_rate(self) -> float:
        return self.fetch_failures / self.attempted if self.attempted else 0.0

    @property
    def drift(self) -> float:
        return self.no_article_or_date / self.pages if self.pages else 0.0


def paper_status(archive: Archive, *, max_age_hours: float = 48, now: datetime | None = None) -> list[PaperStatus]:
    now = now or datetime.now(timezone.utc)
    week = (now - timedelta(days=7)).isoformat()
    result = []
    for (site,) in archive.db.execute(f"SELECT DISTINCT site FROM crawl_runs WHERE {CRAWLS} ORDER BY site").fetchall():
        def one(sql: str, *args: object, site: str = site) -> tuple:
            return archive.db.execute(sql, [site, *args]).fetchone()

        last_success = one(f"SELECT max(finished_at) FROM crawl_runs WHERE site = ? AND status = 'finished' AND {CRAWLS}")[0]
        last_status = one("SELECT status FROM crawl_runs WHERE site = ? AND status != 'running' "
                          f"AND {CRAWLS} ORDER BY id DESC LIMIT 1")
        new = [one("SELECT count(*) FROM articles WHERE site = ? AND first_seen >= ?", (now - timedelta(days=d)).isoformat())[0]
               for d in (1, 7, 30)]
        attempted, pages, no_date = one(
            "SELECT coalesce(sum(listing_pages + pages + not_modified + failed), 0), coalesce(sum(pages), 0), "
            f"coalesce(sum(no_date), 0) FROM crawl_runs WHERE site = ? AND started_at >= ? AND {CRAWLS}", week)
        fetch_failures = one(
            f"SELECT count(*) FROM failures WHERE site = ? AND at >= ? AND {CRAWL_FAILURES} "
            "AND (stage IN ('fetch', 'redirect', 'size') OR (stage = 'http' AND status >= 500))", week)[0]
        no_article = one(f"SELECT count(*) FROM failures WHERE site = ? AND at >= ? AND stage = 'extract' "
                         f"AND {CRAWL_FAILURES}", week)[0]
        status = PaperStatus(site, last_success, last_status[0] if last_status else None, *new, attempted, fetch_failures,
                             pages, no_article + no_date, state="ok")
        status.state = _state(status, now, max_age_hours)
        result.append(status)
    return result


def imports(archive: Archive, limit: int = 10) -> list[dict]:
    """The latest import and back-fill runs (newest first)."""
    return list(archive.db.query(
        f"SELECT site, source, archive_file, finished_at, status, pages, new, updated, failed FROM crawl_runs "
        f"WHERE NOT {CRAWLS} ORDER BY id DESC LIMIT ?", [limit]))


def _state(status: PaperStatus, now: datetime, max_age_hours: float) -> str:
    if status.last_status not in (None, "finished") or status.failure_rate >= FAILING_SHARE:
        return "failing"
    if status.pages >= DRIFT_MIN_PAGES and status.drift >= DRIFT_SHARE:
        return "drifting"
    if status.last_success is None or datetime.fromisoformat(status.last_success) < now - timedelta(hours=max_age_hours):
        return "stale"
    return "ok"
