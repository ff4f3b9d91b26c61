"""A shared crawl: politeness across 1, 2 and 3 workers (gaps per domain against the papers' delays); on the
generated site, pages/s of 1, 2 and 3 worker processes (with the archive writer) against the single-process crawl,
and the archive writer's rows/s on its own, draining a queue the workers filled while it was stopped: the ceiling
of one archive."""

from __future__ import annotations

import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.crawl import ARTICLES, measure
from bench.sitegen import PER_PAGE, GeneratedSite
from bench.timing import report
from crawler.mirror import copy_pages
from crawler.mirror.server import MirrorServer
from crawler.sites import SITES
from tests.shared_crawl import ROOT, VNNEWS, RedisServer, start_writer, vnnews

POLITE_PAPERS = ("baoquangninh", "baolamdong", "baoquangtri")


def _stored(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def _crawl(server: RedisServer, site: GeneratedSite, db: Path, workers: int) -> float:
    """Seconds from the start of the workers until the writer has written the last record."""
    paper = ("--site", "baoquangninh", "--max-pages", str(ARTICLES // PER_PAGE))
    writer = start_writer(server, db, "--exit-when-done")
    started = time.perf_counter()
    processes = [vnnews("crawl", "--redis", server.url, "--mirror", site.url, *paper, stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL) for _ in range(workers)]
    for process in processes:
        process.wait()
    writer.communicate()
    return time.perf_counter() - started


def _writer_alone(server: RedisServer, site: GeneratedSite, db: Path) -> tuple[int, float, float]:
    """Fill the queue with workers while no writer runs, then time the writer draining it."""
    seeding = start_writer(server, db)  # seeds the crawl state, then stops
    seeding.terminate()
    seeding.communicate()
    filled = vnnews("crawl", "--redis", server.url, "--mirror", site.url, "--site", "baoquangninh", "--max-pages",
                    str(ARTICLES // PER_PAGE), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    filled.wait()
    client = server.client()
    queued = client.llen("vnnews:records")
    started = time.perf_counter()
    writer = start_writer(server, db, "--exit-when-done")
    writer.communicate()
    # the writer's own figure: records over the seconds it spent applying them (no start-up, no waiting)
    return queued, time.perf_counter() - started, float(client.hget("vnnews:writer", "rows_per_s"))


def politeness(workers: int, folder: Path) -> list[dict]:
    """``workers`` processes of each of POLITE_PAPERS over the sample sites with the papers' real delays
    (VNNEWS_MIRROR_FAST=0): the gaps between two requests to one domain, as the mirror saw them."""
    server = RedisServer(folder).start()
    try:
        seeding = start_writer(server, folder / "a.db")
        pages = copy_pages(folder / "pages")
        (pages / "baophutho.vn" / "_mirror.json").write_text("{}")  # no page that hangs for 30 s
        with MirrorServer(root=pages) as mirror:
            processes = [subprocess.Popen(
                [sys.executable, "-m", "scrapy", "crawl", paper, "-s", f"VNNEWS_REDIS={server.url}",
                 "-s", f"VNNEWS_MIRROR={mirror.url}", "-s", "VNNEWS_MIRROR_FAST=0", "-s", "VNNEWS_EXTRACT_WORKERS=1",
                 "-s", "AUTOTHROTTLE_START_DELAY=0.1", "-s", "DOWNLOAD_DELAY=0"],
                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                for paper in POLITE_PAPERS for _ in range(workers)]
            for process in processes:
                process.wait()
            log = list(zip(mirror.times, (path for path, _ in mirror.requests), strict=True))
        seeding.terminate()
        seeding.communicate()
    finally:
        server.stop()
    rows = []
    for paper in POLITE_PAPERS:
        domain = SITES[paper].domains[0]
        times = [t for t, path in log if path.startswith(f"/{domain}/")]
        gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
        rows.append({"workers": workers, "domain": domain, "requests": len(times), "min_gap": min(gaps),
                     "median_gap": statistics.median(gaps), "rate": len(gaps) / (times[-1] - times[0]),
                     "delay": SITES[paper].download_delay})
    return rows


def run() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        polite = [row for n in (1, 2, 3) for row in politeness(n, Path(tmp) / f"polite-{n}")]
    print("politeness: N worker processes per paper over the sample sites, the papers' own delays\n")
    report("politeness", polite, [("workers", "workers", "d"), ("domain", "domain", ""), ("requests", "requests", "d"),
                                  ("min_gap", "min gap s", ".3f"), ("median_gap", "median gap s", ".3f"),
                                  ("rate", "requests/s", ".2f"), ("delay", "configured delay s", ".1f")])
    print()
    rows = []
    with GeneratedSite(ARTICLES) as site, tempfile.TemporaryDirectory() as tmp:
        seconds, _, _ = measure([*VNNEWS, "crawl", "--mirror", site.url, "--db", f"{tmp}/single.db", "--site",
                                 "baoquangninh", "--max-pages", str(ARTICLES // PER_PAGE)])
        rows.append({"crawl": "single process (vnnews crawl)", "pages": _stored(Path(f"{tmp}/single.db")),
                     "seconds": seconds})
        for workers in (1, 2, 3):
            folder = Path(tmp) / f"redis-{workers}"
            folder.mkdir()
            server = RedisServer(folder).start()
            try:
                db = folder / "shared.db"
                seconds = _crawl(server, site, db, workers)
                rows.append({"crawl": f"{workers} worker{'s' * (workers > 1)} + archive writer", "pages": _stored(db),
                             "seconds": seconds})
            finally:
                server.stop()
        folder = Path(tmp) / "writer"
        folder.mkdir()
        server = RedisServer(folder).start()
        try:
            queued, seconds, busy_rate = _writer_alone(server, site, folder / "alone.db")
            rows.append({"crawl": f"archive writer alone ({queued} queued messages)", "pages": _stored(folder / "alone.db"),
                         "seconds": seconds, "busy_rate": busy_rate})
        finally:
            server.stop()
    single = rows[0]["pages"] / rows[0]["seconds"]
    for row in rows:
        row["pages_per_s"] = row["pages"] / row["seconds"]
        row["vs_single"] = row["pages_per_s"] / single
    print(f"generated site: {ARTICLES:,} article pages on 127.0.0.1, one machine ({os.cpu_count()} "
          f"cores) for the workers, the writer, Redis and the site\n")
    report("distributed", rows, [("crawl", "crawl", ""), ("pages", "pages", ",d"), ("seconds", "seconds", ".0f"),
                                 ("pages_per_s", "pages (rows)/s", ",.1f"), ("vs_single", "vs single", ".2f"),
                                 ("busy_rate", "writer busy rows/s", ",.0f")],
           articles=ARTICLES)
