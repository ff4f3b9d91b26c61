"""`python -m crawler.mirror.check [SPIDER ...]` (`make check-spiders`): run every paper's `scrapy check` contracts
over the offline mirror, into a throw-away archive. Exits with scrapy check's code."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from crawler.mirror.server import MirrorServer

ROOT = Path(__file__).resolve().parent.parent.parent


def main(argv: list[str]) -> int:
    with MirrorServer() as mirror, tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "scrapy", "check", *argv, "-s", f"VNNEWS_MIRROR={mirror.url}",
                   "-s", f"VNNEWS_DB={Path(tmp) / 'check.db'}", "-s", "LOG_LEVEL=WARNING"]
        return subprocess.call(command, cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
