"""`vnnews import`: WARC and WACZ files written here with warcio and the wacz package, holding articles of several
papers, pages of sites the registry does not know, redirects, non-HTML and damaged records; a second import adds
nothing; the WARC `vnnews export` writes imports back into an empty archive with the same articles (round trip)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from crawler.extract import extract
from crawler.imports.reader import BadRecord, Entry, Truncated, archives, entries
from crawler.sites import site_for_url
from tests.conftest import run_vnnews
from tests.golden import pages
from tests.warcs import Capture, cut_record, write_warc, write_wacz

CAPTURED = "2024-03-01T02:00:00Z"
TABLES = ("articles", "article_versions", "pages", "failures", "crawl_runs", "captures")
UNKNOWN = [Capture("https://example.org/tin-tuc/bai-viet-123456.html",
                   b"<!DOCTYPE html><html><body><h1>Not a paper of the registry</h1><p>...</p></body></html>"),
           Capture("https://www.example.com/", b"<html><body>home</body></html>")]


def article_pages(per_paper: int = 1, papers: int = 4) -> list[tuple[str, bytes]]:
    """(URL, HTML) of sample articles of a few registry papers (whichever the registry holds)."""
    chosen: dict[str, list[tuple[str, bytes]]] = {}
    for page in pages():
        site = site_for_url(page.url)
        if site and "article" in page.read() and site.era_for(page.url):
            found = chosen.setdefault(site.name, [])
            if len(found) < per_paper and len(chosen) <= papers:
                found.append((page.url, page.path.read_bytes()))
    assert len(chosen) >= 2, "the test needs articles of two papers at least"
    return [pair for found in chosen.values() for pair in found]


def expected(articles: list[tuple[str, bytes]]) -> set[tuple[str, str]]:
    """(canonical URL, content hash) that extraction gives each page captured at CAPTURED."""
    when = datetime.fromisoformat(CAPTURED.replace("Z", "+00:00"))
    return {(a.url, a.content_hash) for a in (extract(body, url, fetched_at=when) for url, body in articles)}


def stored(db: Path, sql: str = "SELECT url, content_hash FROM articles") -> set[tuple]:
    with sqlite3.connect(db) as conn:
        return set(conn.execute(sql).fetchall())


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


@pytest.fixture(scope="module")
def warc(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[str, bytes]]]:
    """A WARC of articles of several papers, pages of unknown sites, a redirect and a PDF of a paper."""
    articles = article_pages()
    paper = site_for_url(articles[0][0])
    extra = [Capture(f"https://{paper.domains[0]}/bai-cu-1234567.html", b"", status=301,
                     location=f"https://{paper.domains[0]}/"),
             Capture(articles[0][0] + "?print=1", b"%PDF-1.4", content_type="application/pdf")]
    path = tmp_path_factory.mktemp("warc") / "captures.warc.gz"
    write_warc(path, [Capture(url, body, CAPTURED) for url, body in articles] + UNKNOWN + extra)
    return path, articles


@pytest.fixture(scope="module")
def imported(warc, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    db = tmp_path_factory.mktemp("import") / "archive.db"
    result = run_vnnews("import", str(warc[0]), "--db", str(db))
    return db, result.stdout + result.stderr


def test_import_takes_the_papers_articles_with_their_provenance(warc, imported) -> None:
    (path, articles), (db, output) = warc, imported
    assert stored(db) == expected(articles)
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        rows = conn.execute("SELECT * FROM pages").fetchall()
        assert {r["source"] for r in rows} == {"warc"} and {r["archive_file"] for r in rows} == {path.name}
        assert {r["captured_at"] for r in rows} == {"2024-03-01T02:00:00+00:00"} == {r["fetched_at"] for r in rows}
        assert all(r["record_id"].startswith("<urn:uuid:") for r in rows)
        # the capture time beside the publication time, on the article itself
        for row in conn.execute("SELECT published_at, captured_at FROM articles"):
            assert row["captured_at"] == "2024-03-01T02:00:00+00:00" and row["published_at"]
        runs = conn.execute("SELECT site, source, archive_file, status, new FROM crawl_runs").fetchall()
    assert {r["source"] for r in runs} == {"warc"} and {r["status"] for r in runs} == {"finished"}
    assert sum(r["new"] for r in runs) == len(articles)
    assert {r["site"] for r in runs} == {site_for_url(url).name for url, _ in articles}
    assert "2 of other sites" in output and "1 redirects" in output and "1 not HTML" in output


def test_a_second_import_of_the_same_file_adds_nothing(warc, imported) -> None:
    db, _ = imported
    before = counts(db)
    result = run_vnnews("import", str(warc[0]), "--db", str(db))
    assert counts(db) == before
    assert f"{len(warc[1])} imported before" in result.stderr


def test_wacz_gives_the_same_articles(warc, tmp_path: Path) -> None:
    path, articles = warc
    wacz = tmp_path / "captures.wacz"
    write_wacz(wacz, path)
    db = tmp_path / "archive.db"
    run_vnnews("import", str(wacz), "--db", str(db))
    assert stored(db) == expected(articles)
    assert stored(db, "SELECT DISTINCT source, archive_file FROM pages") == {
        ("wacz", "captures.wacz/archive/captures.warc.gz")}


def test_a_truncated_record_is_a_failure_and_the_rest_is_imported(tmp_path: Path) -> None:
    articles = article_pages(per_paper=2)
    path = tmp_path / "damaged.warc.gz"
    offsets = write_warc(path, [Capture(url, body, CAPTURED) for url, body in articles])
    cut_record(path, *offsets[1], missing=300)  # the second article's record lacks its last 300 bytes
    data = path.read_bytes()
    path.write_bytes(data[:len(data) - (offsets[-1][1] - offsets[-1][0]) // 2])  # the download stopped in the last
    db = tmp_path / "archive.db"
    run_vnnews("import", str(path), "--db", str(db))
    assert stored(db) == expected([articles[0], *articles[2:-1]])
    failures = stored(db, "SELECT url, stage, reason FROM failures")
    assert {(url, stage) for url, stage, _ in failures} == {(articles[1][0], "warc"), (articles[-1][0], "warc")}
    assert all(reason.startswith("truncated record") for _, _, reason in failures)
    before = counts(db)
    run_vnnews("import", str(path), "--db", str(db))
    assert counts(db) == before  # the failures are not recorded twice


def test_reading_goes_on_after_a_member_that_does_not_decompress(tmp_path: Path) -> None:
    articles = article_pages()
    path = tmp_path / "garbled.warc.gz"
    offsets = write_warc(path, [Capture(url, body, CAPTURED) for url, body in articles])
    data = bytearray(path.read_bytes())
    start, end = offsets[0]
    data[start + 40:end - 40] = bytes(len(data[start + 40:end - 40]))  # zeros over the deflate stream
    path.write_bytes(bytes(data))
    found = [entry for _, stream, size in archives(path) for entry in entries(stream, size)]
    responses = [e.url for e in found if isinstance(e, Entry) and e.type == "response"]
    assert responses == [url for url, _ in articles[1:]]
    assert any(isinstance(e, BadRecord) and e.offset == start for e in found)


@pytest.mark.parametrize("cut", [20, 200, 0.5, -30])
def test_a_file_cut_short_ends_in_one_bad_or_truncated_record(tmp_path: Path, cut: float) -> None:
    """Wherever the download stopped inside the last record (its gzip header, its WARC headers, its body), the
    records before it are read and the last is reported, never dropped without a word."""
    articles = article_pages()
    path = tmp_path / "cut.warc.gz"
    start, end = write_warc(path, [Capture(url, body, CAPTURED) for url, body in articles])[-1]
    at = start + (int(cut * (end - start)) if 0 < cut < 1 else cut if cut > 0 else end - start + cut)
    path.write_bytes(path.read_bytes()[:at])
    outcomes = []
    for _, stream, size in archives(path):
        for entry in entries(stream, size):
            if isinstance(entry, BadRecord):
                outcomes.append("bad")
            elif entry.type == "response":
                try:
                    entry.body()
                    outcomes.append("ok")
                except Truncated:
                    outcomes.append("truncated")
    assert outcomes[:-1] == ["ok"] * (len(articles) - 1) and outcomes[-1] in ("bad", "truncated")


def test_round_trip_export_warc_then_import_into_an_empty_archive(crawled, tmp_path: Path) -> None:
    db, _ = crawled
    warc = tmp_path / "export.warc.gz"
    run_vnnews("export", "--db", str(db), "--format", "warc", "-o", str(warc))
    fresh = tmp_path / "fresh.db"
    run_vnnews("import", str(warc), "--db", str(fresh))
    original = stored(db)
    assert len(original) > 10 and stored(fresh) == original


@pytest.mark.parametrize(("make", "message"), [
    (lambda d: d / "missing.warc.gz", "no such file"),
    (lambda d: (d / "notes.txt").write_text("hello") and d / "notes.txt", "is not a WARC or WACZ file"),
])
def test_a_file_that_is_no_archive_is_one_line_and_exit_1(tmp_path: Path, make, message: str) -> None:
    result = run_vnnews("import", str(make(tmp_path)), "--db", str(tmp_path / "a.db"), check=False)
    assert result.returncode == 1 and message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_an_archive_of_schema_4_says_its_pages_and_runs_came_from_crawls(tmp_path: Path) -> None:
    from archive.record import Page
    from archive.schema import SCHEMA_VERSION
    from archive.store import Archive

    db = tmp_path / "v4.db"
    with Archive(db) as archive:
        archive.save_page(Page(url="https://baoquangtri.vn/x-123456.htm", site="baoquangtri", status=200))
        archive.start_run("baoquangtri", "before")
    with sqlite3.connect(db) as conn:  # as a v4 archive has them: no provenance yet
        conn.execute("UPDATE pages SET source = NULL")
        conn.execute("UPDATE crawl_runs SET source = NULL")
        conn.execute("UPDATE vnnews_meta SET value = '4' WHERE key = 'schema_version'")
    Archive(db).close()
    assert stored(db, "SELECT source FROM pages UNION ALL SELECT source FROM crawl_runs") == {("crawl",)}
    assert stored(db, "SELECT value FROM vnnews_meta") == {(str(SCHEMA_VERSION),)}


def test_an_import_cut_short_goes_on_where_it_stopped(tmp_path: Path) -> None:
    """The first half of a file (as far as an interrupted import got), then the whole file: nothing twice."""
    articles = article_pages(per_paper=2)
    whole = tmp_path / "whole.warc.gz"
    offsets = write_warc(whole, [Capture(url, body, CAPTURED) for url, body in articles])
    half = tmp_path / "half.warc.gz"
    middle = len(offsets) // 2
    half.write_bytes(whole.read_bytes()[:offsets[middle - 1][1]])
    db = tmp_path / "archive.db"
    run_vnnews("import", str(half), "--db", str(db))
    assert len(stored(db)) == len(expected(articles[:middle]))
    result = run_vnnews("import", str(whole), "--db", str(db))
    assert stored(db) == expected(articles) and f"{middle} imported before" in result.stderr
    assert len(stored(db, "SELECT url FROM pages")) == len(articles) and not stored(db, "SELECT * FROM failures")


def test_a_capture_whose_text_differs_makes_a_version_and_a_same_one_does_not(tmp_path: Path) -> None:
    url, body = article_pages()[0]
    article = extract(body, url)
    word = max(article.body.split(), key=len)
    edited = body.replace(word.encode(), b"SUA-DOI")  # the paper corrected the article
    db = tmp_path / "archive.db"
    for n, (html, date) in enumerate([(body, "2024-03-01T02:00:00Z"), (body, "2024-04-01T02:00:00Z"),
                                      (edited, "2024-05-01T02:00:00Z")]):
        write_warc(tmp_path / f"{n}.warc.gz", [Capture(url, html, date)])
        run_vnnews("import", str(tmp_path / f"{n}.warc.gz"), "--db", str(db))
    assert stored(db, "SELECT version, captured_at FROM articles") == {(2, "2024-05-01T02:00:00+00:00")}
    assert stored(db, "SELECT version, cause FROM article_versions") == {(1, "warc")}
    assert stored(db, "SELECT outcome FROM captures ORDER BY captured_at") == {("new",), ("unchanged",), ("updated",)}


def test_a_wacz_whose_warc_differs_from_its_datapackage_is_imported_with_a_warning(warc, tmp_path: Path) -> None:
    import json
    import zipfile

    path, articles = warc
    wacz, altered = tmp_path / "captures.wacz", tmp_path / "altered.wacz"
    write_wacz(wacz, path)
    with zipfile.ZipFile(wacz) as source, zipfile.ZipFile(altered, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "datapackage.json":
                package = json.loads(data)
                for resource in package["resources"]:
                    resource["hash"] = "sha256:" + "0" * 64
                data = json.dumps(package).encode()
            target.writestr(info, data)
    db = tmp_path / "archive.db"
    result = run_vnnews("import", str(altered), "--db", str(db))
    assert stored(db) == expected(articles) and "differs from the WACZ's datapackage.json" in result.stderr


def test_a_damaged_zip_is_one_line_and_exit_1(warc, tmp_path: Path) -> None:
    wacz = tmp_path / "captures.wacz"
    write_wacz(wacz, warc[0])
    import zipfile

    with zipfile.ZipFile(wacz) as archive:
        info = next(i for i in archive.infolist() if i.filename.startswith("archive/"))
    data = bytearray(wacz.read_bytes())
    data[info.header_offset + 30 + len(info.filename) + len(info.extra) + info.compress_size // 2] ^= 0xFF
    wacz.write_bytes(bytes(data))
    result = run_vnnews("import", str(wacz), "--db", str(tmp_path / "a.db"), check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("vnnews: ")
