"""A shared crawl on scrapy-redis with a real redis-server: workers and one archive writer give the archive a single
process gives, whatever is killed or restarted on the way, and no domain gets more than its paper's rate."""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.sitegen import PER_PAGE, GeneratedSite
from crawler.mirror import copy_pages
from crawler.mirror.server import MirrorServer
from crawler.sites import SITES
from tests.conftest import ROOT, run_vnnews
from tests.shared_crawl import RedisServer, kill, start_writer, vnnews

ARTICLES = 300
TIMEOUT = {"VNNEWS_WORKER_TIMEOUT": "4"}  # a killed worker's requests come back after 4 s


@pytest.fixture()
def redis_server(tmp_path: Path) -> RedisServer:
    if not shutil.which("redis-server") and not Path("/usr/bin/redis-server").exists():
        pytest.fail("redis-server is missing: `make test` installs it (scripts/install-redis.sh)")
    server = RedisServer(tmp_path).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def site() -> GeneratedSite:
    with GeneratedSite(ARTICLES, delay=0.02) as generated:
        yield generated


@pytest.fixture(scope="module")
def reference(site: GeneratedSite, tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str]]:
    """The single-process crawl of the generated site."""
    db = tmp_path_factory.mktemp("reference") / "a.db"
    run_vnnews("crawl", "--mirror", site.url, "--db", str(db), *PAPER)
    found = articles(db)
    assert len(found) == ARTICLES
    return found


