"""Re-run extraction over the raw pages stored in the archive, with no network: when the extractor improves,
old records improve too. Each page is read by the template version that fits it, judged by its markup and by when
it was fetched, so a page fetched years ago is read by the rules of its own template generation. A record whose
result changed is updated (its previous row kept in article_versions with cause "re-extract"); one that did not
only gets the new extractor_version and template name."""

from __future__ import annotations

import sys
from collections import Counter
from datetime import datetime
from typing import Callable

from archive.store import Archive
from crawler.extract import NoArticle, extract
from crawler.sites import SITES


def re_extract(db: str, sites: list[str] | None = None, *, progress: Callable[[Counter], None] | None = None,
               every: int = 500) -> Counter:
    """Returns counts: pages, new, updated, unchanged, no_article."""
    archive = Archive(db)
    counts: Counter[str] = Counter()
    try:
        for page in archive.iter_pages(sites):
            counts["pages"] += 1
            try:
                article = extract(page["body"], page["url"], SITES.get(page["site"]), content_type=page["content_type"],
                                  fetched_at=datetime.fromisoformat(page["fetched_at"]) if page["fetched_at"] else None)
            except NoArticle:
                counts["no_article"] += 1  # an archived article is never deleted by a re-extraction
            else:
                article.captured_at = page.get("captured_at")  # provenance of the page, not of the extraction
                counts[archive.save_article(article, cause="re-extract")] += 1
            if progress and counts["pages"] % every == 0:
                progress(counts)
    finally:
        archive.close()
    return counts


def print_progress(counts: Counter) -> None:
    print(f"  {counts['pages']:,} pages: {counts['updated']:,} updated, {counts['unchanged']:,} unchanged, "
          f"{counts['new']:,} new, {counts['no_article']:,} without article", file=sys.stderr, flush=True)
