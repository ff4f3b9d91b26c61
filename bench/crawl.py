"""Pages/s and peak memory of a long crawl: vnnews (extraction and archiving on) against a bare Scrapy spider
that only fetches the same pages and a naive spider that runs trafilatura.extract in its callback.

Each crawl runs in its own process; peak RSS is the largest sum over its process tree (extraction workers
included), sampled every 0.2 s. The naive spider crawls a slice of the site: at one core's speed the full site
would take half an hour, and its rate does not depend on the length of the crawl.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.sitegen import PER_PAGE, GeneratedSite
from bench.timing import report

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = int(os.environ.get("VNNEWS_BENCH_ARTICLES", 20_000))
NAIVE_ARTICLES = min(ARTICLES, 1_500)


def _tree_rss_kb(pid: int) -> int:
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError, StopIteration):
            continue
    return total


def measure(command: list[str]) -> tuple[float, int, str]:
    """Run a command; (seconds, peak RSS of its process tree in MB, stdout)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0

    def sample() -> None:
        nonlocal peak
        while process.poll() is None:
            peak = max(peak, _tree_rss_kb(process.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample)
    sampler.start()
    out, err = process.communicate()
    sampler.join()
    if process.returncode != 0:
        raise RuntimeError(f"{command} failed:\n{err[-3000:]}")
    return time.perf_counter() - started, peak // 1024, out


def run() -> None:
    rows = []
    with GeneratedSite(ARTICLES) as site, tempfile.TemporaryDirectory() as tmp:
        pages = ARTICLES // PER_PAGE
        for label, bound in ((f"vnnews crawl (extract + archive, {os.cpu_count() or 1} workers)", ()),
                             ("vnnews crawl --since (date-bounded pagination)", ("--since", "2000-01-01"))):
            db = Path(tmp) / f"bench-{len(rows)}.db"
            seconds, rss, _ = measure([sys.executable, "-m", "crawler.cli", "crawl", "--mirror", site.url, "--db",
                                       str(db), "--site", "baoquangninh", "--max-pages", str(pages), *bound])
            with sqlite3.connect(db) as conn:
                stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            rows.append({"crawl": label, "pages": stored, "seconds": seconds, "rss_mb": rss})
        for mode, count in (("bare", ARTICLES), ("naive", NAIVE_ARTICLES)):
            seconds, rss, out = measure([sys.executable, "-m", "bench.baselines", mode, site.url, str(count // PER_PAGE)])
            label = {"bare": "bare Scrapy spider (fetch only)",
                     "naive": "naive spider (trafilatura.extract in callback)"}[mode]
            rows.append({"crawl": label, "pages": int(out.strip().splitlines()[-1]), "seconds": seconds, "rss_mb": rss})
    naive_rate = rows[-1]["pages"] / rows[-1]["seconds"]
    for row in rows:
        row["pages_per_s"] = row["pages"] / row["seconds"]
        row["vs_naive"] = row["pages_per_s"] / naive_rate
    print(f"generated site: {ARTICLES:,} article pages of ~100 KB, {PER_PAGE} per listing page, on 127.0.0.1\n")
    report("crawl", rows, [("crawl", "crawl", ""), ("pages", "pages", ",d"), ("seconds", "seconds", ".0f"),
                           ("pages_per_s", "pages/s", ",.1f"), ("vs_naive", "vs naive", ".1f"),
                           ("rss_mb", "peak RSS MB", "d")], articles=ARTICLES)
    print(f"\ngoal: vnnews >= 200 pages/s, a date-bounded crawl as fast, peak RSS < 400 MB "
          f"(the naive spider crawled {NAIVE_ARTICLES:,} of the pages)")
