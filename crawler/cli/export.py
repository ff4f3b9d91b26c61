"""`vnnews export`: the articles as JSONL, CSV or Parquet, or the raw pages as WARC."""

from __future__ import annotations

import argparse
import sys

from crawler.cli import UserError, add_db_argument, date_argument, site_names

HELP = "write the articles as JSONL, CSV or Parquet, or the raw pages as WARC"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", required=True, choices=["jsonl", "csv", "parquet", "warc"])
    add_db_argument(p)
    p.add_argument("-o", "--output", metavar="PATH", help="file to write (default: standard output; "
                   "required for parquet)")
    p.add_argument("--site", action="append", metavar="NAME", help="only these papers (repeatable)")
    p.add_argument("--since", type=date_argument, metavar="YYYY-MM-DD", help="published on or after this day")
    p.add_argument("--until", type=date_argument, metavar="YYYY-MM-DD", help="published on or before this day")
    p.add_argument("--search", metavar="WORDS", help="only articles matching this full-text search")
    p.add_argument("--excel", action="store_true", help="CSV that Excel opens as UTF-8 (a byte-order mark first)")


def run(args: argparse.Namespace) -> int:
    from archive.export import ExportError, Filters, export
    from crawler.settings import USER_AGENT

    if args.format == "parquet" and not args.output:
        raise UserError("--format parquet needs --output FILE")
    if args.excel and args.format != "csv":
        raise UserError("--excel goes with --format csv")
    filters = Filters(sites=site_names(args.site), since=args.since, until=args.until, search=args.search)
    try:
        count = export(args.db, args.format, filters, args.output, user_agent=USER_AGENT, excel=args.excel)
    except ExportError as exc:
        raise UserError(str(exc)) from None
    what = ("page" if args.format == "warc" else "article") + ("" if count == 1 else "s")
    print(f"vnnews: exported {count:,} {what}" + (f" to {args.output}" if args.output else ""), file=sys.stderr)
    return 0
