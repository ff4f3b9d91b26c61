"""The `vnnews` command: crawl, serve, extract, mirror, sites.

Each subcommand is a thin layer over a Python function of the same name in the package, so what the CLI does
can be done from Python too.
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

    p = commands.add_parser("crawl", help="crawl papers into the archive")
    p.add_argument("--site", action="append", metavar="NAME", help="a paper from `vnnews sites` (repeatable; default: all)")
    p.add_argument("--db", default=DEFAULT_DB, help=f"archive file (default: {DEFAULT_DB})")
    p.add_argument("--max-pages", type=int, help="listing pages to follow per section")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--offline", action="store_true", help="crawl the built-in sample sites on 127.0.0.1")
    where.add_argument("--mirror", metavar="URL", help="crawl a running mirror (`vnnews mirror`) instead of the web")
    p.add_argument("-v", "--verbose", action="store_true", help="Scrapy's own log at INFO level")
    p.set_defaults(func=_crawl)

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


def _crawl(args: argparse.Namespace) -> int:
    from crawler.sites import SITES, get_site

    names = [get_site(n).name for n in args.site] if args.site else list(SITES)
    if args.offline:
        from crawler.mirror.server import MirrorServer

        with MirrorServer() as mirror:
            print(f"offline mirror of the sample sites on {mirror.url}/", file=sys.stderr)
            invocation = crawl(names, db=args.db, mirror=mirror.url, max_pages=args.max_pages, verbose=args.verbose)
    else:
        invocation = crawl(names, db=args.db, mirror=args.mirror, max_pages=args.max_pages, verbose=args.verbose)
    print_summary(args.db, invocation)
    return 0


def crawl(names: list[str], *, db: str = DEFAULT_DB, mirror: str | None = None, max_pages: int | None = None,
          verbose: bool = False) -> str:
    """Run the spiders of these papers in one process, into ``db``. Returns the invocation id of the runs."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    from scrapy import signals
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    invocation = uuid.uuid4().hex[:12]
    settings = get_project_settings()
    settings.set("VNNEWS_DB", db)
    settings.set("VNNEWS_INVOCATION", invocation)
    settings.set("LOG_LEVEL", "INFO" if verbose else "WARNING")
    if mirror:
        settings.set("VNNEWS_MIRROR", mirror)
    process = CrawlerProcess(settings)
    for name in names:
        crawler = process.create_crawler(name)
        crawler.signals.connect(_report_closed, signal=signals.spider_closed)
        kwargs = {"max_pages": max_pages} if max_pages else {}
        process.crawl(crawler, **kwargs)
    process.start()
    return invocation


def _report_closed(spider: object, reason: str) -> None:
    stats = spider.crawler.stats  # type: ignore[attr-defined]
    print(f"  {spider.name:<14} done ({reason}): {stats.get_value('downloader/request_count', 0)} requests, "  # type: ignore[attr-defined]
          f"{stats.get_value('item_scraped_count', 0)} pages and failures", file=sys.stderr, flush=True)


def print_summary(db: str, invocation: str) -> None:
    from archive.store import Archive

    archive = Archive(db)
    runs = list(archive.db.query(
        "SELECT id, site, requests, pages, new, updated, unchanged, failed, status FROM crawl_runs "
        "WHERE invocation = ? ORDER BY site", [invocation]))
    header = f"{'paper':<15}{'requests':>9}{'pages':>7}{'new':>6}{'updated':>9}{'unchanged':>11}{'failed':>8}  total stored"
    print("\n" + header + "\n" + "-" * len(header))
    for run in runs:
        stored = archive.db.execute("SELECT count(*) FROM articles WHERE site = ?", [run["site"]]).fetchone()[0]
        print(f"{run['site']:<15}{run['requests'] or 0:>9}{run['pages'] or 0:>7}{run['new'] or 0:>6}"
              f"{run['updated'] or 0:>9}{run['unchanged'] or 0:>11}{run['failed'] or 0:>8}  {stored:>12}")
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


def _serve(args: argparse.Namespace) -> int:
    db = Path(args.db)
    if not db.exists():
        print(f"vnnews: no archive at {db}; run `vnnews crawl` (or `make demo`) first", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        metadata = Path(tmp) / "metadata.json"
        metadata.write_text(json.dumps(datasette_metadata(db.stem), ensure_ascii=False), "utf-8")
        print(f"vnnews: serving {db} on http://127.0.0.1:{args.port}/ (Ctrl-C to stop)", file=sys.stderr)
        command = [sys.executable, "-m", "datasette", "serve", str(db), "--metadata", str(metadata),
                   "--host", "127.0.0.1", "--port", str(args.port), "--setting", "sql_time_limit_ms", "5000"]
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
