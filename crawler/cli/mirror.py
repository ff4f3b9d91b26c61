"""`vnnews mirror`: serve the built-in sample sites on 127.0.0.1."""

from __future__ import annotations

import argparse

HELP = "serve the built-in sample sites on 127.0.0.1"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--delay", type=float, default=0.0, help="seconds before each response")


def run(args: argparse.Namespace) -> int:
    from crawler.mirror.server import main as serve_mirror

    serve_mirror(["--port", str(args.port), "--delay", str(args.delay)])
    return 0
