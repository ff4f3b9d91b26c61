"""Can the paper be reached: its domains answer (or redirect where the record allows), its robots.txt lets the crawl
read the feeds and listings at the pace the record sets, and where the redirects lead."""

from __future__ import annotations

from collections import Counter

from crawler.probe.observations import Fetch, Observations, host_of
from crawler.probe.verdict import BROKEN, NOT_CHECKED, OK, Verdict
from crawler.sites import Site, site_for_url


def _whose(site: Site, url: str) -> str:
    return "the paper's own" if site.owns(url) else f"its successor {site.successor}'s"


def _forbidden(fetch: Fetch) -> bool:
    return bool(fetch.failure and fetch.failure.stage == "robots" and "robots.txt" in fetch.failure.reason)


def _not_articles(seen: Observations) -> list[Fetch]:
    """The requests a redirect off the paper's domains breaks (an article link that leaves is only skipped)."""
    return [s.fetch for s in (*seen.feeds, *seen.listings, *seen.visits)]


def domain_verdicts(site: Site, seen: Observations) -> list[Verdict]:
    """Each current domain answers on its own, or redirects into the paper's or its successor's domains
    (Site.follows)."""
    verdicts = []
    for domain in site.domains:
        fetches = [f for f in seen.fetches() if host_of(f.url) == domain]
        robots = seen.robots.get(domain)
        statuses = Counter(f.status for f in fetches if f.status is not None and not f.moved_to)
        moved = sorted({host_of(f.moved_to) for f in fetches if f.moved_to and site.follows(f.moved_to)})
        off = [f for f in _not_articles(seen) if host_of(f.url) == domain and f.moved_to and not site.follows(f.moved_to)]
        if not fetches and robots is None:
            verdict, detail = NOT_CHECKED, "the probe asked nothing of it"
        elif off:
            verdict, detail = BROKEN, f"redirects off the paper's domains: {off[0].url} -> {off[0].moved_to}"
        elif statuses or robots:
            answers = ", ".join(f"{status} x{n}" for status, n in sorted(statuses.items()))
            parts = [f"HTTP {answers}" if answers else "", f"robots.txt {robots.status}" if robots else "",
                     f"redirects to {', '.join(moved)}" if moved else ""]
            verdict, detail = OK, "answers: " + "; ".join(part for part in parts if part)
        elif moved:
            verdict, detail = OK, f"redirects to {', '.join(moved)} ({_whose(site, 'https://' + moved[0] + '/')})"
        else:
            verdict, detail = BROKEN, f"does not answer: {fetches[0].why()}"
        verdicts.append(Verdict("domain", domain, verdict, detail, ("domain",)))
    return verdicts


def old_url_verdicts(site: Site, seen: Observations) -> list[Verdict]:
    """An absorbed paper's old article URL: redirected into its successor's domains is what the record expects
    (the redirect row says so); answering on its own or gone leaves that open."""
    verdicts = []
    for visit in seen.visits:
        fetch = visit.fetch
        if visit.purpose == "old url" and not fetch.moved_to:
            verdicts.append(Verdict("old url", fetch.url, NOT_CHECKED, f"{fetch.why()}, no redirect", ("redirects",)))
    return verdicts


def robots_verdicts(site: Site, seen: Observations) -> list[Verdict]:
    """Per domain asked: robots.txt read (or absent: everything allowed), none of the feeds and listings forbidden,
    and no Crawl-delay above the record's download_delay (Scrapy does not obey Crawl-delay: the record must)."""
    verdicts = []
    discovery = [s.fetch for s in (*seen.feeds, *seen.listings)]
    asked = {host_of(f.url) for f in seen.fetches()}
    for host in sorted(asked | set(seen.robots)):
        robots = seen.robots.get(host)
        forbidden = [f.url for f in discovery if host_of(f.url) == host and _forbidden(f)]
        articles = sum(1 for a in seen.articles if host_of(a.fetch.url) == host and _forbidden(a.fetch))
        paper = site_for_url(f"https://{host}/") or site
        if robots is None:
            verdict, detail = NOT_CHECKED, "robots.txt did not answer (Scrapy then allows everything)"
        elif forbidden:
            verdict, detail = BROKEN, f"forbids {', '.join(forbidden)}: the crawl cannot read it"
        elif robots.crawl_delay and robots.crawl_delay > paper.download_delay:
            verdict, detail = BROKEN, (f"asks for Crawl-delay: {robots.crawl_delay:g} s, the record's download_delay "
                                       f"is {paper.download_delay:g} s (Scrapy ignores Crawl-delay: raise it)")
        else:
            read = "read" if robots.status == 200 else f"HTTP {robots.status}: everything allowed"
            delay = f"; Crawl-delay {robots.crawl_delay:g} s" if robots.crawl_delay else ""
            skipped = f"; forbids {articles} of the article links tried" if articles else ""
            verdict, detail = OK, f"{read}{delay}; allows the feeds and listings{skipped}"
        verdicts.append(Verdict("robots", host, verdict, detail))
    return verdicts


def redirect_verdicts(site: Site, seen: Observations) -> list[Verdict]:
    """Every request that ended on another domain: into the paper's (an archive subdomain) or its successor's
    domains is what the record expects of an absorbed paper; anything but an article sent elsewhere is broken."""
    verdicts = []
    for fetch in seen.fetches():
        target = fetch.moved_to
        if not target:
            continue
        if site.follows(target):
            verdicts.append(Verdict("redirect", fetch.url, OK, f"-> {target} ({_whose(site, target)} domain)",
                                    ("redirects",)))
        elif any(fetch is f for f in _not_articles(seen)):
            verdicts.append(Verdict("redirect", fetch.url, BROKEN, f"-> {target}: off the paper's domains, not followed",
                                    ("redirects",)))
    return verdicts
