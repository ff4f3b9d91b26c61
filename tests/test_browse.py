"""What a reader sees: `vnnews serve` in real headless Chromium (Debian's, driven by Playwright).

On a failure the test saves a screenshot of the page and names its path in the assertion message.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser import chromium
from tests.papers import expected_total

SHOTS = Path(__file__).resolve().parent.parent / "test-output"
SCREEN = {"width": 1400, "height": 1000}  # a researcher's screen, as the issue measured it


@pytest.fixture(scope="module")
def browser():
    try:
        with chromium() as browser:
            yield browser
    except RuntimeError as missing:
        pytest.fail(str(missing))


@pytest.fixture()
def page(browser, request):
    context = browser.new_context(locale="vi-VN", viewport=SCREEN)
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


def _json(url: str):
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


def _columns(page: Page) -> list[str]:
    return page.locator("table.rows-and-columns th").evaluate_all("ths => ths.map(th => th.dataset.column)")


def test_the_articles_page_opens_on_articles_not_descriptions(page: Page, datasette: str) -> None:
    page.goto(f"{datasette}/archive/articles")
    assert _columns(page) == ["id", "title", "site", "province", "published_at", "lead"]
    first = page.locator("td.col-title a").first
    box = first.bounding_box()
    assert box and box["y"] + box["height"] < SCREEN["height"], box  # an article on the first screen
    assert first.get_attribute("href").startswith("/-/vnnews/article/archive/")
    width = page.locator("td.col-lead").first.bounding_box()["width"]
    assert width > 300, width  # readable widths, not squeezed columns
    descriptions = page.locator("details.vnnews-columns")
    assert not descriptions.locator("dd").first.is_visible() and not page.locator("dl.column-descriptions").is_visible()
    descriptions.locator("summary").click()  # reachable, collapsed
    assert descriptions.locator("dt", has_text="published_at").is_visible()
    assert "Vietnam time" in descriptions.locator("dd").nth(_columns_described(page).index("published_at")).inner_text()

    page.get_by_role("link", name="All fields").click()  # one click to every field
    page.wait_for_url("**_fields=all**")
    every = _columns(page)
    assert {"body", "url", "published_raw", "content_hash", "party_building"} <= set(every) and len(every) > 20
    with page.expect_navigation():
        page.get_by_role("link", name="Fewer fields").click()
    assert _columns(page) == ["id", "title", "site", "province", "published_at", "lead"]


def _columns_described(page: Page) -> list[str]:
    return page.locator("details.vnnews-columns dt").all_inner_texts()


def test_the_default_columns_stay_through_search_and_facets(page: Page, datasette: str) -> None:
    page.goto(f"{datasette}/archive/articles")
    paper = page.locator(".facet-info a[href*='site=']").first
    site = urllib.parse.parse_qs(urllib.parse.urlsplit(paper.get_attribute("href")).query)["site"][0]
    paper.click()
    page.wait_for_url(f"**site={site}**")
    assert _columns(page)[1:] == ["title", "site", "province", "published_at", "lead"]
    with page.expect_navigation():
        page.get_by_role("link", name="All fields").click()
    page.fill("input#_search", "xay dung dang")
    page.locator("input#_search").press("Enter")
    page.wait_for_url("**_search=xay+dung+dang**")
    assert "body" in _columns(page) and "_fields=all" in page.url and f"={site}" in page.url


@pytest.mark.parametrize("name", ["search", "party_building", "articles_per_paper_per_month", "failures_of_last_run",
                                  "yield_dropped"])
def test_canned_queries_read_as_forms_not_sql(page: Page, datasette: str, name: str) -> None:
    from archive.metadata import datasette_metadata

    query = datasette_metadata("archive")["databases"]["archive"]["queries"][name]
    page.goto(f"{datasette}/archive")
    page.get_by_role("link", name=query["title"]).click()
    page.wait_for_url(f"**/archive/{name}")
    assert page.locator("h1").inner_text().strip() == query["title"]
    assert " ".join(query["description"].split())[:60] in page.locator(".metadata-description").inner_text()
    assert not page.locator("#sql-query").is_visible() and not page.locator("textarea#sql-editor").is_visible()
    params = {"search": ["q"], "party_building": ["paper"]}.get(name, [])
    assert [i.get_attribute("name") for i in page.locator("form.sql input[type=text]").all()] == params
    page.get_by_role("link", name="show").click()  # the SQL is one click away
    page.wait_for_url("**_show_sql=1**")
    assert "select " in page.locator("form.sql").inner_text().lower()


def test_the_table_search_box_finds_what_the_canned_search_finds(page: Page, datasette: str, archive) -> None:
    for words in ["xay dung dang", "xây dựng Đảng", '"xây dựng Đảng"', '"xay dung dang"', '"Đảng viên mới"',
                  "khoá XII", "Mác - Lênin"]:
        query = urllib.parse.quote(words)
        canned = _json(f"{datasette}/archive/search.json?_shape=objects&q={query}")["rows"]
        table = _json(f"{datasette}/archive/articles.json?_shape=objects&_size=max&_search={query}")["rows"]
        every = {hit["id"] for hit in archive.search(words, limit=100_000)}  # vnnews's own search, all of it
        assert canned and {r["id"] for r in table} == every >= {r["id"] for r in canned}, words
    page.goto(f"{datasette}/archive/articles")
    page.fill("input#_search", '"Đảng viên mới"')  # a phrase, typed in the table's box
    page.locator("input#_search").press("Enter")
    page.wait_for_url("**_search=**")
    titles = page.locator("td.col-title a").all_inner_texts()
    assert "Hàm Yên kết nạp đảng viên mới" in titles
    from archive.search import fold, words

    texts = {r["title"]: " ".join(fold(w) for w in words(f"{r['title']} {r['lead'] or ''} {r['body']}"))
             for r in archive.db["articles"].rows}
    assert all(" dang vien moi " in f" {texts[t]} " for t in titles)  # the phrase: its words one after the other


def test_the_typed_spelling_ranks_first_and_is_the_one_marked(page: Page, datasette: str, archive) -> None:
    from archive.search import exact_form, words

    spelled = {row["title"] for row in archive.db["articles"].rows if any(
        exact_form(w) == exact_form("đang") for w in words(f"{row['title']} {row['lead'] or ''} {row['body']}"))}
    assert 0 < len(spelled) < 40
    page.goto(f"{datasette}/archive/search?q=" + urllib.parse.quote("đang"))
    titles = page.locator("td.col-title").all_inner_texts()
    assert set(titles[:len(spelled)]) == spelled, titles
    assert len(titles) > len(spelled)  # then the articles that only say "Đảng"
    first = [m.lower() for m in page.locator("td.col-snippet").first.locator("mark").all_inner_texts()]
    assert first == ["đang"]
    later = {m.lower() for m in page.locator("td.col-snippet").nth(len(spelled)).locator("mark").all_inner_texts()}
    assert later and later <= {"đảng", "đăng"}


def test_a_snippet_cell_renders_marks_and_nothing_else(page: Page, datasette: str) -> None:
    sql = "select '<img src=x onerror=\"document.title=1\">' || vn_snippet('Xây dựng Đảng', 'dang') as snippet"
    page.goto(f"{datasette}/archive?sql=" + urllib.parse.quote(sql))
    cell = page.locator("td.col-snippet")
    assert cell.locator("mark").all_inner_texts() == ["Đảng"]
    assert cell.locator("img").count() == 0 and cell.inner_text().startswith("<img src=x")


def _svg_link(page: Page, *parts: str):
    tests = " and ".join(f"contains(@*[local-name()='href'], '{p}')" for p in parts)
    return page.locator(f"xpath=//*[local-name()='svg']//*[local-name()='a'][{tests}]")


def test_the_coverage_page(page: Page, datasette: str) -> None:
    page.goto(datasette)
    page.get_by_role("link", name="Coverage").first.click()
    page.wait_for_url("**/-/vnnews/coverage")
    data = _json(f"{datasette}/-/vnnews/coverage.json")
    months = sorted({r["month"] for r in data["months"]})
    papers = {r["site"] for r in data["months"]}
    assert len(data["months"]) == len(months) * len(papers)  # every paper x every month: the gaps are cells too
    assert _svg_link(page, "published_month=").count() == len(data["months"])
    gap = next(r for r in data["months"] if r["articles"] == 0)
    assert gap["month"] in months  # a month with no article of that paper shows

    cell = next(r for r in data["months"] if r["site"] == "baolamdong" and r["articles"])
    _svg_link(page, f"site={cell['site']}", f"published_month={cell['month']}").click()
    page.wait_for_url("**/archive/articles?**")
    rows = page.locator("td.col-title").count()
    assert rows == cell["articles"]
    assert set(page.locator("td.col-published_at").all_inner_texts()) and all(
        d.startswith(cell["month"]) for d in page.locator("td.col-published_at").all_inner_texts())

    page.go_back()
    week = max((r for r in data["failures"] if r["failures"]), key=lambda r: r["failures"])
    _svg_link(page, "/archive/failures?", f"site={week['site']}", f"at__gte={week['week']}").click()
    page.wait_for_url("**/archive/failures?**")
    assert page.locator("td.col-url").count() == week["failures"]

    page.go_back()
    share = data["party_building"][0]
    assert share["share"] == max(r["share"] for r in data["party_building"])
    _svg_link(page, f"site={share['site']}", "party_building=1").first.click()
    page.wait_for_url("**party_building=1**")
    assert page.locator("td.col-title").count() == share["party_building"]
