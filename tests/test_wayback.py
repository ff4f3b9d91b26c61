"""`vnnews backfill --wayback`: a fake CDX and replay server in the offline mirror serves captures of an absorbed
paper's former domain (baoquangbinh.vn, Báo Quảng Bình, now part of Báo Quảng Trị); the back-fill keeps the article
URLs, stores them under their original URL with the capture time, records failures, and a second run fetches
nothing. Nothing here reaches the real Wayback Machine: the mirror's download handler answers for it."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from crawler.extract import extract
from crawler.mirror.server import MirrorServer
from crawler.mirror.wayback import FakeWayback
from crawler.settings import DOWNLOAD_SLOTS
from crawler.sites import site_for_url
from crawler.wayback import cdx_url, parse_cdx
from tests.conftest import ROOT, run_vnnews

DOMAIN = "baoquangbinh.vn"
STAMP = "20250301083000"  # the archive of Quảng Bình as it stood before the merger
CAPTURED = "2025-03-01T08:30:00+00:00"
GONE = f"https://{DOMAIN}/chinh-tri/201703/bai-da-go-khoi-trang-abcdef1/"  # in the CDX, its replay answers 404
OLD = f"https://{DOMAIN}/chinh-tri/201201/bai-nam-2012-khong-lay-1234abc/"  # captured in 2012: outside --from 2015


@pytest.fixture(scope="module")
def paper():
    site = site_for_url(f"https://{DOMAIN}/")
    assert site is not None and site.absorbed and DOMAIN in site.all_domains, "baoquangbinh.vn: an absorbed paper's"
    return site


@pytest.fixture(scope="module")
def captures(paper, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """<root>/<timestamp>/<domain>/…: the paper's sample pages of the former domain captured in 2025, a contact page
    (no article URL), an article captured in 2012; a capture listed without a file. Returns (root, articles)."""
    root = tmp_path_factory.mktemp("wayback")
    folder = root / STAMP / DOMAIN
    shutil.copytree(paper.pages / DOMAIN, folder, ignore=shutil.ignore_patterns("_*", "robots.txt"))
    (folder / "lien-he.html").write_text("<html><body><h1>Liên hệ</h1></body></html>", "utf-8")
    urls = [u for u in (f"https://{DOMAIN}/{p.parent.relative_to(folder)}/" for p in sorted(folder.rglob("index.html")))
            if paper.era_for(u)]  # the sample pages' articles (not its listing)
    article = folder / urlsplit(urls[0]).path.strip("/") / "index.html"
    old = root / "20120105000000" / DOMAIN / urlsplit(OLD).path.strip("/") / "index.html"
    old.parent.mkdir(parents=True)
    shutil.copy(article, old)
    (root / "_cdx.json").write_text(json.dumps([["20250302000000", GONE]]), "utf-8")
    assert urls
    return root, urls


@pytest.fixture(scope="module")
def wayback(captures) -> MirrorServer:
    with MirrorServer(wayback=FakeWayback.from_root(captures[0])) as server:
        yield server


@pytest.fixture(scope="module")
def backfilled(paper, wayback, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], str]:
    """One back-fill: (archive, the paths the mirror was asked for, the command's output)."""
    db = tmp_path_factory.mktemp("backfill") / "archive.db"
    asked = len(wayback.requests)
    result = run_vnnews("backfill", "--wayback", "--site", paper.name, "--from", "2015", "--to", "2025",
                        "--mirror", wayback.url, "--db", str(db))
    return db, [path for path, _ in wayback.requests[asked:]], result.stdout + result.stderr


def rows(db: Path, sql: str) -> list[dict]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(sql)]


def test_cdx_is_asked_for_every_domain_of_the_paper_with_the_filters(paper, backfilled) -> None:
    _, paths, _ = backfilled
    cdx = [parse_qs(urlsplit(p).query) for p in paths if "/cdx/search/cdx" in p]
    assert {q["url"][0] for q in cdx} == {f"{d}/*" for d in paper.all_domains}
    for query in cdx:
        assert query["filter"] == ["statuscode:200", "mimetype:text/html"] and query["collapse"] == ["urlkey"]
        assert (query["from"], query["to"], query["output"]) == (["2015"], ["2025"], ["json"])


