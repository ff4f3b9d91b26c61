"""datasette plugin for the vnnews archive (loaded by `vnnews serve` with --plugins-dir, beside vnnews_articles.py,
the Articles table's view and search box, and vnnews_coverage.py, the coverage page).

- SQL functions (archive.sqlfunctions): vn_fold(text), vn_match(query) (every spelling), vn_match_exact and
  vn_match_inexact (the two tiers of the ranked search) and vn_snippet(text, query) (an excerpt with the matches
  marked in the article's own spelling);
- cells: snippets render their <mark>s and nothing else; article titles link to the readable article page;
- pages: /-/vnnews/article/<db>/<id> shows one article as a reader sees it; /-/vnnews/page/<db>?url= serves the
  raw stored page, sandboxed (no scripts run, nothing is fetched from the newspaper).
"""

from __future__ import annotations

import html
import json
import re
import zlib
from urllib.parse import quote, urlsplit

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup

from archive.sqlfunctions import register

_MARK = re.compile(r"(</?mark>)")


@hookimpl
def prepare_connection(conn):
    register(conn)


def safe_snippet(value: str) -> Markup:
    """A snippet cell as HTML whoever wrote it: its <mark> tags kept, every other character escaped (text that
    vn_snippet escaped is unescaped first, so it shows once, not as &amp;lt;)."""
    return Markup("".join(part if _MARK.fullmatch(part) else html.escape(html.unescape(part))
                          for part in _MARK.split(value)))


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if column == "snippet" and isinstance(value, str):
        return safe_snippet(value)
    # row is a sqlite3.Row: `in` would test its values, so the column names come from keys()
    has_id = "id" in row.keys()  # noqa: SIM118
    if column == "title" and isinstance(value, str) and (table == "articles" or has_id):
        article_id = row["id"] if has_id else None
        if article_id is not None:
            return Markup(f'<a href="/-/vnnews/article/{quote(database)}/{int(article_id)}">{html.escape(value)}</a>')
    return None


def _database(datasette, name: str):
    """The database of a route, or None (a 404 then, not datasette's 500 for an unknown name)."""
    try:
        return datasette.get_database(name)
    except KeyError:
        return None


async def article_page(request, datasette):
    database = request.url_vars["database"]
    article_id = int(request.url_vars["id"])
    db = _database(datasette, database)
    if db is None:
        return Response.html("<h1>No such database</h1>", status=404)
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
    db = _database(datasette, request.url_vars["database"])
    if db is None:
        return Response.html("<h1>No such database</h1>", status=404)
    url = request.args.get("url", "")
    # the page fetched at this URL; else the one fetched at another URL of the same article (a tagged link, an old
    # domain, a redirect)
    row = (await db.execute(
        "SELECT body, content_type FROM pages WHERE url = ? UNION ALL SELECT p.body, p.content_type FROM pages p "
        "JOIN article_urls u ON u.url = p.url WHERE u.article_id = (SELECT article_id FROM article_urls WHERE url = ?) "
        "LIMIT 1", [url, url])).first()
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
