"""datasette plugin: the Articles table as a researcher opens it.

- default columns: a table whose metadata names ``plugins: {vnnews: {default_columns: [...]}}`` opens on those
  columns (the request gets them as ``_col=`` before datasette reads it, so its own links and column menus keep
  working); ``_fields=all`` (the page's "All fields" link), or any ``_col``/``_nocol`` of the reader's, shows what
  was asked instead. JSON, CSV and the row pages always have every field.
- the search box: ``_search=`` on a table whose metadata names ``plugins: {vnnews: {fts_table: ...}}`` filters
  through archive.search's query builder (vn_match), the same query the ranked search sends: every spelling,
  "quoted phrases" as phrases. (datasette's own search would hand the words to FTS5 as typed.)
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.filters import FilterArguments
from datasette.utils import escape_sqlite

ALL_FIELDS = ("_fields", "all")  # the query argument that asks for every column
_CHOSEN = {"_col", "_nocol", ALL_FIELDS[0]}


def _table_config(datasette, path: str) -> tuple[str, str, dict] | None:
    """(database, table, the vnnews plugin settings of the table) for the HTML page of a table, else None."""
    parts = path.strip("/").split("/")
    if len(parts) != 2 or "." in parts[1] or parts[0] not in datasette.databases:
        return None
    config = datasette.plugin_config("vnnews", database=parts[0], table=parts[1]) or {}
    return parts[0], parts[1], config


def with_default_columns(datasette, scope: dict) -> dict:
    """The request for a table page with its default columns added, unless the reader chose columns."""
    found = _table_config(datasette, scope.get("path", ""))
    if not found or not found[2].get("default_columns"):
        return scope
    args = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
    if any(key in _CHOSEN for key, _ in args):
        return scope
    args += [("_col", column) for column in found[2]["default_columns"]]
    return {**scope, "query_string": urlencode(args).encode("latin-1")}


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def default_columns(scope, receive, send):
            if scope["type"] == "http":
                scope = with_default_columns(datasette, scope)
            await app(scope, receive, send)

        return default_columns

    return wrap


@hookimpl
def extra_template_vars(template, database, table, request, datasette):
    """The table page's "All fields" / "Fewer fields" switch."""
    if template != "table.html" or request is None:
        return {}
    config = datasette.plugin_config("vnnews", database=database, table=table) or {}
    if not config.get("default_columns"):
        return {}
    args = [(k, v) for k, v in parse_qsl(request.query_string, keep_blank_values=True) if k not in _CHOSEN]
    showing_all = request.args.get(ALL_FIELDS[0]) == ALL_FIELDS[1]
    return {"vnnews_fields": {
        "showing_all": showing_all,
        "default_columns": config["default_columns"],
        "all_link": request.path + "?" + urlencode([*args, ALL_FIELDS]),
        "default_link": request.path + ("?" + urlencode(args) if args else ""),
    }}


@hookimpl(trylast=True)  # after datasette's own search filter, so that its "no search here" does not win
def filters_from_request(request, database, table, datasette):
    fts = (datasette.plugin_config("vnnews", database=database, table=table) or {}).get("fts_table")
    if not fts:
        return None
    words = request.args.get("_search", "").strip()
    context = {"supports_search": True, "search": words}
    if not words:
        return FilterArguments([], extra_context=context)
    match = f"rowid in (select rowid from {escape_sqlite(fts)} where {escape_sqlite(fts)} match vn_match(:vnnews_search))"
    return FilterArguments([match], {"vnnews_search": words}, [f'search matches "{words}"'], extra_context=context)
