"""The site registry: complete, consistent records; URL patterns that know their era."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from crawler.families import FAMILIES
from crawler.sites import SITES, get_site, site_for_url
from tests.conftest import ROOT

import subprocess
import sys


def test_the_five_papers_of_the_seeds() -> None:
    assert set(SITES) == {"baoquangninh", "baolamdong", "baoquangtri", "baovinhphuc", "baotuyenquang"}
    assert get_site("baovinhphuc").province == "Phú Thọ"
    assert get_site("baovinhphuc").provinces_before == ("Vĩnh Phúc",)
    assert "Quảng Bình" in get_site("baoquangtri").provinces_before
    assert {"Đắk Nông", "Bình Thuận"} <= set(get_site("baolamdong").provinces_before)


@pytest.mark.parametrize("site", SITES.values(), ids=list(SITES))
def test_each_record_is_consistent(site) -> None:
    assert site.title.startswith("Báo ")
    assert site.eras and site.listings
    for era in site.eras:
        assert era.family in FAMILIES
        assert era.domain in site.all_domains
    for url in list(site.feeds) + [listing.url for listing in site.listings] + [listing.page(2) for listing in site.listings]:
        assert urlsplit(url).scheme == "https"
        assert site.owns(url), url


def test_no_domain_belongs_to_two_papers() -> None:
    domains = [d for s in SITES.values() for d in s.all_domains]
    assert len(domains) == len(set(domains))


@pytest.mark.parametrize(("url", "site", "family"), [
    ("https://baoquangninh.vn/bai-1-hanh-trinh-day-tri-tue-va-ban-linh-3257076.html", "baoquangninh", "D"),
    ("https://baoquangninh.com.vn/truyen-hinh/E-MAGAZINE/202009/ban-linh-2502284/", "baoquangninh", "A"),
    ("https://baolamdong.vn/duc-trong-trao-giay-chung-nhan-22-san-pham-ocop-277131.html", "baolamdong", "D"),
    ("https://baolamdong.vn/thong-tin-can-biet/202405/mua-mua-b180e1a/", "baolamdong", "A"),
    ("https://baoquangtri.vn/suc-khoe/202603/kham-benh-d0f7a12/", "baoquangtri", "A"),
    ("https://baoquangtri.vn/xay-dung-dang-bo-khoi-154953.htm", "baoquangtri", "VHV"),
    ("https://www.baotuyenquang.com.vn/banh-gai-chiem-hoa-vao-mua-179493.html", "baotuyenquang", "D"),
    ("https://baophutho.vn/phu-tho-nang-cao-chat-luong-post225410.html", "baovinhphuc", "B"),
    ("https://baovinhphuc.com.vn/xay-dung-dang/43817/binh-xuyen.html", "baovinhphuc", "DNN"),
])
def test_article_urls_know_their_paper_and_era(url: str, site: str, family: str) -> None:
    record = site_for_url(url)
    assert record is not None and record.name == site
    assert record.era_for(url).family == family


@pytest.mark.parametrize("url", [
    "https://baoquangninh.vn/chinh-tri",
    "https://baoquangninh.vn/chinh-tri?page=2",
    "https://baolamdong.vn/rss/chinh-tri",
    "https://baotuyenquang.com.vn/thoi-su-chinh-tri/trang-2.html",
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
    assert set(out.stdout.split()) == set(SITES) | {"news"}


def test_scrapy_check_runs_the_spider_contracts(mirror, tmp_path) -> None:
    out = subprocess.run([sys.executable, "-m", "scrapy", "check", "baoquangninh", "-s", f"VNNEWS_MIRROR={mirror.url}",
                          "-s", f"VNNEWS_DB={tmp_path / 'fresh.db'}"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "Ran 2 contracts" in out.stderr and "OK" in out.stderr
