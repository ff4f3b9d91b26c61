"""Hardening (#12): what a user or a hostile page can do wrong, each ending in one clear line, a non-zero exit and
nothing lost. One test (or a few) per item of the issue, numbered as there."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, VNNEWS, run_vnnews


def one_line_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode != 0, result.stdout[-500:]
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    lines = [line for line in result.stderr.splitlines() if line.startswith("vnnews:")]
    assert len(lines) == 1, result.stderr[-2000:]
    for word in words:
        assert word in lines[0], lines[0]


def articles(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


# 1. an export never overwrites the archive, and writes through a temporary file

@pytest.mark.parametrize("target", ["{db}", "{db}-wal", "{db}-shm", "{alias}"])
def test_1_export_refuses_to_write_over_the_archive(crawled, tmp_path: Path, target: str) -> None:
    db, _ = crawled
    alias = tmp_path / "alias.db"
    alias.symlink_to(db)
    before = articles(db)
    result = run_vnnews("export", "--format", "jsonl", "--db", str(db), "-o", target.format(db=db, alias=alias),
                        check=False)
    one_line_error(result, "archive itself")
    assert articles(db) == before


def test_1_a_failed_export_leaves_the_previous_file(crawled, tmp_path: Path) -> None:
    db, _ = crawled
    out = tmp_path / "out.jsonl"
    out.write_text("the previous export\n")
    result = run_vnnews("export", "--format", "jsonl", "--db", str(db), "-o", str(out), "--site", "nosuchpaper",
                        check=False)
    assert result.returncode == 2 and out.read_text() == "the previous export\n"
    run_vnnews("export", "--format", "jsonl", "--db", str(db), "-o", str(out))
    assert out.read_text().count("\n") == articles(db)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


# 13. path mistakes: one line, non-zero exit

@pytest.mark.parametrize("problem", ["missing folder", "a folder", "under a file"])
def test_13_export_to_a_bad_place(crawled, tmp_path: Path, problem: str) -> None:
    db, _ = crawled
    (tmp_path / "file").write_text("x")
    target = {"missing folder": tmp_path / "nope" / "a.jsonl", "a folder": tmp_path,
              "under a file": tmp_path / "file" / "a.jsonl"}[problem]
    one_line_error(run_vnnews("export", "--format", "jsonl", "--db", str(db), "-o", str(target), check=False))


def test_13_export_to_a_full_disk(crawled, tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.fail("this test needs /dev/full (Linux)")
    db, _ = crawled
    one_line_error(run_vnnews("export", "--format", "jsonl", "--db", str(db), "-o", "/dev/full", check=False),
                   "disk full")
    assert Path("/dev/full").is_char_device()  # written to, never renamed over


def private_mounts(script: str) -> list[str]:
    """A shell script run in a private mount namespace (root's, or an unprivileged user namespace's): mounts made
    there (a small tmpfs, a read-only bind) are real for the script and invisible to everything else."""
    namespace = ["unshare", "--mount"] if os.geteuid() == 0 else ["unshare", "--user", "--map-root-user", "--mount"]
    return [*namespace, "sh", "-c", script]


def in_a_small_filesystem(folder: Path, size: str, script: str) -> subprocess.CompletedProcess[str]:
    """Run a shell script with a tmpfs of this size on ``folder``: a disk that fills up, for real."""
    result = subprocess.run(private_mounts(f"mount -t tmpfs -o size={size} tmpfs {folder} || exit 99\n{script}"),
                            cwd=ROOT, capture_output=True, text=True, timeout=600,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert result.returncode != 99, f"cannot mount a small filesystem here (unshare, tmpfs): {result.stderr}"
    return result


def test_13_a_full_disk_during_a_crawl_stops_it_in_one_line_and_loses_nothing(tmp_path: Path) -> None:
    from tests.papers import expected_total

    small, kept = tmp_path / "small", tmp_path / "kept"
    small.mkdir()
    kept.mkdir()
    command = " ".join([*VNNEWS, "crawl", "--offline", "--db", f"{small}/archive.db"])
    # the schema fits in 700 KB, the sample sites' pages do not (about 2 MB)
    result = in_a_small_filesystem(small, "700k", f'{command}; echo "exit=$?"; cp {small}/archive.db* {kept}/')
    assert "exit=1" in result.stdout, result.stdout[-500:] + result.stderr[-3000:]
    assert "Traceback" not in result.stderr and "<html" not in result.stderr.lower(), result.stderr[-3000:]
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("vnnews: the disk holding") and "is full" in last, result.stderr[-2000:]
    assert sum(line.startswith("vnnews:") and "is full" in line for line in result.stderr.splitlines()) == 1
    # what was committed is a sound archive; with room again, the same command completes it
    db = kept / "archive.db"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    run_vnnews("crawl", "--offline", "--db", str(db))
    assert articles(db) == expected_total()


def test_13_serve_reads_a_read_only_archive(crawled, tmp_path: Path) -> None:
    """On a read-only mount (a snapshot, a backup), where SQLite cannot make the WAL's -shm file beside it."""
    import json
    import socket
    import time
    import urllib.request

    folder = tmp_path / "snapshot"
    folder.mkdir()
    with sqlite3.connect(crawled[0]) as source, sqlite3.connect(folder / "archive.db") as copy:
        source.backup(copy)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    serve = " ".join([*VNNEWS, "serve", "--db", f"{folder}/archive.db", "--port", str(port)])
    server = subprocess.Popen(private_mounts(f"mount --bind {folder} {folder} && mount -o remount,ro,bind {folder} "
                                             f"&& exec {serve}"), cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        deadline, body = time.monotonic() + 60, None
        while body is None and time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/archive/articles.json?_shape=objects",
                                            timeout=5) as response:
                    body = response.read()
            except OSError:
                time.sleep(0.3)
        assert body is not None, server.stderr.read() if server.poll() is not None else "serve did not answer"
        assert len(json.loads(body)["rows"]) > 0
    finally:
        server.terminate()
        server.wait(30)


