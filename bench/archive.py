"""The archive at a million articles: search (beside plain SQLite LIKE, and exact-first beside fold-only ranking),
the coverage page (beside aggregating the articles on each view), facet page and export, on the same data.

The synthetic archive (bench/out/archive-1000k.db, built once and reused; delete it to rebuild) has the real schema
and indexes; its articles are sentences of the golden pages shuffled into new ones, with the papers, sections,
authors, provinces and dates of a real archive. Set VNNEWS_BENCH_ARCHIVE_ARTICLES to change the size.
"""

from __future__ import annotations

import json
import os
import random
import re
import statistics
import sys
import time
import urllib.request
from datetime import datetime, timedelta, timezone
from pathlib import Path

from archive import charts
from archive.record import Article
from archive.schema import as_row
from archive.record import Failure
from archive.search import INDEX_SQL, index_row
from archive.store import Archive
from bench.crawl import measure
from bench.ranking import fold_only
from bench.timing import report
from crawler.sites import SITES
from tests.conftest import serving
from tests.golden import pages

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = int(os.environ.get("VNNEWS_BENCH_ARCHIVE_ARTICLES", 1_000_000))
DB = ROOT / "bench" / "out" / f"archive-{ARTICLES // 1000}k.db"
QUERIES = {
    "with diacritics": ["xây dựng Đảng", "kết nạp đảng viên", "Đông Triều", "khoá XII", "chuyển đổi số", "OCOP"],
    "without diacritics": ["xay dung dang", "ket nap dang vien", "dong trieu", "khoa XII", "chuyen doi so", "ocop"],
    "phrases": ['"xây dựng Đảng"', '"kết nạp đảng viên"', '"Đông Triều"', '"khoá XII"', '"chuyển đổi số"', '"dang vien"'],
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


def _like(archive: Archive, query: str) -> list:
    sql = "SELECT id FROM articles WHERE title LIKE ? OR lead LIKE ? OR body LIKE ? ORDER BY published_at DESC LIMIT 20"
    pattern = "%" + query.strip('"') + "%"
    return archive.db.execute(sql, [pattern] * 3).fetchall()


def _timed(queries: list[str], function, repeat: int) -> tuple[list[float], int]:
    """Latencies (ms) of ``function(q)`` over the queries, after a warm-up call each, and how many found something."""
    times, found = [], 0
    for q in queries:
        found += bool(function(q))  # warms the cache as a running server would be
        times += _latencies(lambda q=q: function(q), repeat)
    return times, found


def _ms(times: list[float]) -> str:
    return f"{statistics.median(times):.0f} / {_p95(times):.0f}"


def _search_rows(archive: Archive) -> list[tuple[str, str, str, str]]:
    rows = []
    for label, queries in QUERIES.items():
        ours, hits = _timed(queries, archive.search, 5)
        like, like_hits = _timed(queries, lambda q: _like(archive, q), 1)
        rows.append((f"search {label} (median / p95 ms)", _ms(ours), f"{_ms(like)} (LIKE)",
                     f"{hits}/{len(queries)} found / {like_hits}/{len(queries)} found"))
    queries = QUERIES["with diacritics"]
    ours, _ = _timed(queries, archive.search, 5)
    fold, _ = _timed(queries, lambda q: fold_only(archive.db.conn, q, 20), 5)
    exact = [archive.db.execute(f"SELECT count(*) FROM articles_fts WHERE articles_fts MATCH vn_match_exact(?) AND rowid IN "
                                f"({', '.join(str(h['id']) for h in fold_only(archive.db.conn, q, 20))})", [q]).fetchone()[0]
             for q in queries]
    typed = [sum(h["tier"] == 1 for h in archive.search(q)) for q in queries]
    rows.append(("exact-first ranking, with diacritics (median / p95 ms)", _ms(ours), f"{_ms(fold)} (fold-only bm25)",
                 f"top 20 spelled as typed: {sum(typed) / (20 * len(queries)):.0%} / {sum(exact) / (20 * len(queries)):.0%}"))
    size = archive.db.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'articles_fts%'").fetchone()[0]
    rows.append(("full-text index, articles_fts (MB)", f"{size / 2**20:,.0f}", "", "text + exact columns"))
    return rows


def _coverage_rows(archive: Archive) -> list[tuple[str, str, str, str]]:
    """The coverage page, first view after start (charts drawn) and later ones (kept), against aggregating the
    articles table on each view."""
    live = _latencies(lambda: archive.db.execute(
        "SELECT site, published_month, count(*), sum(party_building) FROM articles GROUP BY 1, 2").fetchall(), 3)
    with serving(DB) as base:
        page = lambda: urllib.request.urlopen(f"{base}/-/vnnews/coverage", timeout=120).read()  # noqa: E731
        first = _latencies(page, 1)
        later = _latencies(page, 7)
        data = _latencies(lambda: urllib.request.urlopen(f"{base}/-/vnnews/coverage.json", timeout=60).read(), 7)
        cells = len(json.loads(urllib.request.urlopen(f"{base}/-/vnnews/coverage.json", timeout=60).read())["months"])
    return [("coverage page: first view, charts drawn (ms)", f"{first[0]:.0f}", f"{_ms(live)} (GROUP BY articles)",
             f"{cells:,} paper-month cells"),
            ("coverage page: later views (median / p95 ms)", _ms(later), "", f"coverage.json {_ms(data)} ms"),
            _registry_heatmap()]


def _registry_heatmap(papers: int = 63, years: int = 12) -> tuple[str, str, str, str]:
    """What drawing costs once the registry has every paper: the heat map of 63 papers x 12 years of months."""
    months = [f"{y}-{m:02d}" for y in range(2015, 2015 + years) for m in range(1, 13)]
    rows = [{"paper": f"Báo {p:02d}", "month": m, "articles": (p * 7 + i) % 40, "href": f"http://127.0.0.1/{p}/{m}",
             "label": m} for p in range(papers) for i, m in enumerate(months)]
    spec = charts.heatmap(rows, x="month", value="articles", title="articles", scheme="blues", zero="#f4c7c3")
    charts.svg(charts.share_bars([], title=""))  # the converter's start, not counted
    drawn = _latencies(lambda: charts.svg(spec), 1)[0]
    return (f"heat map of {papers} papers x {len(months)} months, drawn (ms)", f"{drawn:.0f}", "",
            f"{len(rows):,} cells, {len(charts.svg(spec)) / 2**20:.1f} MB of SVG; kept until the figures change")


def run() -> None:
    if not DB.exists():
        print(f"building {DB.relative_to(ROOT)} ({ARTICLES:,} articles; reused by later runs)", flush=True)
        build(DB.with_suffix(".tmp"), ARTICLES)
        DB.with_suffix(".tmp").rename(DB)
    archive = Archive(DB)
    rows = _search_rows(archive) + _coverage_rows(archive)
    archive.close()
    rows.append(_facet_page())
    rows += _export_rates()
    print(f"archive: {ARTICLES:,} articles ({DB.stat().st_size / 2**30:.1f} GB), "
          f"{len(QUERIES['with diacritics'])} queries of each kind\n")
    report("archive", [dict(zip(("measure", "vnnews", "baseline", "note"), row, strict=True)) for row in rows],
           [("measure", "measure", ""), ("vnnews", "vnnews", ""), ("baseline", "baseline", ""), ("note", "note", "")],
           articles=ARTICLES)
    print("\ngoal: search p95 < 100 ms, facet page < 500 ms, coverage page fast at 1M articles")


def _facet_page() -> tuple[str, str, str, str]:
    with serving(DB) as base:
        url = f"{base}/{DB.stem}/articles"
        fetch = lambda: urllib.request.urlopen(url, timeout=60).read()  # noqa: E731
        fetch()
        times = _latencies(fetch, 7)
        facets = len(json.loads(urllib.request.urlopen(url + ".json?_shape=objects", timeout=60).read())["facet_results"])
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
