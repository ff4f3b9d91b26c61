"""`vnnews serve`: browse the archive in datasette on 127.0.0.1."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from crawler.cli import UserError, add_db_argument

HELP = "browse the archive in datasette on 127.0.0.1"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_db_argument(p)
    p.add_argument("--port", type=int, default=8001)


def _bring_up_to_date(db: Path) -> None:
    """An archive written by an older vnnews is migrated before datasette reads it (the pages use what the
    migrations add: the exact-spelling index, the coverage table)."""
    from archive.schema import SCHEMA_VERSION, schema_version
    from archive.store import Archive, ArchiveError

    try:
        with Archive(db, readonly=True) as archive:
            version = schema_version(archive.db)
        if version < SCHEMA_VERSION:
            print(f"vnnews: bringing {db} from schema {version} to {SCHEMA_VERSION} (once)…", file=sys.stderr)
            Archive(db).close()
    except ArchiveError as exc:
        raise UserError(str(exc), 1) from None


def run(args: argparse.Namespace) -> int:
    import archive
    from archive.metadata import datasette_metadata

    db = Path(args.db)
    if not db.exists():
        raise UserError(f"no archive at {db}; run `vnnews crawl` (or `make demo`) first", 1)
    _bring_up_to_date(db)
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
        try:
            return subprocess.call(command)
        except KeyboardInterrupt:
            return 0
