"""`vnnews extract`: the article of one saved page, as JSON, through the crawl's own extractor."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from crawler.cli import UserError

HELP = "print the article of a saved page as JSON"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("page", type=Path, help="a saved HTML file")
    p.add_argument("--url", required=True, help="the URL the page was fetched from (chooses the paper and template)")
    p.add_argument("--site", help="the paper, when the URL's domain is not in the registry")


def run(args: argparse.Namespace) -> int:
    from crawler.extract import NoArticle, extract
    from crawler.sites import get_site

    if not args.page.is_file():
        raise UserError(f"no such file: {args.page}", 1)
    site = get_site(args.site) if args.site else None
    try:
        article = extract(args.page.read_bytes(), args.url, site)
    except NoArticle as exc:
        print(json.dumps({"url": args.url, "error": f"no article: {exc}"}, ensure_ascii=False))
        return 1
    print(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
    return 0
