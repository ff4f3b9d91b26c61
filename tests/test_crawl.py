"""End to end: the real spiders crawl the mirror through a real local server into a real SQLite file; each paper's
archive holds what its folder says (crawl.json, expected records)."""

from __future__ import annotations

import json

import pytest

from archive.store import Archive
from crawler.mirror import real_url
from crawler.sites import SITES
from tests.conftest import run_vnnews
from tests.papers import archived_by_run, crawl_expectations, expected_articles, merger_group, papers, shared_articles

BOILERPLATE = ("Tin cùng chuyên mục", "Tin liên quan", "Ý kiến bạn đọc", "Tổng số điểm", "Click để đánh giá",
               "Bạn đã không sử dụng Site", "Những tin mới hơn", "Những tin cũ hơn", "Tiếng việt", "English",
               "Từ khóa", "In bài viết", "Chia sẻ", "Gửi ý kiến", "Theo dõi Báo", "Quảng cáo", "Tác giả bài viết",
               "Nguồn:", "thanhtuyen 1033")
# what the crawl adds to the record a page gives alone (the URLs it came under), and what it keeps apart
NOT_COMPARED = ("former_urls", "content_hash", "extractor_version")


@pytest.mark.parametrize("site", papers())
def test_articles_of_each_paper(archive: Archive, site: str) -> None:
    rows = {r["url"]: r for r in archive.db["articles"].rows_where("site = ?", [site])}
    expected = crawl_expectations(SITES[site])["articles"]
    assert set(rows) == set(expected)
    for url in expected:
        row, record = rows[url], expected_articles(site)[url]
        for field, value in record.items():
            if field not in NOT_COMPARED:
                stored = json.loads(row[field]) if field in ("tags", "images") else row[field]
                assert stored == value, (url, field)
        for phrase in BOILERPLATE + (row["author"] or "\0",):
            assert phrase not in row["body"], f"{phrase!r} in body of {url}"
        assert not any(line.strip(" .") == "" for line in row["body"].split("\n\n")), "empty or dot-only paragraph"
        for image in json.loads(row["images"]):
            if image["caption"]:
                assert image["caption"] not in row["body"], "caption repeated in the body"


@pytest.mark.parametrize("site", papers())
def test_failures_of_each_paper(archive: Archive, site: str) -> None:
    found = {(f["url"], f["stage"], f["reason"]) for f in archive.db["failures"].rows_where("site = ?", [site])}
    expected = crawl_expectations(SITES[site])["failures"]
    for failure in expected:
        assert any(u == failure["url"] and s == failure["stage"] and r.startswith(failure["reason"])
                   for u, s, r in found), (failure, found)
    assert len(found) == len(expected), "no failure beyond the planted ones"


@pytest.mark.parametrize("site", papers())
def test_each_paper_has_a_finished_run(archive: Archive, crawled: tuple, site: str) -> None:
    run = next(archive.db["crawl_runs"].rows_where("site = ?", [site]))
    expected = crawl_expectations(SITES[site])
    assert run["status"] == "finished" and run["requests"] > 0
    extract_failures = sum(f["stage"] == "extract" for f in expected["failures"])
    assert run["new"] + run["unchanged"] == run["pages"] - extract_failures and run["updated"] == 0
    # an article two runs reach (an absorbed paper's redirect, its successor's listing) is new to whichever stores it
    # first; what the merger group's runs store between them is exact
    moved_in, moved_out = shared_articles(SITES[site])
    assert archived_by_run(SITES[site]) - moved_out <= run["new"] <= archived_by_run(SITES[site]) + moved_in
    group = merger_group(SITES[site])
    new_by_group = sum(next(archive.db["crawl_runs"].rows_where("site = ?", [paper.name]))["new"] for paper in group)
    assert new_by_group == sum(archived_by_run(paper) for paper in group)
    assert any(line.startswith(site) for line in crawled[1].splitlines())


def test_seed_article_details(archive: Archive) -> None:
    quangtri = next(archive.db["articles"].rows_where("url like ?", ["%154953.htm"]))
    assert quangtri["source"] == "Báo Quảng Trị"
    assert quangtri["lead"].startswith("Đảng bộ Khối Cơ quan và Doanh nghiệp tỉnh Quảng Trị (Đảng bộ Khối)")
    tuyenquang = next(archive.db["articles"].rows_where("url like ?", ["%122866.html"]))
    assert tuyenquang["lead_prefix"] == "TQOL"
    assert tuyenquang["lead"].startswith("Đảng bộ huyện Yên Sơn hiện có 55 chi bộ")
    vinhphuc = next(archive.db["articles"].rows_where("url like ?", ["%43817/binh-xuyen%"]))
    assert vinhphuc["body"].count("Xác định xây dựng Đảng là nhiệm vụ then chốt") == 0  # the lead, printed twice
    assert vinhphuc["lead"].startswith("Xác định xây dựng Đảng là nhiệm vụ then chốt")
    quangninh = next(archive.db["articles"].rows_where("url like ?", ["%2391205/"]))
    captions = [i["caption"] for i in json.loads(quangninh["images"])]
    assert captions == ["Đảng bộ phường Mạo Khê họp triển khai chủ đề công tác năm 2018 của tỉnh",
                        "Giải quyết thủ tục hành chính tại Trung tâm Hành chính công TX Đông Triều. Ảnh: Phan Hằng"]


