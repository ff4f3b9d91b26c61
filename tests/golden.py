"""Golden pages: every HTML page of the mirror and of tests/pages, with the record extraction must give.

    python -m tests.golden --update     # rewrite tests/golden/*.json from the current extractor

Rewriting is for a deliberate change of the expected output: read the diff of every file before committing it.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from crawler.extract import NoArticle, extract
from crawler.mirror import PAGES as MIRROR_PAGES

TEST_PAGES = Path(__file__).parent / "pages"
GOLDEN = Path(__file__).parent / "golden"
ROOTS = (MIRROR_PAGES, TEST_PAGES)
# derived fields: they change with the extractor's version, not with what the page says
UNCOMPARED = ("content_hash", "extractor_version")


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


def pages() -> list[tuple[Path, str]]:
    """(file, URL) of every HTML page that a paper would serve as text/html."""
    found = []
    for root in ROOTS:
        for domain in sorted(p for p in root.iterdir() if p.is_dir()):
            rules = json.loads((domain / "_mirror.json").read_text("utf-8")) if (domain / "_mirror.json").exists() else {}
            for path in sorted(domain.rglob("*.htm*")):
                url = page_url(root, path)
                key = url.split(domain.name, 1)[1]
                if key not in rules.get("content_type", {}) and key not in rules.get("status", {}):
                    found.append((path, url))
    return found


def golden_path(url: str) -> Path:
    slug = url.removeprefix("https://").rstrip("/").replace("/", "__").replace("?", "@")
    return GOLDEN / f"{slug}.json"


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
    parser.add_argument("--update", action="store_true", help="rewrite every golden file")
    args = parser.parse_args()
    GOLDEN.mkdir(exist_ok=True)
    for path, url in pages():
        target = golden_path(url)
        if args.update or not target.exists():
            target.write_text(json.dumps(record(path, url), ensure_ascii=False, indent=2) + "\n", "utf-8")
            print("wrote", target.relative_to(GOLDEN.parent.parent))


if __name__ == "__main__":
    main()
