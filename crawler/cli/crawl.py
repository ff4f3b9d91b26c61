"""`vnnews crawl`: crawl papers into the archive (incremental: only what is new), then print a summary."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from crawler.cli import DEFAULT_DB, UserError, add_db_argument, date_argument, site_names

if TYPE_CHECKING:
    from crawler.mirror.server import MirrorServer

HELP = "crawl papers into the archive (incremental: only what is new)"
EX_TEMPFAIL = 75  # sysexits.h: try again later (another crawl holds the archive)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site", action="append", metavar="NAME", help="a paper from `vnnews sites` (repeatable; default: all)")
    add_db_argument(p)
    p.add_argument("--max-pages", type=int, help="listing pages to follow per section at most")
    p.add_argument("--since", type=date_argument, metavar="YYYY-MM-DD", help="follow listings back to this date")
    p.add_argument("--backfill", action="store_true", help="follow listings past archived articles (with --until)")
    p.add_argument("--until", type=date_argument, metavar="YYYY-MM-DD", help="with --backfill: how far back to go")
    p.add_argument("--recheck-days", type=float, metavar="N", help="re-fetch articles published in the last N days "
                   "for edits (default: VNNEWS_RECHECK_DAYS, 2)")
    p.add_argument("--wait", type=float, default=0, metavar="SECONDS",
                   help="when another crawl holds the archive, wait this long for it instead of exiting")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--offline", action="store_true", help="crawl the built-in sample sites on 127.0.0.1")
    where.add_argument("--mirror", metavar="URL", help="crawl a running mirror (`vnnews mirror`) instead of the web")
    p.add_argument("-v", "--verbose", action="store_true", help="Scrapy's own log at INFO level")


def run(args: argparse.Namespace) -> int:
    from crawler.sites import SITES

    if args.until and not args.backfill:
        raise UserError("--until goes with --backfill (use --since to bound an ordinary crawl)")
    names = site_names(args.site) or list(SITES)
    options = {"max_pages": args.max_pages, "since": args.since, "until": args.until,
               "backfill": args.backfill, "recheck_days": args.recheck_days}
    invocation = crawl_as_asked(args, names, wait=args.wait, **options)
    print_summary(args.db, invocation)
    return 0


def crawl_as_asked(args: argparse.Namespace, names: list[str], *, wait: float = 0,
                   offline: Callable[[], MirrorServer] | None = None, **options: object) -> str:
    """Hold the archive's lock and crawl where the arguments say: the offline mirror (--offline; ``offline`` makes
    it, by default the sample sites), a running mirror (--mirror) or the web. Returns the invocation id."""
    from archive.lock import ArchiveBusy, crawl_lock
    from crawler.mirror.server import MirrorServer

    try:
        with crawl_lock(args.db, wait=wait):
            if not args.offline:
                return crawl(names, db=args.db, mirror=args.mirror, verbose=args.verbose, **options)
            with (offline or MirrorServer)() as mirror:
                print(f"offline mirror on {mirror.url}/", file=sys.stderr)
                return crawl(names, db=args.db, mirror=mirror.url, verbose=args.verbose, **options)
    except ArchiveBusy as exc:
        hint = "use --wait SECONDS to wait for it" if hasattr(args, "wait") else "try again when it is done"
        raise UserError(f"{exc}; not starting a second one ({hint})", EX_TEMPFAIL) from None


def crawl(names: list[str], *, db: str = DEFAULT_DB, mirror: str | None = None, verbose: bool = False,
          progress: bool = True, spider: str | None = None, **spider_options: object) -> str:
    """Run the spiders of these papers in one process, into ``db``. Returns the invocation id of the runs.
    ``spider``: one spider run for each paper (``site=NAME``; the Wayback back-fill), instead of each paper's own.
    The caller holds the archive's lock (archive.lock.crawl_lock)."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    from archive.store import Archive
    from crawler.sites import SITES

    with Archive(db) as archive:
        interrupted = archive.mark_interrupted_runs()
        archive.sync_sites(site.row() for site in SITES.values())
    if interrupted:
        print(f"{interrupted} earlier run(s) never finished (killed?): this run catches up", file=sys.stderr)
    invocation = uuid.uuid4().hex[:12]
    settings = get_project_settings()
    settings.set("VNNEWS_DB", db)
    settings.set("VNNEWS_INVOCATION", invocation)
    settings.set("VNNEWS_PROGRESS", progress)
    settings.set("LOG_LEVEL", "INFO" if verbose else "WARNING")
    if mirror:
        settings.set("VNNEWS_MIRROR", mirror)
    process = CrawlerProcess(settings)
    if not verbose:
        _one_line_errors()
    options = {k: v for k, v in spider_options.items() if v not in (None, False)}
    for name in names:
        if spider:
            process.crawl(spider, site=name, **options)
        else:
            process.crawl(name, **options)
    process.start()
    return invocation


def _one_line_errors() -> None:
    """A robots.txt that cannot be fetched (no internet) is logged by Scrapy with a traceback: one line is enough,
    the failure rows and the summary say the rest."""
    import logging

    def strip(record: logging.LogRecord) -> bool:
        record.exc_info, record.exc_text = None, None
        return True

    logging.getLogger("scrapy.downloadermiddlewares.robotstxt").addFilter(strip)


CRAWL_COUNTS = ("requests", "pages", "new", "updated", "unchanged", "failed", "skipped")
_WIDTHS = {"requests": 9, "pages": 7, "new": 6, "updated": 9, "unchanged": 11, "failed": 8, "skipped": 9}


def print_summary(db: str, invocation: str, counts: tuple[str, ...] = CRAWL_COUNTS) -> None:
    """A line per run of this invocation with these counts of it (crawl_runs columns), the total stored per paper,
    then the failures of the runs. Imports add the file each run read."""
    from archive.store import Archive

    with Archive(db, readonly=True) as archive:
        runs = list(archive.db.query(
            f"SELECT site, archive_file, {', '.join(counts)} FROM crawl_runs WHERE invocation = ? ORDER BY site, id",
            [invocation]))
        files = any(run["archive_file"] for run in runs)
        header = f"{'paper':<15}" + "".join(f"{c:>{_WIDTHS[c]}}" for c in counts) + "  total stored"
        header += "  file" if files else ""
        if runs:  # an import of records all imported before starts none
            print("\n" + header + "\n" + "-" * len(header))
        for run in runs:
            stored = archive.db.execute("SELECT count(*) FROM articles WHERE site = ?", [run["site"]]).fetchone()[0]
            print(f"{run['site']:<15}" + "".join(f"{run[c] or 0:>{_WIDTHS[c]}}" for c in counts) + f"  {stored:>12}"
                  + (f"  {run['archive_file']}" if files else ""))
        failures = list(archive.db.query(
            "SELECT f.site, f.stage, f.reason, f.url FROM failures f JOIN crawl_runs r ON r.id = f.run_id "
            "WHERE r.invocation = ? ORDER BY f.site, f.url", [invocation]))
        if failures:
            print(f"\nfailures of this run ({len(failures)}):")
            for f in failures:
                print(f"  {f['site']:<15}{f['stage']:<13}{f['reason'][:48]:<50}{f['url']}")
        total = archive.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    print(f"\n{total} articles in {db}. Browse them: {_self_command()} serve --db {db}")


def _self_command() -> str:
    """How the user can call this command again: `vnnews` when it is on PATH, else its path (.venv/bin/vnnews)."""
    here = Path(sys.argv[0])
    if here.name == "vnnews" and shutil.which("vnnews") != str(here.resolve()):
        return os.path.relpath(here)
    return "vnnews"
