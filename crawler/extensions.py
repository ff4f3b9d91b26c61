"""Extensions that read the crawl's counts where Scrapy keeps them, in its stats collector (``vnnews/…`` keys, set by
the spider and the store pipeline):

- ``RunBook`` opens a run in the crawl state when the spider opens and closes it with the counts when it closes;
- ``Progress`` shows them while the crawl runs: on a terminal a block of lines per paper redrawn in place every
  second; elsewhere (cron, systemd) a plain, timestamped line per paper every 30 seconds and when it finishes.
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from typing import Any, ClassVar, TextIO

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import deferred_from_coro
from twisted.internet import task

from archive.record import CrawlRun, columns
from archive.store import ArchiveError
from crawler.state import state_of

# each count of a run (the integer columns of crawl_runs) -> the stats key it comes from
_SCRAPY_COUNTS = {"requests": "downloader/request_count", "responses": "downloader/response_count"}
RUN_COUNTS = {c.name: _SCRAPY_COUNTS.get(c.name, f"vnnews/{c.name}") for c in columns(CrawlRun) if c.kind == "integer"}


def run_counts(stats: Any) -> dict[str, int]:
    return {column: stats.get_value(key, 0) for column, key in RUN_COUNTS.items()}


class RunBook:
    def __init__(self, crawler: Any):
        self.crawler = crawler
        self.invocation = crawler.settings.get("VNNEWS_INVOCATION") or "scrapy"

    @classmethod
    def from_crawler(cls, crawler: Any) -> RunBook:
        book = cls(crawler)
        crawler.signals.connect(book.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(book.spider_closed, signal=signals.spider_closed)
        return book

    def spider_opened(self, spider: Any) -> None:
        try:
            run_id = state_of(self.crawler).start_run(spider.site.name, self.invocation,
                                                      getattr(spider, "source", "crawl"))
        except ArchiveError as exc:
            stop_for_the_archive(self.crawler, str(exc))
            return
        self.crawler.stats.set_value("vnnews/run_id", run_id)

    def spider_closed(self, spider: Any, reason: str) -> None:
        run_id = self.crawler.stats.get_value("vnnews/run_id")
        if run_id is None:
            return
        try:
            state_of(self.crawler).finish_run(run_id, run_counts(self.crawler.stats), reason)
        except ArchiveError as exc:  # a full disk: the run stays "running", and the next run marks it interrupted
            self.crawler.stats.set_value("vnnews/archive_error", str(exc))


def stop_for_the_archive(crawler: Any, reason: str) -> None:
    """The archive takes no more (a full disk): stop fetching what cannot be kept. The command says why, once
    (vnnews crawl reads ``vnnews/archive_error``); nothing goes to the log with a page in it."""
    crawler.stats.set_value("vnnews/archive_error", reason)
    if crawler.engine is not None and crawler.engine.spider is not None:
        deferred_from_coro(crawler.engine.close_spider_async(reason="archive-error"))


class Progress:
    """One per crawler (per paper); they share one board per process, drawn by one timer."""

    board: ClassVar[Board | None] = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> Progress:
        if not crawler.settings.getbool("VNNEWS_PROGRESS"):
            raise NotConfigured
        if cls.board is None:
            cls.board = Board(sys.stderr)
        progress = cls()
        crawler.signals.connect(lambda spider: cls.board.add(spider.site.name, crawler.stats),
                                signal=signals.spider_opened, weak=False)
        crawler.signals.connect(lambda spider, reason: cls.board.finish(spider.site.name, reason),
                                signal=signals.spider_closed, weak=False)
        crawler.signals.connect(lambda: cls.board.stop(), signal=signals.engine_stopped, weak=False)
        return progress


class Board:
    def __init__(self, stream: TextIO):
        self.stream = stream
        self.tty = stream.isatty()
        self.papers: dict[str, Any] = {}  # name -> its crawler's stats
        self.finished: dict[str, str] = {}
        self._drawn = 0
        self.timer = task.LoopingCall(self.tick)

    def add(self, name: str, stats: Any) -> None:
        self.papers[name] = stats
        if not self.timer.running:
            self.timer.start(1.0 if self.tty else 30.0, now=False)

    def finish(self, name: str, reason: str) -> None:
        self.finished[name] = reason
        if not self.tty:
            self._log(name)

    def stop(self) -> None:
        if self.timer.running and len(self.finished) == len(self.papers):
            self.timer.stop()
            if self.tty:
                self.redraw()

    def tick(self) -> None:
        if self.tty:
            self.redraw()
        else:
            for name in self.papers:
                if name not in self.finished:
                    self._log(name)

    def line(self, name: str) -> str:
        count = lambda key: self.papers[name].get_value(f"vnnews/{key}", 0)  # noqa: E731
        state = f"done ({self.finished[name]})" if name in self.finished else "crawling"
        return (f"{name:<15}{count('pages'):>6} pages {count('new'):>5} new {count('updated'):>4} updated "
                f"{count('failed'):>4} failed  {state}")

    def redraw(self) -> None:
        if self._drawn:
            self.stream.write(f"\x1b[{self._drawn}F")  # back to the first line of the block
        for name in self.papers:
            self.stream.write("\x1b[2K" + self.line(name) + "\n")
        self._drawn = len(self.papers)
        self.stream.flush()

    def _log(self, name: str) -> None:
        stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
        print(f"{stamp} {self.line(name)}", file=self.stream, flush=True)
