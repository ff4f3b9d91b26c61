"""Shared fixtures: the offline mirror on 127.0.0.1 and an archive crawled from it by the real `vnnews crawl`."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator

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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(db: Path) -> Iterator[str]:
    """`vnnews serve` on an archive, as a real process, until the block ends; yields its base URL."""
    port = free_port()
    process = subprocess.Popen([*VNNEWS, "serve", "--db", str(db), "--port", str(port)], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        raise AssertionError(process.stderr.read().decode())
    try:
        yield base
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture(scope="session")
def datasette(crawled: tuple[Path, str]) -> str:
    """`vnnews serve` on the crawled archive; yields its base URL."""
    with serving(crawled[0]) as base:
        yield base


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so fixtures can act on a failure (browser screenshots)."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
