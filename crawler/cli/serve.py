"""`vnnews serve`: browse the archive in datasette on 127.0.0.1."""

from __future__ import annotations

import argparse
import json
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from crawler.cli import add_db_argument
from crawler.lifetime import die_with_parent

HELP = "browse the archive in datasette on 127.0.0.1"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_db_argument(p)
    p.add_argument("--port", type=port_number, default=8001, help="the port on 127.0.0.1 (default: 8001)")


def port_number(text: str) -> int:
    """A TCP port, for argparse."""
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"not a port number (1-65535): {text!r}")
    return int(text)


def _bring_up_to_date(db: Path) -> None:
    """An archive written by an older vnnews is migrated before datasette reads it (the pages use what the
    migrations add: the exact-spelling index, the coverage table). A file that is no archive: one line."""
    from archive.schema import SCHEMA_VERSION
    from archive.store import Archive, ArchiveOutdated

    try:
        Archive(db, readonly=True).close()
    except ArchiveOutdated:
        print(f"vnnews: bringing {db} up to schema {SCHEMA_VERSION} (once)…", file=sys.stderr)
        Archive(db).close()


def run(args: argparse.Namespace) -> int:
    import archive
    from archive.metadata import datasette_metadata
    from archive.store import writable

    db = Path(args.db)
    _bring_up_to_date(db)  # one clear line if it is missing or no archive, before datasette starts
    with tempfile.TemporaryDirectory() as tmp:
        metadata = Path(tmp) / "metadata.json"
        metadata.write_text(json.dumps(datasette_metadata(db.stem), ensure_ascii=False), "utf-8")
        print(f"vnnews: serving {db} on http://127.0.0.1:{args.port}/ (coverage: /-/vnnews/coverage; Ctrl-C to stop)",
              file=sys.stderr)
        here = Path(archive.__file__).parent / "datasette"
        command = [sys.executable, "-m", "datasette", "serve", str(db), "--metadata", str(metadata),
                   "--plugins-dir", str(here), "--template-dir", str(here / "templates"),
                   "--host", "127.0.0.1", "--port", str(args.port), "--setting", "sql_time_limit_ms", "5000",
                   "--setting", "facet_time_limit_ms", "2000", "--setting", "truncate_cells_html", "300",
                   "--setting", "suggest_facets", "off"]
        if not writable(db):  # a read-only archive (a snapshot): datasette reads it as immutable
            command[command.index(str(db))] = f"--immutable={db}"
        server = subprocess.Popen(command, preexec_fn=die_with_parent)
        # SIGTERM (systemd, kill) stops datasette too, and the temporary metadata goes with it
        signal.signal(signal.SIGTERM, lambda *_: server.terminate())
        try:
            code = server.wait()
        except KeyboardInterrupt:
            server.terminate()
            code = server.wait()
        return 0 if code in (0, -signal.SIGTERM, -signal.SIGINT) else code
