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

# Ð (U+00D0, Icelandic Eth) and ð are typed for Đ/đ by some CMS editors; neither occurs in Vietnamese.
ETH = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})
_WORD = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    """Diacritic-free lower-case form for search: 'Xây dựng Đảng' -> 'xay dung dang'."""
    decomposed = unicodedata.normalize("NFD", text.translate(ETH))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("đ", "d").replace("Đ", "D").lower()


def search_text(text: str) -> str:
    """What the full-text index holds: every word folded, and a word with đ also in its đ-form
    ("Đảng" -> "dang đang"), so whatever a reader types matches: "dang", "Đảng", "đang"."""
    out = []
    for word in _WORD.findall(text.translate(ETH)):
        out.append(fold(word))
        if "đ" in word.lower():  # đ does not decompose: dropping the other marks keeps it
            out.append("".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c)))
    return " ".join(out)


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