def test_redirect_to_the_new_domain_keeps_the_former_url(archive: Archive) -> None:
    row = next(archive.db["articles"].rows_where("url = ?", ["https://baophutho.vn/vinh-yen-ra-mat-mo-hinh-dan-van-kheo-225388.htm"]))
    assert json.loads(row["former_urls"]) == [
        "https://baovinhphuc.com.vn/xay-dung-dang/43900/vinh-yen-ra-mat-mo-hinh-dan-van-kheo.html"]
    assert (row["site"], row["province"], row["province_before"]) == ("baophutho", "Phú Thọ", "Vĩnh Phúc")


def test_old_urls_that_moved_are_archived_under_the_successor(archive: Archive) -> None:
    moved = [(site, m) for site in SITES.values() for m in crawl_expectations(site).get("moved", [])]
    assert moved
    for site, entry in moved:
        row = next(archive.db["articles"].rows_where("url = ?", [entry["to"]]))
        assert row["site"] == site.successor and json.loads(row["former_urls"]) == [entry["url"]]
        assert entry["to"] in crawl_expectations(SITES[site.successor])["articles"]
        assert row["province_before"] == site.provinces_before[0]


def test_robots_txt_is_obeyed(mirror, archive: Archive) -> None:
    assert not list(archive.db["pages"].rows_where("url like ?", ["%noi-bo-%"]))
    assert not any("noi-bo-" in path for path, _ in mirror.requests)
    run = next(archive.db["crawl_runs"].rows_where("site = ?", ["baoquangninh"]))
    assert run["robots_blocked"] == 1 and run["failed"] == 2


def test_redirects_leave_the_paper_only_within_its_domains(mirror, archive: Archive) -> None:
    assert not any("quangcao.example.com" in path for path, _ in mirror.requests)


def test_the_summary_counts_what_the_archive_holds(crawled: tuple, archive: Archive) -> None:
    _, output = crawled
    assert f"{archive.db['articles'].count} articles in" in output
    assert "HTTP 404" in output


def test_a_second_run_fetches_no_article_page_again(mirror, crawled: tuple) -> None:
    db, _ = crawled
    before = len(mirror.requests)
    with Archive(db, readonly=True) as archive:
        stored = archive.db["articles"].count
    run_vnnews("crawl", "--mirror", mirror.url, "--db", str(db))
    with Archive(db, readonly=True) as archive:
        assert archive.db["articles"].count == stored
        latest = {r["site"]: r for r in archive.db.query(
            "SELECT site, requests, article_requests, pages, new, updated, failed FROM crawl_runs WHERE invocation = "
            "(SELECT invocation FROM crawl_runs ORDER BY id DESC LIMIT 1)")}
    assert set(latest) == set(SITES)
    for run in latest.values():
        assert (run["article_requests"], run["pages"], run["new"], run["updated"], run["failed"]) == (0, 0, 0, 0, 0), run
    # what was asked for (retries of a slow answer aside): robots.txt, feeds and the first page of each listing
    fetched = {_bare(real_url("http://127.0.0.1" + path)) for path, _ in mirror.requests[before:]}
    for site in SITES.values():
        first_pages = {_bare(u) for u in (*site.feeds, *(listing.url for listing in site.listings))}
        asked = {u for u in fetched if site.owns("https://" + u) and not u.endswith("/robots.txt")}
        assert asked <= first_pages, (site.name, asked - first_pages)
        for url in crawl_expectations(site)["articles"]:
            assert _bare(url) not in fetched


def _bare(url: str) -> str:
    """A URL without its scheme and www. (the mirror serves both alike)."""
    return url.split("://", 1)[1].removeprefix("www.")


def test_an_article_fetched_twice_in_one_crawl_is_one_version(archive: Archive) -> None:
    """A moved article is fetched by its paper and, through the redirect, by the paper it came from: one record,
    no version, and it keeps the province its old URL tells, whichever fetch came first."""
    assert archive.db["article_versions"].count == 0
    moved = [m for site in SITES.values() for m in crawl_expectations(site).get("moved", [])]
    assert moved
    for entry in moved:
        row = next(archive.db["articles"].rows_where("url = ?", [entry["to"]]))
        assert entry["url"] in json.loads(row["former_urls"]) and row["province_before"]