PAPER = ("--site", "baoquangninh", "--max-pages", str(ARTICLES // PER_PAGE))


def worker(server: RedisServer, site: GeneratedSite) -> subprocess.Popen:
    return vnnews("crawl", "--redis", server.url, "--mirror", site.url, *PAPER, env=TIMEOUT,
                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(*processes: subprocess.Popen, timeout: float = 180) -> None:
    for process in processes:
        out, err = process.communicate(timeout=timeout)
        assert process.returncode == 0, f"{process.args} exited {process.returncode}\n{out}\n{err[-3000:]}"


def articles(db: Path) -> set[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT url, content_hash FROM articles").fetchall()
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert len(rows) == len(set(rows)), "an article stored twice"
    return set(rows)


def count(db: Path, sql: str) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def wait_for(condition, timeout: float = 120) -> None:  # noqa: ANN001 - a callable
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def assert_written_once(db: Path) -> None:
    """Every record applied once: one version per article, the runs' counts add up, no page or failure twice."""
    assert count(db, "SELECT count(*) FROM article_versions") == 0
    assert count(db, "SELECT sum(new) FROM crawl_runs") == count(db, "SELECT count(*) FROM articles")
    assert count(db, "SELECT count(*) - count(DISTINCT url) FROM failures") == 0
    assert count(db, "SELECT count(*) FROM crawl_runs WHERE status = 'running'") == 0


def test_three_workers_and_a_writer_give_the_single_process_archive(redis_server, site, reference, tmp_path) -> None:
    db = tmp_path / "shared.db"
    writer = start_writer(redis_server, db, "--exit-when-done")
    workers = [worker(redis_server, site) for _ in range(3)]
    finish(*workers)
    finish(writer)
    assert articles(db) == reference
    assert_written_once(db)
    assert count(db, "SELECT count(DISTINCT id) FROM crawl_runs WHERE status = 'finished'") == 3
    client = redis_server.client()
    assert client.llen("vnnews:records") == 0 and client.llen("vnnews:records:processing") == 0
    assert not client.exists("vnnews:baoquangninh:dupefilter"), "a drained frontier forgets its fingerprints"


def test_date_bounded_pagination_across_workers(redis_server, site, reference, tmp_path) -> None:
    """--since: a listing page is followed once its articles are dated, whichever worker extracted them."""
    db = tmp_path / "shared.db"
    writer = start_writer(redis_server, db, "--exit-when-done")
    workers = [vnnews("crawl", "--redis", redis_server.url, "--mirror", site.url, *PAPER, "--since", "2000-01-01",
                      env=TIMEOUT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    finish(*workers)
    finish(writer)
    assert articles(db) == reference
    assert not list(redis_server.client().scan_iter("vnnews:listing:*")), "every listing page settled"


def test_a_worker_killed_mid_run_loses_nothing(redis_server, site, reference, tmp_path) -> None:
    db = tmp_path / "shared.db"
    writer = start_writer(redis_server, db, "--exit-when-done", env=TIMEOUT)
    victim, *others = [worker(redis_server, site) for _ in range(3)]
    wait_for(lambda: count(db, "SELECT count(*) FROM articles") >= 30)
    kill(victim)
    finish(*others)
    finish(writer)
    stored = articles(db)
    assert len(stored) < 2 * ARTICLES and stored == reference
    assert count(db, "SELECT count(*) FROM crawl_runs WHERE status = 'interrupted'") == 1
    assert count(db, "SELECT count(*) FROM article_versions") == 0


def test_the_writer_killed_mid_run_and_restarted_loses_and_doubles_nothing(redis_server, site, reference,
                                                                           tmp_path) -> None:
    db = tmp_path / "shared.db"
    writer = start_writer(redis_server, db)
    workers = [worker(redis_server, site) for _ in range(3)]
    wait_for(lambda: count(db, "SELECT count(*) FROM articles") >= 30)
    kill(writer)
    killed_at = count(db, "SELECT count(*) FROM articles")
    assert killed_at < ARTICLES, "the writer must be killed mid-run"
    time.sleep(1)  # the workers go on, the queue grows
    writer = start_writer(redis_server, db, "--exit-when-done")
    finish(*workers)
    finish(writer)
    assert articles(db) == reference
    assert_written_once(db)


def test_redis_restarted_mid_run_the_crawl_completes(redis_server, site, reference, tmp_path) -> None:
    db = tmp_path / "shared.db"
    writer = start_writer(redis_server, db, "--exit-when-done")
    workers = [worker(redis_server, site) for _ in range(2)]
    wait_for(lambda: count(db, "SELECT count(*) FROM articles") >= 30)
    redis_server.restart()
    finish(*workers)
    finish(writer)
    assert articles(db) == reference
    assert_written_once(db)


def test_politeness_holds_across_workers(redis_server, tmp_path) -> None:
    """Three workers of one paper with its real delay (VNNEWS_MIRROR_FAST=0): the mirror sees its domain's requests
    at least the paper's delay apart, as from one process."""
    paper = SITES["baoquangninh"]
    root = copy_pages(tmp_path / "pages")
    writer = start_writer(redis_server, tmp_path / "a.db", "--exit-when-done")
    with MirrorServer(root=root) as mirror:
        workers = [subprocess.Popen(
            [sys.executable, "-m", "scrapy", "crawl", paper.name, "-s", f"VNNEWS_REDIS={redis_server.url}",
             "-s", f"VNNEWS_MIRROR={mirror.url}", "-s", "VNNEWS_MIRROR_FAST=0", "-s", "AUTOTHROTTLE_START_DELAY=0.1",
             "-s", "DOWNLOAD_DELAY=0"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(3)]
        finish(*workers)
        times = [t for t, (path, _) in zip(mirror.times, mirror.requests, strict=True)
                 if path.startswith(f"/{paper.domains[0]}/")]
    finish(writer)
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    rate = len(gaps) / (times[-1] - times[0])
    print(f"\n{paper.domains[0]}: {len(times)} requests from 3 workers, gaps min {min(gaps):.3f} s, "
          f"median {statistics.median(gaps):.3f} s, {rate:.2f} requests/s; configured delay {paper.download_delay} s")
    assert len(times) >= 8
    assert rate <= 1 / paper.download_delay and statistics.median(gaps) >= paper.download_delay, gaps
    # the lease bounds when requests leave; a worker busy for a moment after taking it sends a little late, so the
    # site may see one gap shorter (single-process Scrapy, with its ±50% jitter, allows half the delay)
    assert min(gaps) >= 0.75 * paper.download_delay, gaps


def test_user_errors_are_one_line(tmp_path) -> None:
    for args in (("crawl", "--redis", "redis://127.0.0.1:1/0", "--offline"),
                 ("crawl", "--redis", "not-a-url", "--offline"),
                 ("archive-writer", "--redis", "redis://127.0.0.1:1/0", "--db", str(tmp_path / "a.db")),
                 ("status", "--redis", "redis://127.0.0.1:1/0")):
        result = run_vnnews(*args, check=False, timeout=60)
        assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr
        assert result.stderr.strip().count("\n") == 0 and result.stderr.startswith("vnnews: "), result.stderr


def test_a_worker_without_a_writer_says_so(redis_server) -> None:
    result = run_vnnews("crawl", "--redis", redis_server.url, "--offline", check=False, timeout=60)
    assert result.returncode == 1 and "start `vnnews archive-writer" in result.stderr


def test_status_shows_queues_workers_and_lag(redis_server, site, tmp_path) -> None:
    db = tmp_path / "shared.db"
    writer = start_writer(redis_server, db, "--exit-when-done")
    finish(worker(redis_server, site))
    finish(writer)
    out = run_vnnews("status", "--redis", redis_server.url, "--db", str(db)).stdout
    assert "frontier" in out and "record queue: 0 messages waiting" in out and "writer lag 0.0 s" in out
    assert "workers seen in the last minute: 1" in out and "finished" in out
    assert "baoquangninh" in out.split("workers seen")[1]


def test_deploy_units_run_valid_commands() -> None:
    """The worker and writer units run commands the command line accepts."""
    import configparser
    import shlex

    from crawler.cli import build_parser

    commands = {}
    for unit in ("vnnews-worker.service", "vnnews-archive-writer.service"):
        service = configparser.ConfigParser(interpolation=None, strict=False)
        service.read(ROOT / "deploy" / unit)
        words = shlex.split(service["Service"]["ExecStart"])
        args = build_parser().parse_args(words[1:])
        commands[args.command] = args
    assert commands["crawl"].redis and commands["archive-writer"].redis == commands["crawl"].redis
    assert (ROOT / "deploy" / "vnnews-worker.timer").exists()
    conf = (ROOT / "deploy" / "redis-vnnews.conf").read_text()
    assert "maxmemory-policy noeviction" in conf and "appendonly yes" in conf


def test_what_crosses_machines_is_versioned_json() -> None:
    from archive.record import Article, Failure, Page
    from crawler.distributed import wire
    from crawler.items import Extracted

    request = {"url": "https://baoquangninh.vn/x.html", "headers": {b"If-None-Match": [b'"abc"']}, "body": b"",
               "meta": {"listing_key": "https://baoquangninh.vn/chinh-tri 2"}, "cb_kwargs": {"page": 2}}
    decoded = wire.loads(wire.dumps(request))
    assert decoded["headers"] == {"If-None-Match": [b'"abc"']} and decoded["body"] == b""
    assert decoded["meta"] == request["meta"]
    page = Page(url="https://baoquangninh.vn/x.html", site="baoquangninh", status=200, body=b"\x78\x01zlib",
                headers={"etag": '"abc"'})
    article = Article(url=page.url, site="baoquangninh", title="Tiêu đề", body="Nội dung", tags=["Đảng"])
    records = [Extracted(page, article, None, None, "tieu de"), Failure(url="https://baoquangninh.vn/y",
                                                                       site="baoquangninh", stage="http",
                                                                       reason="HTTP 404", status=404)]
    message = wire.read(wire.message("records", "w1", run=7, records=records))
    assert message["run"] == 7 and message["records"][1] == records[1]
    back = message["records"][0]
    assert (back.page, back.article, back.indexed) == (page, article, "tieu de")
    with pytest.raises(wire.WireError):
        wire.read(b'{"v": 99, "kind": "records"}')
    with pytest.raises(wire.WireError):
        wire.read(b"\x80\x04pickle")
