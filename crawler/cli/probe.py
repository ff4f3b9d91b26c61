"""`vnnews probe`: check the registry's facts against what the papers' sites answer today (read-only)."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from datetime import date
from pathlib import Path

from crawler.cli import UserError, site_names
from crawler.cli.crawl import checked_contact, plural

HELP = ("check each paper's registry facts against its sites: domains, robots.txt, feeds, listings and pagination, "
        "eras, template and extraction of two articles (archives nothing; exit 1 when a fact is broken)")


def add_arguments(p: argparse.ArgumentParser) -> None:
    from crawler.probe.reading import MIN_WORDS

    p.add_argument("--site", action="append", metavar="NAME", help="a paper from `vnnews sites` (repeatable; default: all)")
    p.add_argument("--report", type=Path, metavar="PATH",
                   help="where to write the JSON report (default: data/probe-<today>.json)")
    p.add_argument("--min-words", type=_words, default=MIN_WORDS, metavar="N",
                   help=f"an article's body must have this many words at least (default: {MIN_WORDS})")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--offline", action="store_true", help="probe the built-in sample sites on 127.0.0.1")
    where.add_argument("--mirror", metavar="URL", help="probe a running mirror (`vnnews mirror`) instead of the web")
    p.add_argument("--contact", metavar="URL_OR_EMAIL", help="how the papers can reach you, sent in the User-Agent "
                   "(default: $VNNEWS_CONTACT, or contact= in vnnews.ini); required to probe the real sites")
    p.add_argument("-v", "--verbose", action="store_true", help="Scrapy's own log at INFO level")


def _words(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"not a number of words: {text!r}")
    return int(text)


def run(args: argparse.Namespace) -> int:
    from crawler.contact import user_agent
    from crawler.mirror.server import MirrorProcess
    from crawler.probe.facts import check
    from crawler.probe.report import report, table, write_report
    from crawler.probe.run import observe
    from crawler.sites import SITES

    names = site_names(args.site) or list(SITES)
    contact = checked_contact(args)
    path = _report_path(args.report)
    with MirrorProcess() if args.offline else contextlib.nullcontext() as offline:
        mirror = offline.url if offline else args.mirror
        seen = observe(names, mirror=mirror, contact=contact, verbose=args.verbose)
    results = {SITES[name]: check(SITES[name], seen[name], min_words=args.min_words) for name in names}
    print(table(results))
    data = report(results, where=f"mirror {mirror}" if mirror else "web", user_agent=user_agent(contact),
                  min_words=args.min_words)
    write_report(path, data)
    broken = sorted({entry["paper"] for entry in data["broken"]})
    summary = f"broken facts in {', '.join(broken)}" if broken else "no broken fact"
    print(f"\nvnnews: {plural(len(names), 'paper')} probed, {summary}; report: {path}", file=sys.stderr)
    if mirror:  # a verdict over our own sample pages says the record and the samples agree, nothing about the sites
        print("vnnews: probed the mirror, not the live sites: 'now verified' holds for the sample pages only",
              file=sys.stderr)
    return 1 if broken else 0


def _report_path(given: Path | None) -> Path:
    """Where the report goes, checked before anything is fetched."""
    path = given or Path("data") / f"probe-{date.today().isoformat()}.json"
    if path.is_dir():
        raise UserError(f"--report {path} is a directory; give a file name")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot write the report to {path}: {exc.strerror}") from None
    if not os.access(path if path.exists() else path.parent, os.W_OK):
        raise UserError(f"cannot write the report to {path}: permission denied")
    return path
