"""Scheduled crawling guarantees, each against a copy of the mirror that the test changes: only what is new is
fetched, edits become versions, a killed crawl loses nothing, two crawls never run at once, sites that break
are reported."""

from __future__ import annotations

import os
import pty
import signal
import sqlite3
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from archive.store import Archive
from crawler import settings as crawl_settings
from crawler.mirror import copy_pages
from crawler.mirror.server import MirrorServer
from crawler.sites import SITES
from tests.conftest import ROOT, VNNEWS, run_vnnews
from tests.papers import expected_total, plant_new_article

@pytest.fixture()
def sites(tmp_path: Path) -> Path:
    """A private copy of the sample pages (without the page that hangs, to keep these tests quick)."""
    root = copy_pages(tmp_path / "pages")
    (root / "baophutho.vn" / "_mirror.json").write_text("{}")
    return root


def page_file(root: Path, domain: str, path: str) -> Path:
    return root / domain / (path + "index.html" if path.endswith("/") else path)


def crawl(server: MirrorServer, db: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return run_vnnews("crawl", "--mirror", server.url, "--db", str(db), *args, check=check)


def last_runs(db: Path) -> dict[str, dict]:
    with Archive(db, readonly=True) as archive:
        return {r["site"]: r for r in archive.db.query(
            "SELECT * FROM crawl_runs WHERE invocation = (SELECT invocation FROM crawl_runs ORDER BY id DESC LIMIT 1)")}


def test_one_new_article_per_paper_costs_one_article_request_each(sites: Path, tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    with MirrorServer(root=sites) as server:
        crawl(server, db)
        new_urls = {name: plant_new_article(sites, site) for name, site in SITES.items()}
        before = len(server.requests)
        crawl(server, db)
        fetched = [path for path, _ in server.requests[before:]]
    runs = last_runs(db)
    for site in new_urls:
        run = runs[site]
        assert (run["new"], run["updated"], run["article_requests"], run["failed"]) == (1, 0, 1, 0), run
    article_paths = [p for p in fetched if is_article_path(p)]
    assert sorted(article_paths) == sorted(  # the mirror serves www.<domain> as <domain>
        "/" + u.removeprefix("https://").removeprefix("www.") for u in new_urls.values())
    with Archive(db, readonly=True) as archive:
        assert archive.db["articles"].count == expected_total() + len(new_urls)


def is_article_path(path: str) -> bool:
    """Is this mirror request path an article URL of some paper?"""
    from crawler.mirror import real_url
    from crawler.sites import site_for_url

    url = real_url("http://127.0.0.1" + path)
    site = site_for_url(url)
    return bool(site and site.era_for(url))


def test_an_edited_article_becomes_a_new_version(sites: Path, tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    page = page_file(sites, "baoquangninh.vn", "tinh-uy-quang-ninh-trien-khai-nhiem-vu-xay-dung-dang-nam-2026-3391201.html")
    with MirrorServer(root=sites) as server:
        crawl(server, db)
        with Archive(db, readonly=True) as archive:
            original = next(archive.db["articles"].rows_where("url like ?", ["%3391201.html"]))
        page.write_text(page.read_text("utf-8").replace("đạt 112% kế hoạch", "đạt 115% kế hoạch (số liệu đã đính chính)"),
                        "utf-8")
        crawl(server, db, "--recheck-days", "100000")
    runs = last_runs(db)
    assert runs["baoquangninh"]["updated"] == 1
    assert sum(r["updated"] for r in runs.values()) == 1
    with Archive(db, readonly=True) as archive:  # articles whose page was fetched under their own URL have validators
        with_validators = archive.db.execute(
            "SELECT count(*) FROM articles a JOIN pages p ON p.url = a.url WHERE json_extract(p.headers, '$.etag') "
            "IS NOT NULL").fetchone()[0]
    assert with_validators > 0
    assert sum(r["not_modified"] for r in runs.values()) == with_validators - 1  # the others answered 304
    with Archive(db, readonly=True) as archive:
        latest = next(archive.db["articles"].rows_where("url like ?", ["%3391201.html"]))
        assert "115% kế hoạch (số liệu đã đính chính)" in latest["body"] and latest["version"] == 2
        versions = list(archive.db["article_versions"].rows)
        assert len(versions) == 1
        assert (versions[0]["body"], versions[0]["version"], versions[0]["cause"]) == (original["body"], 1, "crawl")
        assert archive.db["articles"].count == expected_total()


def test_a_crawl_killed_half_way_loses_nothing(sites: Path, tmp_path: Path) -> None:
    reference, killed = tmp_path / "reference.db", tmp_path / "killed.db"
    with MirrorServer(root=sites) as server:
        crawl(server, reference)
    with MirrorServer(root=sites, delay=0.4) as slow:
        process = subprocess.Popen([*VNNEWS, "crawl", "--mirror", slow.url, "--db", str(killed)], cwd=ROOT,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        stored = 0
        deadline = time.monotonic() + 60
        while stored < 3 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
            stored = _count(killed, "articles")
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    assert 3 <= stored < expected_total(), f"the crawl must be killed half-way (it had stored {stored} articles)"
    assert _count(killed, "crawl_runs WHERE status = 'running'") > 0
    with MirrorServer(root=sites) as server:
        result = crawl(server, killed)
    assert "never finished (killed?)" in result.stderr
    assert _articles(killed) == _articles(reference)
    assert _count(killed, "crawl_runs WHERE status = 'running'") == 0
    assert _count(killed, "crawl_runs WHERE status = 'interrupted'") > 0
    with sqlite3.connect(killed) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) - count(DISTINCT url) FROM articles").fetchone()[0] == 0


def _count(db: Path, table_and_where: str) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute(f"SELECT count(*) FROM {table_and_where}").fetchone()[0]
    except sqlite3.OperationalError:  # the crawl has not created the table yet
        return 0


def _articles(db: Path) -> set[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return set(conn.execute("SELECT url, content_hash FROM articles"))


def test_two_crawls_at_once(sites: Path, tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    with MirrorServer(root=sites, delay=0.3) as slow:
        first = subprocess.Popen([*VNNEWS, "crawl", "--mirror", slow.url, "--db", str(db)], cwd=ROOT,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        lock = Path(f"{db}.lock")
        deadline = time.monotonic() + 30
        while not (lock.exists() and "pid" in lock.read_text()) and time.monotonic() < deadline:
            time.sleep(0.05)
        second = crawl(slow, db, check=False)
        waiting = subprocess.Popen([*VNNEWS, "crawl", "--mirror", slow.url, "--db", str(db), "--wait", "120"], cwd=ROOT,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        out, err = first.communicate(timeout=120)
        waited_out, waited_err = waiting.communicate(timeout=120)
    assert second.returncode == 75
    assert "another crawl is writing" in second.stderr and f"pid {first.pid}" in second.stderr
    total = expected_total()
    assert first.returncode == 0 and f"{total} articles in" in out
    assert waiting.returncode == 0 and f"{total} articles in" in waited_out
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == total


def test_lock_is_exclusive_and_released(tmp_path: Path) -> None:
    from archive.lock import ArchiveBusy, crawl_lock

    db = tmp_path / "a.db"
    with crawl_lock(db):
        with pytest.raises(ArchiveBusy, match=f"pid {os.getpid()}"):
            with crawl_lock(db):
                pass
    with crawl_lock(db):
        pass


def test_requests_to_one_domain_keep_the_papers_delay(tmp_path: Path) -> None:
    """Production politeness over the mirror (VNNEWS_MIRROR_FAST=0): robots.txt, the paper's delay per domain with
    its jitter (never below half of it), AutoThrottle on."""
    site = SITES["baotuyenquang"]
    with MirrorServer() as server:
        out = subprocess.run([sys.executable, "-m", "scrapy", "crawl", site.name, "-s", f"VNNEWS_MIRROR={server.url}",
                              "-s", "VNNEWS_MIRROR_FAST=0", "-s", f"VNNEWS_DB={tmp_path / 'a.db'}",
                              "-s", "AUTOTHROTTLE_START_DELAY=1"], cwd=ROOT, capture_output=True, text=True, timeout=120)
        times = [t for t, (path, _) in zip(server.times, server.requests, strict=True)
                 if path.startswith(f"/{site.domains[0]}/")]
    assert out.returncode == 0, out.stderr[-2000:]
    assert len(times) >= 5
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert min(gaps) >= 0.5 * site.download_delay, gaps


def test_every_request_names_the_project(mirror, crawled) -> None:
    agents = {headers.get("User-Agent") for _, headers in mirror.requests}
    assert agents == {crawl_settings.USER_AGENT}


def test_since_stops_at_the_first_listing_page_that_is_all_older(sites: Path, tmp_path: Path) -> None:
    with MirrorServer(root=sites) as server:
        crawl(server, tmp_path / "a.db", "--since", "2027-01-01", "--site", "baoquangtri")
        paths = [p for p, _ in server.requests]
    assert "/baoquangtri.vn/chinh-tri/" in paths
    assert "/baoquangtri.vn/chinh-tri/?page=2" not in paths


def test_backfill_reaches_what_incremental_crawls_skip(sites: Path, tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with MirrorServer(root=sites) as server:
        crawl(server, db, "--site", "baoquangtri")
        # an older article appears on page 2 only: a caught-up crawl stops at page 1, which holds nothing new
        old = "https://baoquangtri.vn/chinh-tri/202510/dong-hoi-nang-cao-chat-luong-sinh-hoat-chi-bo-a1b2c3d/"
        new_url = "https://baoquangtri.vn/chinh-tri/202510/quang-ninh-huyen-sinh-hoat-chi-bo-c1c2c3c/"
        html = page_file(sites, "baoquangtri.vn", old.split("baoquangtri.vn/")[1]).read_text("utf-8")
        target = page_file(sites, "baoquangtri.vn", new_url.split("baoquangtri.vn/")[1])
        target.parent.mkdir(parents=True)
        target.write_text(html.replace(old, new_url).replace("<p>", "<p>Bài cũ mới được đưa lên. ", 1), "utf-8")
        listing = sites / "baoquangtri.vn" / "chinh-tri" / "index@page=2.html"
        listing.write_text(listing.read_text("utf-8").replace("</body>", f'<a href="{new_url}">Bài</a></body>'), "utf-8")
        crawl(server, db, "--site", "baoquangtri")
        assert last_runs(db)["baoquangtri"]["new"] == 0
        crawl(server, db, "--site", "baoquangtri", "--backfill", "--until", "2020-01-01")
    assert last_runs(db)["baoquangtri"]["new"] == 1
    with Archive(db, readonly=True) as archive:
        assert next(archive.db["articles"].rows_where("url = ?", [new_url]))["published_at"].startswith("2025-10-14")


def test_status_ok_after_a_healthy_crawl(crawled) -> None:
    db, _ = crawled
    result = run_vnnews("status", "--db", str(db))
    assert result.returncode == 0
    for site in SITES:
        assert any(line.startswith(site) and line.endswith(" ok") for line in result.stdout.splitlines()), result.stdout


def test_status_reports_template_drift(sites: Path, tmp_path: Path) -> None:
    # Báo Lâm Đồng moves to a JavaScript front end: its article pages no longer hold the text
    shell = "<!DOCTYPE html><html><head><title>Báo Lâm Đồng</title></head><body><div id='app'></div>" \
            "<script src='/app.js'></script></body></html>"
    for listed in ("phu-quy-tang-cuong-cong-tac-phat-trien-dang-vien-381204.html",
                   "duc-trong-trao-giay-chung-nhan-22-san-pham-ocop-277131.html",
                   "chinh-tri/202402/da-teh-cong-tac-xay-dung-dang-tiep-tuc-duoc-doi-moi-8f3c1a2/index.html"):
        (sites / "baolamdong.vn" / listed).write_text(shell, "utf-8")
    db = tmp_path / "a.db"
    with MirrorServer(root=sites) as server:
        crawl(server, db)
    result = run_vnnews("status", "--db", str(db), check=False)
    assert result.returncode == 1
    assert "baolamdong is drifting" in result.stderr
    assert "baoquangninh is" not in result.stderr


def test_status_reports_a_site_that_is_down(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}"
    db = tmp_path / "a.db"
    crawl = run_vnnews("crawl", "--mirror", closed, "--db", str(db), "--site", "baoquangninh", check=False)
    assert crawl.returncode == 1 and "baoquangninh: the site could not be reached" in crawl.stderr
    result = run_vnnews("status", "--db", str(db), check=False)
    assert result.returncode == 1 and "baoquangninh is failing" in result.stderr


def test_progress_on_a_terminal(sites: Path, tmp_path: Path) -> None:
    with MirrorServer(root=sites) as server:
        leader, follower = pty.openpty()
        process = subprocess.Popen([*VNNEWS, "crawl", "--mirror", server.url, "--db", str(tmp_path / "a.db")], cwd=ROOT,
                                   stdout=subprocess.DEVNULL, stderr=follower)
        os.close(follower)
        output = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        process.wait(60)
    text = output.decode("utf-8", "replace")
    assert "\x1b[2K" in text  # lines redrawn in place
    for site in SITES:
        assert f"{site}" in text
    assert "done (finished)" in text


def test_progress_in_logs_is_plain_lines(tmp_path: Path) -> None:
    result = run_vnnews("crawl", "--offline", "--site", "baoquangtri", "--db", str(tmp_path / "a.db"))
    lines = [line for line in result.stderr.splitlines() if "baoquangtri" in line and "done" in line]
    assert lines and lines[-1][:4].isdigit() and "\x1b" not in result.stderr


def test_scheduling_files_run_valid_commands() -> None:
    """Every vnnews command the systemd units and the crontab run is one the command line accepts."""
    import configparser
    import shlex

    from crawler.cli import build_parser

    service = configparser.ConfigParser(interpolation=None, strict=False)
    service.read(ROOT / "deploy" / "vnnews-crawl.service")
    timer = configparser.ConfigParser(interpolation=None)
    timer.read(ROOT / "deploy" / "vnnews-crawl.timer")
    assert service["Unit"]["OnFailure"].startswith("vnnews-alert@") and (ROOT / "deploy" / "vnnews-alert@.service").exists()
    assert timer["Timer"]["OnCalendar"] and timer["Timer"]["Persistent"] == "true"
    lines = [service["Service"]["ExecStart"], service["Service"]["ExecStartPost"]]
    cron = [line for line in (ROOT / "deploy" / "crontab").read_text().splitlines() if line[:1].isdigit()]
    for line in cron:
        lines += re.split(r";|\|\||&&|>>|>", line)
    commands = set()
    for line in lines:
        words = shlex.split(line)
        starts = [i for i, w in enumerate(words) if w == "vnnews" or w.endswith("bin/vnnews")]
        if not starts:
            continue
        words = words[starts[0] + 1:]
        args = build_parser().parse_args(words)
        commands.add(args.command)
    assert commands == {"crawl", "status"}


def test_the_deployed_settings_file_gives_the_contact(monkeypatch) -> None:
    from crawler.contact import PLACEHOLDER_CONTACT, operator_contact

    monkeypatch.delenv("VNNEWS_CONTACT", raising=False)
    monkeypatch.setenv("VNNEWS_CONFIG", str(ROOT / "deploy" / "vnnews.ini"))
    assert operator_contact(None) == "mailto:archive-ops@example.org" != PLACEHOLDER_CONTACT
