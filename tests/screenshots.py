"""`make screenshots`: the README's pictures, from a fresh crawl of the sample sites (what `make demo` archives),
served by `vnnews serve` and taken in headless Chromium, so that they show what the code shows today.

    python -m tests.screenshots docs     # docs/articles.png, docs/coverage.png
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.browser import chromium
from tests.conftest import run_vnnews, serving

SCREEN = {"width": 1400, "height": 1000}
SHOTS = {  # file -> (page, the whole page or the first screen)
    "articles.png": ("/archive/articles", False),
    "coverage.png": ("/-/vnnews/coverage", True),
}


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "archive.db"
        run_vnnews("crawl", "--offline", "--db", str(db))
        with serving(db) as base, chromium() as browser:
            page = browser.new_page(viewport=SCREEN, locale="vi-VN")
            for name, (path, full) in SHOTS.items():
                page.goto(base + path)
                page.screenshot(path=str(out / name), full_page=full)
                print(f"{out / name}: {base}{path} ({(out / name).stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
