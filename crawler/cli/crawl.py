"""`vnnews crawl`: crawl papers into the archive (incremental: only what is new), then print a summary."""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import uuid
from pathlib import Path
from typing import Any, Iterator

from crawler.cli import DEFAULT_DB, UserError, add_db_argument, date_argument, site_names

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
    p.add_argument("--redis", metavar="URL", help="be a worker of a shared crawl: redis://HOST:PORT/DB (frontier, "
                   "records and crawl state in Redis; `vnnews archive-writer` writes the archive, --db is not used)")
    p.add_argument("-v", "--verbose", action="store_true", help="Scrapy's own log at INFO level")


def run(args: argparse.Namespace) -> int:
    from archive.lock import ArchiveBusy, crawl_lock
    from crawler.sites import SITES

    if args.until and not args.backfill:
        raise UserError("--until goes with --backfill (use --since to bound an ordinary crawl)")
    names = site_names(args.site) or list(SITES)
    options = {"max_pages": args.max_pages, "since": args.since, "until": args.until,
               "backfill": args.backfill, "recheck_days": args.recheck_days, "verbose": args.verbose}
    if args.redis:
        server = redis_server(args.redis)
        with pages_from(args) as mirror:
            invocation = crawl(names, redis=args.redis, mirror=mirror, **options)
        from crawler.distributed.report import worker_summary

        print(worker_summary(server, invocation))
        return 0
    try:
        with crawl_lock(args.db, wait=args.wait), pages_from(args) as mirror:
            invocation = crawl(names, db=args.db, mirror=mirror, **options)
    except ArchiveBusy as exc:
        raise UserError(f"{exc}; not starting a second one (use --wait SECONDS to wait for it)", EX_TEMPFAIL) from None
    print_summary(args.db, invocation)
    return 0


@contextlib.contextmanager
def pages_from(args: argparse.Namespace) -> Iterator[str | None]:
    """Where the pages come from: the built-in sample sites served for the run (--offline), a running mirror
    (--mirror URL), or the web (None)."""
    if not args.offline:
        yield args.mirror
        return
    from crawler.mirror.server import MirrorServer

    with MirrorServer() as mirror:
        print(f"offline mirror of the sample sites on {mirror.url}/", file=sys.stderr)
        yield mirror.url


def redis_server(url: str) -> Any:
    """The Redis of a shared crawl, checked: reachable, and seeded by an archive writer."""
    from crawler.distributed import SEEDED, RedisUnavailable, connect
    from crawler.redis_state import not_seeded_message

    try:
        server = connect(url)
    except RedisUnavailable as exc:
        raise UserError(str(exc), 1) from None
    if not server.exists(SEEDED):
        raise UserError(not_seeded_message(url), 1)
    return server


def crawl(names: list[str], *, db: str = DEFAULT_DB, mirror: str | None = None, redis: str | None = None,
          verbose: bool = False, progress: bool = True, **spider_options: object) -> str:
    """Run the spiders of these papers in one process, into ``db`` (the caller holds the archive's lock,
    archive.lock.crawl_lock), or as a worker of the shared crawl in ``redis``. Returns the invocation id of the
    runs."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    if redis is None:
        prepare_archive(db)
    invocation = uuid.uuid4().hex[:12]
    settings = get_project_settings()
    settings.set("VNNEWS_DB", db)
    settings.set("VNNEWS_INVOCATION", invocation)
    settings.set("VNNEWS_PROGRESS", progress)
    settings.set("LOG_LEVEL", "INFO" if verbose else "WARNING")
    if mirror:
        settings.set("VNNEWS_MIRROR", mirror)
    if redis:
        settings.set("VNNEWS_REDIS", redis)
    process = CrawlerProcess(settings)
    for name in names:
        process.crawl(name, **{k: v for k, v in spider_options.items() if v not in (None, False)})
    process.start()
    return invocation


def prepare_archive(db: str) -> None:
    """Runs a crawl killed earlier left open are interrupted; the registry goes into the sites table."""
    from archive.store import Archive
    from crawler.sites import SITES

    with Archive(db) as archive:
        interrupted = archive.mark_interrupted_runs()
        archive.sync_sites(site.row() for site in SITES.values())
    if interrupted:
        print(f"{interrupted} earlier run(s) never finished (killed?): this run catches up", file=sys.stderr)


def print_summary(db: str, invocation: str) -> None:
    from archive.store import Archive

    with Archive(db, readonly=True) as archive:
        runs = list(archive.db.query(
            "SELECT id, site, requests, pages, new, updated, unchanged, failed, skipped, status FROM crawl_runs "
            "WHERE invocation = ? ORDER BY site", [invocation]))
        header = (f"{'paper':<15}{'requests':>9}{'pages':>7}{'new':>6}{'updated':>9}{'unchanged':>11}{'failed':>8}"
                  f"{'skipped':>9}  total stored")
        print("\n" + header + "\n" + "-" * len(header))
        for run in runs:
            stored = archive.db.execute("SELECT count(*) FROM articles WHERE site = ?", [run["site"]]).fetchone()[0]
            print(f"{run['site']:<15}{run['requests'] or 0:>9}{run['pages'] or 0:>7}{run['new'] or 0:>6}"
                  f"{run['updated'] or 0:>9}{run['unchanged'] or 0:>11}{run['failed'] or 0:>8}{run['skipped'] or 0:>9}"
                  f"  {stored:>12}")
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
