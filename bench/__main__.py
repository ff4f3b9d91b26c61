"""`python -m bench [NAME ...]`: run the benchmarks (all by default) and print their figures."""

from __future__ import annotations

import argparse
import importlib
import time

BENCHES = ["dates", "extraction", "crawl", "distributed", "imports", "ranking", "archive"]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", choices=BENCHES + [[]], metavar="NAME", help=f"one of {', '.join(BENCHES)}")
    args = parser.parse_args()
    for name in args.names or BENCHES:
        started = time.perf_counter()
        print(f"\n=== {name} ===", flush=True)
        importlib.import_module(f"bench.{name}").run()
        print(f"({time.perf_counter() - started:.1f} s)", flush=True)


if __name__ == "__main__":
    main()
