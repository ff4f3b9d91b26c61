"""What each paper's folder says a crawl of its sample pages must give (``crawl.json``), read per paper.

    {"articles": [canonical URL, …],                    every article of this paper the crawl archives
     "failures": [{"url", "stage", "reason"}, …],       every URL it records as failed (reason: how it starts)
     "moved": [{"url", "to"}, …]}                        an absorbed paper's old URLs that redirect into its successor:
                                                         its crawl archives them as the successor's articles

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


def archived_by_run(site: Site) -> int:
    """How many articles a crawl of this paper stores: its own, less those that only the old URLs of a paper it
    absorbed lead to (that paper's crawl follows the redirect), plus those its own old URLs lead to in its successor."""
    moved_in = sum(len(crawl_expectations(other).get("moved", [])) for other in SITES.values()
                   if other.successor == site.name)
    expected = crawl_expectations(site)
    return len(expected["articles"]) - moved_in + len(expected.get("moved", []))


def shared_articles(site: Site) -> tuple[int, int]:
    """(moved in, moved out): articles this paper's crawl and another's both reach in one crawl. An absorbed paper's
    old URL redirects to an article its successor also lists; the two runs go side by side, so either stores it
    first (as new) and the other finds it unchanged. What their runs store between them is exact (merger_group)."""
    moved_in = sum(len(crawl_expectations(other).get("moved", [])) for other in SITES.values()
                   if other.successor == site.name)
    return moved_in, len(crawl_expectations(site).get("moved", []))


def merger_group(site: Site) -> list[Site]:
    """The paper of today and the papers it absorbed (or the absorbed paper alone if its successor is not listed)."""
    head = SITES.get(site.successor, site) if site.successor else site
    return [head, *(other for other in SITES.values() if other.successor == head.name and other is not head)]


def expected_total() -> int:
    """How many articles a crawl of every paper's sample pages archives."""
    return sum(len(crawl_expectations(site)["articles"]) for site in SITES.values())


# the last run of 5+ digits or hex letters: the id, wherever it sits (before ".bbg" or ".aspx", in a folder of
# the path, in the query: /tin-tuc/0/102296/<slug>, viewer.aspx?mabb=137431&macm=6)
_LAST_ID = re.compile(r"([0-9a-f]{5,})(?!.*[0-9a-f]{5})")


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
    match = _LAST_ID.search(old_url)
    if match:  # the id: "-a169010", "postid421305": letters before the digits may belong to the URL's shape
        start = match.start()
        while True:
            old_id = old_url[start:match.end()]
            new_url = old_url[:start] + "".join("9" if c.isdigit() else "f" for c in old_id) + old_url[match.end():]
            if site.era_for(new_url) or not old_id[:1].isalpha():
                break
            start += 1
        new_id = new_url[start:match.end()]
    else:  # a URL without an id (/tin-bai/<section>/<slug>): a new slug
        old_id = urlsplit(old_url).path.rstrip("/").rsplit("/", 1)[-1]
        new_id = old_id + "-moi"
        before, _, after = old_url.rpartition(old_id)
        new_url = before + new_id + after
    assert site.era_for(new_url) and new_url != old_url, new_url
    html = template.path.read_text("utf-8").replace(old_url, new_url)
    html = html.replace("<p>", "<p>Bài mới: hội nghị học tập, quán triệt nghị quyết đại hội Đảng bộ các cấp. ", 1)
    before, _, after = str(template.path.relative_to(site.pages)).rpartition(old_id)
    target = root / f"{before}{new_id}{after}"  # the id in the file's name or in one of its folders
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, "utf-8")
    for url, link in ((site.listings[0].url, f'<a href="{new_url}">Bài mới</a>'),
                      *((feed, f"<item><title>Bài mới</title><link>{new_url}</link></item>") for feed in site.feeds[:1])):
        parts = urlsplit(url)
        file = resolve(root, parts.hostname.removeprefix("www."), parts.path, parts.query)
        marker = "<item>" if link.startswith("<item>") else "</body>"
        file.write_text(file.read_text("utf-8").replace(marker, link + "\n" + marker, 1), "utf-8")
    return new_url
