"""`vnnews evaluate`: score the extractor on a folder of saved pages labelled by hand (crawler.evaluate)."""

from __future__ import annotations

import argparse
from pathlib import Path

from crawler.cli import UserError

HELP = "score the extractor on a folder of saved pages with an expected.json, beside bare trafilatura"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("folder", type=Path, help="saved pages and their labels, expected.json (format: crawler/evaluate.py)")
    p.add_argument("--no-trafilatura", action="store_true", help="score vnnews alone (faster)")
    p.add_argument("--misses", choices=("vnnews", "all", "none"), default="vnnews",
                   help="whose misses to list (default: vnnews)")


def run(args: argparse.Namespace) -> int:
    from crawler.evaluate import EXTRACTORS, LabelError, evaluate, report

    if not args.folder.is_dir():
        raise UserError(f"no such folder: {args.folder}", 1)
    extractors = ["vnnews"] if args.no_trafilatura else list(EXTRACTORS)
    try:
        result = evaluate(args.folder, extractors)
    except LabelError as exc:
        raise UserError(str(exc), 1) from None
    misses = {"vnnews": ["vnnews"], "all": extractors, "none": []}[args.misses]
    print(report(result, misses))
    return 0
