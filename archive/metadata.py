"""datasette metadata for an archive: titles, descriptions, facets and canned queries from metadata.yml, the
description of every column from the records it stores (archive.record), so no column is described twice, and the
SQL of the ranked search from archive.search, so that vnnews and datasette run one query."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from archive.record import Capture, Column, Coverage, CrawlRun, Failure, Page, SiteRow, columns
from archive.schema import article_columns
from archive.search import search_sql

SEARCH_COLUMNS = "a.id, a.published_at, a.site, a.title, vn_snippet(coalesce(a.lead || char(10), '') || a.body, :q) as snippet"
SEARCH_ROWS = 50

METADATA = Path(__file__).parent / "metadata.yml"
_ID = Column("id", "integer", "Row id")


def column_descriptions() -> dict[str, dict[str, str]]:
    """table -> column -> description, for every table declared by a record."""
    tables = {"articles": article_columns(), "pages": columns(Page), "sites": columns(SiteRow),
              "crawl_runs": [_ID, *columns(CrawlRun)], "failures": [_ID, *columns(Failure)],
              "captures": columns(Capture), "coverage": columns(Coverage)}
    return {table: {c.name: c.description for c in cols if c.description} for table, cols in tables.items()}


def datasette_metadata(database: str) -> dict[str, Any]:
    """metadata.yml with the column descriptions filled in, keyed by the database's name in datasette (the file's
    stem)."""
    import yaml

    metadata = yaml.safe_load(METADATA.read_text("utf-8"))
    tables = metadata["databases"]["archive"]["tables"]
    for table, described in column_descriptions().items():
        tables.setdefault(table, {})["columns"] = described
    metadata["databases"]["archive"]["queries"]["search"]["sql"] = search_sql(SEARCH_COLUMNS, SEARCH_ROWS)
    metadata["databases"] = {database: metadata["databases"]["archive"]}
    return metadata
