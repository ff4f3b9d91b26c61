"""Run the probe spiders of some papers in one Scrapy process and hand back what each saw."""

from __future__ import annotations

from crawler.probe.observations import Observations


def observe(names: list[str], *, mirror: str | None = None, contact: str | None = None,
            verbose: bool = False) -> dict[str, Observations]:
    """Probe these papers (one spider each, in parallel; politeness per domain as in a crawl). Nothing is archived."""
    from crawler.process import crawler_process
    from crawler.spiders.probe import ProbeSpider

    seen = {name: Observations(name) for name in names}
    process = crawler_process(mirror=mirror, verbose=verbose, contact=contact)
    for name in names:
        process.crawl(ProbeSpider, site=name, observations=seen[name])
    process.start()
    return seen
