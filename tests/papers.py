"""What each paper's folder says a crawl of its sample pages must give (``crawl.json``), read per paper.

    {"articles": [canonical URL, …],                    every article the crawl archives
     "failures": [{"url", "stage", "reason"}, …]}       every URL it records as failed (reason: how it starts)

The records themselves are the folder's expected records (tests.golden): the one whose article has that URL.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from crawler.sites import SITES, Site
from tests.golden import pages


def crawl_expectations(site: Site) -> dict:
    return json.loads((site.folder / "crawl.json").read_text("utf-8"))


@cache
def expected_articles(name: str) -> dict[str, dict]:
    """Canonical URL -> the expected record, over the expected records of this paper's folder."""
    found = {}
    for page in pages(SITES[name].folder):
        record = page.read()
        if "article" in record:
            found.setdefault(record["article"]["url"], record["article"])
    return found


def papers() -> list[str]:
    return list(SITES)


def expected_total() -> int:
    """How many articles a crawl of every paper's sample pages archives."""
    return sum(len(crawl_expectations(site)["articles"]) for site in SITES.values())


# the article id at the end of a URL: the last run of digits ("-a169010.html": the "a" is not part of it), else of hex
_LAST_NUMBER = re.compile(r"(\d{5,})(?=\D*$)")
_LAST_HEX = re.compile(r"([0-9a-f]{5,})(?=[^0-9a-f]*$)")


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


def plant_new_article(root: Path, site: Site) -> str:
    """In a copy of the sample pages (``root``: one folder per domain, crawler.mirror.copy_pages), publish a new
    article of this paper: a copy of one of its archived articles on its main domain, under a new URL of the same
    shape (its id changed), linked from its first listing page and its first feed. Returns the new URL."""
    from crawler.mirror.server import resolve

    template = next(p for p in pages(site.folder) if _host(p.read().get("article", {}).get("url", ""))
                    == site.domains[0] and p.read()["article"]["url"] in crawl_expectations(site)["articles"])
    old_url = template.read()["article"]["url"]
    match = _LAST_NUMBER.search(old_url) or _LAST_HEX.search(old_url)
    new_id = "".join("9" if c.isdigit() else "f" for c in match.group(1))
    new_url = old_url[:match.start()] + new_id + old_url[match.end():]
    assert site.era_for(new_url) and new_url != old_url, new_url
    html = template.path.read_text("utf-8").replace(old_url, new_url)
    html = html.replace("<p>", "<p>Bài mới: hội nghị học tập, quán triệt nghị quyết đại hội Đảng bộ các cấp. ", 1)
    target = root / template.path.relative_to(site.pages).parent / template.path.name.replace(match.group(1), new_id)
    if target == root / template.path.relative_to(site.pages):  # an index.html under the URL's own folder
        target = root / site.domains[0] / urlsplit(new_url).path.strip("/") / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, "utf-8")
    for url, link in ((site.listings[0].url, f'<a href="{new_url}">Bài mới</a>'),
                      *((feed, f"<item><title>Bài mới</title><link>{new_url}</link></item>") for feed in site.feeds[:1])):
        parts = urlsplit(url)
        file = resolve(root, parts.hostname.removeprefix("www."), parts.path, parts.query)
        marker = "<item>" if link.startswith("<item>") else "</body>"
        file.write_text(file.read_text("utf-8").replace(marker, link + "\n" + marker, 1), "utf-8")
    return new_url
