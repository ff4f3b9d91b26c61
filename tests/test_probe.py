"""`vnnews probe` over the mirror: a clean probe passes; drift planted in a private copy of the sample pages (a changed
URL pattern, a dead feed, a template without its markup) is a broken fact, named in the JSON report, with exit 1.
Then the verdict rules on observations made by hand (no Scrapy), and the command's one-line errors."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

import pytest

from archive.record import Article, Failure
from crawler.extract import Reading
from crawler.mirror import copy_pages, real_url
from crawler.mirror.server import MirrorServer, resolve
from crawler.probe.facts import check
from crawler.probe.observations import ArticleSeen, FeedSeen, Fetch, ListingSeen, Observations, RobotsSeen
from crawler.probe.verdict import BROKEN, NOT_CHECKED, NOW_VERIFIED, OK, Verdict
from crawler.sites import SITES
from tests.conftest import ROOT, VNNEWS, run_vnnews

CLEAN = ("baoquangninh", "baoquangtri", "baovinhphuc")


def probe(mirror: str, sites: tuple[str, ...], report: Path) -> tuple[subprocess.CompletedProcess[str], dict]:
    args = [arg for site in sites for arg in ("--site", site)]
    result = run_vnnews("probe", "--mirror", mirror, *args, "--report", str(report), check=False)
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    return result, json.loads(report.read_text("utf-8"))


def rows(report: dict, paper: str, fact: str, subject: str | None = None) -> list[dict]:
    return [v for v in report["papers"][paper]["verdicts"]
            if v["fact"] == fact and (subject is None or v["subject"] == subject)]


def kinds(report: dict, paper: str, fact: str, subject: str | None = None) -> set[str]:
    return {v["verdict"] for v in rows(report, paper, fact, subject)}


# -- a clean probe -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def clean(mirror: MirrorServer, tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], dict, list]:
    before = len(mirror.requests)
    result, report = probe(mirror.url, CLEAN, tmp_path_factory.mktemp("probe") / "report.json")
    return result, report, mirror.requests[before:]


def test_a_clean_probe_exits_0(clean) -> None:
    result, report, _ = clean
    assert result.returncode == 0, result.stdout[-3000:]
    assert report["broken"] == []


@pytest.mark.parametrize("paper", CLEAN)
def test_a_clean_probe_passes_every_fact_of_each_paper(clean, paper: str) -> None:
    _, report, _ = clean
    assert not [v for v in report["papers"][paper]["verdicts"] if v["verdict"] == BROKEN]
    site = SITES[paper]
    assert kinds(report, paper, "domain", site.domains[0]) == {OK}
    assert kinds(report, paper, "robots", site.domains[0]) == {OK}
    for listing in site.listings:
        assert kinds(report, paper, "listing", listing.url) == {OK}
        assert kinds(report, paper, "pagination", listing.url) == {OK}
    assert kinds(report, paper, "template") == kinds(report, paper, "extraction") == kinds(report, paper, "articles") == {OK}
    assert len(rows(report, paper, "extraction")) == 2
    assert OK in kinds(report, paper, "era")


def test_the_feed_and_lead_tags_of_a_clean_probe(clean) -> None:
    _, report, _ = clean
    feed = rows(report, "baoquangninh", "feed", SITES["baoquangninh"].feeds[0])
    assert [v["verdict"] for v in feed] == [OK] and feed[0]["detail"].startswith("RSS")
    assert kinds(report, "baoquangtri", "feed") == {NOT_CHECKED}  # it names none
    assert kinds(report, "baoquangtri", "lead_prefixes") == {OK}


def test_what_a_listing_leads_with_is_skipped_not_broken(clean) -> None:
    _, report, _ = clean
    skipped = {v["subject"]: v["detail"] for v in rows(report, "baoquangninh", "article")}
    assert skipped["https://baoquangninh.vn/bai-viet-da-go-3391000.html"] == "skipped: HTTP 404"
    assert "robots.txt" in skipped["https://baoquangninh.vn/noi-bo-hop-giao-ban-3391300.html"]
    assert skipped["https://baoquangninh.vn/lien-he-toa-soan-3000001.html"].startswith("skipped: no article")


def test_a_confirmed_unverified_fact_is_now_verified(clean) -> None:
    _, report, _ = clean
    assert "pagination" in SITES["baoquangninh"].unverified
    [pagination] = rows(report, "baoquangninh", "unverified", "pagination")
    assert pagination["verdict"] == NOW_VERIFIED and "mark it V in site.py" in pagination["detail"]
    [article_path] = rows(report, "baovinhphuc", "unverified", "article_path:baovinhphuc.com.vn")
    assert article_path["verdict"] == NOW_VERIFIED
    [section] = rows(report, "baovinhphuc", "unverified", "party_section")
    assert section["verdict"] == NOT_CHECKED and "reader" in section["detail"]


def test_the_table_shows_probe_first_first(clean) -> None:
    result, _, _ = clean
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["paper", "fact", "verdict", "detail"]
    for paper in CLEAN:
        first = next(line for line in lines if line.startswith(paper + " "))
        assert first.split()[1:3] == ["probe", "first"] and SITES[paper].probe_first[:40] in first
    assert re.search(r"^baoquangninh +pagination baoquangninh\.vn/chinh-tri +ok ", result.stdout, re.M)
    assert "no broken fact; report:" in result.stderr


def test_the_probe_is_polite_and_reads_robots_first(clean) -> None:
    _, _, requests = clean
    paths = [real_url("http://127.0.0.1" + path) for path, _ in requests]
    for domain in {urlsplit(url).hostname for url in paths}:
        mine = [url for url in paths if urlsplit(url).hostname == domain]
        assert mine[0] == f"https://{domain}/robots.txt" and mine.count(mine[0]) == 1, mine
    assert not any("noi-bo-" in url for url in paths)  # forbidden by robots.txt: never asked
    assert {headers.get("User-Agent", "")[:7] for _, headers in requests} == {"vnnews/"}


def test_the_probe_writes_no_archive(clean, tmp_path: Path, mirror: MirrorServer) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([*VNNEWS, "probe", "--mirror", mirror.url, "--site", "baoquangtri", "--report", "r.json"],
                   cwd=tmp_path, env=env, capture_output=True, timeout=120, check=True)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["r.json"]


# -- planted drift -------------------------------------------------------------------------------------

def _file(root: Path, url: str) -> Path:
    parts = urlsplit(url)
    return resolve(root, parts.hostname.removeprefix("www."), parts.path, parts.query)


def change_url_pattern(root: Path) -> None:
    """baoquangninh's section page 1 links its articles under a new URL scheme (/<slug>/id<7 digits>)."""
    page = _file(root, SITES["baoquangninh"].listings[0].url)
    html, n = re.subn(r'-(\d{7})\.html"', r'/id\1"', page.read_text("utf-8"))
    assert n >= 3
    page.write_text(html, "utf-8")