def test_article_captures_are_fetched_raw_and_stored_under_their_original_url(captures, backfilled) -> None:
    root, urls = captures
    db, paths, _ = backfilled
    replays = sorted(unquote(p) for p in paths if "/web/" in p)
    assert replays == sorted([f"/web.archive.org/web/{STAMP}id_/{u}" for u in urls]
                             + [f"/web.archive.org/web/20250302000000id_/{GONE}"])
    when = datetime.fromisoformat(CAPTURED)
    expected = {(a.url, a.content_hash) for a in (
        extract((root / STAMP / DOMAIN / urlsplit(u).path.strip("/") / "index.html").read_bytes(), u, fetched_at=when)
        for u in urls)}
    assert {(r["url"], r["content_hash"]) for r in rows(db, "SELECT url, content_hash FROM articles")} == expected
    for page in rows(db, "SELECT * FROM pages"):
        assert page["url"] in urls and page["source"] == "wayback" and page["archive_file"] is None
        assert page["record_id"] == f"https://web.archive.org/web/{STAMP}id_/{page['url']}"
        assert page["captured_at"] == page["fetched_at"] == CAPTURED
    for article in rows(db, "SELECT published_at, captured_at FROM articles"):
        assert article["published_at"] < CAPTURED[:7] and article["captured_at"] == CAPTURED


def test_failures_and_the_run_are_recorded_as_a_crawls(paper, backfilled) -> None:
    db, _, output = backfilled
    failures = rows(db, "SELECT url, stage, status FROM failures")
    assert failures == [{"url": GONE, "stage": "http", "status": 404}]
    articles = len(rows(db, "SELECT id FROM articles"))
    assert rows(db, "SELECT site, source, status, new, failed FROM crawl_runs") == [
        {"site": paper.name, "source": "wayback", "status": "finished", "new": articles, "failed": 1}]
    assert paper.name in output


def test_a_second_backfill_fetches_no_capture_again(paper, wayback, backfilled) -> None:
    db, _, _ = backfilled
    before = {t: len(rows(db, f"SELECT * FROM {t}")) for t in ("articles", "pages", "failures")}
    asked = len(wayback.requests)
    run_vnnews("backfill", "--wayback", "--site", paper.name, "--from", "2015", "--to", "2025", "--mirror",
               wayback.url, "--db", str(db))
    assert not [p for p, _ in wayback.requests[asked:] if "/web/" in p]
    assert {t: len(rows(db, f"SELECT * FROM {t}")) for t in before} == before


def test_the_cdx_listing_is_followed_page_by_page(paper, captures, wayback, tmp_path: Path) -> None:
    """Through Scrapy directly, one capture per CDX page: the resume key leads through all of them."""
    db = tmp_path / "archive.db"
    asked = len(wayback.requests)
    subprocess.run([sys.executable, "-m", "scrapy", "crawl", "wayback", "-a", f"site={paper.name}", "-a", "start=2015",
                    "-s", f"VNNEWS_MIRROR={wayback.url}", "-s", f"VNNEWS_DB={db}", "-s", "VNNEWS_WAYBACK_CDX_LIMIT=1",
                    "-s", "LOG_LEVEL=WARNING"], cwd=ROOT, check=True, capture_output=True, timeout=300)
    pages = [parse_qs(urlsplit(p).query) for p, _ in wayback.requests[asked:] if f"url={DOMAIN}" in unquote(p)]
    assert len(pages) > 2 and [q.get("resumeKey") for q in pages][1:] == [[str(n)] for n in range(1, len(pages))]
    assert len(rows(db, "SELECT id FROM articles")) == len(captures[1])


def test_no_internet_is_one_line_and_exit_1(paper, tmp_path: Path) -> None:
    result = run_vnnews("backfill", "--wayback", "--site", paper.name, "--mirror", "http://127.0.0.1:9", "--db",
                        str(tmp_path / "a.db"), check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("vnnews: the Wayback Machine's CDX API did not answer")


def test_the_wayback_has_its_own_polite_slot() -> None:
    slot = DOWNLOAD_SLOTS["web.archive.org"]
    assert slot["delay"] >= 1.0 and slot["concurrency"] == 1 and slot["jitter"] == 0


def test_cdx_pages_and_resume_keys() -> None:
    url = cdx_url("https://web.archive.org", DOMAIN, start="2016", end="2019", limit=2, resume_key="k")
    query = parse_qs(urlsplit(url).query)
    assert query["url"] == [f"{DOMAIN}/*"] and query["resumeKey"] == ["k"] and query["limit"] == ["2"]
    text = json.dumps([["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"],
                       ["vn,x)/a", "20170101000000", "http://baoquangbinh.vn:80/a", "text/html", "200", "D", "1"],
                       [], ["next-key"]])
    captures, resume = parse_cdx(text)
    assert resume == "next-key" and [(c.timestamp, c.url) for c in captures] == [
        ("20170101000000", "http://baoquangbinh.vn/a")]
    assert parse_cdx("") == ([], None)
