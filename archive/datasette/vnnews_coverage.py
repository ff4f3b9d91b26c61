"""datasette plugin: the coverage page, /-/vnnews/coverage (and .json): articles per paper per month as a heat map
with its gaps, failures per paper per week, the share of Party-building articles per paper. Every cell and bar
links to the table view of what it counts. ?db= picks the archive when datasette serves several."""

from __future__ import annotations

import asyncio

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup

from archive import charts, coverage

YEAR_LABELS = "slice(datum.value, 5, 7) == '01' ? slice(datum.value, 0, 4) : ''"  # past two years: a label a year


async def _database(request, datasette):
    """The archive to show: ?db=, else the first database with a coverage table."""
    wanted = request.args.get("db")
    for name, db in datasette.databases.items():
        if (wanted is None or name == wanted) and await db.table_exists("coverage"):
            return name, db
    return None, None


def _data(conn, articles_url: str, failures_url: str) -> dict[str, list[dict]]:
    months = coverage.monthly(conn, articles_url)
    for row in months:
        row["label"] = f"{row['paper']}, {row['month']}: {row['articles']} articles"
    weeks = coverage.weekly_failures(conn, failures_url)
    for row in weeks:
        row["label"] = f"{row['paper']}, week of {row['week']}: {row['failures']} failures"
    shares = coverage.party_share(conn, articles_url)
    for row in shares:
        row["label"] = f"{row['share']:.0%} ({row['party_building']} of {row['articles']})"
    return {"months": months, "failures": weeks, "party_building": shares}


def _charts(data: dict[str, list[dict]]) -> dict[str, str]:
    """The three charts as SVG (drawn once per set of figures: archive.charts keeps them)."""
    many_months = len({r["month"] for r in data["months"]}) > 24
    specs = {
        "months": charts.heatmap(data["months"], x="month", value="articles", title="articles", scheme="blues",
                                 zero="#f4c7c3", x_labels=YEAR_LABELS if many_months else None),
        "failures": charts.heatmap(data["failures"], x="week", value="failures", title="failures",
                                   scheme="orangered", zero="#eeeeee"),
        "party_building": charts.share_bars(data["party_building"], title="Party-building share of the articles"),
    }
    return {name: charts.svg(spec) if data[name] else "" for name, spec in specs.items()}


async def coverage_page(request, datasette):
    name, db = await _database(request, datasette)
    if db is None:
        return Response.html("<h1>No vnnews archive here</h1>", status=404)
    articles_url = datasette.absolute_url(request, datasette.urls.table(name, "articles"))
    failures_url = datasette.absolute_url(request, datasette.urls.table(name, "failures"))
    data = await db.execute_fn(lambda conn: _data(conn, articles_url, failures_url))
    if request.url_vars.get("format") == "json":
        return Response.json(data, headers={"Cache-Control": "no-store"})
    svgs = await asyncio.to_thread(_charts, data)
    context = {
        "database": name,
        "charts": {key: Markup(value) for key, value in svgs.items()},  # vl-convert's SVG: it escapes the text
        "weeks": coverage.WEEKS,
        "coverage_table": datasette.urls.table(name, "coverage"),
        "failures_table": datasette.urls.table(name, "failures"),
        "json_link": datasette.urls.path("/-/vnnews/coverage.json") + (f"?db={name}" if request.args.get("db") else ""),
        "papers": len({r["site"] for r in data["months"]}),
    }
    return Response.html(await datasette.render_template("vnnews_coverage.html", context, request=request))


@hookimpl
def register_routes():
    return [(r"^/-/vnnews/coverage(\.(?P<format>json))?$", coverage_page)]


@hookimpl
def menu_links(datasette):
    return [{"href": datasette.urls.path("/-/vnnews/coverage"), "label": "Coverage of the archive"}]


@hookimpl
def startup(datasette):
    # vl-convert starts its JavaScript engine on first use (seconds): start it now, not on a reader's first visit
    async def warm_up():
        asyncio.get_running_loop().run_in_executor(None, charts.svg, charts.share_bars([], title=""))

    return warm_up
