"""ms per page of our extraction against bare trafilatura.extract, on the same pages in one run.

Two sets: the golden article pages as written (3-16 KB), and the same pages inflated to the size of real
pages (150-250 KB: menus, related-article lists, inline scripts and styles, as the papers' pages carry).
"""

from __future__ import annotations

import time

import trafilatura

from bench.timing import report
from crawler.extract import extract
from tests.golden import pages

CHROME = (
    "<style>" + ".menu li{float:left;padding:4px}" * 400 + "</style>"
    + "<script>var config=" + '{"ads":[' + ",".join(f'{{"id":{i},"zone":"top"}}' for i in range(1500)) + "]};</script>"
    + "<nav class='menu'><ul>" + "".join(f"<li><a href='/chuyen-muc-{i}'>Chuyên mục {i}</a></li>" for i in range(300)) + "</ul></nav>"
    + "<div class='box-news'>" + "".join(
        f"<div class='item'><a href='/tin-{i}-1234{i}.html'><img src='/i/{i}.jpg'>Tin tức số {i} về hoạt động của địa phương "
        f"trong tuần qua</a><p>Tóm tắt ngắn của tin số {i}, đăng trên trang chủ.</p></div>" for i in range(400)) + "</div>"
)


def inflate(html: bytes) -> bytes:
    return html.replace(b"</body>", CHROME.encode() + b"</body>", 1)


def _ms_per_page(function, items: list, repeat: int) -> float:
    started = time.perf_counter()
    for _ in range(repeat):
        for item in items:
            function(*item)
    return (time.perf_counter() - started) * 1000 / (repeat * len(items))


def run() -> None:
    articles = [(p.path.read_bytes(), p.url) for p in pages() if "article" in p.read()]
    inflated = [(inflate(html), url) for html, url in articles]
    ours = lambda html, url: extract(html, url)  # noqa: E731
    theirs = lambda html, url: trafilatura.extract(html, url=url)  # noqa: E731
    ours(*articles[0]), theirs(*articles[0])  # imports and caches warmed for both
    rows = []
    for label, items, repeat in (("sample pages as written", articles, 5), ("inflated to real-page size", inflated, 2)):
        size = sum(len(h) for h, _ in items) / len(items) / 1024
        a, b = _ms_per_page(ours, items, repeat), _ms_per_page(theirs, items, repeat)
        rows.append({"pages": f"{label} ({len(items)} pages, {size:.0f} KB avg)", "vnnews_ms": a,
                     "trafilatura_ms": b, "ratio": a / b})
    report("extraction", rows, [("pages", "pages", ""), ("vnnews_ms", "vnnews ms/page", ".1f"),
                                ("trafilatura_ms", "trafilatura ms/page", ".1f"), ("ratio", "ratio", ".2f")])
    print("\ngoal: at most 1.3x trafilatura's time")
