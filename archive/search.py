"""Full-text search: diacritics ignored for matching, respected for ranking.

The index (articles_fts, FTS5, tokenizer ``unicode61 remove_diacritics 2``) has two columns per article:
- ``text``: title, lead and body folded (``fold``: no marks, đ -> d, lower case), one token per word. Every query
  matches here, so "xay dung dang", "xây dựng Đảng" and "khoá"/"khóa" find the same articles, and a quoted phrase
  is a real FTS5 phrase (one token per word keeps the positions of the words).
- ``exact``: each word that carries marks, spelled exactly (``exact_form``: tone placement normalised, so "khoá"
  and "khóa" are one spelling), in order. A query typed with diacritics ranks the articles whose words are spelled
  as typed above those that only fold to them: "dựng" before "dùng" and "đúng", "đang" before "Đảng".

The tokenizer strips every mark but never turns đ into d, so an exact form is written as ASCII letters and VNI
digits after an "đ" (``đdu7ng5`` for "dựng"); folded text never holds an "đ", so the two columns share no token.

Every writer of the index goes through ``index_row`` (and ``INDEX_SQL``); every reader builds its query with
``Query`` (``fts_query`` for the plain match) and ranks with ``search_sql``. The SQL runs through the functions
of archive.sqlfunctions (vn_match, vn_match_exact, vn_match_inexact), so vnnews, the datasette plugin's search
box and the canned search send the same query.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# Ð (U+00D0, Icelandic Eth) and ð are typed for Đ/đ by some CMS editors; neither occurs in Vietnamese.
ETH = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})
_WORD = re.compile(r"\w+", re.UNICODE)
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff]+")  # combining marks


def repair_eth(text: str) -> str:
    """Ð and ð as Đ and đ. (str.replace, not str.translate: on a whole text, translate looks every character up in a
    dict, ten times slower.)"""
    return text.replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
# VNI digits: tones (one per word, written last, wherever the page placed it) and vowel marks (after their letter)
_TONES = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
_VOWEL_MARKS = {"\u0302": "6", "\u031b": "7", "\u0306": "8"}
_EXACT = "đ"  # starts every exact form: the tokenizer keeps it, and folded text never has it

FTS_CREATE = "CREATE VIRTUAL TABLE articles_fts USING fts5(text, exact, tokenize = 'unicode61 remove_diacritics 2')"
INDEX_SQL = "INSERT INTO articles_fts (rowid, text, exact) VALUES (?, ?, ?)"
NOTHING = f'"{_EXACT}"'  # a query that matches no article (no token is a bare đ): FTS5 rejects an empty one


def fold(text: str) -> str:
    """Diacritic-free lower-case form for search: 'Xây dựng Đảng' -> 'xay dung dang'."""
    return _MARKS.sub("", unicodedata.normalize("NFD", repair_eth(text).lower())).replace("đ", "d")


def exact_form(word: str) -> str | None:
    """The index token of a word's exact spelling ('dựng' -> 'đdu7ng5', 'khoá' and 'khóa' -> 'đkhoa1'), or None
    for a word without Vietnamese marks (its folded form says it all)."""
    letters, tone, marked = [], "", False
    for c in unicodedata.normalize("NFD", word.translate(ETH).lower()):
        if c in _TONES:
            tone, marked = _TONES[c], True
        elif c in _VOWEL_MARKS:
            letters.append(_VOWEL_MARKS[c])
            marked = True
        elif c == "đ":
            letters.append("d9")
            marked = True
        elif not unicodedata.combining(c):  # marks Vietnamese does not use (ü, ç) are left to the fold
            letters.append(c)
    return _EXACT + "".join(letters) + tone if marked else None


def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", repair_eth(text)))


@lru_cache(maxsize=100_000)
def spellings(word: str) -> tuple[str, str | None]:
    """(folded, exact form) of a word; a language of a few thousand syllables: each is worked out once."""
    return fold(word), exact_form(word)


def index_texts(title: str, lead: str | None, body: str) -> tuple[str, str]:
    """The two indexed columns of one article: its words folded, its marked words spelled exactly. (A crawl works
    them out in its extraction workers, beside the article.)"""
    forms = [spellings(w) for w in words(f"{title}\n{lead or ''}\n{body}")]
    return " ".join(f for f, _ in forms), " ".join(e for _, e in forms if e)


def index_row(article_id: int, title: str, lead: str | None, body: str) -> tuple[int, str, str]:
    """The articles_fts row of one article (insert it with INDEX_SQL)."""
    return (article_id, *index_texts(title, lead, body))


def _quoted(tokens: list[str]) -> str:
    return '"' + " ".join(tokens) + '"'


@dataclass(frozen=True)
class Query:
    """What a reader typed: words and "quoted phrases", all required. ``match`` finds every spelling;
    ``exact`` is the part that says which spellings rank first (None when nothing was typed with diacritics)."""

    phrases: tuple[tuple[str, ...], ...]

    @classmethod
    def parse(cls, text: str | None) -> Query:
        text = text or ""
        if text.count('"') % 2:
            text += '"'  # an unclosed quote runs to the end
        phrases = []
        for i, part in enumerate(text.split('"')):
            found = words(part)
            if i % 2:  # inside quotes
                phrases += [tuple(found)] if found else []
            else:
                phrases += [(w,) for w in found]
        return cls(tuple(phrases))

    def match(self) -> str | None:
        """Every spelling: each phrase folded and quoted (so "Mác - Lênin" is no syntax error)."""
        return " ".join(_quoted([fold(w) for w in p]) for p in self.phrases) or None

    def exact(self) -> str | None:
        """The words typed with diacritics, spelled so: consecutive ones as a phrase (the exact column holds only
        marked words, in order, so a run of them keeps its positions)."""
        runs: list[list[str]] = []
        for phrase in self.phrases:
            run: list[str] = []
            for w in (*phrase, ""):
                form = exact_form(w) if w else None
                if form:
                    run.append(form)
                elif run:
                    runs.append(run)
                    run = []
        return " ".join(_quoted(r) for r in runs) or None

    def exact_match(self) -> str:
        """Tier 1 of the ranking: every spelling, and the typed spellings where the query has diacritics. A word's
        exact form implies its folded one, so a word typed with marks is looked up once, by its exact form (half
        the doclists to read and rank on a common word)."""
        match, exact = self.match(), self.exact()
        if not match:
            return NOTHING
        if not exact:
            return match
        rest = " ".join(_quoted([fold(w) for w in p]) for p in self.phrases if len(p) > 1 or not exact_form(p[0]))
        return f"({rest}) AND ({exact})" if rest else exact

    def ranked(self) -> bool:
        """Whether bm25 orders the results: not for a query with a phrase of several words (see _RANK)."""
        return all(len(p) == 1 for p in self.phrases)

    def inexact_match(self) -> str:
        """Tier 2: the articles that match only once folded (none when the query has no diacritics)."""
        match, exact = self.match(), self.exact()
        return f"({match}) NOT ({exact})" if match and exact else NOTHING


def fts_query(query: str) -> str | None:
    """A user's words as a safe FTS5 query that matches every spelling; None when there is no word."""
    return Query.parse(query).match()


