"""The SQL functions of the archive's queries, registered on every connection that searches: vnnews's own
(archive.store) and datasette's (the plugin), so both run the same SQL (archive.search.search_sql)."""

from __future__ import annotations

import sqlite3

from archive.search import NOTHING, Query, fold
from archive.snippet import snippet


def vn_fold(text: str | None) -> str | None:
    """Diacritic-free lower case, for LIKE in hand-written SQL: vn_fold(section) like '%xay dung dang%'."""
    return None if text is None else fold(text)


def vn_match(query: str | None) -> str:
    """Every spelling of the query's words and phrases (what the table's search box filters on)."""
    return Query.parse(query).match() or NOTHING


def vn_match_exact(query: str | None) -> str:
    return Query.parse(query).exact_match()


def vn_match_inexact(query: str | None) -> str:
    return Query.parse(query).inexact_match()


def vn_ranked(query: str | None) -> int:
    return int(Query.parse(query).ranked())


def vn_snippet(text: str | None, query: str | None) -> str:
    return snippet(text, query)


def register(conn: sqlite3.Connection) -> None:
    for function in (vn_fold, vn_match, vn_match_exact, vn_match_inexact, vn_ranked):
        conn.create_function(function.__name__, 1, function, deterministic=True)
    conn.create_function("vn_snippet", 2, vn_snippet, deterministic=True)
