"""What a running crawl shows: per paper, pages fetched, new, updated and failed.

On a terminal the block of lines is redrawn in place every second; elsewhere (cron, systemd) a plain,
timestamped line per paper every 30 seconds and when a paper finishes, so logs stay readable.
"""

from __future__ import annotations

import sys
from collections import Counter
from datetime import datetime, timezone
from typing import Any, TextIO

from crawler.items import CrawlFailure, FetchedPage


class Progress:
    def __init__(self, names: list[str], stream: TextIO = sys.stderr):
        self.stream = stream
        self.tty = stream.isatty()
        self.interval = 1.0 if self.tty else 30.0
        self.counts = {name: Counter() for name in names}
        self.finished: dict[str, str] = {}
        self._drawn = 0

    def item_scraped(self, item: Any, spider: Any) -> None:
        counts = self.counts[spider.name]
        if isinstance(item, FetchedPage):
            counts["pages"] += 1
            counts[item.outcome or "failed"] += 1
        elif isinstance(item, CrawlFailure) and item.stage != "robots":
            counts["failed"] += 1

    def spider_closed(self, spider: Any, reason: str) -> None:
        self.finished[spider.name] = reason
        if not self.tty:
            self._log(spider.name)

    def tick(self) -> None:
        if self.tty:
            self.redraw()
        else:
            for name in self.counts:
                if name not in self.finished:
                    self._log(name)

    def line(self, name: str) -> str:
        c = self.counts[name]
        state = f"done ({self.finished[name]})" if name in self.finished else "crawling"
        return (f"{name:<15}{c['pages']:>6} pages {c['new']:>5} new {c['updated']:>4} updated "
                f"{c['failed']:>4} failed  {state}")

    def redraw(self) -> None:
        if self._drawn:
            self.stream.write(f"\x1b[{self._drawn}F")  # back to the first line of the block
        for name in self.counts:
            self.stream.write("\x1b[2K" + self.line(name) + "\n")
        self._drawn = len(self.counts)
        self.stream.flush()

    def close(self) -> None:
        if self.tty:
            self.redraw()

    def _log(self, name: str) -> None:
        stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
        print(f"{stamp} {self.line(name)}", file=self.stream, flush=True)
