"""What the coverage page shows, as rows: articles per paper per month (gaps included, as zeros), failures per
paper per week, and the share of Party-building articles per paper. Each row carries the address of the table
view that lists what it counts.

Read from the `coverage` table (kept by triggers, archive.schema) and from `failures` (indexed on `at`), so the
cost does not grow with the number of articles: a few milliseconds at a million.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

WEEKS = 26  # failures: the last half year


def _papers(conn: sqlite3.Connection) -> dict[str, str]:
    """site -> the paper's name, for every paper of the registry and every site that has articles."""
    names = dict(conn.execute("SELECT name, title FROM sites"))
    for (site,) in conn.execute("SELECT DISTINCT site FROM coverage WHERE site != '' AND articles > 0"):
        names.setdefault(site, site)
    return dict(sorted(names.items(), key=lambda item: item[1]))


def _months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _link(base: str, **args: str) -> str:
    return f"{base}?{urlencode(args)}"


def monthly(conn: sqlite3.Connection, articles_url: str) -> list[dict[str, Any]]:
    """Every paper x every month from the first to the last one with an article: {paper, site, month, articles,
    href}; zero where a paper has no article that month."""
    counts = {(s, m): n for s, m, n in conn.execute(
        "SELECT site, month, articles FROM coverage WHERE month != '' AND articles > 0")}
    if not counts:
        return []
    months = _months(min(m for _, m in counts), max(m for _, m in counts))
    return [{"paper": paper, "site": site, "month": month, "articles": counts.get((site, month), 0),
             "href": _link(articles_url, site=site, published_month=month)}
            for site, paper in _papers(conn).items() for month in months]


def weekly_failures(conn: sqlite3.Connection, failures_url: str, today: date | None = None,
                    weeks: int = WEEKS) -> list[dict[str, Any]]:
    """Every paper x each of the last ``weeks`` weeks (Monday to Sunday, UTC): {paper, site, week, failures,
    href}."""
    today = today or date.today()
    mondays = [today - timedelta(days=today.weekday(), weeks=n) for n in range(weeks - 1, -1, -1)]
    counts = {(s, w): n for s, w, n in conn.execute(
        "SELECT site, date(at, 'weekday 0', '-6 days') AS week, count(*) FROM failures WHERE at >= ? "
        "GROUP BY site, week", [mondays[0].isoformat()])}
    return [{"paper": paper, "site": site, "week": monday.isoformat(), "failures": counts.get((site, monday.isoformat()), 0),
             "href": _link(failures_url, site=site, at__gte=monday.isoformat(),
                           at__lt=(monday + timedelta(days=7)).isoformat())}
            for site, paper in _papers(conn).items() for monday in mondays]


def party_share(conn: sqlite3.Connection, articles_url: str) -> list[dict[str, Any]]:
    """Per paper with articles: {paper, site, articles, party_building, share, href}, largest share first."""
    papers = _papers(conn)
    rows = [{"paper": papers.get(site, site), "site": site, "articles": n, "party_building": party,
             "share": party / n, "href": _link(articles_url, site=site, party_building="1")}
            for site, n, party in conn.execute(
                "SELECT site, sum(articles), sum(party_building) FROM coverage WHERE site != '' "
                "GROUP BY site HAVING sum(articles) > 0")]
    return sorted(rows, key=lambda r: (-r["share"], r["paper"]))
