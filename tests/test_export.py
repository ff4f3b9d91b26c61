"""`vnnews export`: JSONL, CSV, Parquet with filters; WARC 1.1 read back by warcio; schema migration."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import sqlite3
import subprocess
import sys
import zlib
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from warcio.archiveiterator import ArchiveIterator

from archive.export import FIELDS
from archive.schema import SCHEMA_VERSION
from archive.store import Archive
from crawler.sites import SITES
from tests.conftest import run_vnnews


def export(db: Path, *args: str) -> str:
    return run_vnnews("export", "--db", str(db), *args).stdout


def test_jsonl_has_every_field_of_every_article(crawled) -> None:
    db, _ = crawled
    records = [json.loads(line) for line in export(db, "--format", "jsonl").splitlines()]
    assert len(records) == count(db, "1")
    for record in records:
        assert tuple(record) == FIELDS
        assert record["schema_version"] == SCHEMA_VERSION and record["extractor_version"]
        assert isinstance(record["images"], list) and isinstance(record["tags"], list)
    seed = next(r for r in records if r["url"].endswith("2391205/"))
    assert seed["title"] == "Đảng bộ TX Đông Triều: Xây dựng Đảng bộ trong sạch, vững mạnh"
    assert seed["province"] == "Quảng Ninh" and seed["published_at"] == "2018-05-08T07:38+07:00"


def count(db: Path, where: str, *params: str) -> int:
    """What the archive holds, counted in plain SQL (not through the export's own filters)."""
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT count(*) FROM articles WHERE {where}", params).fetchone()[0]


@pytest.mark.parametrize(("args", "where", "params"), [
    (("--site", "baoquangtri"), "site = ?", ("baoquangtri",)),
    (("--site", "baoquangtri", "--site", "baolamdong"), "site IN (?, ?)", ("baoquangtri", "baolamdong")),
    (("--since", "2026-01-01"), "published_at >= ?", ("2026-01-01",)),
    (("--until", "2019-12-31"), "substr(published_at, 1, 10) <= ?", ("2019-12-31",)),
    (("--since", "2019-12-03", "--until", "2019-12-03"), "substr(published_at, 1, 10) = ?", ("2019-12-03",)),
    (("--search", "OCOP"), "body LIKE ? OR title LIKE ?", ("%OCOP%", "%OCOP%")),
])
def test_filters(crawled, args: tuple[str, ...], where: str, params: tuple[str, ...]) -> None:
    db, _ = crawled
    records = [json.loads(line) for line in export(db, "--format", "jsonl", *args).splitlines()]
    expected = count(db, where, *params)
    assert expected > 0 and len(records) == expected


def test_search_filter_finds_what_the_archive_search_finds(crawled) -> None:
    db, _ = crawled
    records = [json.loads(line) for line in export(db, "--format", "jsonl", "--search", "xay dung dang").splitlines()]
    with Archive(db, readonly=True) as archive:
        found = {hit["url"] for hit in archive.search("xay dung dang", limit=10_000)}
    assert len(found) >= 8 and {r["url"] for r in records} == found


def test_csv(crawled) -> None:
    db, _ = crawled
    rows = list(csv.DictReader(io.StringIO(export(db, "--format", "csv"))))
    assert len(rows) == count(db, "1") and tuple(rows[0]) == FIELDS
    assert all(isinstance(json.loads(r["images"]), list) for r in rows)
    assert {r["schema_version"] for r in rows} == {str(SCHEMA_VERSION)}


def test_parquet(crawled, tmp_path: Path) -> None:
    db, _ = crawled
    out = tmp_path / "a.parquet"
    run_vnnews("export", "--db", str(db), "--format", "parquet", "-o", str(out))
    table = pq.read_table(out)
    assert table.num_rows == count(db, "1") and table.schema.names == list(FIELDS)
    assert table.schema.metadata[b"vnnews.schema_version"] == str(SCHEMA_VERSION).encode()
    rows = table.to_pylist()
    seed = next(r for r in rows if r["url"].endswith("2391205/"))
    assert seed["images"][1]["caption"].endswith("Ảnh: Phan Hằng") and seed["word_count"] == 937


def test_parquet_needs_a_file(crawled) -> None:
    result = run_vnnews("export", "--db", str(crawled[0]), "--format", "parquet", check=False)
    assert result.returncode == 2 and "needs --output" in result.stderr


def test_warc_records_read_back_with_their_digests(crawled, tmp_path: Path) -> None:
    db, _ = crawled
    out = tmp_path / "a.warc.gz"
    run_vnnews("export", "--db", str(db), "--format", "warc", "-o", str(out))
    with sqlite3.connect(db) as conn:
        pages = {url: zlib.decompress(body) for url, body in conn.execute("SELECT url, body FROM pages")}
    records = []
    with open(out, "rb") as stream:
        for record in ArchiveIterator(stream, check_digests="raise"):
            payload = record.content_stream().read()
            records.append((record.rec_type, record.rec_headers, payload))
    assert records[0][0] == "warcinfo" and f"vnnews-schema-version: {SCHEMA_VERSION}".encode() in records[0][2]
    assert all(h.protocol == "WARC/1.1" for _, h, _ in records)
    responses = {h.get_header("WARC-Target-URI"): (h, p) for t, h, p in records if t == "response"}
    assert set(responses) == set(pages)
    for url, (headers, payload) in responses.items():
        assert payload == pages[url]
        digest = "sha1:" + base64.b32encode(hashlib.sha1(payload).digest()).decode()
        assert headers.get_header("WARC-Payload-Digest") == digest
    types = [t for t, _, _ in records[1:]]
    assert types == ["request", "response", "metadata"] * len(pages)
    ids = {h.get_header("WARC-Record-ID"): t for t, h, _ in records}
    for t, h, _ in records:
        if t in ("response", "metadata"):
            assert ids[h.get_header("WARC-Concurrent-To")] == {"response": "request", "metadata": "response"}[t]
    check = subprocess.run([sys.executable, "-m", "warcio.cli", "check", str(out)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


V1_ARCHIVE = Path(__file__).parent / "fixtures" / "schema-v1.sql"  # frozen: the schema as it was, by hand


def test_an_archive_of_schema_1_is_migrated_to_the_current_one(tmp_path: Path) -> None:
    db = tmp_path / "v1.db"
    with sqlite3.connect(db) as conn:
        conn.executescript(V1_ARCHIVE.read_text("utf-8"))
    archive = Archive(db)
    archive.sync_sites(site.row() for site in SITES.values())  # what every crawl does first: provinces are filled
    try:
        assert archive.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert archive.db.execute("SELECT value FROM vnnews_meta").fetchone()[0] == str(SCHEMA_VERSION)
        rows = {r["title"]: (r["province"], r["province_before"]) for r in archive.db["articles"].rows}
        assert rows == {"Đồng Hới": ("Quảng Trị", "Quảng Bình"), "Bình Xuyên": ("Phú Thọ", "Vĩnh Phúc")}
        assert "cause" in archive.db["article_versions"].columns_dict
        assert list(archive.db["articles_fts"].columns_dict) == ["text", "exact"]  # v5: rebuilt, exact forms
        assert [h["title"] for h in archive.search("đồng hới")] == ["Đồng Hới"]
        assert [h["title"] for h in archive.search('"Đồng Hới"')] == ["Đồng Hới"]  # v5: phrases
        assert {r["party_building"] for r in archive.db["articles"].rows} == {0}  # v5: read from the text ("x")
        assert sum(r["articles"] for r in archive.db["coverage"].rows) == 2  # v5: counted
        assert [h["title"] for h in archive.search("binh xuyen")] == ["Bình Xuyên"]
        assert archive.known(["https://baovinhphuc.com.vn/xay-dung-dang/43817/binh-xuyen.html"])  # v4: article_urls
    finally:
        archive.close()
