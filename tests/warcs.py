"""WARC and WACZ files for the tests and the benchmark, written with warcio (and the wacz package), as Browsertrix,
Heritrix or ``wget --warc-file`` would write them: a warcinfo record, then a request and a response per page."""

from __future__ import annotations

import gzip as gzip_module
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


@dataclass
class Capture:
    url: str
    body: bytes
    date: str = "2024-03-01T02:00:00Z"  # WARC-Date
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    location: str | None = None  # for a redirect


def write_warc(path: Path, captures: Iterable[Capture], *, gzip: bool = True) -> list[tuple[int, int]]:
    """Write the captures; returns where each response record starts and ends in the file (to damage one)."""
    offsets = []
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzip, warc_version="1.1")
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "vnnews tests"}))
        for capture in captures:
            parts = urlsplit(capture.url)
            request = writer.create_warc_record(
                capture.url, "request", payload=io.BytesIO(b""), warc_headers_dict={"WARC-Date": capture.date},
                http_headers=StatusAndHeaders(f"GET {parts.path or '/'} HTTP/1.1", [("Host", parts.netloc)],
                                              is_http_request=True))
            headers = [("Content-Type", capture.content_type), ("Content-Length", str(len(capture.body)))]
            if capture.location:
                headers.append(("Location", capture.location))
            response = writer.create_warc_record(
                capture.url, "response", payload=io.BytesIO(capture.body),
                warc_headers_dict={"WARC-Date": capture.date},
                http_headers=StatusAndHeaders(f"{capture.status} X", headers, protocol="HTTP/1.1"))
            writer.write_record(request)
            start = out.tell()
            writer.write_record(response)
            offsets.append((start, out.tell()))
    return offsets


def cut_record(path: Path, start: int, end: int, missing: int) -> None:
    """Replace the gzip member [start, end) of a .warc.gz by one whose record lacks its last ``missing`` bytes: a
    record shorter than its Content-Length (a writer that died half-way, a copy cut short)."""
    data = path.read_bytes()
    record = gzip_module.decompress(data[start:end])
    path.write_bytes(data[:start] + gzip_module.compress(record[:-missing]) + data[end:])


def write_wacz(path: Path, warc: Path) -> None:
    """Package a WARC as a WACZ with the wacz package (datapackage.json, indexes, pages)."""
    from wacz.main import main as wacz_main

    if wacz_main(["create", "-o", str(path), str(warc)]) != 0:
        raise RuntimeError(f"wacz create failed for {warc}")
