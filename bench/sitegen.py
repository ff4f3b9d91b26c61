"""A generated news site for the crawl benchmark: N article pages of real size under baoquangninh.vn's URL shapes,
50 to a listing page, served by its own process on 127.0.0.1 (so the server does not share the crawl's core)."""

from __future__ import annotations

import multiprocessing
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from bench.extraction import CHROME
from tests.golden import pages

PER_PAGE = 50


def texts() -> list[dict]:
    records = [page.read() for page in pages()]
    return [r["article"] for r in records if "article" in r]


def article_url(n: int) -> str:
    return f"https://baoquangninh.vn/bai-viet-so-{n:07d}.html"


def article_html(n: int, texts: list[dict]) -> bytes:
    """Article page number ``n``: one of the golden texts in baoquangninh.vn's markup (the media-upload family its
    registry era names: a page in other markup would be read by the generic path, as drift), inside ~100 KB of
    chrome."""
    text = texts[n % len(texts)]
    paragraphs = "".join(f"<p>{p}</p>" for p in text["body"].split("\n\n"))
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{text["title"]} ({n})</title>'
            f'<link rel="canonical" href="{article_url(n)}">'
            f'<meta property="article:published_time" content="2026-01-{1 + n % 28:02d}T08:{n % 60:02d}:00+07:00">'
            f'</head><body>{CHROME[: len(CHROME) // 2]}<ol class="breadcrumb"><li><a href="/chinh-tri">Chính trị</a>'
            f'</li></ol><h1 class="name">{text["title"]} ({n})</h1><div class="meta"><span class="time">'
            f'{1 + n % 28:02d}/01/2026 - 08:{n % 60:02d}</span></div><div id="content-detail">'
            f'<h2>{text["lead"] or ""}</h2>{paragraphs}<p>{text["author"] or ""}</p></div>'
            f'{CHROME[len(CHROME) // 2:]}</body></html>').encode()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers do
    articles = 0
    delay = 0.0  # seconds before each article page (a slow server: a crawl lasts long enough to be interrupted)
    texts: list[dict] = []

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        parts = urlsplit(self.path)
        path = parts.path.removeprefix("/baoquangninh.vn")
        if path == "/robots.txt":
            return self._send(b"User-agent: *\nDisallow: /admin/\n", "text/plain")
        if path.startswith("/rss/"):
            return self._send(b'<?xml version="1.0"?><rss><channel><title>x</title></channel></rss>', "application/rss+xml")
        if path == "/chinh-tri":
            page = int((parts.query or "page=1").split("=")[1])
            first = (page - 1) * PER_PAGE + 1
            links = "".join(f'<li><a href="{article_url(n)}">Bài {n}</a></li>'
                            for n in range(first, min(first + PER_PAGE, self.articles + 1)))
            more = f'<a href="https://baoquangninh.vn/chinh-tri?page={page + 1}">Sau</a>' if first + PER_PAGE <= self.articles else ""
            return self._send(f"<html><body><ul>{links}</ul>{more}</body></html>".encode(), "text/html; charset=utf-8")
        if path.startswith("/bai-viet-so-"):
            time.sleep(self.delay)
            n = int(path[len("/bai-viet-so-"):-len(".html")])
            return self._send(article_html(n, self.texts), "text/html; charset=utf-8")
        return self._send(b"not found", "text/plain", 404)

    def _send(self, body: bytes, ctype: str, status: int = 200) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


def _serve(articles: int, ready: multiprocessing.Queue, delay: float = 0.0) -> None:
    handler = type("Handler", (_Handler,), {"articles": articles, "texts": texts(), "delay": delay})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    ready.put(server.server_address[1])
    server.serve_forever()


class GeneratedSite:
    """``with GeneratedSite(20_000) as site: site.url``: the site in a child process."""

    def __init__(self, articles: int, delay: float = 0.0):
        self.articles = articles
        self.delay = delay

    def __enter__(self) -> GeneratedSite:
        context = multiprocessing.get_context("spawn")
        ready = context.Queue()
        self.process = context.Process(target=_serve, args=(self.articles, ready, self.delay), daemon=True)
        self.process.start()
        self.url = f"http://127.0.0.1:{ready.get(timeout=30)}"
        return self

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        self.process.join()
