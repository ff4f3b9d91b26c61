"""The `vnnews` commands a user types: extract, serve (a real datasette process), sites."""

from __future__ import annotations

import json
from dataclasses import fields
import urllib.parse
import urllib.request

import pytest

from archive.record import Article
from crawler.mirror import sample_page
from crawler.sites import SITES
from tests.conftest import run_vnnews
from tests.papers import crawl_expectations

SEED_000 = sample_page("baoquangninh.com.vn/chinh-tri/201805/dang-bo-tx-dong-trieu-xay-dung-dang-bo-trong-sach-vung-manh-2391205/index.html")
SEED_000_URL = "https://baoquangninh.com.vn/chinh-tri/201805/dang-bo-tx-dong-trieu-xay-dung-dang-bo-trong-sach-vung-manh-2391205/"


def test_extract_prints_one_json_record() -> None:
    result = run_vnnews("extract", str(SEED_000), "--url", SEED_000_URL)
    record = json.loads(result.stdout)
    assert set(record) == {f.name for f in fields(Article)}
    assert record["site"] == "baoquangninh"
    assert record["published_at"] == "2018-05-08T07:38+07:00"
    assert record["published_raw"] == "Thứ Ba, 08/05/2018, 07:38 [GMT+7]"
    assert record["author"] == "Nguyễn Chiến"
    assert record["images"][1] == {
        "url": "https://baoquangninh.com.vn/file/e7837c02816d130b0181a995d7ad7172/052018/hcc-dong-trieu_20180507163612.jpg",
        "caption": "Giải quyết thủ tục hành chính tại Trung tâm Hành chính công TX Đông Triều. Ảnh: Phan Hằng"}


def test_extract_of_a_page_without_article_says_so(tmp_path) -> None:
    page = sample_page("baoquangninh.vn/lien-he-toa-soan-3000001.html")
    result = run_vnnews("extract", str(page), "--url", "https://baoquangninh.vn/lien-he-toa-soan-3000001.html", check=False)
    assert result.returncode == 1
    assert json.loads(result.stdout)["error"].startswith("no article")


def test_extract_of_a_missing_file_is_a_clear_error(tmp_path) -> None:
    result = run_vnnews("extract", str(tmp_path / "nothing.html"), "--url", "https://x.vn/a", check=False)
    assert result.returncode == 1 and "no such file" in result.stderr


def test_unknown_site_is_one_clear_line() -> None:
    result = run_vnnews("crawl", "--site", "baohanoi", "--offline", check=False)
    assert result.returncode == 2
    assert "unknown site 'baohanoi'" in result.stderr and "Traceback" not in result.stderr


def test_sites_lists_the_registry_and_what_is_unverified() -> None:
    from crawler.templates import family

    lines = run_vnnews("sites").stdout.splitlines()
    for site in SITES.values():
        at = next(i for i, line in enumerate(lines) if line.startswith(site.name + " "))
        assert site.title in lines[at]
        assert all(f"{era.domain} ({family(era.family).name}" in lines[at] for era in site.eras)
        if site.unverified:
            assert lines[at + 1].split("unverified: ")[1].split(", ") == list(site.unverified)


def test_sites_as_json_one_object_per_paper() -> None:
    records = [json.loads(line) for line in run_vnnews("sites", "--format", "json").stdout.splitlines()]
    assert [r["name"] for r in records] == list(SITES)
    for record in records:
        site = SITES[record["name"]]
        assert (record["title"], record["province"], record["provinces_before"], record["domains"],
                record["former_domains"], record["unverified"]) == (
            site.title, site.province, list(site.provinces_before), list(site.domains), list(site.former_domains),
            list(site.unverified))
        assert record["families"] and set(record) >= {"name", "title", "province", "provinces_before", "domains",
                                                     "former_domains", "families", "unverified"}


def _json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


@pytest.mark.parametrize("query", ["xay dung dang", "xây dựng Đảng"])
def test_serve_searches_with_and_without_diacritics(datasette: str, query: str) -> None:
    data = _json(f"{datasette}/archive/articles.json?_search={urllib.parse.quote(query)}&_shape=objects&_size=50")
    titles = {row["title"] for row in data["rows"]}
    assert "Đạ Tẻh: Công tác xây dựng Đảng tiếp tục được đổi mới" in titles
    assert "Đức Trọng trao giấy chứng nhận 22 sản phẩm OCOP" not in titles
    assert len(titles) >= 8


def test_serve_has_titles_descriptions_and_facets(datasette: str) -> None:
    data = _json(f"{datasette}/archive/articles.json?_shape=objects&_facet_size=max")  # more than 30 papers
    assert set(data["facet_results"]) >= {"site", "section", "published_month"}
    sites = {f["value"]: f["count"] for f in data["facet_results"]["site"]["results"]}
    assert sites == {name: len(crawl_expectations(site)["articles"]) for name, site in SITES.items()}
    dates = [row["published_at"] for row in data["rows"]]
    assert dates == sorted(dates, reverse=True)  # newest first
    metadata = _json(f"{datasette}/-/metadata.json")
    assert metadata["title"].startswith("vnnews")
    assert "published_at" in metadata["databases"]["archive"]["tables"]["articles"]["columns"]


def test_serve_brings_an_older_archive_up_to_date_first(tmp_path) -> None:
    import sqlite3

    from tests.conftest import serving
    from tests.test_export import V1_ARCHIVE

    db = tmp_path / "archive.db"
    with sqlite3.connect(db) as conn:
        conn.executescript(V1_ARCHIVE.read_text("utf-8"))
    with serving(db) as base:
        hits = _json(f"{base}/archive/search.json?_shape=objects&q={urllib.parse.quote('Đồng Hới')}")["rows"]
        assert [h["title"] for h in hits] == ["Đồng Hới"]
        assert {r["site"] for r in _json(f"{base}/-/vnnews/coverage.json")["party_building"]} == {"baoquangtri", "baovinhphuc"}
