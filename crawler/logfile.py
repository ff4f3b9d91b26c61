"""`vnnews crawl --log-file PATH`: what a crawl prints (Scrapy's log, progress lines, the summary) goes to a file
that rotates by size (PATH, PATH.1 … PATH.5), so a crawl run every hour for years never fills the disk."""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path
from typing import Iterator

KEEP = 5  # rotated files kept beside the current one


class RotatingWriter(io.TextIOBase):
    """A text stream appending to ``path``; past ``max_bytes`` (at a line end) it becomes path.1, and so on."""

    def __init__(self, path: str | Path, max_bytes: int):
        self.path, self.max_bytes = Path(path), max_bytes
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.file = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 - closed by close()

    def write(self, text: str) -> int:
        self.file.write(text)
        if text.endswith("\n"):
            self.file.flush()
            if self.file.tell() >= self.max_bytes:
                self._rotate()
        return len(text)

    def _rotate(self) -> None:
        self.file.close()
        for n in range(KEEP - 1, 0, -1):
            older = self.path.with_name(f"{self.path.name}.{n}")
            if older.exists():
                older.replace(self.path.with_name(f"{self.path.name}.{n + 1}"))
        self.path.replace(self.path.with_name(f"{self.path.name}.1"))
        self.file = open(self.path, "a", encoding="utf-8")  # noqa: SIM115

    def flush(self) -> None:
        self.file.flush()

    def isatty(self) -> bool:
        return False

    def close(self) -> None:
        self.file.close()
        super().close()


@contextlib.contextmanager
def output_to(path: str | Path | None, max_bytes: int) -> Iterator[None]:
    """Within the block, standard output and error go to the rotating file (nothing when ``path`` is None)."""
    if path is None:
        yield
        return
    writer = RotatingWriter(path, max_bytes)
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = writer
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
        # left open: the log handlers Scrapy installed still hold it until the process ends
        writer.flush()