@pytest.mark.parametrize("command", [["export", "--format", "jsonl"], ["extract", "{page}", "--url", "{url}"]])
def test_13_output_into_a_closed_pipe_is_no_traceback(crawled, command: list[str]) -> None:
    from crawler.mirror import sample_page

    db, _ = crawled
    page = "baoquangninh.vn/tinh-uy-quang-ninh-trien-khai-nhiem-vu-xay-dung-dang-nam-2026-3391201.html"
    args = [a.format(page=sample_page(page), url="https://" + page) for a in command]
    if command[0] == "export":
        args += ["--db", str(db)]
    process = subprocess.Popen([*VNNEWS, *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.read(10)
    process.stdout.close()  # what `| head -c 10` does
    stderr = process.stderr.read().decode()
    process.wait(60)
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr, stderr


# 13. --db pointing at something that is no archive: one line, every command, no .lock file left behind

def bad_archives(tmp_path: Path, crawled_db: Path) -> dict[str, Path]:
    text = tmp_path / "notes.db"
    text.write_text("not a database at all\n" * 50)
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    truncated = tmp_path / "truncated.db"
    truncated.write_bytes(crawled_db.read_bytes()[:4096 * 3])
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE customers (name TEXT)")
    return {"text": text, "empty": empty, "truncated": truncated, "other app's": other}


@pytest.mark.parametrize("command", [["status"], ["export", "--format", "jsonl"], ["re-extract"],
                                     ["crawl", "--offline", "--site", "baoquangtri"], ["serve", "--port", "1"]])
def test_13_a_file_that_is_no_archive(crawled, tmp_path: Path, command: list[str]) -> None:
    for kind, path in bad_archives(tmp_path, crawled[0]).items():
        before = path.read_bytes()
        result = run_vnnews(*command, "--db", str(path), check=False)
        one_line_error(result, str(path))
        assert path.read_bytes() == before, f"{kind} archive changed"
        assert not Path(f"{path}.lock").exists()


def as_nobody() -> list[str]:
    """Run as an unprivileged user: root ignores file permissions."""
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []


@pytest.mark.parametrize("command", [["status"], ["export", "--format", "jsonl"], ["re-extract"]])
def test_13_a_read_only_archive(crawled, command: list[str]) -> None:
    import tempfile

    top = Path(tempfile.mkdtemp(prefix="vnnews-ro-"))  # not under pytest's private temp dir: `nobody` must see it
    top.chmod(0o755)
    db = top / "ro" / "archive.db"
    db.parent.mkdir()
    with sqlite3.connect(crawled[0]) as source, sqlite3.connect(db) as copy:
        source.backup(copy)
    db.chmod(0o444)
    db.parent.chmod(0o555)
    try:
        result = subprocess.run([*as_nobody(), *VNNEWS, *command, "--db", str(db)], cwd=ROOT, capture_output=True,
                                text=True, timeout=120)
    finally:
        db.parent.chmod(0o755)
    if command[0] == "re-extract":  # it writes: says so
        one_line_error(result, "read-only")
    else:  # reading needs no write
        assert "Traceback" not in result.stderr, result.stderr[-2000:]
        assert result.stdout.strip(), result.stderr[-2000:]


# 2. the archive waits for a lock instead of failing; a crawl never exits 0 with a paper not crawled

def test_2_a_crawl_waits_while_another_process_holds_the_write_lock(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    run_vnnews("crawl", "--offline", "--site", "baoquangtri", "--db", str(db))
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    process = subprocess.Popen([*VNNEWS, "crawl", "--offline", "--db", str(db)], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    import time

    time.sleep(4)
    holder.execute("COMMIT")
    holder.close()
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err[-2000:]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM crawl_runs WHERE status != 'finished'").fetchone()[0] == 0


def test_2_status_reads_while_a_crawl_writes(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    run_vnnews("crawl", "--offline", "--site", "baoquangtri", "--db", str(db))
    crawl = subprocess.Popen([*VNNEWS, "crawl", "--offline", "--db", str(db), "--recheck-days", "100000"], cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    results = []
    while crawl.poll() is None:
        results.append(run_vnnews("status", "--db", str(db), check=False))
    crawl.wait()
    assert results and all("Traceback" not in r.stderr for r in results)


# 3. one invalid byte in a UTF-8 page

def test_3_one_invalid_byte_does_not_garble_the_article() -> None:
    from crawler.extract import extract
    from crawler.mirror import sample_page

    url = "https://baoquangninh.vn/tinh-uy-quang-ninh-trien-khai-nhiem-vu-xay-dung-dang-nam-2026-3391201.html"
    page = sample_page(url.removeprefix("https://")).read_bytes().replace("Năm 2025".encode(), b"N\xffm 2025", 1)
    article = extract(page, url, content_type="text/html; charset=iso-8859-1")
    assert article.title == "Tỉnh ủy Quảng Ninh triển khai nhiệm vụ xây dựng Đảng năm 2026"
    assert "N\ufffdm 2025" in article.body


# 6. deep nesting

def test_6_deeply_nested_markup_keeps_the_article() -> None:
    from crawler.extract import extract
    from crawler.mirror import sample_page

    url = "https://baoquangninh.vn/tinh-uy-quang-ninh-trien-khai-nhiem-vu-xay-dung-dang-nam-2026-3391201.html"
    page = sample_page(url.removeprefix("https://")).read_bytes()
    plain = extract(page, url)
    deep = page.replace(b'<div class="detail-content">', b'<div class="detail-content">' + b"<div>" * 400, 1)
    deep = deep.replace(b"</body>", b"</div>" * 400 + b"</body>")
    assert extract(deep, url).body == plain.body


# 11. the lock is on the archive's real path

def test_11_a_symlink_to_the_archive_shares_its_lock(tmp_path: Path) -> None:
    from archive.lock import ArchiveBusy, crawl_lock

    db = tmp_path / "archive.db"
    db.write_bytes(b"")
    alias = tmp_path / "alias.db"
    alias.symlink_to(db)
    with crawl_lock(db), pytest.raises(ArchiveBusy):
        with crawl_lock(alias):
            pass
    with crawl_lock(tmp_path / "." / "archive.db"):
        pass


# 14. no network: once per paper, non-zero exit

def test_14_no_network_is_one_line_per_paper_and_a_failure(tmp_path: Path) -> None:
    from crawler.sites import SITES
    from tests.conftest import free_port

    result = run_vnnews("crawl", "--mirror", f"http://127.0.0.1:{free_port()}", "--db", str(tmp_path / "a.db"),
                        check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    for name in SITES:
        assert sum(line.startswith(f"vnnews: {name}: the site could not be reached") for line in
                   result.stderr.splitlines()) == 1
    assert len(result.stderr.splitlines()) < 3 * len(SITES) + 5


# 15. children die with their parent

def _descendants(pid: int) -> list[int]:
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                children = [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                children = []
            found += children
            stack += children
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[1].split()[0] != "Z"
    except OSError:
        return False


def test_15_sigterm_to_serve_stops_datasette(crawled) -> None:
    import signal
    import time
    import urllib.request

    from tests.conftest import free_port

    port = free_port()
    serve = subprocess.Popen([*VNNEWS, "serve", "--db", str(crawled[0]), "--port", str(port)], cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    children = _descendants(serve.pid)
    assert children
    serve.send_signal(signal.SIGTERM)
    serve.wait(20)
    time.sleep(1)
    assert not any(_alive(c) for c in children)


def test_15_sigkill_of_a_crawl_kills_its_extraction_workers(tmp_path: Path) -> None:
    import signal
    import time

    from crawler.mirror.server import MirrorServer

    with MirrorServer(delay=0.3) as slow:
        crawl = subprocess.Popen([*VNNEWS, "crawl", "--mirror", slow.url, "--db", str(tmp_path / "a.db")], cwd=ROOT,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        workers: list[int] = []
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
            workers = _descendants(crawl.pid)
        assert workers, "the crawl started no extraction worker"
        crawl.send_signal(signal.SIGKILL)
        crawl.wait()
        time.sleep(2)
    assert [w for w in workers if _alive(w)] == []


# 17. small things

@pytest.mark.parametrize(("args", "words"), [
    (["crawl", "--max-pages", "-3", "--offline"], ["--max-pages"]),
    (["serve", "--port", "99999"], ["--port"]),
])
def test_17_bad_numbers_are_refused(args: list[str], words: list[str]) -> None:
    result = run_vnnews(*args, check=False)
    assert result.returncode == 2 and all(w in result.stderr for w in words) and "Traceback" not in result.stderr


def test_17_version_and_db_help() -> None:
    from importlib.metadata import version

    assert run_vnnews("--version").stdout.strip() == f"vnnews {version('vnnews')}"
    for command in ("status", "export", "re-extract", "serve", "crawl"):
        help_text = " ".join(run_vnnews(command, "--help").stdout.split())
        assert "--db PATH the archive file (default: data/archive.db)" in help_text, command


def test_17_one_article_is_not_articles(tmp_path: Path) -> None:
    result = run_vnnews("crawl", "--offline", "--site", "baoquangtri", "--db", str(tmp_path / "a.db"))
    db = tmp_path / "a.db"
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM articles WHERE id > (SELECT min(id) FROM articles)")
    out = run_vnnews("export", "--format", "jsonl", "--db", str(db), "-o", str(tmp_path / "a.jsonl"))
    assert "exported 1 article to" in out.stderr and "1 articles" not in out.stderr + result.stdout


def test_17_the_failure_table_shows_the_whole_reason(crawled) -> None:
    _, output = crawled
    assert "redirected off the paper's domains, to https://quangcao.example.com/khuyen-mai" in output


def test_17_since_follows_the_listing_as_far_as_the_date(tmp_path: Path) -> None:
    from crawler.spiders.news import NewsSpider

    assert NewsSpider(site="baoquangtri", since="2020-01-01").max_pages > 3
    assert NewsSpider(site="baoquangtri").max_pages is None  # each listing's own page count


# 18. operator needs

def test_18_crawling_the_real_sites_needs_a_contact(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "VNNEWS_CONTACT"}
    result = subprocess.run([*VNNEWS, "crawl", "--db", str(tmp_path / "a.db")], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=60)
    one_line_error(result, "--contact")
    assert not (tmp_path / "a.db").exists()


@pytest.mark.parametrize("where", ["option", "environment", "config file"])
def test_18_the_contact_goes_in_the_user_agent(tmp_path: Path, where: str) -> None:
    from crawler.mirror.server import MirrorServer

    contact = "mailto:archive@example.org"
    args, env = [], {k: v for k, v in os.environ.items() if k != "VNNEWS_CONTACT"}
    if where == "option":
        args = ["--contact", contact]
    elif where == "environment":
        env["VNNEWS_CONTACT"] = contact
    else:
        (tmp_path / "vnnews.ini").write_text(f"[vnnews]\ncontact = {contact}\n")
        env["VNNEWS_CONFIG"] = str(tmp_path / "vnnews.ini")
    with MirrorServer() as server:
        subprocess.run([*VNNEWS, "crawl", "--mirror", server.url, "--site", "baoquangtri", "--db",
                        str(tmp_path / "a.db"), *args], cwd=ROOT, env=env, capture_output=True, timeout=120, check=True)
        agents = {headers.get("User-Agent") for _, headers in server.requests}
    assert len(agents) == 1 and contact in agents.pop()


def test_18_the_log_file_rotates(tmp_path: Path) -> None:
    log = tmp_path / "crawl.log"
    for _ in range(3):
        result = run_vnnews("crawl", "--offline", "--db", str(tmp_path / "a.db"), "--log-file", str(log),
                            "--log-max-mb", "0.001")
        assert result.stdout == "" and result.stderr == ""
    rotated = sorted(tmp_path.glob("crawl.log.*"))
    assert log.exists() and 1 <= len(rotated) <= 5
    assert any("articles in" in p.read_text() for p in [log, *rotated])


def test_18_csv_for_excel_has_a_byte_order_mark(crawled, tmp_path: Path) -> None:
    out = tmp_path / "a.csv"
    run_vnnews("export", "--format", "csv", "--excel", "--db", str(crawled[0]), "-o", str(out))
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,url,") and "Đảng".encode() in data


def test_18_make_clean_keeps_the_archive() -> None:
    out = subprocess.run(["make", "-n", "clean"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "rm" in out and not any(word in out.split() for word in ("data", "data/"))


def test_18_writing_commands_say_which_archive(tmp_path: Path) -> None:
    result = subprocess.run([*VNNEWS, "crawl", "--offline", "--site", "baoquangtri", "--db", "a.db"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert f"vnnews: archive {tmp_path / 'a.db'}" in result.stderr


# 4, 5, 8, 10: what a hostile or broken site does (tests/hostile.py serves it on 127.0.0.1, crawled directly)

def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_4_tracking_parameters_and_fragments_make_one_article(tmp_path: Path) -> None:
    from tests.hostile import HostileSite, article, crawl_directly, listing

    plain = "/dang-bo-xa-hop-chi-bo-100001.html"
    canonical = "/dang-bo-phuong-ket-nap-dang-vien-100002.html"
    tags = ["?utm_source=facebook&utm_medium=social", "?fbclid=IwAR0abc", "?gidzl=xyz123", "#binh-luan", ""]
    routes = {"/chinh-tri": (200, {}, listing(*(p + t for p in (plain, canonical) for t in tags))),
              "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow:\n")}
    with HostileSite(routes) as site:
        for tag in tags:
            routes[plain + tag.split("#")[0]] = (200, {}, article("Đảng bộ xã họp chi bộ"))
            routes[canonical + tag.split("#")[0]] = (200, {}, article(
                "Đảng bộ phường kết nạp đảng viên", f"<link rel='canonical' href='{site.url}{canonical}'>"))
        db = crawl_directly(tmp_path, site)
    assert sorted(rows(db, "SELECT url FROM articles")) == [(f"{site.url}{canonical}",), (f"{site.url}{plain}",)]
    assert sorted(rows(db, "SELECT url FROM pages")) == [(f"{site.url}{canonical}",), (f"{site.url}{plain}",)]
    assert sorted(set(site.asked) - {"/robots.txt", "/chinh-tri"}) == [canonical, plain]


def test_5_every_url_given_up_on_has_a_failure_row_with_its_true_stage(tmp_path: Path) -> None:
    from tests.hostile import HostileSite, article, crawl_directly, gzipped, listing

    cases = {  # path -> (stage, reason starts with)
        "/chuyen-trang-khac-200001.html": ("redirect", "redirected off the paper's domains, to https://evil.example"),
        "/vong-lap-200002.html": ("redirect", "redirect loop back to"),
        # "\\evil.example/x": Scrapy reads a path of this host (browsers would leave it), which answers 404
        "/gach-cheo-200003.html": ("http", "HTTP 404"),
        "/chuoi-dai-200006.html": ("redirect", "too many redirects"),
        "/bom-nen-200004.html": ("size", "larger than the download limit"),
        "/qua-lon-200005.html": ("size", "larger than the download limit"),
    }
    routes = {
        "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow:\n"),
        "/chinh-tri": (200, {}, listing(*cases)),
        "/chuyen-trang-khac-200001.html": (200, {}, article("x", "<meta http-equiv='refresh' "
                                                                  "content='0; url=https://evil.example/x'>")),
        "/vong-lap-200002.html": (301, {"Location": "/vong-lap-b-200009.html"}, b""),
        "/vong-lap-b-200009.html": (301, {"Location": "/vong-lap-200002.html"}, b""),
        **{f"/chuoi-dai-2000{n + 6:02d}.html": (302, {"Location": f"/chuoi-dai-2000{n + 7:02d}.html"}, b"")
           for n in range(12)},
        "/gach-cheo-200003.html": (302, {"Location": "\\\\evil.example/x"}, b""),
        "/bom-nen-200004.html": (200, *gzipped(b"<html><body>" + b"0" * 5_000_000 + b"</body></html>")),
        "/qua-lon-200005.html": (200, {}, b"<html><body>" + b"x" * 300_000 + b"</body></html>"),
    }
    with HostileSite(routes) as site:
        db = crawl_directly(tmp_path, site)
    found = {url.removeprefix(site.url): (stage, reason) for url, stage, reason in rows(
        db, "SELECT url, stage, reason FROM failures")}
    for path, (stage, reason) in cases.items():
        assert path in found, (path, found)
        assert found[path][0] == stage and found[path][1].startswith(reason), (path, found[path])
    assert not [stage for stage, _ in found.values() if stage == "robots"]


def test_8_a_javascript_canonical_never_becomes_the_url(tmp_path: Path) -> None:
    from tests.hostile import HostileSite, article, crawl_directly, listing

    path = "/bai-co-canonical-doc-300001.html"
    routes = {"/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow:\n")}
    with HostileSite(routes) as site:
        host = site.url.removeprefix("http://")
        routes["/chinh-tri"] = (200, {}, listing(path, f"javascript://{host}/%0aalert(1)-300002.html"))
        routes[path] = (200, {}, article("Bài có canonical độc", f"<link rel='canonical' "
                                                                 f"href='javascript://{host}/%0aalert(1)'>"))
        db = crawl_directly(tmp_path, site)
    assert rows(db, "SELECT url FROM articles") == [(f"{site.url}{path}",)]
    assert all(url.startswith("http") for (url,) in rows(db, "SELECT url FROM article_urls"))


def test_10_a_redirect_to_another_port_of_the_same_host_is_refused(tmp_path: Path) -> None:
    from tests.hostile import HostileSite, article, crawl_directly, listing

    internal = {"/noi-bo-400002.html": (200, {}, article("Trang nội bộ"))}
    with HostileSite(internal) as other:
        routes = {"/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow:\n"),
                  "/chinh-tri": (200, {}, listing("/bai-400001.html")),
                  "/bai-400001.html": (302, {"Location": f"{other.url}/noi-bo-400002.html"}, b"")}
        with HostileSite(routes) as site:
            db = crawl_directly(tmp_path, site)
    assert other.asked == []
    assert rows(db, "SELECT stage FROM failures") == [("redirect",)]
    assert rows(db, "SELECT count(*) FROM pages") == [(0,)]


# 7, 9, 16, 17 (datasette): only the plugin's own snippets are HTML; its functions bound their work; the search page
# opens without a query; an unknown database is a 404

def test_9_the_sql_functions_bound_their_work() -> None:
    import time

    from archive.sqlfunctions import MAX_TEXT, vn_fold, vn_match, vn_snippet

    huge = "Xây dựng Đảng " * 4_000_000  # 56 MB
    started = time.perf_counter()
    assert len(vn_fold(huge)) == MAX_TEXT and "<mark>" in vn_snippet(huge, "dang") and vn_match("x" * 10**7)
    assert time.perf_counter() - started < 10


@pytest.mark.parametrize("q", ["", "   ", "!!! --- ;", '"', "*", "xây NEAR dựng", "(Đảng", "dang*", "' OR 1=1 --",
                               'a AND "b'])
def test_16_the_search_page_opens_on_any_query(datasette: str, q: str) -> None:
    import json
    import urllib.parse
    import urllib.request

    for path in (f"/archive/search.json?_shape=objects&q={urllib.parse.quote(q)}",
                 f"/archive/articles.json?_shape=objects&_search={urllib.parse.quote(q)}"):
        with urllib.request.urlopen(datasette + path, timeout=30) as response:
            assert response.status == 200 and "rows" in json.loads(response.read())


@pytest.mark.parametrize("path", ["/-/vnnews/article/nosuchdb/1", "/-/vnnews/page/nosuchdb?url=x",
                                  "/-/vnnews/article/archive/999999999"])
def test_17_an_unknown_database_or_article_is_a_404(datasette: str, path: str) -> None:
    import urllib.error
    import urllib.request

    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(datasette + path, timeout=30)
    assert error.value.code == 404


def test_4_the_archived_page_is_found_under_any_url_of_its_article(archive, datasette: str) -> None:
    import urllib.parse
    import urllib.request

    row = next(archive.db.query("SELECT a.url, u.url AS other FROM articles a JOIN article_urls u ON u.article_id = "
                                "a.id WHERE u.url != a.url AND NOT EXISTS (SELECT 1 FROM pages p WHERE p.url = a.url)"))
    with urllib.request.urlopen(f"{datasette}/-/vnnews/page/archive?url={urllib.parse.quote(row['url'], safe='')}",
                                timeout=30) as response:
        assert response.status == 200 and b"<html" in response.read().lower()
