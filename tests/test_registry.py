"""The site registry: complete, consistent records; URL patterns that know their era."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

import subprocess
import sys

from crawler.sites import SITES, get_site, site_for_url
from crawler.templates import family
from tests.conftest import ROOT


def test_the_papers_of_the_seeds() -> None:
    assert {"baoquangninh", "baolamdong", "baoquangtri", "baovinhphuc", "baotuyenquang"} <= set(SITES)
    assert get_site("baovinhphuc").province == "Phú Thọ"
    assert get_site("baovinhphuc").provinces_before == ("Vĩnh Phúc",)
    assert "Quảng Bình" in get_site("baoquangtri").provinces_before
    assert {"Đắk Nông", "Bình Thuận"} <= set(get_site("baolamdong").provinces_before)


@pytest.mark.parametrize("site", SITES.values(), ids=list(SITES))
def test_each_record_is_consistent(site) -> None:
    assert site.title.startswith("Báo ")
    assert site.eras and site.listings
    for era in site.eras:
        assert family(era.family)
        assert era.domain in site.all_domains
    assert site.folder.name == site.name and (site.folder / "crawl.json").is_file()
    for url in list(site.feeds) + [listing.url for listing in site.listings] + [listing.page(2) for listing in site.listings]:
        assert urlsplit(url).scheme == "https"
        assert site.owns(url), url


def test_no_domain_belongs_to_two_papers() -> None:
    owners: dict[str, str] = {}
    for site in SITES.values():
        for domain in site.all_domains:
            assert owners.setdefault(domain, site.name) == site.name, domain


@pytest.mark.parametrize(("url", "site", "family_name"), [
    ("https://baoquangninh.vn/bai-1-hanh-trinh-day-tri-tue-va-ban-linh-3257076.html", "baoquangninh", "media-upload"),
    ("https://baoquangninh.com.vn/truyen-hinh/E-MAGAZINE/202009/ban-linh-2502284/", "baoquangninh", "yyyymm"),
    ("https://baolamdong.vn/duc-trong-trao-giay-chung-nhan-22-san-pham-ocop-277131.html", "baolamdong", "slug-id"),
    ("https://baolamdong.vn/thong-tin-can-biet/202405/mua-mua-b180e1a/", "baolamdong", "yyyymm"),
    ("https://baoquangtri.vn/suc-khoe/202603/kham-benh-d0f7a12/", "baoquangtri", "yyyymm"),
    ("https://baoquangtri.vn/xay-dung-dang-bo-khoi-154953.htm", "baoquangtri", "vhv"),
    ("https://www.baotuyenquang.com.vn/banh-gai-chiem-hoa-vao-mua-179493.html", "baotuyenquang", "slug-id"),
    ("https://baophutho.vn/phu-tho-nang-cao-chat-luong-256410.htm", "baophutho", "phutho"),
    ("https://baovinhphuc.com.vn/xay-dung-dang/43817/binh-xuyen.html", "baovinhphuc", "dnn"),
    ("https://baonghean.vn/bao-vinh-phuc-73-nam-xay-dung-va-truong-thanh-10282171.html", "baonghean", "onecms"),
    ("https://baonghean.vn/cuc-thue-nghe-an-300867.html", "baonghean", "onecms"),
    ("https://www.baohaiphong.vn/doc-dao-binh-sen-tu-quy-408876.html", "baohaiphong", "onecms"),
    ("https://baocaobang.vn/Huong-vi-pho-chua-Cao-Bang-38371.html", "baocaobang", "generic"),
    ("https://baohaiduong.vn/nong-nghiep/ty-phu-trung-ga-151256", "baohaiduong", "generic"),
    ("https://baothanhhoa.vn/xay-dung-dang/van-hoa-van-nghe/129432.htm", "baothanhhoa", "generic"),
])
def test_article_urls_know_their_paper_and_era(url: str, site: str, family_name: str) -> None:
    record = site_for_url(url)
    assert record is not None and record.name == site
    assert family(record.era_for(url).family).name == family_name


@pytest.mark.parametrize("url", [
    "https://baoquangninh.vn/chinh-tri",
    "https://baoquangninh.vn/chinh-tri?page=2",
    "https://baolamdong.vn/rss/thoi-su",
    "https://baotuyenquang.com.vn/thoi-su-chinh-tri/trang-2.html",
    "https://baonghean.vn/dai-hoi-dang-bo-cac-cap-event1520.html",
    "https://hanoimoi.vn/bau-cu-dai-bieu-quoc-hoi-event3120.html",
    "https://m.baohaiduong.vn/chuyen-muc/xay-dung-dang-chinh-quyen/127",
    "https://baovinhphuc.com.vn/chuyen-muc/cat/182/kinh-te/thu-hut-dau-tu-cong-nghiep/currentpage/2",
    "https://baoquangtri.vn/chinh-tri/",
    "https://example.com/bai-viet-1234567.html",
])
def test_listings_and_foreign_urls_are_not_articles(url: str) -> None:
    site = site_for_url(url)
    assert site is None or site.era_for(url) is None


def test_unknown_site_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="baoquangninh"):
        get_site("baohanoi")


def test_scrapy_list_shows_one_spider_per_paper() -> None:
    out = subprocess.run([sys.executable, "-m", "scrapy", "list"], cwd=ROOT, capture_output=True, text=True, check=True)
    # wayback: `vnnews backfill --wayback`; probe: `vnnews probe`
    assert set(out.stdout.split()) == set(SITES) | {"news", "wayback", "probe"}


def test_scrapy_check_passes_for_every_spider_over_the_mirror() -> None:
    out = subprocess.run([sys.executable, "-m", "crawler.mirror.check"], cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    contracts = sum(bool(site.listings) + bool(site.feeds) for site in SITES.values())
    assert out.returncode == 0, out.stderr[-3000:]
    assert f"Ran {contracts} contracts" in out.stderr and "OK" in out.stderr


def test_scrapy_crawl_news_without_a_site_is_a_usage_error() -> None:
    out = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "news"], cwd=ROOT, capture_output=True, text=True,
                         timeout=60)
    assert out.returncode != 0 and "which paper?" in out.stderr and "KeyError" not in out.stderr


SIXTH = '''from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baomau",
    title="Báo Mẫu",
    province="Tuyên Quang",
    provinces_before=("Tuyên Quang",),
    domains=("baomau.example",),
    eras=(Era("baomau.example", "slug-id", r"/[a-z0-9-]+-\\d{6}\\.html"),),
    listings=(Listing("https://baomau.example/thoi-su-chinh-tri", "https://baomau.example/thoi-su-chinh-tri/trang-{n}.html"),),
    lead_prefixes=("TQOL - ",),
)
'''


def test_a_new_paper_is_its_registry_module_and_its_folder(tmp_path) -> None:
    """A sixth paper, in a folder outside the package, is listed, crawled, archived and checked by the golden tool
    with no other change: its record (site.py), its pages, its expected records and its crawl.json."""
    import json
    import os
    import shutil

    from crawler.mirror import domain_folders

    folder = tmp_path / "papers" / "baomau"
    pages = folder / "pages" / "baomau.example"
    source = domain_folders()["baotuyenquang.com.vn"] / "baotuyenquang.com.vn"
    names = ["robots.txt", "thoi-su-chinh-tri.html", "thoi-su-chinh-tri/trang-2.html",
             "yen-son-xay-dung-chi-bo-dang-bo-trong-sach-vung-manh-122866.html",
             "dong-van-kien-toan-chi-bo-thon-sau-sap-xep-181205.html"]
    (pages / "thoi-su-chinh-tri").mkdir(parents=True)
    for name in names:
        text = (source / name).read_text("utf-8").replace("baotuyenquang.com.vn", "baomau.example")
        (pages / name).write_text(text, "utf-8")
    (folder / "site.py").write_text(SIXTH, "utf-8")
    articles = [f"https://baomau.example/{name}" for name in names[3:]]
    (folder / "crawl.json").write_text(json.dumps({"articles": articles, "failures": [
        {"url": "https://baomau.example/lien-he-100000.html", "stage": "http", "reason": "HTTP 404"},
        {"url": "https://baomau.example/bai-cu-179000.html", "stage": "http", "reason": "HTTP 404"}]}), "utf-8")
    env = {**os.environ, "VNNEWS_SITES_PATH": str(tmp_path / "papers")}

    listed = subprocess.run([sys.executable, "-m", "scrapy", "list"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert "baomau" in listed.stdout.split()
    golden = subprocess.run([sys.executable, "-m", "tests.golden"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert golden.returncode == 0 and len(list((folder / "expected").rglob("*.json"))) == 4, golden.stderr
    db = tmp_path / "a.db"
    crawl = subprocess.run([sys.executable, "-m", "crawler.cli", "crawl", "--offline", "--site", "baomau", "--db", str(db)],
                           cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert crawl.returncode == 0, crawl.stderr[-2000:]
    checks = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_extract.py",
                             "-k", "golden_page and baomau"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert checks.returncode == 0 and "4 passed" in checks.stdout, checks.stdout[-2000:]
    import sqlite3

    with sqlite3.connect(db) as conn:
        rows = dict(conn.execute("SELECT url, province FROM articles WHERE site = 'baomau'").fetchall())
    assert rows == {url: "Tuyên Quang" for url in articles}
    shutil.rmtree(folder)


@pytest.mark.parametrize("site", SITES.values(), ids=list(SITES))
def test_every_example_url_is_an_article_of_its_era(site) -> None:
    for era in site.eras:
        for url in era.examples:
            assert site.era_for(url) == era, url