def remove_feed(root: Path) -> None:
    """baohatinh's feed is gone: 404."""
    _file(root, SITES["baohatinh"].feeds[0]).unlink()


def feed_becomes_html(root: Path) -> None:
    """baoapbac's feed answers with an HTML page."""
    _file(root, SITES["baoapbac"].feeds[0]).write_text(
        "<!DOCTYPE html><html><body><h1>Trang không tồn tại</h1></body></html>", "utf-8")


def strip_template_markup(root: Path) -> None:
    """baoquangtri's article pages lose the yyyymm family's markup (a redesign)."""
    for page in (root / "baoquangtri.vn").rglob("index.html"):
        html = page.read_text("utf-8")
        page.write_text(html.replace("article-content", "noi-dung").replace("article-title", "tieu-de"), "utf-8")


def slow_down_in_robots_txt(root: Path) -> None:
    """baoquangtri's robots.txt asks for ten seconds between requests (the record's download_delay is 1 s)."""
    robots = root / "baoquangtri.vn" / "robots.txt"
    robots.write_text(robots.read_text("utf-8") + "\nCrawl-delay: 10\n", "utf-8")


DRIFTS: dict[str, tuple[Callable[[Path], None], str, str, str | None, str]] = {
    # name: (plant it, paper, the broken fact, its subject, how its detail starts)
    "changed URL pattern": (change_url_pattern, "baoquangninh", "listing", "https://baoquangninh.vn/chinh-tri",
                            "none of its"),
    "dead feed (404)": (remove_feed, "baohatinh", "feed", "https://baohatinh.vn/rss/chinh-tri.xml", "HTTP 404"),
    "dead feed (not XML)": (feed_becomes_html, "baoapbac", "feed", "https://baoapbac.vn/xa-hoi/index.rss",
                            "not a feed: a <html> document"),
    "template without its markup": (strip_template_markup, "baoquangtri", "template", None, "drift: no version of the "
                                    "yyyymm family"),
    "robots.txt asks for a slower pace": (slow_down_in_robots_txt, "baoquangtri", "robots", "baoquangtri.vn",
                                          "asks for Crawl-delay: 10 s"),
}


