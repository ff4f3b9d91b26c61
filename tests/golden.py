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
from pathlib import Path

from crawler.extract import NoArticle, extract
from crawler.sites import SITES

GENERIC = Path(__file__).parent / "generic"
# derived fields: computed from the record (content_hash; party_building, by archive.topics) or naming the
# extractor; tested where they are made, not page by page
UNCOMPARED = ("content_hash", "extractor_version", "party_building")


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


def page_url(root: Path, path: Path) -> str:
    """.../pages/baoquangtri.vn/chinh-tri/index@page=2.html -> https://baoquangtri.vn/chinh-tri/?page=2
    (the inverse of the mirror server's file resolution)"""
    domain, *dirs, name = path.relative_to(root).parts
    stem, at, query = name.partition("@")
    if at:
        query = query.removesuffix(".html")
        name = "" if stem == "index" else stem
    elif name == "index.html":
        name = ""
    return f"https://{domain}/" + "/".join([*dirs, name]) + (f"?{query}" if query else "")


def pages(folder: Path | None = None) -> list[GoldenPage]:
    """Every HTML page a paper would serve as text/html, in one folder or in all of them."""
    found = []
    for base in [folder] if folder else folders():
        root = base / "pages"
        for domain in sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else ():
            rules = json.loads((domain / "_mirror.json").read_text("utf-8")) if (domain / "_mirror.json").exists() else {}
            for path in sorted(domain.rglob("*.htm*")):
                url = page_url(root, path)
                key = url.split(domain.name, 1)[1]
                if key not in rules.get("content_type", {}) and key not in rules.get("status", {}):
                    expected = base / "expected" / path.relative_to(root).with_name(path.name + ".json")
                    found.append(GoldenPage(path, url, expected))
    return found


def record(path: Path, url: str) -> dict:
    try:
        article = extract(path.read_bytes(), url).to_dict()
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
