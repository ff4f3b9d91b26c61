"""A shared crawl on one machine, for the tests and the benchmark: a private redis-server on a free port, the
archive writer and N workers as real `vnnews` processes."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import redis

from crawler.distributed import SEEDED

ROOT = Path(__file__).resolve().parent.parent
VNNEWS = [sys.executable, "-m", "crawler.cli"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RedisServer:
    """redis-server in ``folder`` with append-only persistence, as deploy/redis-vnnews.conf recommends (fsync every
    second; a restart by SIGTERM writes everything first)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.port = _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> RedisServer:
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder), "--save", "",
             "--appendonly", "yes", "--appendfsync", "everysec", "--maxmemory-policy", "noeviction"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = redis.Redis(port=self.port)
        for _ in range(100):
            try:
                client.ping()
                return self
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()  # SIGTERM: Redis writes its data and exits
            self.process.wait(30)

    def restart(self) -> None:
        self.stop()
        self.start()

    def client(self) -> redis.Redis:
        return redis.Redis(port=self.port)


def vnnews(*args: str, env: dict[str, str] | None = None, **popen: Any) -> subprocess.Popen:
    """A `vnnews` command in its own process group (so its extraction processes die with it)."""
    return subprocess.Popen([*VNNEWS, *args], cwd=ROOT, env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
                            start_new_session=True, **popen)


def start_writer(server: RedisServer, db: Path, *extra: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    """`vnnews archive-writer`, returned once it has seeded the crawl state (workers may start then)."""
    client = server.client()
    client.delete(SEEDED)
    writer = vnnews("archive-writer", "--redis", server.url, "--db", str(db), *extra, env=env,
                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not client.exists(SEEDED):
        if writer.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"the archive writer did not start: {writer.communicate()[1][-2000:]}")
        time.sleep(0.05)
    return writer


def kill(process: subprocess.Popen) -> None:
    """SIGKILL a command and its children."""
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
