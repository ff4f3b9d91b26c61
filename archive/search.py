"""Full-text search that ignores diacritics and tone placement.

The index (articles_fts, FTS5) holds one column: the folded text of title, lead and body, in which a word with đ
also appears in its đ-form (``search_text``). SQLite's unicode61 tokenizer removes every other mark but never
turns đ into d, so with both forms indexed "xay dung dang", "xây dựng Đảng" and "khoá"/"khóa" all match, through
vnnews or through datasette's own search box. One column keeps the index small, and with it bm25's cost on common
words. Every writer of the index goes through ``index_text``; every reader builds its query with ``fts_query``.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_WORD = re.compile(r"\w+", re.UNICODE)


def repair_eth(text: str) -> str:
    """Ð (U+00D0, Icelandic Eth) and ð are typed for Đ/đ by some CMS editors; neither occurs in Vietnamese.
    (str.replace, not str.translate: translate looks every character up in a dict, ten times slower here.)"""
    return text.replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")


_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff]+")  # combining marks


def _strip_marks(text: str) -> str:
    """Lower case, decomposed, without combining marks; đ (which does not decompose) stays đ."""
    return _MARKS.sub("", unicodedata.normalize("NFD", repair_eth(text).lower()))


def fold(text: str) -> str:
    """Diacritic-free lower-case form for search: 'Xây dựng Đảng' -> 'xay dung dang'."""
    return _strip_marks(text).replace("đ", "d")


def search_text(text: str) -> str:
    """What the full-text index holds: every word folded, and a word with đ also in its đ-form
    ("Đảng" -> "dang đang"), so whatever a reader types matches: "dang", "Đảng", "đang"."""
    marked = _strip_marks(text)  # đ kept
    folded = _WORD.findall(marked.replace("đ", "d"))
    if "đ" not in marked:
        return " ".join(folded)
    # the same words in the same order, with and without đ: add the đ-form after each word that has one
    return " ".join(f if f == m else f"{f} {m}" for f, m in zip(folded, _WORD.findall(marked), strict=True))


def index_text(title: str, lead: str | None, body: str) -> str:
    """What articles_fts holds for one article."""
    return search_text(f"{title}\n{lead or ''}\n{body}")


def fts_query(query: str) -> str | None:
    """A user's words as a safe FTS5 query (each word quoted, so "Mác - Lênin" is no syntax error), folded."""
    terms = _WORD.findall(fold(query))
    return " ".join(f'"{t}"' for t in terms) if terms else None


# Ranked among the most recently archived matches: on a million articles a common phrase matches half of them,
# and ranking every match would take seconds.
SEARCH_WINDOW = 2000
SEARCH_SQL = (
    "SELECT a.id, a.url, a.site, a.title, a.published_at FROM ("
    "  SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?"
    ") AS hits JOIN articles a ON a.id = hits.rowid ORDER BY hits.rank LIMIT ?"
)


def search(conn: Any, query: str, limit: int = 20, *, window: int = SEARCH_WINDOW) -> list[dict[str, Any]]:
    """Ranked (bm25) search of the archive on an open sqlite3 connection; [] for a query with no words."""
    terms = fts_query(query)
    if not terms:
        return []
    cursor = conn.execute(SEARCH_SQL, [terms, window, limit])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
