"""One crawl per archive at a time: an exclusive lock on `<archive>.lock` for the whole run.

The kernel drops the lock when the process dies, however it dies (SIGKILL included), so a stale lock file never
blocks the next run; its content (pid, start time) only serves the message the second crawl prints.
"""

from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator


class ArchiveBusy(Exception):
    """Another crawl holds the archive's lock."""


@contextmanager
def crawl_lock(db: str | Path, *, wait: float = 0) -> Iterator[Path]:
    """Hold `<db>.lock`; wait up to ``wait`` seconds for another crawl to finish, else raise ArchiveBusy. The lock
    is on the archive's real path, so two names of one file (a symlink, a relative path) share one lock."""
    path = Path(f"{Path(db).resolve()}.lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as handle:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.seek(0)
                    holder = handle.read().strip() or "unknown process"
                    raise ArchiveBusy(f"another crawl is writing {db} ({holder})") from None
                time.sleep(0.5)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}, started {datetime.now(timezone.utc).isoformat(timespec='seconds')}\n")
        handle.flush()
        try:
            yield path
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
