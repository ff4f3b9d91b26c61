"""`vnnews status`: the health of each paper, from the archive; with --redis, the shared crawl too (queues, workers,
the writer's lag)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crawler.cli import DEFAULT_DB, UserError, add_db_argument

HELP = "per paper: last run, new articles, failures, template drift (exit 1 when one is unhealthy); " \
       "--redis: a shared crawl's queues, workers and writer lag"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_db_argument(p)
    p.add_argument("--max-age", type=float, default=48, metavar="HOURS",
                   help="a paper with no finished run for this long is stale (default: 48)")
    p.add_argument("--redis", metavar="URL", help="a shared crawl (redis://HOST:PORT/DB): frontier per paper, record "
                   "queue, writer lag, workers seen in the last minute; the papers too when --db is there")


def run(args: argparse.Namespace) -> int:
    if args.redis:
        print(shared_crawl(args.redis))
        # a worker's machine has no archive: the papers' health only where there is one
        if args.db == DEFAULT_DB and not Path(args.db).exists():
            return 0
        print()
    return papers(args.db, args.max_age)


def shared_crawl(url: str) -> str:
    from crawler.distributed import RedisUnavailable, connect
    from crawler.distributed.report import crawl_status, format_status

    try:
        server = connect(url)
    except RedisUnavailable as exc:
        raise UserError(str(exc), 1) from None
    return f"shared crawl on {url}\n\n" + format_status(crawl_status(server))


def papers(db: str, max_age: float) -> int:
    from archive.status import imports, paper_status
    from archive.store import Archive, ArchiveError

    try:
        with Archive(db, readonly=True) as archive:
            papers = paper_status(archive, max_age_hours=max_age)
            imported = imports(archive)
    except ArchiveError as exc:
        raise UserError(str(exc), 1) from None
    if imported:
        print_imports(imported)
    if not papers:
        raise UserError("no crawl has run on this archive yet", 1)
    header = (f"{'paper':<15}{'last finished run (UTC)':<26}{'new 1d':>7}{'7d':>5}{'30d':>6}{'fetch fail':>11}"
              f"{'drift':>7}  state")
    print(header + "\n" + "-" * len(header))
    for p in papers:
        print(f"{p.site:<15}{(p.last_success or 'never')[:19]:<26}{p.new_1d:>7}{p.new_7d:>5}{p.new_30d:>6}"
              f"{p.failure_rate:>11.0%}{p.drift:>7.0%}  {p.state}")
    bad = [p for p in papers if p.state != "ok"]
    for p in bad:
        print(f"vnnews: {p.site} is {p.state}", file=sys.stderr)
    return 1 if bad else 0


def print_imports(runs: list[dict]) -> None:
    """The latest imports and Wayback back-fills (they do not count in a paper's health)."""
    header = f"{'paper':<15}{'source':<9}{'finished (UTC)':<22}{'pages':>7}{'new':>6}{'updated':>8}{'failed':>7}  file"
    print("latest imports and back-fills\n" + header + "\n" + "-" * len(header))
    for r in runs:
        print(f"{r['site']:<15}{r['source']:<9}{(r['finished_at'] or r['status'])[:19]:<22}{r['pages'] or 0:>7}"
              f"{r['new'] or 0:>6}{r['updated'] or 0:>8}{r['failed'] or 0:>7}  {r['archive_file'] or ''}")
    print()
