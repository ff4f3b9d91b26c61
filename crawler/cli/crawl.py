"""`vnnews crawl`: crawl papers into the archive (incremental: only what is new), then print a summary."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from crawler.cli import DEFAULT_DB, UserError, add_db_argument, date_argument, site_names
from crawler.contact import PLACEHOLDER_CONTACT, operator_contact
from crawler.logfile import output_to

if TYPE_CHECKING:
    from crawler.mirror.server import MirrorServer

HELP = "crawl papers into the archive (incremental: only what is new)"
EX_TEMPFAIL = 75  # sysexits.h: try again later (another crawl holds the archive)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site", action="append", metavar="NAME", help="a paper from `vnnews sites` (repeatable; default: all)")
    add_db_argument(p)
    p.add_argument("--max-pages", type=positive, metavar="N", help="listing pages to follow per section at most "
                   "(default: what each listing says, 3; with --since or --backfill: as far as the date requires)")
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
    p.add_argument("--log-file", metavar="PATH", help="write everything the crawl prints there instead, rotated by "
                   "size (PATH.1 … PATH.5): for cron and systemd")
    p.add_argument("--log-max-mb", type=float, default=10, metavar="MB", help="rotate the log file past this size "
                   "(default: 10)")
    p.add_argument("--contact", metavar="URL_OR_EMAIL", help="how the papers can reach you, sent in the User-Agent "
                   "(default: $VNNEWS_CONTACT, or contact= in vnnews.ini); required to crawl the real sites")


def positive(text: str) -> int:
    """A whole number above zero, for argparse."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a number of pages (1 or more): {text!r}")
    return int(text)


def run(args: argparse.Namespace) -> int:
    from archive.store import Archive
    from crawler.sites import SITES

    if args.until and not args.backfill:
        raise UserError("--until goes with --backfill (use --since to bound an ordinary crawl)")
    names = site_names(args.site) or list(SITES)
    options = {"max_pages": args.max_pages, "since": args.since, "until": args.until,
               "backfill": args.backfill, "recheck_days": args.recheck_days}
    contact = checked_contact(args)
    if args.redis:
        return _worker(args, names, contact, options)
    Archive(args.db).close()  # a path mistake ends here, in one line, before the lock file exists
    with output_to(args.log_file, int(args.log_max_mb * 1024 * 1024)):
        print(f"vnnews: archive {Path(args.db).resolve()}", file=sys.stderr)
        invocation = crawl_as_asked(args, names, wait=args.wait, contact=contact, **options)
        print_summary(args.db, invocation)
        return check_runs(args.db, invocation, names)


def _worker(args: argparse.Namespace, names: list[str], contact: str, options: dict[str, Any]) -> int:
    """A worker of a shared crawl: no archive here; the writer (`vnnews archive-writer`) stores what it sends."""
    from crawler.distributed.report import worker_summary

    server = redis_server(args.redis)
    with output_to(args.log_file, int(args.log_max_mb * 1024 * 1024)):
        if args.offline:
            from crawler.mirror.server import MirrorProcess

            with MirrorProcess() as mirror:
                invocation = crawl(names, redis=args.redis, mirror=mirror.url, verbose=args.verbose, contact=contact,
                                   **options)
        else:
            invocation = crawl(names, redis=args.redis, mirror=args.mirror, verbose=args.verbose, contact=contact,
                               **options)
        print(worker_summary(server, invocation))
    return 0


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


def checked_contact(args: argparse.Namespace) -> str:
    """The operator's contact for the User-Agent; the placeholder only for the offline mirror."""
    contact = operator_contact(getattr(args, "contact", None))
    if not (args.offline or args.mirror) and contact == PLACEHOLDER_CONTACT:
        raise UserError("set how the papers can reach you before crawling their sites: --contact URL_OR_EMAIL, "
                        "VNNEWS_CONTACT, or contact= in vnnews.ini (it goes in the User-Agent)")
    return contact


def crawl_as_asked(args: argparse.Namespace, names: list[str], *, wait: float = 0,
                   offline: Callable[[], MirrorServer] | None = None, **options: object) -> str:
    """Hold the archive's lock and crawl where the arguments say: the offline mirror (--offline; ``offline`` makes
    it, by default the sample sites in a process of their own), a running mirror (--mirror) or the web. Returns the
    invocation id."""
    from archive.lock import ArchiveBusy, crawl_lock
    from crawler.mirror.server import MirrorProcess

    try:
        with crawl_lock(args.db, wait=wait):
            if not args.offline:
                return crawl(names, db=args.db, mirror=args.mirror, verbose=args.verbose, **options)
            with (offline or MirrorProcess)() as mirror:
                print(f"offline mirror on {mirror.url}/", file=sys.stderr)
                return crawl(names, db=args.db, mirror=mirror.url, verbose=args.verbose, **options)
    except ArchiveBusy as exc:
        hint = "use --wait SECONDS to wait for it" if hasattr(args, "wait") else "try again when it is done"
        raise UserError(f"{exc}; not starting a second one ({hint})", EX_TEMPFAIL) from None


