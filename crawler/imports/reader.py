"""Read WARC and WACZ files record by record, with warcio, and survive the damage real files have.

``entries(path)`` yields, in file order, one ``Entry`` per WARC record (its body is read only when asked for, and
only before the next entry is taken: the file streams, never whole in memory) and one ``BadRecord`` per record
that cannot be read:

- a record shorter than its Content-Length (a writer that died half-way, a copy cut short);
- a gzip member that does not decompress or fails its CRC: reading goes on at the next member (a .warc.gz holds
  one per record). Digests are not checked: the gzip CRC already guards a .warc.gz, and hashing every payload
  twice over costs a fifth of the reading;
- a file that ends inside a record (a download that stopped).

A WACZ is a zip of WARCs (``archive/*.warc.gz``) listed in its datapackage.json: each is read the same way,
straight from the zip, and its sha256 checked against the datapackage as it streams.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import zipfile
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

GZIP_MAGIC = b"\x1f\x8b\x08"
SCAN_BLOCK = 1 << 16


class NotAnArchive(Exception):
    """The file is no WARC or WACZ (a user's mistake: one line, no traceback)."""


@dataclass
class BadRecord:
    """A record that could not be read whole."""

    offset: int
    reason: str
    url: str | None = None
    record_id: str | None = None


class Entry:
    """One WARC record; ``body()`` reads the HTTP payload (decoded: chunked and gzip transfer codings undone) and
    raises ``Truncated`` when the record holds fewer bytes than it declares."""

    def __init__(self, record: ArcWarcRecord):
        self.record = record
        headers = record.rec_headers
        self.type: str = record.rec_type
        self.url: str = (headers.get_header("WARC-Target-URI") or "").strip("<>")  # some writers bracket it
        self.captured_at: str = _utc(headers.get_header("WARC-Date"))
        # WARC requires the id; a writer that left it out still gets one that is the same on every import
        self.record_id: str = headers.get_header("WARC-Record-ID") or f"<{self.url} {self.captured_at}>"
        http = record.http_headers
        status = http.get_statuscode() if http and self.type == "response" else None
        self.status: int = int(status) if status and status.isdigit() else 0
        self.headers: dict[str, str] = {k.lower(): v for k, v in http.headers} if http else {}
        self.content_type: str = self.headers.get("content-type", "")

    def body(self) -> bytes:
        try:
            data = self.record.content_stream().read()
        except (zlib.error, OSError, ValueError) as exc:
            raise Truncated(f"the payload does not decode ({exc})") from None
        missing = getattr(self.record.raw_stream, "limit", 0)
        if missing:
            raise Truncated(f"truncated record: {missing:,} of its bytes are missing")
        return data


class Truncated(Exception):
    """A record's body is incomplete or damaged."""


def _utc(warc_date: str | None) -> str:
    """WARC-Date (2024-02-02T06:59:00Z, maybe with fractions) as the archive's UTC ISO form, to the second."""
    try:
        value = datetime.fromisoformat((warc_date or "").replace("Z", "+00:00"))
    except ValueError:
        return ""  # missing or malformed: the record is read all the same
    return value.astimezone(timezone.utc).replace(microsecond=0).isoformat()


def kind(path: str | Path) -> str:
    """"wacz" or "warc", by content (a zip is a WACZ); NotAnArchive for anything else."""
    path = Path(path)
    if not path.is_file():
        raise NotAnArchive(f"no such file: {path}")
    if zipfile.is_zipfile(path):
        return "wacz"
    with open(path, "rb") as f:
        head = f.read(16)
    if head.startswith(GZIP_MAGIC):
        with open(path, "rb") as f:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(f.read(SCAN_BLOCK))[:16]
    if not head.startswith(b"WARC/"):
        raise NotAnArchive(f"{path} is not a WARC or WACZ file")
    return "warc"


def archives(path: str | Path) -> Iterator[tuple[str, IO[bytes], int]]:
    """(name, binary stream, size) of each WARC in the file: the file itself, or each WARC a WACZ lists."""
    path = Path(path)
    if kind(path) == "warc":
        with open(path, "rb") as f:
            yield path.name, f, path.stat().st_size
        return
    with zipfile.ZipFile(path) as wacz:
        for member, expected in _wacz_warcs(wacz, path):
            with wacz.open(member) as raw:
                stream = _Hashing(raw)
                yield f"{path.name}/{member}", stream, wacz.getinfo(member).file_size
                if expected and stream.intact and stream.hexdigest() != expected:
                    # what it held is imported (records are checked one by one); the user should know
                    logging.getLogger(__name__).warning(
                        "vnnews: %s/%s: its sha256 differs from the WACZ's datapackage.json (altered or damaged)",
                        path.name, member)


def _wacz_warcs(wacz: zipfile.ZipFile, path: Path) -> list[tuple[str, str | None]]:
    """The WARC members of a WACZ with their sha256 (from datapackage.json; without one: archive/*.warc*)."""
    names = set(wacz.namelist())
    if "datapackage.json" in names:
        package = json.loads(wacz.read("datapackage.json"))
        found = [(r["path"], (r.get("hash") or "").removeprefix("sha256:") or None)
                 for r in package.get("resources", []) if ".warc" in r.get("path", "")]
    else:
        found = [(n, None) for n in sorted(names) if n.startswith("archive/") and ".warc" in n]
    if not found:
        raise NotAnArchive(f"{path} is a zip without WARC files (not a WACZ)")
    return found


class _Hashing(io.RawIOBase):
    """A stream that hashes what is read from it, in order; a seek (a resync past damage) stops the check."""

    def __init__(self, raw: IO[bytes]):
        self.raw, self.sha = raw, hashlib.sha256()
        self.intact, self.position = True, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:
        data = self.raw.read(len(buffer))
        buffer[:len(data)] = data
        if self.intact:
            self.sha.update(data)
        self.position += len(data)
        return len(data)

    def tell(self) -> int:
        return self.position

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        if (offset, whence) != (self.position, os.SEEK_SET):
            self.intact = False
            self.position = self.raw.seek(offset, whence)
        return self.position

    def hexdigest(self) -> str:
        return self.sha.hexdigest()


def entries(stream: IO[bytes], size: int) -> Iterator[Entry | BadRecord]:
    """Every record of one WARC stream (``size`` bytes long), and every stretch of it that cannot be read, in
    order."""
    start = stream.tell()
    while start is not None:
        stream.seek(start)
        iterator = ArchiveIterator(stream)
        end = start
        try:
            for record in iterator:
                yield Entry(record)
                iterator.read_to_end()
                end = iterator.offset
        except (ArchiveLoadFailed, zlib.error, EOFError, ValueError, AttributeError) as exc:
            # warcio's errors on damaged bytes (AttributeError: WARC headers cut before WARC-Target-URI)
            bad = end
            start = _next_member(stream, bad + 1)
            why = "damaged WARC headers" if isinstance(exc, AttributeError) else _first_line(exc)
            yield _recovered(stream, bad, start, f"unreadable record ({why})")
            continue
        if size > end + 4:  # warcio stops quietly at a member cut short; what is left is that record
            yield _recovered(stream, end, None, "truncated record: the file ends inside it")
        start = None


def _first_line(exc: Exception) -> str:
    return str(exc).strip().split("\n", 1)[0][:80]


def _next_member(stream: IO[bytes], offset: int) -> int | None:
    """The offset of the next gzip member at or after ``offset`` that starts a readable WARC record."""
    stream.seek(offset)
    carry = b""
    base = offset
    while block := stream.read(SCAN_BLOCK):
        data = carry + block
        at = data.find(GZIP_MAGIC)
        while at != -1:
            candidate = base - len(carry) + at
            if _starts_record(stream, candidate):
                return candidate
            at = data.find(GZIP_MAGIC, at + 1)
        carry = data[-2:]
        base += len(block)
        stream.seek(base)
    return None


def _starts_record(stream: IO[bytes], offset: int) -> bool:
    stream.seek(offset)
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(stream.read(4096)).startswith(b"WARC/")
    except zlib.error:
        return False


def _recovered(stream: IO[bytes], start: int, end: int | None, reason: str) -> BadRecord:
    """A BadRecord for the bytes [start, end): the URL and record id when its WARC headers can still be read
    (decompressed as far as they go, then parsed by warcio)."""
    stream.seek(start)
    data = stream.read((end - start) if end is not None else -1)
    if data.startswith(GZIP_MAGIC):
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            data = decompressor.decompress(data)
        except zlib.error:
            data = b""
    url = record_id = None
    try:
        record = next(iter(ArchiveIterator(io.BytesIO(data))), None)
        if record is not None:
            url = record.rec_headers.get_header("WARC-Target-URI")
            record_id = record.rec_headers.get_header("WARC-Record-ID")
    except Exception:  # noqa: BLE001 - the headers are damaged too: the offset is all there is
        pass
    return BadRecord(start, f"{reason} at offset {start:,}", url, record_id)
