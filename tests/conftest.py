"""Shared fixtures: the offline mirror on 127.0.0.1 and an archive crawled from it by the real `vnnews crawl`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from archive.store import Archive
from crawler.mirror.server import MirrorServer

ROOT = Path(__file__).resolve().parent.parent
VNNEWS = [sys.executable, "-m", "crawler.cli"]


def run_vnnews(*args: str, timeout: float = 300, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run the real command line in a child process (a Twisted reactor cannot restart inside pytest)."""
    result = subprocess.run([*VNNEWS, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    if check and result.returncode != 0:
        raise AssertionError(f"vnnews {' '.join(args)} exited {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def mirror() -> MirrorServer:
    with MirrorServer() as server:
        yield server


@pytest.fixture(scope="session")
def crawled(mirror: MirrorServer, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """One crawl of all five papers over the mirror: (archive path, the command's output)."""
    db = tmp_path_factory.mktemp("crawl") / "archive.db"
    result = run_vnnews("crawl", "--mirror", mirror.url, "--db", str(db))
    return db, result.stdout


@pytest.fixture(scope="session")
def archive(crawled: tuple[Path, str]) -> Archive:
    archive = Archive(crawled[0])
    yield archive
    archive.close()