@pytest.mark.parametrize("drift", DRIFTS)
def test_planted_drift_is_a_broken_fact(tmp_path: Path, drift: str) -> None:
    plant, paper, fact, subject, detail = DRIFTS[drift]
    root = copy_pages(tmp_path / "pages")
    plant(root)
    untouched = "baovinhphuc"
    with MirrorServer(root=root) as server:
        result, report = probe(server.url, (paper, untouched), tmp_path / "report.json")
    assert result.returncode == 1
    broken = [v for v in rows(report, paper, fact, subject) if v["verdict"] == BROKEN]
    assert broken and all(v["detail"].startswith(detail) for v in broken), rows(report, paper, fact, subject)
    assert {(b["paper"], b["fact"]) for b in report["broken"]} >= {(paper, fact)}
    assert report["papers"][untouched]["counts"][BROKEN] == 0
    assert f"broken facts in {paper};" in result.stderr


def test_a_changed_url_pattern_leaves_the_other_facts_of_the_paper(tmp_path: Path) -> None:
    root = copy_pages(tmp_path / "pages")
    change_url_pattern(root)
    with MirrorServer(root=root) as server:
        _, report = probe(server.url, ("baoquangninh",), tmp_path / "report.json")
    [listing] = rows(report, "baoquangninh", "listing")
    assert "links that look like articles: https://baoquangninh.vn/" in listing["detail"] and "/id3391" in listing["detail"]
    assert kinds(report, "baoquangninh", "feed") == kinds(report, "baoquangninh", "extraction") == {OK}
    assert kinds(report, "baoquangninh", "pagination") == {OK}


def test_a_dead_feed_refutes_the_unverified_feeds_fact(tmp_path: Path) -> None:
    root = copy_pages(tmp_path / "pages")
    remove_feed(root)
    with MirrorServer(root=root) as server:
        _, report = probe(server.url, ("baohatinh",), tmp_path / "report.json")
    [feeds] = rows(report, "baohatinh", "unverified", "feeds")
    assert feeds["verdict"] == BROKEN and "HTTP 404" in feeds["detail"]
    assert kinds(report, "baohatinh", "listing") == {OK}


# -- the verdict rules, on observations made by hand -----------------------------------------------------

def _article(url: str, **changes: object) -> Article:
    fields = {"url": url, "site": "baoquangtri", "title": "Một bài báo", "body": " ".join(["chữ"] * 120),
              "word_count": 120, "author": "Lê Trường", "published_at": "2026-01-09T07:30+07:00"}
    return Article(**{**fields, **changes})


def _observed(site: str, **listing_fetch: object) -> Observations:
    """One listing page answering with two article links, both read."""
    record = SITES[site]
    url = record.listings[0].url
    links = [f"https://{record.domains[0]}/chinh-tri/202601/bai-so-{n}-abcdef{n}/" for n in (1, 2)]
    seen = Observations(site, robots={record.domains[0]: RobotsSeen(record.domains[0], 200)})
    seen.listings.append(ListingSeen(url, 1, Fetch(url, **{"final_url": url, "status": 200, **listing_fetch}), links))
    for link in links:
        reading = Reading("yyyymm/v2", "yyyymm", _article(link))
        seen.articles.append(ArticleSeen(Fetch(link, final_url=link, status=200), url, reading))
    return seen


def _only(verdicts: list[Verdict], fact: str, subject: str | None = None) -> Verdict:
    [found] = [v for v in verdicts if v.fact == fact and (subject is None or v.subject == subject)]
    return found


def test_rules_robots_txt_forbidding_a_listing_is_broken() -> None:
    site = SITES["baoquangtri"]
    url = site.listings[0].url
    seen = _observed("baoquangtri", status=None, final_url=None, failure=Failure(
        url=url, site=site.name, stage="robots", reason="not fetched: Forbidden by robots.txt"))
    verdicts = check(site, seen)
    assert _only(verdicts, "robots").verdict == BROKEN and url in _only(verdicts, "robots").detail
    assert _only(verdicts, "listing").verdict == BROKEN


