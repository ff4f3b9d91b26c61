"""The archive on a real SQLite file: upserts, versions, pages, failures, search with and without diacritics."""

from __future__ import annotations

import dataclasses

import pytest

from archive.record import Article, Failure
from archive.schema import SCHEMA_VERSION
from archive.store import Archive
from crawler.extract import content_hash
from crawler.items import FetchedPage
from crawler.pipelines import process_page


def make_article(url: str = "https://baoquangninh.vn/a-3391201.html", body: str = "Công tác xây dựng Đảng được chú trọng.",
                 title: str = "Tỉnh ủy triển khai nhiệm vụ xây dựng Đảng", lead: str = "Sáng 8/1, hội nghị khoá mới.") -> Article:
    return Article(url=url, site="baoquangninh", title=title, body=body, lead=lead,
                   published_at="2026-01-08T16:45+07:00", content_hash=content_hash(title, lead, body),
                   extractor_version="test")


@pytest.fixture()
def store(tmp_path) -> Archive:
    archive = Archive(tmp_path / "archive.db")
    yield archive
    archive.close()


def test_schema_and_wal(store: Archive) -> None:
    assert {"sites", "articles", "article_versions", "pages", "crawl_runs", "failures", "articles_fts"} <= set(store.db.table_names())
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("SELECT value FROM vnnews_meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)


def test_new_unchanged_updated_with_versions(store: Archive) -> None:
    article = make_article()
    assert store.save_article(article) == "new"
    assert store.save_article(article) == "unchanged"
    edited = dataclasses.replace(article, body=article.body + " Đã sửa.",
                                 content_hash=content_hash(article.title, article.lead, article.body + " Đã sửa."))
    assert store.save_article(edited) == "updated"
    row = next(store.db["articles"].rows)
    assert row["version"] == 2 and row["body"].endswith("Đã sửa.") and row["published_month"] == "2026-01"
    versions = list(store.db["article_versions"].rows)
    assert len(versions) == 1 and versions[0]["version"] == 1 and versions[0]["body"] == article.body
    assert store.db["articles"].count == 1


def test_former_urls_accumulate(store: Archive) -> None:
    store.save_article(dataclasses.replace(make_article(), former_urls=["https://old.example/1"]))
    store.save_article(dataclasses.replace(make_article(), former_urls=["https://old.example/2"]))
    row = next(store.db["articles"].rows)
    assert row["former_urls"] == '["https://old.example/1", "https://old.example/2"]'


def test_search_with_and_without_diacritics(store: Archive) -> None:
    store.save_article(make_article())
    store.save_article(make_article(url="https://baoquangninh.vn/b-3391202.html", title="Thời tiết Hạ Long",
                                    body="Trời nắng đẹp, nhiệt độ cao.", lead="Dự báo thời tiết."))
    for query in ("xay dung dang", "xây dựng Đảng", "XAY DUNG ĐANG", "khoa moi", "khóa mới", "khoá mới", "Khoá  MỚI!"):
        hits = store.search(query)
        assert [h["url"] for h in hits] == ["https://baoquangninh.vn/a-3391201.html"], query
    assert store.search("ha long")[0]["title"] == "Thời tiết Hạ Long"
    assert store.search('"; DROP TABLE articles; --') == []


def test_updated_article_is_reindexed(store: Archive) -> None:
    article = make_article()
    store.save_article(article)
    changed = dataclasses.replace(article, title="Đại hội Đảng bộ", content_hash="other")
    store.save_article(changed)
    assert store.search("dai hoi")[0]["title"] == "Đại hội Đảng bộ"
    assert store.db.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 1


def fetched(url: str, body: bytes) -> FetchedPage:
    return FetchedPage(url, "baoquangninh", 200, {"content-type": "text/html"}, body, "2026-01-08T10:00:00+00:00")


def test_pages_are_compressed_and_read_back(store: Archive) -> None:
    body = ("<html><body>" + "<p>Xây dựng Đảng</p>" * 500 + "</body></html>").encode()
    store.save_page(process_page(fetched("https://baoquangninh.vn/a.html", body)).page)
    row = next(store.db["pages"].rows)
    assert row["size"] == len(body) and len(row["body"]) < len(body) / 10
    assert store.page_body("https://baoquangninh.vn/a.html") == body


def test_runs_and_failures(store: Archive) -> None:
    run = store.start_run("baoquangninh", "inv1")
    store.save_failure(Failure(url="https://baoquangninh.vn/x.html", site="baoquangninh", stage="http",
                               reason="HTTP 404", status=404), run)
    store.finish_run(run, {"requests": 3, "failed": 1})
    assert next(store.db["crawl_runs"].rows)["status"] == "finished"
    failure = next(store.db["failures"].rows)
    assert (failure["run_id"], failure["stage"], failure["status"]) == (run, "http", 404)


def test_re_extract_updates_changed_records_only(tmp_path) -> None:
    """A record written by an older extractor (no author, old version) is corrected from its stored page."""
    from crawler.extract import EXTRACTOR_VERSION, extract
    from crawler.mirror import sample_page
    from tests.conftest import run_vnnews

    db = tmp_path / "archive.db"
    archive = Archive(db)
    url = "https://baoquangninh.vn/tinh-uy-quang-ninh-trien-khai-nhiem-vu-xay-dung-dang-nam-2026-3391201.html"
    html = (sample_page("baoquangninh.vn/tinh-uy-quang-ninh-trien-khai-nhiem-vu-xay-dung-dang-nam-2026-3391201.html")).read_bytes()
    archive.save_page(process_page(FetchedPage(url, "baoquangninh", 200, {"content-type": "text/html; charset=utf-8"},
                                               html, "2026-01-08T10:00:00+00:00")).page)
    old = dataclasses.replace(extract(html, url), author=None, extractor_version="0.9")
    archive.save_article(old)
    archive.close()

    out = run_vnnews("re-extract", "--db", str(db))
    assert "1 pages: 1 updated, 0 unchanged" in out.stderr
    archive = Archive(db)
    row = next(archive.db["articles"].rows)
    assert (row["author"], row["extractor_version"], row["version"]) == ("Thu Hằng", EXTRACTOR_VERSION, 2)
    version = next(archive.db["article_versions"].rows)
    assert (version["cause"], version["author"], version["extractor_version"]) == ("re-extract", None, "0.9")
    archive.close()

    out = run_vnnews("re-extract", "--db", str(db))
    assert "1 pages: 0 updated, 1 unchanged" in out.stderr


def test_the_index_matches_every_spelling_through_the_query_builder(store: Archive) -> None:
    """What every search box sends (archive.search.Query, through vn_match) finds the article whatever the marks;
    SQLite alone finds it by the words typed without marks."""
    store.save_article(make_article())
    for typed in ("xay dung dang", "xây dựng Đảng", "xây dựng đảng", '"xây dựng Đảng"', "khóa", "khoá", "khoa"):
        hits = store.db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH vn_match(?)", [typed]).fetchall()
        assert hits == [(1,)], typed
    assert store.db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'xay dung dang'").fetchall() == [(1,)]


def test_coverage_follows_every_write(store: Archive) -> None:
    """articles per paper per month, kept by triggers: insert, a new version, a move to another month, a delete."""
    def coverage():
        return {(r["site"], r["month"]): (r["articles"], r["party_building"]) for r in store.db["coverage"].rows
                if r["articles"]}

    store.save_article(make_article())
    store.save_article(make_article(url="https://baoquangninh.vn/b-3391202.html", title="Thời tiết", body="Mưa.", lead=None))
    assert coverage() == {("baoquangninh", "2026-01"): (2, 1)}
    store.save_article(dataclasses.replace(make_article(), published_at="2025-12-31T08:00+07:00", published_month=None))
    assert coverage() == {("baoquangninh", "2026-01"): (1, 0), ("baoquangninh", "2025-12"): (1, 1)}
    with store.transaction():
        store.db.execute("DELETE FROM articles WHERE title = 'Thời tiết'")
    assert coverage() == {("baoquangninh", "2025-12"): (1, 1)}


@pytest.mark.parametrize("order", ["old URL first", "new URL first"])
def test_the_province_an_old_url_tells_is_kept_whichever_fetch_comes_last(store: Archive, order: str) -> None:
    """An absorbed paper's old URL that redirects to its successor tells where the article came from (its former
    domain); a fetch by the new URL alone tells only the successor's default. In one crawl both fetches happen, in
    either order: the old URL's province must stay."""
    new_url, old_url = "https://baophutho.vn/vinh-yen-ra-mat-225388.htm", "https://baovinhphuc.com.vn/x/43900/v.html"
    by_old = dataclasses.replace(make_article(new_url), former_urls=[old_url], province_before="Vĩnh Phúc")
    by_new = dataclasses.replace(make_article(new_url), province_before="Phú Thọ")
    fetches = [by_old, by_new] if order == "old URL first" else [by_new, by_old]
    assert [store.save_article(a) for a in fetches] == ["new", "unchanged"]
    row = next(store.db["articles"].rows_where("url = ?", [new_url]))
    assert row["province_before"] == "Vĩnh Phúc" and old_url in row["former_urls"]
