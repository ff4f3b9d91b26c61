"""The archive at a million articles: search, facet page and export, beside plain SQLite LIKE on the same data.

The synthetic archive (bench/out/archive-1m.db, built once and reused; delete it to rebuild) has the real schema
and indexes; its articles are sentences of the golden pages shuffled into new ones, with the papers, sections,
authors, provinces and dates of a real archive. Set VNNEWS_BENCH_ARCHIVE_ARTICLES to change the size.
"""

from __future__ import annotations

import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import datetime, timedelta, timezone
from pathlib import Path

from archive.record import Article
from archive.schema import as_row
from archive.record import Failure
from archive.search import INDEX_SQL, index_row
from archive.store import Archive
from bench.crawl import measure
from bench.timing import table
from crawler.sites import SITES
from tests.conftest import free_port
from tests.golden import pages

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = int(os.environ.get("VNNEWS_BENCH_ARCHIVE_ARTICLES", 1_000_000))
DB = ROOT / "bench" / "out" / f"archive-{ARTICLES // 1000}k.db"
QUERIES = {
    "with diacritics": ["xây dựng Đảng", "kết nạp đảng viên", "Đông Triều", "khoá XII", "chuyển đổi số", "OCOP"],
    "without diacritics": ["xay dung dang", "ket nap dang vien", "dong trieu", "khoa XII", "chuyen doi so", "ocop"],
}
SECTIONS = ["Chính trị", "Xây dựng Đảng", "Thời sự", "Kinh tế", "Xã hội", "Văn hóa", "Quốc phòng - An ninh",
            "Thời sự - Chính trị", "Pháp luật", "Giáo dục", "Y tế", "Nông nghiệp"]


def build(path: Path, count: int) -> None:
    texts = [page.read()["article"] for page in pages() if "article" in page.read()]
    sentences = [s.strip() for t in texts for s in re.split(r"(?<=[.;:])\s+", t["body"] + " " + (t["lead"] or ""))
                 if len(s.split()) > 5]
    authors = sorted({t["author"] for t in texts if t["author"]}) + [f"Phóng viên {i}" for i in range(200)]
    sites = list(SITES.values())
    rng = random.Random(7)
    path.parent.mkdir(parents=True, exist_ok=True)
    archive = Archive(path)
    archive.sync_sites(site.row() for site in sites)
    db = archive.db.conn
    started = time.perf_counter()
    for first in range(0, count, 20_000):
        rows, fts, failures = [], [], []
        for n in range(first, min(first + 20_000, count)):
            site = sites[n % len(sites)]
            title = " ".join(rng.choice(sentences).split()[:rng.randint(7, 13)])
            lead = rng.choice(sentences)
            body = "\n\n".join(" ".join(rng.sample(sentences, 2)) for _ in range(rng.randint(2, 4)))
            day = f"{rng.randint(2015, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            published = f"{day}T{rng.randint(5, 22):02d}:{rng.randint(0, 59):02d}+07:00"
            article = Article(url=f"https://{site.domains[0]}/bai-viet-{n + 1:07d}.html", site=site.name,
                              province=site.province, province_before=rng.choice(site.provinces_before),
                              section=rng.choice(SECTIONS), title=title, lead=lead, body=body,
                              author=rng.choice(authors), published_at=published, word_count=len(body.split()),
                              extractor_version="bench")
            rows.append({"id": n + 1, **as_row(article), "first_seen": published, "last_seen": published,
                         "version": 1})
            fts.append(index_row(n + 1, title, lead, body))
            if n % 50 == 0:  # a failed URL per 50 articles, in the last half year: the coverage page's weeks
                failures.append(_failure(rng, site, n))
        with db:
            for table, batch in (("articles", rows), ("failures", failures)):
                db.executemany(f"INSERT INTO {table} ({', '.join(batch[0])}) VALUES ({', '.join('?' * len(batch[0]))})",
                               [tuple(r.values()) for r in batch])
            db.executemany(INDEX_SQL, fts)
        print(f"  built {min(first + 20_000, count):,} articles ({time.perf_counter() - started:.0f} s)", flush=True)
    archive.db.execute("ANALYZE")
    archive.db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('optimize')")
    archive.close()


