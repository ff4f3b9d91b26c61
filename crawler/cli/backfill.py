"""`vnnews backfill --wayback`: a paper's articles from its Wayback Machine captures (for a machine with internet)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from crawler.cli import UserError, add_db_argument, site_names
from crawler.cli.crawl import checked_contact, crawl_as_asked, print_summary

if TYPE_CHECKING:
    from crawler.mirror.server import MirrorServer

HELP = "back-fill a paper from its Wayback Machine captures (all its domains; incremental like a crawl)"


def year(text: str) -> str:
    if not (len(text) == 4 and text.isdigit()):
        raise argparse.ArgumentTypeError(f"not a year (YYYY): {text!r}")
    return text


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--wayback", action="store_true", required=True,
                   help="from the Wayback Machine (the one source there is for now)")
    p.add_argument("--site", action="append", required=True, metavar="NAME", help="a paper (repeatable)")
    p.add_argument("--from", dest="start", type=year, metavar="YYYY", help="captures from this year on")
    p.add_argument("--to", dest="end", type=year, metavar="YYYY", help="captures up to this year")
    add_db_argument(p)
    where = p.add_mutually_exclusive_group()
    where.add_argument("--offline", action="store_true",
                       help="a fake Wayback on 127.0.0.1 holding the sample pages of the papers' former domains")
    where.add_argument("--mirror", metavar="URL", help="a running mirror (`vnnews mirror`) instead of the web")
    p.add_argument("-v", "--verbose", action="store_true", help="Scrapy's own log at INFO level")


def run(args: argparse.Namespace) -> int:
    names = site_names(args.site)
    if args.start and args.end and args.start > args.end:
        raise UserError(f"--from {args.start} is after --to {args.end}")
    invocation = crawl_as_asked(args, names, offline=lambda: offline_wayback(names), spider="wayback",
                                contact=checked_contact(args), start=args.start, end=args.end)
    print_summary(args.db, invocation)
    unreachable = cdx_failure(args.db, invocation)
    if unreachable:
        raise UserError(f"the Wayback Machine's CDX API did not answer: {unreachable}", 1)
    return 0


def offline_wayback(names: list[str]) -> MirrorServer:
    """The sample sites with a fake Wayback holding the sample pages of these papers' former domains, each captured
    on the last day of its era (what the real one would hold of a vanished domain)."""
    from crawler.mirror.server import MirrorServer
    from crawler.mirror.wayback import FakeWayback
    from crawler.sites import SITES

    captures = []
    for site in (SITES[n] for n in names):
        for domain in site.all_domains if site.absorbed else site.former_domains:  # what has vanished
            folder = site.pages / domain if site.pages else None
            if folder and folder.is_dir():
                until = max((e.until or "2024" for e in site.eras if e.domain == domain), default="2024")
                month = until.replace("-", "") if "-" in until else until + "12"
                captures.append((f"{month}28120000", folder))
    return MirrorServer(wayback=FakeWayback(captures))


def cdx_failure(db: str, invocation: str) -> str | None:
    """Why the CDX listing failed, when no listing page of this back-fill was read (no internet, a block)."""
    from archive.store import Archive

    with Archive(db, readonly=True) as archive:
        read = archive.db.execute("SELECT coalesce(sum(listing_pages), 0) FROM crawl_runs WHERE invocation = ?",
                                  [invocation]).fetchone()[0]
        failure = archive.db.execute(
            "SELECT f.reason FROM failures f JOIN crawl_runs r ON r.id = f.run_id WHERE r.invocation = ? "
            "AND f.url LIKE '%/cdx/search/cdx%' ORDER BY f.id LIMIT 1", [invocation]).fetchone()
    return failure[0] if failure and not read else None
