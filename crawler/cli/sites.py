"""`vnnews sites`: the papers of the registry."""

from __future__ import annotations

import argparse

HELP = "list the papers in the registry, with their domains and template family per era"


def add_arguments(p: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    from crawler.sites import SITES

    for site in SITES.values():
        eras = ", ".join(f"{e.domain} ({e.family}{', ' + e.since if e.since else ''}{' until ' + e.until if e.until else ''})"
                         for e in site.eras)
        print(f"{site.name:<15}{site.title:<42}{site.province:<13}{eras}")
    return 0