def _failure(rng: random.Random, site, n: int) -> dict:
    stage, reason, status = rng.choice([("http", "HTTP 404", 404), ("http", "HTTP 500", 500),
                                        ("fetch", "TimeoutError", None), ("extract", "no article text", 200)])
    at = datetime.now(timezone.utc) - timedelta(seconds=rng.randint(0, 182 * 86400))
    return {**as_row(Failure(url=f"https://{site.domains[0]}/loi-{n:07d}.html", site=site.name, stage=stage,
                             reason=reason, status=status)), "at": at.isoformat(timespec="seconds")}


def _latencies(function, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        out.append((time.perf_counter() - started) * 1000)
    return out


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(len(values) * 0.95) - 1)]


def run() -> None:
    if not DB.exists():
        print(f"building {DB.relative_to(ROOT)} ({ARTICLES:,} articles; reused by later runs)", flush=True)
        build(DB.with_suffix(".tmp"), ARTICLES)
        DB.with_suffix(".tmp").rename(DB)
    archive = Archive(DB)
    rows = []
    for label, queries in QUERIES.items():
        ours, hits = [], 0
        for q in queries:
            archive.search(q)  # warm the cache as a running server would be
            ours += _latencies(lambda q=q: archive.search(q), 5)
            hits += len(archive.search(q)) > 0
        like, like_hits = [], 0
        for q in queries:
            sql = ("SELECT id FROM articles WHERE title LIKE ? OR lead LIKE ? OR body LIKE ? "
                   "ORDER BY published_at DESC LIMIT 20")
            pattern = f"%{q}%"
            like += _latencies(lambda sql=sql, pattern=pattern: archive.db.execute(sql, [pattern] * 3).fetchall(), 1)
            like_hits += bool(archive.db.execute(sql, [pattern] * 3).fetchall())
        rows.append((f"search {label} (median / p95 ms)", f"{statistics.median(ours):.0f} / {_p95(ours):.0f}",
                     f"{statistics.median(like):.0f} / {_p95(like):.0f}",
                     f"{hits}/{len(queries)} found / {like_hits}/{len(queries)} found"))
    archive.close()
    rows.append(_facet_page())
    rows += _export_rates()
    print(f"archive: {ARTICLES:,} articles ({DB.stat().st_size / 2**30:.1f} GB), "
          f"{len(QUERIES['with diacritics'])} queries of each kind\n")
    print(table(rows, ("measure", "vnnews", "plain SQLite LIKE", "note")))
    print("\ngoal: search p95 < 100 ms, facet page < 500 ms at 1M articles")


def _facet_page() -> tuple[str, str, str, str]:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "crawler.cli", "serve", "--db", str(DB), "--port", str(port)],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/{DB.stem}/articles"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        fetch = lambda: urllib.request.urlopen(base, timeout=60).read()  # noqa: E731
        fetch()
        times = _latencies(fetch, 7)
        page = urllib.request.urlopen(base + ".json?_shape=objects", timeout=60).read()
        facets = len(json.loads(page)["facet_results"])
    finally:
        server.terminate()
        server.wait(10)
    return ("facet page /articles, 6 facets (median / p95 ms)", f"{statistics.median(times):.0f} / {_p95(times):.0f}",
            "", f"{facets} facets computed")


def _export_rates() -> list[tuple[str, str, str, str]]:
    rows = []
    for fmt in ("jsonl", "parquet"):
        out = DB.parent / f"export.{fmt}"
        seconds, rss, _ = measure([sys.executable, "-m", "crawler.cli", "export", "--db", str(DB), "--format", fmt,
                                   "-o", str(out)])
        out.unlink()
        rows.append((f"export --format {fmt} (rows/s)", f"{ARTICLES / seconds:,.0f}", "", f"peak RSS {rss} MB"))
    return rows
