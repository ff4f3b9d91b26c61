"""What a reader sees: `vnnews serve` in real headless Chromium (Debian's, driven by Playwright).

On a failure the test saves a screenshot of the page and names its path in the assertion message.
"""

from __future__ import annotations

import json
import shutil
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

from tests.papers import expected_total

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
# what a headless Chromium needs here: root without a sandbox, and no calls home (the network is closed)
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
SHOTS = Path(__file__).resolve().parent.parent / "test-output"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: `make test` installs it (scripts/install-browser.sh)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser, request):
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    if getattr(request.node, "rep_call", None) and request.node.rep_call.failed:
        SHOTS.mkdir(exist_ok=True)
        shot = SHOTS / f"{request.node.name}.png"
        page.screenshot(path=str(shot), full_page=True)
        print(f"\nscreenshot of the failing page: {shot}")
    context.close()


def test_search_without_diacritics_then_read_an_article(page: Page, datasette: str) -> None:
    page.goto(f"{datasette}/archive/articles")
    assert page.locator("h1").first.inner_text().strip() == "Articles"
    page.fill("input#_search", "xay dung dang")
    page.locator("input#_search").press("Enter")
    page.wait_for_url("**_search=xay+dung+dang**")
    titles = page.locator("td.col-title a").all_inner_texts()
    assert "Đạ Tẻh: Công tác xây dựng Đảng tiếp tục được đổi mới" in titles, titles
    assert "Đức Trọng trao giấy chứng nhận 22 sản phẩm OCOP" not in titles

    page.get_by_role("link", name="Đạ Tẻh: Công tác xây dựng Đảng tiếp tục được đổi mới").click()
    page.wait_for_url("**/-/vnnews/article/archive/**")
    article = page.locator("article.vnnews-article")
    assert article.locator("h1").inner_text() == "Đạ Tẻh: Công tác xây dựng Đảng tiếp tục được đổi mới"
    meta = article.locator("p.meta").nth(1).inner_text()
    assert "02/02/2024 06:59" in meta and "Hoàng Sa" in meta
    assert article.locator("p.lead").inner_text().startswith("Những năm qua, công tác xây dựng Đảng")
    paragraphs = article.locator("p:not(.meta):not(.lead):not(.byline):not(.links)").all_inner_texts()
    assert len(paragraphs) == 6 and paragraphs[0].startswith("Đồng chí Phan Đức Thái")
    assert article.locator("figcaption").inner_text().startswith("Nhiều cấp ủy, tổ chức Đảng trong huyện Đạ Tẻh")
    assert article.locator("p.byline").inner_text() == "Hoàng Sa"
    text = article.inner_text()
    for junk in ("<p>", "Tin liên quan", "Theo dõi Báo", "\\n\\n"):
        assert junk not in text
    original = article.get_by_role("link", name="Original article on baolamdong.vn")
    assert original.get_attribute("href").startswith("https://baolamdong.vn/chinh-tri/202402/")

    article.get_by_role("link", name="Archived page").click()
    page.wait_for_load_state()
    # the page as the paper served it (sandboxed): with its own spelling, the Icelandic Ð the record repaired
    assert page.locator("h1").first.inner_text().startswith("\u00d0ạ Tẻh: Công tác xây dựng Đảng")


def test_ranked_search_marks_the_words_with_any_diacritics(page: Page, datasette: str) -> None:
    page.goto(f"{datasette}/archive/search?q=" + urllib.parse.quote("khoá XII"))
    marks = [m.lower() for m in page.locator("td.col-snippet mark").all_inner_texts()]
    assert marks and set(marks) <= {"khóa", "khoá", "xii"}, marks
    page.goto(f"{datasette}/archive/search?q=xay+dung+dang")
    rows = page.locator("td.col-title").all_inner_texts()
    assert len(rows) >= 8
    marks = {m.lower() for m in page.locator("td.col-snippet mark").all_inner_texts()}
    assert {"xây", "dựng", "đảng"} <= marks, marks


def test_facets_and_readable_tables(page: Page, datasette: str) -> None:
    page.goto(f"{datasette}/archive/articles")
    facets = page.locator(".facet-info").all_inner_texts()
    for name in ("site", "province", "province_before", "section", "author", "published_month"):
        assert any(f.strip().startswith(name) for f in facets), (name, facets)
    page.goto(f"{datasette}/archive/pages")
    body_cells = page.locator("td.col-body").all_inner_texts()
    assert body_cells and all(cell.startswith("<Binary") for cell in body_cells)
    assert "<!DOCTYPE" not in page.locator("table").inner_text()


@pytest.mark.parametrize("query", ["party_building", "articles_per_paper_per_month", "failures_of_last_run",
                                   "yield_dropped"])
def test_canned_queries(datasette: str, query: str) -> None:
    with urllib.request.urlopen(f"{datasette}/archive/{query}.json?_shape=objects", timeout=20) as response:
        rows = json.loads(response.read())["rows"]
    if query == "party_building":
        titles = [r["title"] for r in rows]
        assert "Đảng bộ TX Đông Triều: Xây dựng Đảng bộ trong sạch, vững mạnh" in titles
        assert rows == sorted(rows, key=lambda r: r["published_at"], reverse=True)
    elif query == "articles_per_paper_per_month":
        assert sum(r["articles"] for r in rows) == expected_total()
    elif query == "failures_of_last_run":
        assert {r["stage"] for r in rows} >= {"http", "extract"}
    else:
        assert rows == []  # every paper archived all its articles today: no yield dropped
