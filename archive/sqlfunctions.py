"""The SQL functions of the archive's queries, registered on every connection that searches: vnnews's own
(archive.store) and datasette's (the plugin), so both run the same SQL (archive.search.search_sql)."""

from __future__ import annotations

import sqlite3

from archive.search import NOTHING, Query, fold
from archive.snippet import snippet

# Python functions run outside SQLite's progress handler: datasette's time limit cannot stop one, so each bounds
# its own work. An article's text is far below a million characters; what a reader types, below a thousand.
MAX_TEXT = 1_000_000
MAX_QUERY = 1_000


def _query(text: str | None) -> Query:
    return Query.parse(text[:MAX_QUERY] if isinstance(text, str) else None)


def vn_fold(text: str | None) -> str | None:
    """Diacritic-free lower case, for LIKE in hand-written SQL: vn_fold(section) like '%xay dung dang%' (the first
    MAX_TEXT characters of a longer value)."""
    return fold(text[:MAX_TEXT]) if isinstance(text, str) else None


def vn_match(query: str | None) -> str:
    """Every spelling of the query's words and phrases (what the table's search box filters on)."""
    return _query(query).match() or NOTHING


def vn_match_exact(query: str | None) -> str:
    return _query(query).exact_match()


def vn_match_inexact(query: str | None) -> str:
    return _query(query).inexact_match()


def vn_ranked(query: str | None) -> int:
    return int(_query(query).ranked())


def vn_snippet(text: str | None, query: str | None) -> str:
    """An excerpt of the first MAX_TEXT characters of ``text`` (archive.snippet)."""
    return snippet(text[:MAX_TEXT] if isinstance(text, str) else None, query[:MAX_QUERY] if isinstance(query, str)
                   else None)


def register(conn: sqlite3.Connection) -> None:
    for function in (vn_fold, vn_match, vn_match_exact, vn_match_inexact, vn_ranked):
        conn.create_function(function.__name__, 1, function, deterministic=True)
    conn.create_function("vn_snippet", 2, vn_snippet, deterministic=True)
