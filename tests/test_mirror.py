"""The offline mirror: URL mapping both ways, file resolution, and the failures it can serve."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from crawler.mirror import domain_folders, mirror_url, real_url
from crawler.mirror.server import resolve

FOLDERS = domain_folders()


@pytest.mark.parametrize("url", [
    "https://baoquangninh.vn/chinh-tri?page=2",
    "https://baoquangtri.vn/chinh-tri/202601/quang-tri-d0f7a12/",
    "https://baolamdong.vn/rss/thoi-su",
])
def test_urls_map_to_the_mirror_and_back(url: str) -> None:
    local = mirror_url(url, "http://127.0.0.1:8765")
    assert local.startswith("http://127.0.0.1:8765/")
    assert real_url(local) == url


def test_www_is_dropped_when_mapping() -> None:
    assert mirror_url("https://www.baoquangninh.vn/x.html", "http://127.0.0.1:1") == "http://127.0.0.1:1/baoquangninh.vn/x.html"


def test_resolution_of_queries_indexes_and_extensionless_paths() -> None:
    assert resolve(FOLDERS["baoquangninh.vn"], "baoquangninh.vn", "/chinh-tri", "page=2").name == "chinh-tri@page=2.html"
    assert resolve(FOLDERS["baoquangninh.vn"], "baoquangninh.vn", "/chinh-tri", "").name == "chinh-tri.html"
    assert resolve(FOLDERS["baoquangtri.vn"], "baoquangtri.vn", "/chinh-tri/", "page=2").name == "index@page=2.html"
    assert resolve(FOLDERS["baolamdong.vn"], "baolamdong.vn", "/rss/thoi-su", "").name == "thoi-su"
    assert resolve(FOLDERS["baoquangninh.vn"], "baoquangninh.vn", "/khong-co.html", "") is None


def test_resolution_never_leaves_the_domain_folder() -> None:
    assert resolve(FOLDERS["baoquangninh.vn"], "baoquangninh.vn", "/../baolamdong.vn/robots.txt", "") is None
    assert resolve(FOLDERS["baoquangtri.vn"], "baoquangtri.vn", "/_mirror.json", "") is None


def test_the_server_never_serves_a_file_outside_the_sample_pages(mirror) -> None:
    for path in ("/../server.py", "/..%2Fserver.py", "/baoquangninh.vn/../../sites/__init__.py", "/%2e%2e/server.py"):
        assert _get(mirror.url + path)[0] == 404, path


def _get(url: str) -> tuple[int, str, bytes]:
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=5) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type") or error.headers.get("Location"), error.read()


def test_the_server_serves_pages_and_failures(mirror) -> None:
    status, ctype, body = _get(mirror_url("https://baoquangninh.vn/robots.txt", mirror.url))
    assert (status, ctype) == (200, "text/plain; charset=utf-8") and b"Disallow: /noi-bo-" in body
    status, ctype, _ = _get(mirror_url("https://baoquangninh.vn/rss/news/xay-dung-dang.rss", mirror.url))
    assert status == 200 and ctype.startswith("application/rss+xml")
    assert _get(mirror_url("https://baoquangninh.vn/khong-co-3390000.html", mirror.url))[0] == 404
    assert _get(mirror_url("https://baoquangtri.vn/chinh-tri/202601/loi-may-chu-c0ffee1/", mirror.url))[0] == 500
    status, ctype, _ = _get(mirror_url("https://baoquangtri.vn/chinh-tri/202601/van-kien-dai-hoi-toan-van-e4f5a6b/", mirror.url))
    assert (status, ctype) == (200, "application/pdf")
    status, location, _ = _get(mirror_url(
        "https://baovinhphuc.com.vn/xay-dung-dang/43900/vinh-yen-ra-mat-mo-hinh-dan-van-kheo.html", mirror.url))
    assert status == 301 and location == "https://baophutho.vn/vinh-yen-ra-mat-mo-hinh-dan-van-kheo-225388.htm"
