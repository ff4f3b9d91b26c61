"""Small helpers shared by the benchmarks: timing, and the report each benchmark prints and saves."""

from __future__ import annotations

import json
import os
import platform
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

OUT = Path(__file__).resolve().parent.parent / "data" / "bench"


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


def report(name: str, rows: list[dict[str, Any]], columns: list[tuple[str, str, str]], **context: Any) -> None:
    """Print ``rows`` as a table (``columns``: (key, header, format spec)) and write them, with the raw numbers, to
    data/bench/<name>.json (one object per row with named fields, plus when and where it ran) so that runs can be
    compared."""
    def cell(row: dict[str, Any], key: str, spec: str) -> str:
        value = row.get(key)
        return "" if value is None else format(value, spec) if spec and not isinstance(value, str) else str(value)

    print(table([tuple(cell(row, key, spec) for key, _, spec in columns) for row in rows],
                tuple(header for _, header, _ in columns)))
    OUT.mkdir(parents=True, exist_ok=True)
    meta = {"benchmark": name, "at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "machine": platform.node(), "cpus": os.cpu_count(), **context}
    (OUT / f"{name}.json").write_text(json.dumps({**meta, "rows": rows}, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"(figures saved to {(OUT / f'{name}.json').relative_to(OUT.parent.parent)})")
