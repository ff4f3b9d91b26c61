"""`vnnews re-extract`: the stored pages through the current extractor, no network."""

from __future__ import annotations

import argparse
import sys

from crawler.cli import UserError, add_db_argument, site_names

HELP = "re-run extraction over the stored pages (no network)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_db_argument(p)
    p.add_argument("--site", action="append", metavar="NAME", help="only these papers (repeatable)")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from crawler.extract import EXTRACTOR_VERSION
    from crawler.reextract import print_progress, re_extract

    if not Path(args.db).exists():
        raise UserError(f"no archive at {args.db}", 1)
    sites = site_names(args.site)
    print(f"re-extracting the pages stored in {args.db} with extractor {EXTRACTOR_VERSION}", file=sys.stderr)
    counts = re_extract(args.db, sites, progress=print_progress)
    print_progress(counts)
    return 0
