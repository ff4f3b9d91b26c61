"""The Wayback Machine's two interfaces, as URLs: the CDX listing of a domain's captures and the raw replay of one
capture (``id_`` mode: the bytes as archived, no Wayback toolbar or rewritten links). Pure functions, shared by
the back-fill spider (crawler.spiders.wayback) and the fake Wayback of the offline mirror (crawler.mirror.wayback).

    https://web.archive.org/cdx/search/cdx?url=baoquangbinh.vn/*&output=json&filter=statuscode:200
        &filter=mimetype:text/html&collapse=urlkey&from=2016&to=2020&limit=5000&showResumeKey=true
    https://web.archive.org/web/20170215083000id_/https://baoquangbinh.vn/chinh-tri/201702/...
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urlencode, urlsplit, urlunsplit

WAYBACK = "https://web.archive.org"
CDX_LIMIT = 5000  # captures per CDX page; the rest comes with the resume key
_REPLAY = re.compile(r"/web/(?P<timestamp>\d{14})id_/(?P<url>.+)$")


@dataclass(frozen=True)
class CdxCapture:
    timestamp: str  # YYYYMMDDhhmmss, UTC
    original: str  # the URL as captured

    @property
    def url(self) -> str:
        return original_url(self.original)


def cdx_url(base: str, domain: str, *, start: str | None = None, end: str | None = None, limit: int = CDX_LIMIT,
            resume_key: str | None = None) -> str:
    """One page of the list of a domain's HTML captures with status 200, one per URL (collapsed by URL key)."""
    query = [("url", f"{domain}/*"), ("output", "json"), ("filter", "statuscode:200"),
             ("filter", "mimetype:text/html"), ("collapse", "urlkey"), ("limit", str(limit)),
             ("showResumeKey", "true")]
    query += [(k, v) for k, v in (("from", start), ("to", end), ("resumeKey", resume_key)) if v]
    return f"{base.rstrip('/')}/cdx/search/cdx?{urlencode(query)}"


def parse_cdx(text: str) -> tuple[list[CdxCapture], str | None]:
    """The captures of one CDX page (JSON output: a header row, rows, then a blank row and the resume key when
    there are more) and the key of the next page, or None."""
    rows = json.loads(text) if text.strip() else []
    if not rows:
        return [], None
    header, rows = rows[0], rows[1:]
    resume = None
    if len(rows) >= 2 and rows[-2] == [] and len(rows[-1]) == 1:
        resume, rows = rows[-1][0], rows[:-2]
    ts, orig = header.index("timestamp"), header.index("original")
    return [CdxCapture(row[ts], row[orig]) for row in rows if row], resume


def replay_url(base: str, timestamp: str, url: str) -> str:
    return f"{base.rstrip('/')}/web/{timestamp}id_/{url}"


def parse_replay(url: str) -> tuple[str, str] | None:
    """(timestamp, original URL) of a raw replay URL, None for any other URL."""
    match = _REPLAY.search(urlsplit(url).path + (f"?{urlsplit(url).query}" if urlsplit(url).query else ""))
    return (match["timestamp"], match["url"]) if match else None


def capture_time(timestamp: str) -> str:
    """20170215083000 -> 2017-02-15T08:30:00+00:00 (the archive's UTC form)."""
    return datetime.strptime(timestamp, "%Y%m%d%H%M%S").replace(tzinfo=timezone.utc).isoformat()


def original_url(original: str) -> str:
    """A captured URL as the archive keys it: the default port dropped (CDX keeps ``http://host:80/``)."""
    parts = urlsplit(original)
    host = (parts.hostname or "").lower()
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme.lower(), host, parts.path or "/", parts.query, ""))