def test_rules_a_crawl_delay_above_the_record_s_delay_is_broken() -> None:
    site = SITES["baoquangtri"]
    seen = _observed("baoquangtri")
    seen.robots[site.domains[0]].crawl_delay = 10
    assert "Crawl-delay: 10 s" in _only(check(site, seen), "robots").detail
    assert _only(check(site, seen), "robots").verdict == BROKEN
    seen.robots[site.domains[0]].crawl_delay = site.download_delay
    assert _only(check(site, seen), "robots").verdict == OK


def test_rules_an_absorbed_paper_redirected_into_its_successor_verifies_redirects() -> None:
    site = SITES["baovinhphuc"]
    assert "redirects" in site.unverified and site.successor == "baophutho"
    url = site.listings[0].url
    seen = Observations(site.name)
    seen.listings.append(ListingSeen(url, 1, Fetch(url, final_url="https://baophutho.vn/xay-dung-dang", status=200),
                                     ["https://baophutho.vn/phu-tho-nang-cao-chat-luong-to-chuc-co-so-dang-256410.htm"]))
    verdicts = check(site, seen)
    assert _only(verdicts, "domain").verdict == OK and "baophutho.vn" in _only(verdicts, "domain").detail
    assert _only(verdicts, "redirect").verdict == OK
    assert _only(verdicts, "unverified", "redirects").verdict == NOW_VERIFIED
    assert _only(verdicts, "listing").verdict == BROKEN  # the successor's links are no articles of this paper


def test_rules_a_listing_sent_off_the_paper_s_domains_breaks_the_domain() -> None:
    site = SITES["baoquangtri"]
    url = site.listings[0].url
    seen = _observed("baoquangtri", status=None, final_url=None, redirected_to="https://quangcao.example.com/",
                     failure=Failure(url=url, site=site.name, stage="redirect", reason="redirected off the paper's "
                                     "domains, to https://quangcao.example.com/"))
    verdicts = check(site, seen)
    assert _only(verdicts, "domain").verdict == BROKEN and _only(verdicts, "redirect").verdict == BROKEN


def test_rules_an_article_without_author_or_time_fails_extraction() -> None:
    site = SITES["baoquangtri"]
    seen = _observed("baoquangtri")
    seen.articles[0].reading.article = _article(seen.articles[0].fetch.url, author=None, published_at="2026-01-09")
    verdicts = check(site, seen)
    detail = _only(verdicts, "extraction", seen.articles[0].fetch.url).detail
    assert _only(verdicts, "extraction", seen.articles[0].fetch.url).verdict == BROKEN
    assert "no author" in detail and "not a minute in +07:00 (2026-01-09)" in detail
    assert _only(verdicts, "extraction", seen.articles[1].fetch.url).verdict == OK


def test_rules_a_feed_that_links_no_article_of_an_era_is_broken() -> None:
    site = SITES["baoquangninh"]
    seen = _observed("baoquangninh")
    feed = site.feeds[0]
    seen.feeds.append(FeedSeen(Fetch(feed, final_url=feed, status=200), "rss", ["https://baoquangninh.vn/video/123"]))
    verdict = _only(check(site, seen), "feed")
    assert verdict.verdict == BROKEN and "none links to an article URL" in verdict.detail


def test_rules_unverified_facts_no_check_bears_on_are_open() -> None:
    site = SITES["baoquangbinh"]
    verdicts = check(site, Observations(site.name))
    assert {v.subject: v.verdict for v in verdicts if v.fact == "unverified"} == dict.fromkeys(site.unverified, NOT_CHECKED)
    assert _only(verdicts, "articles").verdict == NOT_CHECKED


# -- the command ---------------------------------------------------------------------------------------

def _one_line_error(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode == 2 and "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("vnnews:")]
    assert len(lines) == 1 and words in lines[0], result.stderr


def test_probing_the_real_sites_needs_a_contact(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "VNNEWS_CONTACT"} | {"VNNEWS_CONFIG": str(tmp_path / "none.ini")}
    result = subprocess.run([*VNNEWS, "probe", "--site", "baoquangtri", "--report", str(tmp_path / "r.json")],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    _one_line_error(result, "--contact")
    assert not (tmp_path / "r.json").exists()


def test_user_mistakes_are_one_line(tmp_path: Path) -> None:
    _one_line_error(run_vnnews("probe", "--site", "baohanoi", "--offline", check=False), "unknown site 'baohanoi'")
    _one_line_error(run_vnnews("probe", "--offline", "--site", "baoquangtri", "--report", str(tmp_path), check=False),
                    "is a directory")
