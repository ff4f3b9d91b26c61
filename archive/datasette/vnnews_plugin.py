"""datasette plugin for the vnnews archive (loaded by `vnnews serve` with --plugins-dir).

- SQL functions: vn_fold(text) (diacritic-free lower case), vn_match(query) (a safe FTS5 query of the folded
  words: "xay dung dang", "xây dựng Đảng", "khoá", "khóa" all find the same rows) and vn_snippet(text, query)
  (an excerpt with the matches marked, whatever the query's diacritics);
- cells: snippets render their <mark>s; article titles link to the readable article page;
- pages: /-/vnnews/article/<db>/<id> shows one article as a reader sees it; /-/vnnews/page/<db>?url= serves the
  raw stored page, sandboxed (no scripts run, nothing is fetched from the newspaper).
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
import zlib
from urllib.parse import quote, urlsplit

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup

from archive.search import fts_query

_WORD = re.compile(r"\w+", re.UNICODE)
SNIPPET_CHARS = 220


def _fold_char(char: str) -> str:
    base = unicodedata.normalize("NFD", char)[0].lower()
    return "d" if base == "đ" else base


def vn_fold(text: str | None) -> str | None:
    """Same-length fold (one character for one character), so positions in the folded text are positions in
    the original: that is what lets vn_snippet mark matches in text with diacritics."""
    if text is None:
        return None
    return "".join(_fold_char(c) for c in unicodedata.normalize("NFC", text))


def vn_match(query: str | None) -> str | None:
    return fts_query(query or "")  # the same query vnnews itself sends


def vn_snippet(text: str | None, query: str | None) -> str:
    """HTML: about SNIPPET_CHARS characters of ``text`` around the first match of the query's words, marked."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    folded = vn_fold(text)
    terms = sorted(set(_WORD.findall(vn_fold(query or "") or "")), key=len, reverse=True)
    spans = []
    if terms:
        pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(t) for t in terms) + r")(?!\w)")
        spans = [m.span() for m in pattern.finditer(folded)]
    start = max(0, spans[0][0] - SNIPPET_CHARS // 3) if spans else 0
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    out, position = [], start
    for a, b in spans:
        if a < start or b > end:
            continue
        out += [html.escape(text[position:a]), "<mark>", html.escape(text[a:b]), "</mark>"]
        position = b
    out.append(html.escape(text[position:end]))
    return ("… " if start else "") + "".join(out) + (" …" if end < len(text) else "")


@hookimpl
def prepare_connection(conn):
    conn.create_function("vn_fold", 1, vn_fold, deterministic=True)
    conn.create_function("vn_match", 1, vn_match, deterministic=True)
    conn.create_function("vn_snippet", 2, vn_snippet, deterministic=True)


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if column == "snippet" and isinstance(value, str):
        return Markup(value)  # built by vn_snippet: escaped text and <mark> only
    # row is a sqlite3.Row: `in` would test its values, so the column names come from keys()
    has_id = "id" in row.keys()  # noqa: SIM118
    if column == "title" and isinstance(value, str) and (table == "articles" or has_id):
        article_id = row["id"] if has_id else None
        if article_id is not None:
            return Markup(f'<a href="/-/vnnews/article/{quote(database)}/{int(article_id)}">{html.escape(value)}</a>')
    return None


async def article_page(request, datasette):
    database = request.url_vars["database"]
    article_id = int(request.url_vars["id"])
    db = datasette.get_database(database)
    row = (await db.execute("SELECT * FROM articles WHERE id = ?", [article_id])).first()
    if row is None:
        return Response.html("<h1>No such article</h1>", status=404)
    article = dict(row)
    site = (await db.execute("SELECT title FROM sites WHERE name = ?", [article["site"]])).first()
    published = article["published_at"] or ""
    shown = published
    if "T" in published:
        day, clock = published[:10], published[11:16]
        shown = f"{day[8:10]}/{day[5:7]}/{day[:4]} {clock} (giờ Việt Nam, UTC+7)"
    elif published:
        shown = f"{published[8:10]}/{published[5:7]}/{published[:4]}"
    context = {
        "database": database,
        "article": article,
        "site_title": site["title"] if site else article["site"],
        "published": shown,
        "paragraphs": [p for p in (article["body"] or "").split("\n\n") if p],
        "images": json.loads(article["images"] or "[]"),
        "tags": json.loads(article["tags"] or "[]"),
        "domain": urlsplit(article["url"]).hostname,
        "page_link": f"/-/vnnews/page/{quote(database)}?url={quote(article['url'], safe='')}",
        "row_link": datasette.urls.row(database, "articles", str(article_id)),
        "table_link": datasette.urls.table(database, "articles"),
    }
    return Response.html(await datasette.render_template("vnnews_article.html", context, request=request))


async def stored_page(request, datasette):
    db = datasette.get_database(request.url_vars["database"])
    url = request.args.get("url", "")
    row = (await db.execute("SELECT body, content_type FROM pages WHERE url = ?", [url])).first()
    if row is None:
        return Response.html("<h1>This page is not in the archive</h1>", status=404)
    # sandbox: the archived page may carry scripts and trackers; none of them runs and nothing is fetched
    headers = {"Content-Security-Policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:"}
    return Response(zlib.decompress(row["body"]), headers=headers,
                    content_type=row["content_type"] or "text/html; charset=utf-8")


@hookimpl
def register_routes():
    return [
        (r"^/-/vnnews/article/(?P<database>[^/]+)/(?P<id>\d+)$", article_page),
        (r"^/-/vnnews/page/(?P<database>[^/]+)$", stored_page),
    ]
