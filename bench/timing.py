"""Small helpers shared by the benchmarks."""

from __future__ import annotations

import time
from typing import Callable


def rate(function: Callable[[], int], min_seconds: float = 1.0) -> float:
    """Items per second of ``function`` (which returns how many items it handled), repeated for min_seconds."""
    done, started = 0, time.perf_counter()
    while True:
        done += function()
        elapsed = time.perf_counter() - started
        if elapsed >= min_seconds:
            return done / elapsed


def table(rows: list[tuple], header: tuple) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = lambda r: "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))  # noqa: E731
    return "\n".join([line(header), "-" * len(line(header)), *map(line, rows)])
