"""A fake Wayback Machine for the offline mirror: the CDX API and raw (``id_``) replay over captures on disk.

Captures are folders of pages laid out as the mirror's (``<domain>/<path>``), each captured at one timestamp::

    <root>/<YYYYMMDDhhmmss>/<domain>/<path>      (FakeWayback.from_root)

The CDX answer honours what the back-fill asks: ``url=<domain>/*``, ``filter=statuscode:…`` and
``filter=mimetype:…`` (regular expressions), ``collapse=urlkey`` (the first capture of each URL), ``from``/``to``
(timestamp prefixes), ``limit`` with ``showResumeKey`` and ``resumeKey``. Replay of a timestamp it does not hold
redirects to the nearest capture of that URL, as the real one does; ``<root>/_cdx.json`` may list more captures
(``[[timestamp, url], …]``) that have no file: their replay answers 404. ``robots.txt`` allows everything.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from crawler.mirror import page_url
from crawler.mirror.server import content_type
from crawler.wayback import WAYBACK, capture_time, original_url, replay_url


@dataclass(frozen=True)
class _Capture:
    timestamp: str
    url: str
    file: Path | None

    @property
    def urlkey(self) -> str:
        parts = urlsplit(self.url)
        return (parts.hostname or "").removeprefix("www.") + parts.path + (f"?{parts.query}" if parts.query else "")

    @property
    def mimetype(self) -> str:
        return content_type(self.file).split(";")[0] if self.file else "text/html"


class FakeWayback:
    def __init__(self, captures: list[tuple[str, Path]], extra: list[tuple[str, str]] = ()):
        """``captures``: (timestamp, folder of one domain's pages) pairs; ``extra``: (timestamp, URL) captures
        without a file."""
        found = [_Capture(ts, page_url(folder.parent, file), file)
                 for ts, folder in captures for file in sorted(folder.rglob("*"))
                 if file.is_file() and not file.name.startswith("_") and file.name != "robots.txt"]
        found += [_Capture(ts, url, None) for ts, url in extra]
        self.captures = sorted(found, key=lambda c: (c.urlkey, c.timestamp))

    @classmethod
    def from_root(cls, root: Path) -> FakeWayback:
        extra = json.loads((root / "_cdx.json").read_text("utf-8")) if (root / "_cdx.json").exists() else []
        folders = [(stamp.name, domain) for stamp in sorted(root.iterdir()) if stamp.is_dir()
                   for domain in sorted(stamp.iterdir()) if domain.is_dir()]
        return cls(folders, [tuple(e) for e in extra])

    def answer(self, path: str, query: str, base: str = WAYBACK) -> tuple[int, str, bytes, dict[str, str]]:
        """(status, content type, body, more headers) for a request to the Wayback host."""
        if path == "/robots.txt":
            return 200, "text/plain", b"User-agent: *\nDisallow:\n", {}
        if path == "/cdx/search/cdx":
            return 200, "application/json", json.dumps(self.cdx(parse_qs(query))).encode(), {}
        match = re.fullmatch(r"/web/(\d{14})id_/(.+)", path + (f"?{query}" if query else ""))
        if match is None:
            return 404, "text/plain", b"not found", {}
        return self.replay(match[1], original_url(match[2]), base)

    def cdx(self, query: dict[str, list[str]]) -> list[list[str]]:
        domain = query["url"][0].removesuffix("/*").removeprefix("www.")
        start, end = query.get("from", [""])[0], query.get("to", ["9"])[0]
        rows, seen = [], set()
        for c in self.captures:
            if not c.urlkey.startswith(domain + "/") or not start <= c.timestamp[:len(start) or 14] <= end:
                continue
            fields = {"statuscode": "200", "mimetype": c.mimetype}
            if not all(re.search(v, fields[k]) for k, v in (f.split(":", 1) for f in query.get("filter", []))):
                continue
            if "urlkey" in query.get("collapse", []) and c.urlkey in seen:
                continue
            seen.add(c.urlkey)
            rows.append([c.urlkey, c.timestamp, c.url, fields["mimetype"], fields["statuscode"], "-", "0"])
        offset = int(query.get("resumeKey", ["0"])[0])
        limit = int(query.get("limit", [str(len(rows) or 1)])[0])
        page = rows[offset:offset + limit]
        more = [[], [str(offset + limit)]] if offset + limit < len(rows) and "showResumeKey" in query else []
        return [["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"], *page, *more]

    def replay(self, timestamp: str, url: str, base: str) -> tuple[int, str, bytes, dict[str, str]]:
        held = [c for c in self.captures if original_url(c.url) == url]
        if not held:
            return 404, "text/html", b"<html><body>Wayback Machine has not archived that URL.</body></html>", {}
        nearest = min(held, key=lambda c: abs(int(c.timestamp) - int(timestamp)))
        if nearest.timestamp != timestamp:
            return 302, "text/plain", b"", {"Location": replay_url(base, nearest.timestamp, url)}
        if nearest.file is None:
            return 404, "text/html", b"<html><body>Not found</body></html>", {}
        headers = {"Memento-Datetime": capture_time(timestamp), "X-Archive-Src": "vnnews-fake-wayback"}
        return 200, content_type(nearest.file), nearest.file.read_bytes(), headers
