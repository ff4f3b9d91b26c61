"""Exports of the archive: JSONL, CSV and Parquet (one record per article), WARC 1.1 (the raw responses).

Everything streams: rows come from a SQLite cursor and leave in batches, so memory stays flat on a million
articles. Every export carries the archive's schema version and each record its extractor version.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import json
import os
import sys
import tempfile
import uuid
import zlib
from importlib.metadata import version
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any, Callable, Iterator
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archive.record import Column, columns
from archive.schema import SCHEMA_VERSION, article_columns
from archive.search import fts_query
from archive.store import Archive

# An exported article: every column of `articles` (the Article's fields and what the archive keeps about it), in
# order, then the archive's schema version.
COLUMNS = [*article_columns(), Column("schema_version", "integer", "Schema version of the archive it came from")]
FIELDS = tuple(c.name for c in COLUMNS)
LIST_FIELDS = tuple(c.name for c in COLUMNS if c.kind == "json")
BATCH = 5000


@dataclass
class Filters:
    sites: list[str] | None = None
    since: str | None = None  # YYYY-MM-DD, inclusive, on published_at
    until: str | None = None  # YYYY-MM-DD, inclusive
    search: str | None = None  # full-text, diacritics ignored

    def where(self, alias: str = "a", site_column: str | None = None) -> tuple[str, list[Any]]:
        clauses, params = [], []
        if self.sites:
            clauses.append(f"{site_column or alias + '.site'} IN ({', '.join('?' * len(self.sites))})")
            params += self.sites
        if self.since:
            clauses.append(f"{alias}.published_at >= ?")
            params.append(self.since)
        if self.until:
            clauses.append(f"{alias}.published_at < ?")
            params.append(self.until + "~")  # '~' sorts after every time of that day
        if self.search:
            clauses.append(f"{alias}.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(fts_query(self.search) or '""')
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def iter_articles(archive: Archive, filters: Filters) -> Iterator[dict[str, Any]]:
    where, params = filters.where()
    columns = ", ".join(f"a.{f}" for f in FIELDS if f != "schema_version")
    cursor = archive.db.conn.execute(f"SELECT {columns} FROM articles a{where} ORDER BY a.id", params)
    names = [d[0] for d in cursor.description]
    while rows := cursor.fetchmany(BATCH):
        for row in rows:
            record = dict(zip(names, row, strict=True))
            for name in LIST_FIELDS:
                record[name] = json.loads(record[name] or "[]")
            record["schema_version"] = SCHEMA_VERSION
            yield record


def write_jsonl(records: Iterator[dict], out: IO[str], *, excel: bool = False) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(records: Iterator[dict], out: IO[str], *, excel: bool = False) -> int:
    writer = csv.DictWriter(out, fieldnames=FIELDS)  # the excel dialect either way; --excel adds the BOM
    writer.writeheader()
    count = 0
    for record in records:
        count += 1
        writer.writerow({k: json.dumps(v, ensure_ascii=False) if k in LIST_FIELDS else v for k, v in record.items()})
    return count


def parquet_type(column: Column) -> Any:
    """The Arrow type of a column: lists of records as lists of structs of their fields."""
    import pyarrow as pa

    scalar = {"text": pa.string(), "integer": pa.int64(), "real": pa.float64(), "blob": pa.binary()}
    if column.kind != "json":
        return scalar[column.kind]
    if column.item is str:
        return pa.list_(pa.string())
    return pa.list_(pa.struct([(c.name, parquet_type(c)) for c in columns(column.item)]))


def write_parquet(records: Iterator[dict], path: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c.name, parquet_type(c)) for c in COLUMNS],
                       metadata={"vnnews.schema_version": str(SCHEMA_VERSION), "vnnews.format": "one row per article"})
    count, batch = 0, []
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        for record in records:
            batch.append(record)
            if len(batch) == BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count, batch = count + len(batch), []
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


# -- WARC ----------------------------------------------------------------------------------------------------

_HOP_BY_HOP = {"content-encoding", "transfer-encoding", "content-length", "connection"}
_REASONS = {200: "OK", 203: "Non-Authoritative Information", 206: "Partial Content"}


def write_warc(archive: Archive, filters: Filters, out: IO[bytes], *, user_agent: str) -> int:
    """WARC 1.1: a warcinfo record, then for each stored page its request, response and metadata records."""
    writer = WARCWriter(out, gzip=True, warc_version="1.1")
    info = {"software": f"vnnews/{version('vnnews')}", "format": "WARC File Format 1.1",
            "vnnews-schema-version": str(SCHEMA_VERSION), "description": "Raw article pages of the vnnews archive"}
    writer.write_record(writer.create_warcinfo_record("vnnews-export.warc.gz", info))
    where, params = filters.where(site_column="p.site")  # pages without an article are exported too
    query = ("SELECT p.url, p.status, p.headers, p.body, p.fetched_at, p.run_id, p.sha256, p.source, p.archive_file, "
             "p.record_id, a.id AS article_id, a.extractor_version FROM pages p LEFT JOIN articles a ON a.url = p.url"
             + where
             + " ORDER BY p.fetched_at, p.url")
    count = 0
    cursor = archive.db.conn.execute(query, params)
    names = [d[0] for d in cursor.description]
    while rows := cursor.fetchmany(200):
        for row in (dict(zip(names, r, strict=True)) for r in rows):
            count += 1
            _write_exchange(writer, row, user_agent)
    return count


def _write_exchange(writer: WARCWriter, row: dict, user_agent: str) -> None:
    body = zlib.decompress(row["body"])
    warc_date = datetime.fromisoformat(row["fetched_at"]).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    parts = urlsplit(row["url"])
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    request = writer.create_warc_record(
        row["url"], "request", payload=io.BytesIO(b""),
        http_headers=StatusAndHeaders(f"GET {target} HTTP/1.1", [("Host", parts.netloc), ("User-Agent", user_agent)],
                                      is_http_request=True),
        warc_headers_dict={"WARC-Date": warc_date})
    # the stored body is the decoded entity: drop the transfer codings it no longer has
    headers = [(k.title(), v) for k, v in json.loads(row["headers"] or "{}").items() if k.lower() not in _HOP_BY_HOP]
    headers.append(("Content-Length", str(len(body))))
    status = f"{row['status']} {_REASONS.get(row['status'], 'OK')}"
    response = writer.create_warc_record(
        row["url"], "response", payload=io.BytesIO(body),
        http_headers=StatusAndHeaders(status, headers, protocol="HTTP/1.1"),
        warc_headers_dict={"WARC-Date": warc_date, "WARC-Concurrent-To": request.rec_headers["WARC-Record-ID"]})
    fields = {"fetched-at": row["fetched_at"], "vnnews-run-id": row["run_id"], "vnnews-article-id": row["article_id"],
              "vnnews-extractor-version": row["extractor_version"], "vnnews-body-sha256": row["sha256"],
              # where the page came from, when not from a crawl: its WARC-Date is then the capture time
              "vnnews-source": row["source"], "vnnews-archive-file": row["archive_file"],
              "vnnews-record-id": row["record_id"]}
    metadata = writer.create_warc_record(
        row["url"], "metadata",
        payload=io.BytesIO("".join(f"{k}: {v}\r\n" for k, v in fields.items() if v is not None).encode()),
        warc_content_type="application/warc-fields",
        warc_headers_dict={"WARC-Date": warc_date, "WARC-Concurrent-To": response.rec_headers["WARC-Record-ID"],
                           "WARC-Record-ID": f"<urn:uuid:{uuid.uuid4()}>"})
    for record in (request, response, metadata):
        writer.write_record(record)


FORMATS: dict[str, Callable[..., int]] = {"jsonl": write_jsonl, "csv": write_csv}


class ExportError(Exception):
    """The export cannot be written where asked (it would overwrite the archive, the folder is missing, …)."""


def check_output(output: str | Path, db: str | Path) -> Path:
    """The path an export may be written to: never the archive or its -wal/-shm files (whatever path names them),
    in a folder that exists."""
    target = Path(output).resolve()
    archive = Path(db).resolve()
    if target in {archive, Path(f"{archive}-wal"), Path(f"{archive}-shm"), Path(f"{archive}.lock")}:
        raise ExportError(f"{output} is the archive itself (or one of its files): choose another output file")
    if target.is_dir():
        raise ExportError(f"{output} is a folder: give a file name (e.g. {Path(output) / 'articles.jsonl'})")
    if not target.parent.is_dir():
        raise ExportError(f"cannot write {output}: the folder {target.parent} does not exist")
    return target


@contextlib.contextmanager
def replaced(target: Path) -> Iterator[Path]:
    """A temporary file beside ``target`` that replaces it only when the export is complete: a failed export
    (disk full, interrupted) leaves whatever was there before untouched. A target that is not a regular file (a
    pipe, /dev/stdout, a device) is written directly: renaming over it would replace the device itself."""
    if target.exists() and not target.is_file():
        yield target
        return
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def export(db: str, fmt: str, filters: Filters, output: str | None, *, user_agent: str = "vnnews",
           excel: bool = False) -> int:
    """Write the export; returns how many articles (or pages, for WARC) it holds. ``excel``: CSV with a byte-order
    mark and CRLF line ends, so that Excel opens it as UTF-8."""
    target = check_output(output, db) if output else None
    archive = Archive(db, readonly=True)
    try:
        with replaced(target) if target else contextlib.nullcontext(None) as path:
            try:
                return _write(archive, fmt, filters, path, user_agent, excel)
            except OSError as exc:
                if exc.errno == errno.ENOSPC:
                    raise ExportError(f"disk full while writing {output}; nothing was written") from None
                raise
    finally:
        archive.close()


def _write(archive: Archive, fmt: str, filters: Filters, path: Path | None, user_agent: str, excel: bool) -> int:
    if fmt == "parquet":
        return write_parquet(iter_articles(archive, filters), str(path))
    if fmt == "warc":
        with open(path, "wb") if path else contextlib.nullcontext(sys.stdout.buffer) as out:
            return write_warc(archive, filters, out, user_agent=user_agent)
    encoding = "utf-8-sig" if excel else "utf-8"
    if path is None:
        if excel:
            sys.stdout.reconfigure(encoding=encoding)
        return FORMATS[fmt](iter_articles(archive, filters), sys.stdout, excel=excel)
    with open(path, "w", encoding=encoding, newline="") as out:
        return FORMATS[fmt](iter_articles(archive, filters), out, excel=excel)