def check_runs(db: str, invocation: str, names: list[str]) -> int:
    """Say which papers could not be reached (once each) or did not finish; 0 only when every paper was crawled
    and at least one answered."""
    from archive.store import Archive

    with Archive(db, readonly=True) as archive:
        runs = {r["site"]: r for r in archive.db.query(
            "SELECT r.site, r.status, r.requests, r.responses, (SELECT f.reason FROM failures f WHERE f.run_id = r.id "
            "AND f.stage = 'fetch' ORDER BY f.id LIMIT 1) AS reason FROM crawl_runs r WHERE r.invocation = ?",
            [invocation])}
    unreachable = [name for name in names if name in runs and runs[name]["requests"] and not runs[name]["responses"]]
    for name in unreachable:
        print(f"vnnews: {name}: the site could not be reached ({runs[name]['reason'] or 'no response'})",
              file=sys.stderr)
    unfinished = [name for name in names if runs.get(name, {}).get("status") != "finished"]
    if unfinished:
        print(f"vnnews: not crawled to the end: {', '.join(unfinished)} (see `vnnews status`)", file=sys.stderr)
    return 1 if unfinished or len(unreachable) == len(names) else 0


def crawl(names: list[str], *, db: str = DEFAULT_DB, mirror: str | None = None, redis: str | None = None,
          verbose: bool = False, progress: bool = True, contact: str | None = None, spider: str | None = None,
          **spider_options: object) -> str:
    """Run the spiders of these papers in one process, into ``db`` (the caller holds the archive's lock,
    archive.lock.crawl_lock), or as a worker of the shared crawl in ``redis``. Returns the invocation id of the runs.
    ``spider``: one spider run for each paper (``site=NAME``; the Wayback back-fill), instead of each paper's own."""
    from crawler.process import crawler_process

    if redis is None:
        prepare_archive(db)
    invocation = uuid.uuid4().hex[:12]
    process = crawler_process(mirror=mirror, verbose=verbose, contact=contact, VNNEWS_DB=db,
                              VNNEWS_INVOCATION=invocation, VNNEWS_PROGRESS=progress,
                              **({"VNNEWS_REDIS": redis} if redis else {}))
    options = {k: v for k, v in spider_options.items() if v not in (None, False)}
    crawlers = []  # kept: the process forgets a crawler once it is done, and its stats say how it ended
    for name in names:
        crawlers.append(process.create_crawler(spider or name))
        process.crawl(crawlers[-1], **({"site": name} if spider else {}), **options)
    process.start()
    broken = [error for c in crawlers if (error := c.stats.get_value("vnnews/archive_error"))]
    if broken:  # a full disk: said once, for the whole command
        raise UserError(broken[0], 1)
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
        header = f"{'paper':<16}" + "".join(f"{c:>{_WIDTHS[c]}}" for c in counts) + "  total stored"
        header += "  file" if files else ""
        if runs:  # an import of records all imported before starts none
            print("\n" + header + "\n" + "-" * len(header))
        for run in runs:
            stored = archive.db.execute("SELECT count(*) FROM articles WHERE site = ?", [run["site"]]).fetchone()[0]
            print(f"{run['site']:<16}" + "".join(f"{run[c] or 0:>{_WIDTHS[c]}}" for c in counts) + f"  {stored:>12}"
                  + (f"  {run['archive_file']}" if files else ""))
        failures = list(archive.db.query(
            "SELECT f.site, f.stage, f.reason, f.url FROM failures f JOIN crawl_runs r ON r.id = f.run_id "
            "WHERE r.invocation = ? ORDER BY f.site, f.url", [invocation]))
        if failures:
            print(f"\nfailures of this run ({len(failures)}):")
            for f in failures:
                print(f"  {f['site']:<16}{f['stage']:<13}{f['url']}\n  {'':<29}{f['reason']}")
        total = archive.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    print(f"\n{plural(total, 'article')} in {db}. Browse them: {_self_command()} serve --db {db}")


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _self_command() -> str:
    """How the user can call this command again: `vnnews` when it is on PATH, else its path (.venv/bin/vnnews)."""
    here = Path(sys.argv[0])
    if here.name == "vnnews" and shutil.which("vnnews") != str(here.resolve()):
        return os.path.relpath(here)
    return "vnnews"
