"""Golden pages: every HTML page of every paper's folder (and of tests/generic, pages of templates and papers the
registry does not know), with the record extraction must give, beside it in the folder's ``expected/``:

    crawler/sites/<paper>/pages/<domain>/<path>      ->  crawler/sites/<paper>/expected/<domain>/<path>.json

    python -m tests.golden --update     # rewrite every expected record from the current extractor

Rewriting is for a deliberate change of the expected output: read the diff of every file before committing it.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from crawler.extract import NoArticle, extract
from crawler.mirror import page_url
from crawler.sites import SITES

GENERIC = Path(__file__).parent / "generic"
# derived fields: computed from the record (content_hash; party_building, by archive.topics) or naming the
# extractor, tested where they are made, not page by page; captured_at: an import sets it, the page alone never does
UNCOMPARED = ("content_hash", "extractor_version", "party_building", "captured_at")


@dataclass(frozen=True)
class GoldenPage:
    path: Path  # the HTML file
    url: str  # the URL it is served under
    expected: Path  # its expected record

    def read(self) -> dict:
        return json.loads(self.expected.read_text("utf-8"))


def folders() -> list[Path]:
    """Every folder with pages/ and expected/: each paper's, then tests/generic."""
    return [site.folder for site in SITES.values() if site.folder] + [GENERIC]


def served_url(root: Path, path: Path) -> str:
    """page_url, unless the file is an article page the mirror serves under another URL of its paper's article
    shape: an extensionless, ``.aspx`` or ``.bbg`` URL stored with ``.html`` (``…/slug.html``, ``x.bbg.html``), or an
    extension after the query (``viewer@mabb=1&macm=6.aspx.html`` for ``/viewer.aspx?mabb=1&macm=6``)."""
    from crawler.mirror.server import resolve
    from crawler.sites import site_for_url

    url = page_url(root, path)
    site = site_for_url(url)
    if site is None or site.era_for(url) or not path.name.endswith(".html"):
        return url
    domain, *dirs, name = path.relative_to(root).parts
    stem, at, query = name.removesuffix(".html").partition("@")
    if at and "." in query:  # the mirror keeps a path's extension after the query: stem@query.ext
        query, ext = query.rsplit(".", 1)
        stem += "." + ext
    candidate = f"https://{domain}/" + "/".join([*dirs, stem]) + (f"?{query}" if query else "")
    served = resolve(root, domain, "/" + "/".join([*dirs, stem]), query) == path.resolve()
    return candidate if served and site.era_for(candidate) else url


def pages(folder: Path | None = None) -> list[GoldenPage]:
    """Every HTML page a paper would serve as text/html, in one folder or in all of them."""
    found = []
    for base in [folder] if folder else folders():
        root = base / "pages"
        for domain in sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else ():
            rules = json.loads((domain / "_mirror.json").read_text("utf-8")) if (domain / "_mirror.json").exists() else {}
            for path in sorted(domain.rglob("*.htm*")):
                url = served_url(root, path)
                key = url.split(domain.name, 1)[1]
                if key not in rules.get("content_type", {}) and key not in rules.get("status", {}):
                    expected = base / "expected" / path.relative_to(root).with_name(path.name + ".json")
                    found.append(GoldenPage(path, url, expected))
    return found


@cache
def redirected_from() -> dict[str, str]:
    """Where the sample sites redirect (``_mirror.json``) -> the URL that redirects there: a page a crawl reaches
    that way keeps that URL (its former domain may tell the province before the merger), and so does its record."""
    found: dict[str, str] = {}
    for base in folders():
        for rules in sorted((base / "pages").glob("*/_mirror.json")):
            for path, target in json.loads(rules.read_text("utf-8")).get("redirect", {}).items():
                found.setdefault(target, f"https://{rules.parent.name}{path}")
    return found


def record(path: Path, url: str) -> dict:
    try:
        article = extract(path.read_bytes(), url, requested_url=redirected_from().get(url)).to_dict()
    except NoArticle as exc:
        return {"url": url, "no_article": str(exc)}
    for name in UNCOMPARED:
        article.pop(name)
    return {"url": url, "article": article}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true", help="rewrite every expected record")
    args = parser.parse_args()
    for page in pages():
        if args.update or not page.expected.exists():
            page.expected.parent.mkdir(parents=True, exist_ok=True)
            page.expected.write_text(json.dumps(record(page.path, page.url), ensure_ascii=False, indent=2) + "\n",
                                     "utf-8")
            print("wrote", page.expected)


if __name__ == "__main__":
    main()
