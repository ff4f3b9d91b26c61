"""Import speed: `vnnews import` of a WARC of generated article pages (bench.sitegen, ~100 KB each) beside the
crawl of the same pages from the generated site, and beside the extraction ceiling of the machine's cores
(``process_page`` alone in the same pool over pages already in memory: what an import with no reading and no
writing would reach). A second import of the file shows the resume check (every record found imported before).

Wall-clock rates move with whatever else runs on the machine; the CPU time per page (all processes of the run,
workers and start-up included; for the ceiling, process_page alone) does much less, so it is reported too: an
import whose CPU per page is near the ceiling's reaches the ceiling on free cores.
"""

from __future__ import annotations

import os
import resource
import sqlite3
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from bench.crawl import measure
from bench.sitegen import PER_PAGE, GeneratedSite, article_html, article_url, texts
from bench.timing import report
from crawler.items import FetchedPage
from crawler.pipelines import process_page
from tests.warcs import Capture, write_warc

ARTICLES = int(os.environ.get("VNNEWS_BENCH_IMPORT_ARTICLES", 5_000))
CEILING_PAGES = min(ARTICLES, 1_000)
CAPTURED = "2026-02-01T03:00:00Z"


def _stored(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _extraction_cpu(item: FetchedPage) -> float:
    """CPU seconds process_page takes over one page, in the worker."""
    started = time.process_time()
    process_page(item)
    return time.process_time() - started


def ceiling(pages: list[FetchedPage], workers: int) -> tuple[float, float]:
    """(pages/s, CPU seconds per page) of process_page alone on ``workers`` processes, the pool warmed up first."""
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
        list(pool.map(process_page, pages[:workers * 4]))
        started = time.perf_counter()
        cpu = sum(pool.map(_extraction_cpu, pages, chunksize=8))
        return len(pages) / (time.perf_counter() - started), cpu / len(pages)


def timed(command: list[str]) -> tuple[float, int, float]:
    """(seconds, peak RSS MB, CPU seconds of the whole process tree) of a command."""
    cpu = _children_cpu()
    seconds, rss, _ = measure(command)
    return seconds, rss, _children_cpu() - cpu


def run() -> None:
    workers = os.cpu_count() or 1
    bodies = texts()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "generated.warc.gz"
        write_warc(warc, (Capture(article_url(n), article_html(n, bodies), CAPTURED) for n in range(1, ARTICLES + 1)))
        size_mb = warc.stat().st_size / 1e6
        sample = [FetchedPage(url=article_url(n), site="baoquangninh", status=200, body=article_html(n, bodies),
                              headers={"content-type": "text/html; charset=utf-8"}, fetched_at=CAPTURED[:-1] + "+00:00")
                  for n in range(1, CEILING_PAGES + 1)]
        rate, cpu = ceiling(sample, workers)
        rows.append({"run": f"extraction ceiling (process_page, {workers} workers, pages in memory)",
                     "pages": CEILING_PAGES, "seconds": CEILING_PAGES / rate, "pages_per_s": rate,
                     "cpu_ms": cpu * 1000})
        db = Path(tmp) / "import.db"
        for label in (f"vnnews import (WARC of {size_mb:,.0f} MB, {workers} workers)",
                      "vnnews import again (every record imported before)"):
            seconds, rss, cpu = timed([sys.executable, "-m", "crawler.cli", "import", str(warc), "--db", str(db)])
            # the second run reads and skips as many records as the first imported
            rows.append({"run": label, "pages": ARTICLES, "seconds": seconds, "pages_per_s": ARTICLES / seconds,
                         "rss_mb": rss, "cpu_ms": cpu * 1000 / ARTICLES})
        assert _stored(db) == ARTICLES, f"the import stored {_stored(db)} of {ARTICLES} articles"
        with GeneratedSite(ARTICLES) as site:
            crawl_db = Path(tmp) / "crawl.db"
            seconds, rss, cpu = timed([sys.executable, "-m", "crawler.cli", "crawl", "--mirror", site.url, "--db",
                                       str(crawl_db), "--site", "baoquangninh", "--max-pages",
                                       str(ARTICLES // PER_PAGE)])
            stored = _stored(crawl_db)
            rows.append({"run": "vnnews crawl of the same pages (generated site on 127.0.0.1)", "pages": stored,
                         "seconds": seconds, "pages_per_s": stored / seconds, "rss_mb": rss,
                         "cpu_ms": cpu * 1000 / stored})
    for row in rows:
        row["vs_ceiling"] = row["pages_per_s"] / rate
        row["cpu_vs_ceiling"] = rows[0]["cpu_ms"] / row["cpu_ms"]  # what the rate would be on free cores
    load = os.getloadavg()[0]
    print(f"{ARTICLES:,} generated article pages of ~100 KB; load average {load:.1f} on {workers} cores\n")
    report("import", rows, [("run", "run", ""), ("pages", "pages", ",d"), ("seconds", "seconds", ".1f"),
                            ("pages_per_s", "pages/s", ",.1f"), ("vs_ceiling", "of ceiling", ".0%"),
                            ("cpu_ms", "CPU ms/page", ".1f"), ("cpu_vs_ceiling", "by CPU", ".0%"),
                            ("rss_mb", "peak RSS MB", "d")], articles=ARTICLES, load_average=load)
    print("\ngoal: the import reaches the extraction ceiling of the cores (no network wait), above the crawl; "
          "'by CPU': the ceiling's CPU per page over the run's (start-up, reading and writing included), the share "
          "of the ceiling it reaches when nothing else runs")
