"""Observations + the paper's record -> a verdict per fact: every check, then one line per fact the record marks
unverified (U), which the checks that bear on it confirm ("now verified"), refute ("broken") or leave open."""

from __future__ import annotations

from collections import Counter

from crawler.probe.discovery import feed_verdicts, listing_verdicts
from crawler.probe.observations import Observations
from crawler.probe.reach import domain_verdicts, old_url_verdicts, redirect_verdicts, robots_verdicts
from crawler.probe.reading import MIN_WORDS, article_verdicts, era_verdicts, lead_prefix_verdicts
from crawler.probe.verdict import BROKEN, NOT_CHECKED, NOW_VERIFIED, OK, Verdict
from crawler.sites import Site

# why the probe leaves a U fact open when no check bears on it
OPEN = {
    "party_section": "whether a listing is the Party-building section takes a reader: open it",
    "archive_location": "where an absorbed paper's archive lives takes a search (a subdomain of the successor?)",
    "former_domains": "the probe asks nothing of former domains",
    "redirects": "no request of the paper was redirected to its successor's domains",
    "date_forms": "no article's date was read from its printed form",
    "selectors": "no article was read by a version of its family",
    "domain": "the probe asked nothing of the paper's domains",
}


def check(site: Site, seen: Observations, *, min_words: int = MIN_WORDS) -> list[Verdict]:
    verdicts = [*domain_verdicts(site, seen), *robots_verdicts(site, seen), *redirect_verdicts(site, seen),
                *old_url_verdicts(site, seen), *feed_verdicts(site, seen), *listing_verdicts(site, seen),
                *era_verdicts(site, seen), *article_verdicts(site, seen, min_words), *lead_prefix_verdicts(site, seen)]
    return verdicts + [unverified_verdict(name, verdicts) for name in site.unverified]


def unverified_verdict(name: str, verdicts: list[Verdict]) -> Verdict:
    """A U fact: broken when a check bearing on it failed, now verified when every such check passed, else open."""
    bearing = [v for v in verdicts if name in v.speaks_to]
    passed = [v for v in bearing if v.verdict == OK]
    failed = [v for v in bearing if v.verdict == BROKEN]
    still_open = [v for v in bearing if v.verdict == NOT_CHECKED]
    if failed:
        more = f" (and {len(failed) - 1} more)" if len(failed) > 1 else ""
        return Verdict("unverified", name, BROKEN, f"seen otherwise: {_line(failed[0])}{more}", (name,))
    if passed and not still_open:
        return Verdict("unverified", name, NOW_VERIFIED, f"seen ({_facts(passed)}): mark it V in site.py (remove "
                       f"{name!r} from unverified)", (name,))
    if passed:
        return Verdict("unverified", name, NOT_CHECKED, f"partly seen ({_facts(passed)}); open: {_line(still_open[0])}",
                       (name,))
    reason = _line(still_open[0]) if still_open else OPEN.get(name, "the probe has no check for it")
    return Verdict("unverified", name, NOT_CHECKED, reason, (name,))


def _facts(verdicts: list[Verdict]) -> str:
    """What passed, by kind: "era baoquangtri.vn yyyymm, template x2, extraction x2"."""
    kinds = Counter(v.fact for v in verdicts)
    return ", ".join(f"{fact} x{n}" if n > 1 else _subject(next(v for v in verdicts if v.fact == fact))
                     for fact, n in kinds.items())


def _subject(verdict: Verdict) -> str:
    return f"{verdict.fact} {verdict.subject}" if verdict.subject not in ("", "-") else verdict.fact


def _line(verdict: Verdict) -> str:
    return f"{_subject(verdict)}: {verdict.detail}"
