"""A shared crawl on the generated site: pages/s of 1, 2 and 3 worker processes (with the archive writer) against the
single-process crawl, and the archive writer's rows/s on its own, draining a queue the workers filled while it was
stopped: the ceiling of one archive."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path

from bench.crawl import ARTICLES, measure
from bench.sitegen import PER_PAGE, GeneratedSite
from bench.timing import report
from tests.shared_crawl import VNNEWS, RedisServer, start_writer, vnnews


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


def run() -> None:
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
