"""The `vnnews` command: crawl, status, serve, extract, re-extract, export, mirror, sites.

Each subcommand is a thin layer over a Python function (crawl, archive.status.paper_status, extract,
crawler.reextract.re_extract, archive.export.export, …), so what the CLI does can be done from Python too.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

DEFAULT_DB = "data/archive.db"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="vnnews", description="Crawl and archive Vietnamese provincial newspapers.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = commands.add_parser("crawl", help="crawl papers into the archive (incremental: only what is new)")
    p.add_argument("--site", action="append", metavar="NAME", help="a paper from `vnnews sites` (repeatable; default: all)")
    p.add_argument("--db", default=DEFAULT_DB, help=f"archive file (default: {DEFAULT_DB})")
    p.add_argument("--max-pages", type=int, help="listing pages to follow per section at most")
    p.add_argument("--since", type=_date, metavar="YYYY-MM-DD", help="follow listings back to this date")
    p.add_argument("--backfill", action="store_true", help="follow listings past archived articles (with --until)")
    p.add_argument("--until", type=_date, metavar="YYYY-MM-DD", help="with --backfill: how far back to go")
    p.add_argument("--recheck-days", type=float, metavar="N", help="re-fetch articles published in the last N days "
                   "for edits (default: VNNEWS_RECHECK_DAYS, 2)")
    p.add_argument("--wait", type=float, default=0, metavar="SECONDS",
                   help="when another crawl holds the archive, wait this long for it instead of exiting")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--offline", action="store_true", help="crawl the built-in sample sites on 127.0.0.1")
    where.add_argument("--mirror", metavar="URL", help="crawl a running mirror (`vnnews mirror`) instead of the web")
    p.add_argument("-v", "--verbose", action="store_true", help="Scrapy's own log at INFO level")
    p.set_defaults(func=_crawl)

    p = commands.add_parser("status", help="per paper: last run, new articles, failures, template drift")
    p.add_argument("--db", default=DEFAULT_DB)
    p.add_argument("--max-age", type=float, default=48, metavar="HOURS",
                   help="a paper with no finished run for this long is stale (default: 48)")
    p.set_defaults(func=_status)

    p = commands.add_parser("serve", help="browse the archive in datasette on 127.0.0.1")
    p.add_argument("--db", default=DEFAULT_DB)
    p.add_argument("--port", type=int, default=8001)
    p.set_defaults(func=_serve)

    p = commands.add_parser("extract", help="print the article of a saved page as JSON")
    p.add_argument("page", type=Path, help="a saved HTML file")
    p.add_argument("--url", required=True, help="the URL the page was fetched from (chooses the paper and template)")
    p.add_argument("--site", help="the paper, when the URL's domain is not in the registry")
    p.set_defaults(func=_extract)

    p = commands.add_parser("re-extract", help="re-run extraction over the stored pages (no network)")
    p.add_argument("--db", default=DEFAULT_DB)
    p.add_argument("--site", action="append", metavar="NAME", help="only these papers (repeatable)")
    p.set_defaults(func=_re_extract)

    p = commands.add_parser("export", help="write the articles as JSONL, CSV or Parquet, or the raw pages as WARC")
    p.add_argument("--format", required=True, choices=["jsonl", "csv", "parquet", "warc"])
    p.add_argument("--db", default=DEFAULT_DB)
    p.add_argument("-o", "--output", metavar="PATH", help="file to write (default: standard output; "
                   "required for parquet)")
    p.add_argument("--site", action="append", metavar="NAME", help="only these papers (repeatable)")
    p.add_argument("--since", type=_date, metavar="YYYY-MM-DD", help="published on or after this day")
    p.add_argument("--until", type=_date, metavar="YYYY-MM-DD", help="published on or before this day")
    p.add_argument("--search", metavar="WORDS", help="only articles matching this full-text search")
    p.set_defaults(func=_export)

    p = commands.add_parser("mirror", help="serve the built-in sample sites on 127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--delay", type=float, default=0.0, help="seconds before each response")
    p.set_defaults(func=_mirror)

    p = commands.add_parser("sites", help="list the papers in the registry")
    p.set_defaults(func=_sites)

    args = parser.parse_args(argv)
    try:
        return args.func(args) or 0
    except KeyError as exc:  # unknown site names and the like: one clear line, no traceback
        print(f"vnnews: {exc.args[0]}", file=sys.stderr)
        return 2


# -- crawl -------------------------------------------------------------------------------------------------


def _date(text: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


EX_TEMPFAIL = 75  # sysexits.h: try again later (another crawl holds the archive)


def _crawl(args: argparse.Namespace) -> int:
    from archive.lock import ArchiveBusy, crawl_lock
    from crawler.sites import SITES, get_site

    if args.until and not args.backfill:
        print("vnnews: --until goes with --backfill (use --since to bound an ordinary crawl)", file=sys.stderr)
        return 2
    names = [get_site(n).name for n in args.site] if args.site else list(SITES)
    options = {"max_pages": args.max_pages, "since": args.since, "until": args.until,
               "backfill": args.backfill, "recheck_days": args.recheck_days}
    try:
        with crawl_lock(args.db, wait=args.wait):
            if args.offline:
                from crawler.mirror.server import MirrorServer

                with MirrorServer() as mirror:
                    print(f"offline mirror of the sample sites on {mirror.url}/", file=sys.stderr)
                    invocation = crawl(names, db=args.db, mirror=mirror.url, verbose=args.verbose, **options)
            else:
                invocation = crawl(names, db=args.db, mirror=args.mirror, verbose=args.verbose, **options)
    except ArchiveBusy as exc:
        print(f"vnnews: {exc}; not starting a second one (use --wait SECONDS to wait for it)", file=sys.stderr)
        return EX_TEMPFAIL
    print_summary(args.db, invocation)
    return 0


def crawl(names: list[str], *, db: str = DEFAULT_DB, mirror: str | None = None, verbose: bool = False,
          **spider_options: object) -> str:
    """Run the spiders of these papers in one process, into ``db``. Returns the invocation id of the runs.
    The caller holds the archive's lock (archive.lock.crawl_lock)."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    from scrapy import signals
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    from archive.store import Archive
    from crawler.progress import Progress

    archive = Archive(db)
    interrupted = archive.mark_interrupted_runs()
    archive.close()
    if interrupted:
        print(f"{interrupted} earlier run(s) never finished (killed?): this run catches up", file=sys.stderr)
    invocation = uuid.uuid4().hex[:12]
    settings = get_project_settings()
    settings.set("VNNEWS_DB", db)
    settings.set("VNNEWS_INVOCATION", invocation)
    settings.set("LOG_LEVEL", "INFO" if verbose else "WARNING")
    if mirror:
        settings.set("VNNEWS_MIRROR", mirror)
    process = CrawlerProcess(settings)
    progress = Progress(names)
    for name in names:
        crawler = process.create_crawler(name)
        crawler.signals.connect(progress.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(progress.spider_closed, signal=signals.spider_closed)
        process.crawl(crawler, **{k: v for k, v in spider_options.items() if v not in (None, False)})
    from twisted.internet import reactor, task

    ticker = task.LoopingCall(progress.tick)
    reactor.callWhenRunning(ticker.start, progress.interval, now=False)
    process.start()
    progress.close()
    return invocation


def print_summary(db: str, invocation: str) -> None:
    from archive.store import Archive

    archive = Archive(db)
    runs = list(archive.db.query(
        "SELECT id, site, requests, pages, new, updated, unchanged, failed, skipped, status FROM crawl_runs "
        "WHERE invocation = ? ORDER BY site", [invocation]))
    header = (f"{'paper':<15}{'requests':>9}{'pages':>7}{'new':>6}{'updated':>9}{'unchanged':>11}{'failed':>8}"
              f"{'skipped':>9}  total stored")
    print("\n" + header + "\n" + "-" * len(header))
    for run in runs:
        stored = archive.db.execute("SELECT count(*) FROM articles WHERE site = ?", [run["site"]]).fetchone()[0]
        print(f"{run['site']:<15}{run['requests'] or 0:>9}{run['pages'] or 0:>7}{run['new'] or 0:>6}"
              f"{run['updated'] or 0:>9}{run['unchanged'] or 0:>11}{run['failed'] or 0:>8}{run['skipped'] or 0:>9}"
              f"  {stored:>12}")
    failures = list(archive.db.query(
        "SELECT f.site, f.stage, f.reason, f.url FROM failures f JOIN crawl_runs r ON r.id = f.run_id "
        "WHERE r.invocation = ? ORDER BY f.site, f.url", [invocation]))
    if failures:
        print(f"\nfailures of this run ({len(failures)}):")
        for f in failures:
            print(f"  {f['site']:<15}{f['stage']:<13}{f['reason'][:48]:<50}{f['url']}")
    total = archive.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    print(f"\n{total} articles in {db}. Browse them: {_self_command()} serve --db {db}")
    archive.close()


def _self_command() -> str:
    """How the user can call this command again: `vnnews` when it is on PATH, else its path (.venv/bin/vnnews)."""
    import shutil

    here = Path(sys.argv[0])
    if here.name == "vnnews" and shutil.which("vnnews") != str(here.resolve()):
        return os.path.relpath(here)
    return "vnnews"


# -- serve, extract, mirror, sites -----------------------------------------------------------------------------


def _status(args: argparse.Namespace) -> int:
    from archive.status import paper_status
    from archive.store import Archive

    if not Path(args.db).exists():
        print(f"vnnews: no archive at {args.db}", file=sys.stderr)
        return 1
    archive = Archive(args.db)
    papers = paper_status(archive, max_age_hours=args.max_age)
    archive.close()
    if not papers:
        print("vnnews: no crawl has run on this archive yet", file=sys.stderr)
        return 1
    header = (f"{'paper':<15}{'last finished run (UTC)':<26}{'new 1d':>7}{'7d':>5}{'30d':>6}{'fetch fail':>11}"
              f"{'drift':>7}  state")
    print(header + "\n" + "-" * len(header))
    for p in papers:
        print(f"{p.site:<15}{(p.last_success or 'never')[:19]:<26}{p.new_1d:>7}{p.new_7d:>5}{p.new_30d:>6}"
              f"{p.failure_rate:>11.0%}{p.drift:>7.0%}  {p.state}")
    bad = [p for p in papers if p.state != "ok"]
    for p in bad:
        print(f"vnnews: {p.site} is {p.state}", file=sys.stderr)
    return 1 if bad else 0


def _serve(args: argparse.Namespace) -> int:
    db = Path(args.db)
    if not db.exists():
        print(f"vnnews: no archive at {db}; run `vnnews crawl` (or `make demo`) first", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        metadata = Path(tmp) / "metadata.json"
        metadata.write_text(json.dumps(datasette_metadata(db.stem), ensure_ascii=False), "utf-8")
        print(f"vnnews: serving {db} on http://127.0.0.1:{args.port}/ (Ctrl-C to stop)", file=sys.stderr)
        here = Path(__file__).parent.parent / "archive" / "datasette"
        command = [sys.executable, "-m", "datasette", "serve", str(db), "--metadata", str(metadata),
                   "--plugins-dir", str(here), "--template-dir", str(here / "templates"),
                   "--host", "127.0.0.1", "--port", str(args.port), "--setting", "sql_time_limit_ms", "5000",
                   "--setting", "facet_time_limit_ms", "2000", "--setting", "truncate_cells_html", "300",
                   "--setting", "suggest_facets", "off"]
        try:
            return subprocess.call(command)
        except KeyboardInterrupt:
            return 0


def datasette_metadata(database: str) -> dict:
    """archive/metadata.yml, keyed by the database's name in datasette (the file's stem)."""
    import yaml

    metadata = yaml.safe_load((Path(__file__).parent.parent / "archive" / "metadata.yml").read_text("utf-8"))
    metadata["databases"] = {database: metadata["databases"]["archive"]}
    return metadata


def _extract(args: argparse.Namespace) -> int:
    from crawler.extract import NoArticle, extract
    from crawler.sites import get_site

    if not args.page.is_file():
        print(f"vnnews: no such file: {args.page}", file=sys.stderr)
        return 1
    site = get_site(args.site) if args.site else None
    try:
        article = extract(args.page.read_bytes(), args.url, site)
    except NoArticle as exc:
        print(json.dumps({"url": args.url, "error": f"no article: {exc}"}, ensure_ascii=False))
        return 1
    print(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
    return 0


def _re_extract(args: argparse.Namespace) -> int:
    from crawler.extract import EXTRACTOR_VERSION
    from crawler.reextract import print_progress, re_extract
    from crawler.sites import get_site

    if not Path(args.db).exists():
        print(f"vnnews: no archive at {args.db}", file=sys.stderr)
        return 1
    sites = [get_site(n).name for n in args.site] if args.site else None
    print(f"re-extracting the pages stored in {args.db} with extractor {EXTRACTOR_VERSION}", file=sys.stderr)
    counts = re_extract(args.db, sites, progress=print_progress)
    print_progress(counts)
    return 0


def _export(args: argparse.Namespace) -> int:
    from archive.export import Filters, export
    from crawler.settings import USER_AGENT
    from crawler.sites import get_site

    if not Path(args.db).exists():
        print(f"vnnews: no archive at {args.db}", file=sys.stderr)
        return 1
    if args.format == "parquet" and not args.output:
        print("vnnews: --format parquet needs --output FILE", file=sys.stderr)
        return 2
    filters = Filters(sites=[get_site(n).name for n in args.site] if args.site else None,
                      since=args.since, until=args.until, search=args.search)
    count = export(args.db, args.format, filters, args.output, user_agent=USER_AGENT)
    what = ("page" if args.format == "warc" else "article") + ("" if count == 1 else "s")
    print(f"vnnews: exported {count:,} {what}" + (f" to {args.output}" if args.output else ""), file=sys.stderr)
    return 0


def _mirror(args: argparse.Namespace) -> int:
    from crawler.mirror.server import main as serve_mirror

    serve_mirror(["--port", str(args.port), "--delay", str(args.delay)])
    return 0


def _sites(args: argparse.Namespace) -> int:
    from crawler.sites import SITES

    for site in SITES.values():
        eras = ", ".join(f"{e.domain} ({e.family}{', ' + e.since if e.since else ''}{' until ' + e.until if e.until else ''})"
                         for e in site.eras)
        print(f"{site.name:<15}{site.title:<42}{site.province:<13}{eras}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
