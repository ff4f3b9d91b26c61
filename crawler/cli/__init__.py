"""The `vnnews` command. One module per subcommand (``COMMANDS``), each a thin layer over a Python function, so
what the CLI does can be done from Python too. A module has ``HELP``, ``add_arguments(parser)`` and
``run(args) -> exit code``; adding a subcommand means adding its module here.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

DEFAULT_DB = "data/archive.db"
# the subcommands, in the order `vnnews --help` lists them: (name, module)
COMMANDS = (("crawl", "crawl"), ("archive-writer", "writer"), ("import", "import_"), ("backfill", "backfill"),
            ("status", "status"), ("serve", "serve"), ("export", "export"), ("re-extract", "reextract"),
            ("extract", "extract"), ("evaluate", "evaluate"), ("sites", "sites"), ("probe", "probe"),
            ("mirror", "mirror"))


class UserError(Exception):
    """A mistake the user can fix: printed as one line, exit code 2 (or ``code``)."""

    def __init__(self, message: str, code: int = 2):
        super().__init__(message)
        self.code = code


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=DEFAULT_DB, metavar="PATH", help=f"the archive file (default: {DEFAULT_DB})")


def site_names(names: list[str] | None) -> list[str] | None:
    """Registry names as given (--site, repeatable), checked; None when none was given."""
    from crawler.sites import get_site

    return [get_site(n).name for n in names] if names else None


def build_parser() -> argparse.ArgumentParser:
    from importlib.metadata import version

    parser = argparse.ArgumentParser(prog="vnnews", description="Crawl and archive Vietnamese provincial newspapers.")
    parser.add_argument("--version", action="version", version=f"vnnews {version('vnnews')}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module_name in COMMANDS:
        module = importlib.import_module(f"{__name__}.{module_name}")
        sub = commands.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(sub)
        sub.set_defaults(func=module.run)
    return parser


EX_SIGPIPE = 141  # what a shell reports for a program whose reader went away (`vnnews export … | head`)


def main(argv: list[str] | None = None) -> int:
    from archive.store import ArchiveError

    args = build_parser().parse_args(argv)
    try:
        return args.func(args) or 0
    except UserError as exc:
        print(f"vnnews: {exc}", file=sys.stderr)
        return exc.code
    except ArchiveError as exc:  # not an archive, corrupt, read-only where a write is needed: one line
        print(f"vnnews: {exc}", file=sys.stderr)
        return 1
    except KeyError as exc:  # unknown site names and the like: one clear line, no traceback
        print(f"vnnews: {exc.args[0]}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # the reader stopped reading: say nothing more, and let Python's exit flush nothing into the closed pipe
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EX_SIGPIPE


def date_argument(text: str) -> str:
    """YYYY-MM-DD, for argparse."""
    from datetime import date

    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None
