"""`vnnews import`: WARC/WACZ captures of the registry's papers into the archive, through the crawl's extraction."""

from __future__ import annotations

import argparse
import sys
import time
import uuid
import zipfile
from collections import Counter
from typing import TextIO

from crawler.cli import UserError, add_db_argument
from crawler.cli.crawl import EX_TEMPFAIL, print_summary

HELP = "import the papers' pages from WARC or WACZ files (resumable: a record imported before is skipped)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="a .warc, .warc.gz or .wacz file (several: in order)")
    add_db_argument(p)
    p.add_argument("--workers", type=int, metavar="N", help="extraction processes (default: one per core)")


def run(args: argparse.Namespace) -> int:
    from archive.lock import ArchiveBusy, crawl_lock
    from archive.store import ArchiveError
    from crawler.imports.reader import NotAnArchive, kind
    from crawler.imports.run import SKIPPED, import_files

    try:
        for path in args.files:
            kind(path)  # every file checked before any is imported
        invocation = uuid.uuid4().hex[:12]
        progress = ProgressLine()
        with crawl_lock(args.db):
            totals = import_files(args.files, args.db, invocation, workers=args.workers, progress=progress)
    except (NotAnArchive, ArchiveError, zipfile.BadZipFile, OSError) as exc:
        # a damaged zip (a WACZ's CRC), a file that cannot be read: what came before it is stored
        raise UserError(str(exc), 1) from None
    except KeyboardInterrupt:
        raise UserError("interrupted; what was read is stored: the same command goes on where this one stopped",
                        130) from None
    except ArchiveBusy as exc:
        raise UserError(f"{exc}; try again when it is done", EX_TEMPFAIL) from None
    progress(totals, last=True)
    skipped = ", ".join(f"{totals[k]:,} {what}" for k, what in SKIPPED.items() if totals[k])
    print(f"records not imported: {skipped or 'none'}", file=sys.stderr)
    print_summary(args.db, invocation, ("pages", "new", "updated", "unchanged", "failed"))
    return 0


class ProgressLine:
    """Counts as the import goes: redrawn in place on a terminal, a line every 30 s elsewhere (cron, logs)."""

    def __init__(self, stream: TextIO = sys.stderr):
        self.stream, self.tty = stream, stream.isatty()
        self.every = 1.0 if self.tty else 30.0
        self.shown = time.monotonic()

    def __call__(self, totals: Counter, *, last: bool = False) -> None:
        if not last and time.monotonic() - self.shown < self.every:
            return
        self.shown = time.monotonic()
        line = (f"{totals['records']:,} records: {totals['pages']:,} pages ({totals['new']:,} new, "
                f"{totals['updated']:,} updated, {totals['unchanged']:,} unchanged), {totals['failed']:,} failed, "
                f"{totals['imported_before']:,} imported before, {totals['other_sites']:,} of other sites")
        end = "\n" if last or not self.tty else ""
        self.stream.write(("\r\x1b[2K" if self.tty else "") + line + end)
        self.stream.flush()
