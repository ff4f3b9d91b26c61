"""A small HTTP server for the offline mirror, with the failures real sites have.

URL ``/<domain>/<path>?<query>`` serves ``pages/<domain>/<path>``: a path ending in ``/`` serves its
``index.html``, a query string is part of the file name after ``@`` (``chinh-tri@page=2.html``), an extensionless
path may be stored with ``.html``. Each domain's ``_mirror.json`` adds what files cannot say::

    {"status": {"/path": 500}, "redirect": {"/old": "https://new/"}, "content_type": {"/x": "application/pdf"},
     "hang": ["/slow-page"]}

``--delay`` slows every response (to test a crawl killed half-way). Responses carry ETag and Last-Modified
and answer conditional requests with 304, as the papers' servers do.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import mimetypes
import subprocess
import sys
import threading
import time
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from email.utils import formatdate
from urllib.parse import urlsplit

from crawler.lifetime import die_with_parent
from crawler.mirror import domain_folders

WAYBACK_HOST = "web.archive.org"

HANG_SECONDS = 30.0
NOT_FOUND = b"<!DOCTYPE html><html lang='vi'><head><title>404</title></head><body><h1>404 - Trang kh\xc3\xb4ng t\xe1\xbb\x93n t\xe1\xba\xa1i</h1></body></html>"


@cache
def _rules(root: Path, domain: str) -> dict:
    path = root / domain / "_mirror.json"
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


def resolve(root: Path, domain: str, path: str, query: str) -> Path | None:
    """The file that answers a request, or None (404). Never leaves ``root/domain``."""
    base = (root / domain).resolve()
    name = path.lstrip("/")
    if not name or name.endswith("/"):
        name += "index.html"
    if query:
        stem, dot, ext = name.rpartition(".") if "." in name.rsplit("/", 1)[-1] else (name, "", "")
        name = f"{stem}@{query}{dot}{ext}"
    for candidate in (name, name + ".html"):
        file = (base / candidate).resolve()
        if file.is_file() and base in file.parents and not file.name.startswith("_"):
            return file
    return None


class MirrorHandler(BaseHTTPRequestHandler):
    server_version = "vnnews-mirror/1"
    folders: dict[str, Path] = {}  # domain -> the folder holding its <domain>/ folder
    delay: float = 0.0
    requests: list[tuple[str, dict[str, str]]] = []  # (path, headers) of every request, for tests
    times: list[float] = []  # when each of them came (time.monotonic()), in the same order
    wayback = None  # a crawler.mirror.wayback.FakeWayback answering for web.archive.org, when there is one

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass  # the crawl logs what it fetched

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        self.times.append(time.monotonic())
        self.requests.append((self.path, dict(self.headers)))
        parts = urlsplit(self.path)
        domain, _, rest = parts.path.lstrip("/").partition("/")
        if not domain:
            return self._send(200, "text/html; charset=utf-8", self._index())
        if domain == WAYBACK_HOST and self.wayback is not None:
            status, ctype, body, headers = self.wayback.answer("/" + rest, parts.query)
            return self._send(status, ctype, body, headers)
        root = self.folders.get(domain)
        if root is None:
            return self._send(404, "text/html; charset=utf-8", NOT_FOUND)
        rules = _rules(root, domain)
        key = "/" + rest + (f"?{parts.query}" if parts.query else "")
        if self.delay:
            time.sleep(self.delay)
        if key in rules.get("hang", ()):
            time.sleep(HANG_SECONDS)
        if key in rules.get("redirect", {}):
            self.send_response(301)
            self.send_header("Location", rules["redirect"][key])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        status = rules.get("status", {}).get(key)
        file = resolve(root, domain, "/" + rest, parts.query)
        if file is None:
            return self._send(status or 404, "text/html; charset=utf-8", NOT_FOUND)
        ctype = rules.get("content_type", {}).get(key) or content_type(file)
        body = file.read_bytes()
        validators = {"ETag": f'"{hashlib.sha1(body).hexdigest()[:16]}"',
                      "Last-Modified": formatdate(file.stat().st_mtime, usegmt=True)}
        if self.headers.get("If-None-Match") == validators["ETag"] or (
                not self.headers.get("If-None-Match") and self.headers.get("If-Modified-Since") == validators["Last-Modified"]):
            return self._send(304, ctype, b"", validators)
        return self._send(status or 200, ctype, body, validators)

    def _send(self, status: int, ctype: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a crawl's timeout): nothing to answer

    def _index(self) -> bytes:
        links = "".join(f'<li><a href="/{d}/">{d}</a></li>' for d in sorted(self.folders))
        return f"<!DOCTYPE html><html><body><h1>vnnews offline mirror</h1><ul>{links}</ul></body></html>".encode()


def content_type(file: Path) -> str:
    if file.suffix in (".html", ".htm", ""):
        head = file.read_bytes()[:64].lstrip()
        return "application/rss+xml; charset=utf-8" if head.startswith(b"<?xml") else "text/html; charset=utf-8"
    if file.suffix in (".rss", ".xml"):
        return "application/rss+xml; charset=utf-8"
    if file.suffix == ".txt":
        return "text/plain; charset=utf-8"
    return mimetypes.guess_type(file.name)[0] or "application/octet-stream"


class MirrorServer:
    """The mirror on 127.0.0.1 in a background thread: ``with MirrorServer() as m: m.url``. By default it serves
    every paper's sample pages; ``root`` serves a folder of ``<domain>/`` folders instead (a copy a test changes)."""

    def __init__(self, port: int = 0, *, root: Path | None = None, delay: float = 0.0, wayback: object = None):
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.times: list[float] = []
        folders = {d.name: root for d in root.iterdir() if d.is_dir()} if root else domain_folders()
        handler = type("Handler", (MirrorHandler,), {"folders": folders, "delay": delay, "requests": self.requests,
                                                 "times": self.times, "wayback": wayback})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="vnnews-mirror", daemon=True)

    def __enter__(self) -> MirrorServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class MirrorProcess:
    """The mirror in a process of its own (``with MirrorProcess() as m: m.url``), for `vnnews crawl --offline`: a
    crawl of every paper keeps its own process busy, and a server thread there would answer late."""

    def __enter__(self) -> MirrorProcess:
        self.process = subprocess.Popen([sys.executable, "-m", "crawler.mirror.server", "--port", "0"],
                                        stdout=subprocess.PIPE, text=True, preexec_fn=die_with_parent)
        line = self.process.stdout.readline()
        if not line.startswith("vnnews mirror on "):
            self.process.kill()
            raise RuntimeError(f"the offline mirror did not start ({line.strip() or 'no output'})")
        self.url = line.split()[3].rstrip("/")
        return self

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        self.process.wait(10)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve the vnnews offline mirror on 127.0.0.1.")
    parser.add_argument("--port", type=int, default=8765, help="0: any free port (printed)")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds to wait before every response")
    args = parser.parse_args(argv)
    server = MirrorServer(args.port, delay=args.delay)
    print(f"vnnews mirror on {server.url}/ (Ctrl-C to stop)", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.httpd.serve_forever()


if __name__ == "__main__":
    main()