# Ranked among the most recently archived matches: on a million articles a common phrase matches half of them,
# and ranking every match would take seconds. The fold-only tier is not even read when the exact tier fills the
# page: the CASE turns its query into NOTHING first.
SEARCH_WINDOW = 2000
# bm25 of a phrase counts every article that holds it (its IDF): 150-300 ms for a common phrase at a million
# articles. A query with a quoted phrase lists each tier newest first instead (FTS5 computes rank only if read).
_RANK = "(case when vn_ranked(:q) then rank else -rowid end)"


def search_sql(columns: str, limit: int, window: int = SEARCH_WINDOW) -> str:
    """The ranked search, one statement, parameter :q: articles with the typed spellings first (bm25 within each
    tier; newest first for a phrase), then those that only match folded. ``columns`` from articles ``a`` (and
    ``hits.tier``)."""
    return f"""with exact_hits as materialized (
  select rowid, {_RANK} as rank from articles_fts where articles_fts match vn_match_exact(:q)
  order by rowid desc limit {int(window)}
), inexact_hits as (
  select rowid, {_RANK} as rank from articles_fts where articles_fts match
    (case when (select count(*) from exact_hits) < {int(limit)} then vn_match_inexact(:q) else '{NOTHING}' end)
  order by rowid desc limit {int(window)}
), hits as (
  select rowid, rank, 1 as tier from exact_hits union all select rowid, rank, 2 as tier from inexact_hits
)
select {columns}
from hits join articles a on a.id = hits.rowid
order by hits.tier, hits.rank
limit {int(limit)}"""


def search(conn: Any, query: str, limit: int = 20, *, window: int = SEARCH_WINDOW) -> list[dict[str, Any]]:
    """Ranked search of the archive on an open sqlite3 connection with archive.sqlfunctions registered (Archive
    does it); [] for a query with no words."""
    if not Query.parse(query).match():
        return []
    sql = search_sql("a.id, a.url, a.site, a.title, a.published_at, hits.tier", limit, window)
    cursor = conn.execute(sql, {"q": query})
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
