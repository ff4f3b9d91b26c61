"""A paper of our own making on 127.0.0.1, for the tests of what hostile or broken sites do: its registry record in a
folder outside the package (VNNEWS_SITES_PATH), served directly (no mirror) by a server that answers each path as
told (status, headers, body)."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.conftest import ROOT

ARTICLE = ("<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>{title}</title>{head}</head><body>"
           "<h1 class='detail-title'>{title}</h1><div class='detail-time'>08/01/2026 - 16:45</div>"
           "<h2 class='detail-sapo'>Sapo của bài viết về công tác xây dựng Đảng ở cơ sở.</h2>"
           "<div class='detail-content'>" + "".join(
               f"<p>Trong quý {n}, Đảng bộ xã tập trung nâng cao chất lượng sinh hoạt chi bộ, kết nạp đảng viên mới "
               "trong đoàn viên thanh niên và người lao động.</p>" for n in range(1, 7)) + "<p>Minh Anh</p></div>"
           "</body></html>")


def article(title: str, head: str = "") -> bytes:
    return ARTICLE.format(title=title, head=head).encode()


def listing(*links: str) -> bytes:
    items = "".join(f"<li><a href='{link}'>Bài {n}</a></li>" for n, link in enumerate(links))
    return f"<!DOCTYPE html><html><body><ul>{items}</ul></body></html>".encode()


def gzipped(body: bytes) -> tuple[dict[str, str], bytes]:
    return {"Content-Encoding": "gzip", "Content-Type": "text/html; charset=utf-8"}, gzip.compress(body)


@dataclass
class HostileSite:
    """``routes``: path (with query) -> (status, headers, body). Records every path asked for."""

    routes: dict[str, tuple[int, dict[str, str], bytes]]
    asked: list[str] = field(default_factory=list)

    def __enter__(self) -> HostileSite:
        routes, asked = self.routes, self.asked

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                asked.append(self.path)
                status, headers, body = routes.get(self.path, (404, {}, b"not found"))
                self.send_response(status)
                for name, value in {"Content-Type": "text/html; charset=utf-8", **headers}.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


RECORD = '''from crawler.sites import Era, Listing, Site

SITE = Site(name="baothu", title="Báo Thử", province="Quảng Ninh", provinces_before=("Quảng Ninh",),
            domains=("127.0.0.1",), eras=(Era("127.0.0.1", "slug-id", r"/[a-z0-9-]+-\\d{{6}}\\.html"),),
            listings=(Listing("{base}/chinh-tri"),), download_delay=0.01)
'''


def crawl_directly(tmp_path: Path, site: HostileSite) -> Path:
    """`scrapy crawl baothu` straight at the hostile site (no mirror, no politeness delay); returns the archive."""
    folder = tmp_path / "papers" / "baothu"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "site.py").write_text(RECORD.format(base=site.url), "utf-8")
    db = tmp_path / "archive.db"
    env = {**os.environ, "VNNEWS_SITES_PATH": str(tmp_path / "papers")}
    subprocess.run([sys.executable, "-m", "scrapy", "crawl", "baothu", "-s", f"VNNEWS_DB={db}", "-s", "DOWNLOAD_DELAY=0",
                    "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "RETRY_TIMES=0", "-s", "DOWNLOAD_MAXSIZE=200000",
                    "-s", "LOG_LEVEL=WARNING"], cwd=ROOT, env=env, check=True, capture_output=True, timeout=120)
    return db
