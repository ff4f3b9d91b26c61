"""`vnnews archive-writer`: the single writer of a shared crawl, draining the Redis record queue into the archive."""

from __future__ import annotations

import argparse
import logging
import signal
import sys

from crawler.cli import UserError, add_db_argument

HELP = "write a shared crawl's records from Redis into the archive (the one writer; workers: crawl --redis)"
EX_TEMPFAIL = 75


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--redis", required=True, metavar="URL", help="the shared crawl: redis://HOST:PORT/DB")
    add_db_argument(p)
    p.add_argument("--exit-when-done", action="store_true",
                   help="exit once a crawl has begun and is over: nothing queued, no run open, no worker alive (default: run until "
                        "stopped, SIGTERM finishes the batch in hand)")
    p.add_argument("--batch", type=int, default=20, metavar="N", help="queue messages per transaction (default: 20)")


def run(args: argparse.Namespace) -> int:
    from archive.lock import ArchiveBusy, crawl_lock
    from archive.store import ArchiveError
    from crawler.distributed import RedisUnavailable, connect
    from crawler.distributed.writer import ArchiveWriter, WriterBusy
    from crawler.sites import SITES

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s: %(message)s", stream=sys.stderr)
    try:
        server = connect(args.redis)
    except RedisUnavailable as exc:
        raise UserError(str(exc), 1) from None
    stopping = []
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stopping.append(True))
    try:
        # the archive's lock: no single-process `vnnews crawl` writes it meanwhile
        with crawl_lock(args.db):
            writer = ArchiveWriter(server, args.db, batch=args.batch)
            try:
                writer.archive.sync_sites(site.row() for site in SITES.values())
                seeded = writer.seed()
                print("crawl state seeded from the archive: " + ", ".join(f"{n:,} {what}" for what, n in seeded.items()),
                      file=sys.stderr, flush=True)
                writer.run(should_stop=lambda: bool(stopping), exit_when_done=args.exit_when_done)
            finally:
                writer.close()
    except (ArchiveBusy, WriterBusy) as exc:
        raise UserError(str(exc), EX_TEMPFAIL) from None
    except ArchiveError as exc:
        raise UserError(str(exc), 1) from None
    print(f"{writer.applied_records:,} records written to {args.db}", file=sys.stderr)
    return 0
