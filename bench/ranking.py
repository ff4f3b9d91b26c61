"""Ranking on the golden articles: where the articles spelled as typed land, exact-first (vnnews) against the
fold-only bm25 ranking of schema v4 (the same index, every spelling alike), for the cases of tests/search_cases.py.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from archive.search import SEARCH_WINDOW
from bench.timing import report
from tests.search_cases import CASES, ranking_archive

# schema v4's ranking: the most recent matches of every spelling, by bm25 alone
FOLD_ONLY_SQL = (
    "SELECT a.id, a.title FROM (SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH vn_match(:q) "
    f"ORDER BY rowid DESC LIMIT {SEARCH_WINDOW}) AS hits JOIN articles a ON a.id = hits.rowid ORDER BY hits.rank LIMIT :limit"
)


def fold_only(conn: Any, query: str, limit: int) -> list[dict[str, Any]]:
    return [{"id": i, "title": t} for i, t in conn.execute(FOLD_ONLY_SQL, {"q": query, "limit": limit})]


def _ranks(hits: list[dict[str, Any]], expected: list[str]) -> list[int]:
    return [n for n, hit in enumerate(hits, 1) if hit["title"] in expected]


def _precision(ranks: list[int], k: int) -> float:
    return sum(r <= k for r in ranks) / k


def run() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        archive = ranking_archive(Path(tmp) / "archive.db")
        for query, expected in CASES.items():
            k = len(expected)
            before = _ranks(fold_only(archive.db.conn, query, 100), expected)
            after = _ranks(archive.search(query, limit=100), expected)
            rows.append({"query": query, "k": k, "exact_first_ranks": ",".join(map(str, after)),
                         "exact_first_precision": _precision(after, k), "fold_only_ranks": ",".join(map(str, before)),
                         "fold_only_precision": _precision(before, k)})
        archive.close()
    print(f"{len(CASES)} queries over the golden articles; k = articles spelled as typed\n")
    report("ranking", rows, [("query", "query", ""), ("k", "k", "d"), ("exact_first_ranks", "exact-first: their ranks", ""),
                             ("exact_first_precision", "P@k", ".0%"), ("fold_only_ranks", "fold-only bm25: their ranks", ""),
                             ("fold_only_precision", "P@k", ".0%")])
