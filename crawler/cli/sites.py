"""`vnnews sites`: the papers of the registry, with what is not yet verified about each."""

from __future__ import annotations

import argparse
import json
from typing import Any

HELP = "list the papers in the registry: provinces, domains, template family per era, unverified facts"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=["text", "json"], default="text",
                   help="text (a line per paper, unverified facts under it) or json (one object per paper)")
    p.add_argument("--site", action="append", metavar="NAME", help="only these papers (repeatable)")


def describe(site: Any) -> dict[str, Any]:
    """One paper as data: what `vnnews sites --format json` prints for it."""
    from crawler.templates import family

    return {
        "name": site.name, "title": site.title, "status": "absorbed" if site.absorbed else "current",
        "province": site.province, "provinces_before": list(site.provinces_before), "successor": site.successor,
        "domains": list(site.domains), "former_domains": list(site.former_domains),
        "families": sorted({family(e.family).name for e in site.eras}),
        "eras": [{"domain": e.domain, "family": family(e.family).name, "article_path": e.article_path,
                  "since": e.since, "until": e.until} for e in site.eras],
        "feeds": list(site.feeds), "listings": [listing.url for listing in site.listings],
        "lead_prefixes": list(site.lead_prefixes), "unverified": list(site.unverified),
        "probe_first": site.probe_first or None,
    }


def run(args: argparse.Namespace) -> int:
    from crawler.cli import site_names
    from crawler.sites import SITES

    sites = [SITES[n] for n in site_names(args.site) or SITES]
    if args.format == "json":
        for site in sites:
            print(json.dumps(describe(site), ensure_ascii=False))
        return 0
    # columns as wide as their longest value, and a space after each ("baobariavungtau", "TP Hồ Chí Minh")
    name_w = max(len(s.name) for s in sites) + 1
    title_w = max(len(s.title + (f" → {s.successor}" if s.absorbed else "")) for s in sites) + 1
    province_w = max(len(s.province) for s in sites) + 1
    for site in sites:
        record = describe(site)
        eras = ", ".join(f"{e['domain']} ({e['family']}{', ' + e['since'] if e['since'] else ''}"
                         f"{' until ' + e['until'] if e['until'] else ''})" for e in record["eras"])
        absorbed = f" → {site.successor}" if site.absorbed else ""
        print(f"{site.name:<{name_w}}{site.title + absorbed:<{title_w}}{site.province:<{province_w}}{eras}")
        if site.unverified:
            print(f"{'':<{name_w}}unverified: {', '.join(site.unverified)}")
    return 0
