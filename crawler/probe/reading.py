"""What the extractor makes of the paper today: which era each article link belongs to, which template version read
the articles (a page no version of the expected family fits is drift), and whether each gives a title, a
minute-exact date, a body and an author; the lead tags the record declares."""

from __future__ import annotations

import re

from archive.record import Article
from crawler.extract import GENERIC, Reading
from crawler.probe.observations import PROBE_ARTICLES, ArticleSeen, Observations
from crawler.probe.verdict import BROKEN, NOT_CHECKED, OK, Verdict
from crawler.sites import Era, Site
from crawler.templates import family
from crawler.textnorm import split_lead_prefix

MIN_WORDS = 50  # a body shorter than this is no real article (the extractor's own floor is lower: crawler.extract)
_MINUTE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d\+07:00")


def era_name(era: Era) -> str:
    span = "".join((f" since {era.since}" if era.since else "", f" until {era.until}" if era.until else ""))
    return f"{era.domain} {family(era.family).name}{span}"


def _read(seen: Observations) -> list[ArticleSeen]:
    return [a for a in seen.articles if a.reading and a.reading.article]


def era_verdicts(site: Site, seen: Observations) -> list[Verdict]:
    """Per era: the links of the listings and feeds that match its article_path, and the articles of it read."""
    links = seen.article_links()
    verdicts = []
    for era in site.eras:
        matched = [link for link in links if site.era_for(link) is era]
        read = [a for a in _read(seen) if site.era_for(a.fetch.url) is era]
        names = ("eras", f"article_path:{era.domain}")
        if read:
            versions = ", ".join(sorted({a.reading.template for a in read}))
            verdict, detail = OK, f"links matching its article_path: {len(matched)}; read: {len(read)} ({versions})"
        elif matched:
            verdict, detail = NOT_CHECKED, f"links matching its article_path: {len(matched)}; none was read"
        elif era.until:
            verdict, detail = NOT_CHECKED, "a past era: no link on the pages fetched matches its article_path"
        else:
            verdict, detail = NOT_CHECKED, "no link on the pages fetched matches its article_path"
        verdicts.append(Verdict("era", era_name(era), verdict, detail, names))
    return verdicts


def article_verdicts(site: Site, seen: Observations, min_words: int = MIN_WORDS) -> list[Verdict]:
    """Per article tried: skipped (with why), or its template and its extraction; then whether two were read."""
    verdicts = []
    for article in seen.articles:
        reading = article.reading
        if reading is None or reading.article is None:
            verdicts.append(Verdict("article", article.fetch.url, NOT_CHECKED, f"skipped: {_why_none(article)}"))
        else:
            verdicts += [_template(article.fetch.url, reading),
                         _extraction(article.fetch.url, reading, min_words)]
    tried, read = len(seen.articles), len(_read(seen))
    if not tried:
        verdicts.append(Verdict("articles", site.name, NOT_CHECKED, "no article link on the listings or feeds"))
    elif read < min(PROBE_ARTICLES, tried):
        verdicts.append(Verdict("articles", site.name, BROKEN, f"{read} of the {tried} article links tried gave an article"))
    else:
        verdicts.append(Verdict("articles", site.name, OK, f"{read} read ({tried} tried)"))
    return verdicts


def _why_none(article: ArticleSeen) -> str:
    reading = article.reading
    if reading is None:
        why = article.fetch.why()
        moved = article.fetch.moved_to
        return f"{why} (at {moved})" if moved and moved not in why else why
    drift = f"; its markup fits no {reading.expected_family} version" if reading.drift else ""
    return f"no article: {reading.reason}{drift}"


def _selectors(reading: Reading) -> tuple[str, ...]:
    """A page read by a version of a family (not the generic path) tells whether that version's selectors hold."""
    return ("selectors",) if reading.template != GENERIC else ()


def _template(url: str, reading: Reading) -> Verdict:
    if reading.drift:
        return Verdict("template", url, BROKEN, f"drift: no version of the {reading.expected_family} family fits the "
                       f"page (the generic path read it)", ("eras",))
    if reading.expected_family is None:
        detail = f"no era of the paper matches this URL; read by {reading.template}"
    elif reading.template == GENERIC:
        detail = f"the generic path (the era's family is {reading.expected_family}: its markup is not known)"
    else:
        detail = f"read by {reading.template}"
    return Verdict("template", url, OK, detail, ("eras", *_selectors(reading)))


def _extraction(url: str, reading: Reading, min_words: int) -> Verdict:
    article: Article = reading.article
    problems = [problem for problem, missing in (
        ("no title", not article.title),
        (f"the date is not a minute in +07:00 ({article.published_at or 'none'})",
         not _MINUTE.fullmatch(article.published_at or "")),
        (f"{article.word_count} words in the body (fewer than {min_words})", article.word_count < min_words),
        ("no author", not article.author)) if missing]
    source = article.published_source or ""
    title = article.title if len(article.title) <= 50 else article.title[:49] + "…"
    detail = (f"{title!r}; {article.published_at} ({source or 'no date'}"
              f"{f' {article.published_raw!r}' if 'printed' in source else ''}); {article.word_count} words; "
              f"by {article.author or '?'}")
    speaks_to = (*_selectors(reading), *(("date_forms",) if "printed" in source else ()))
    if problems:
        return Verdict("extraction", url, BROKEN, f"{'; '.join(problems)} -- {detail}", speaks_to)
    return Verdict("extraction", url, OK, detail, speaks_to)


def lead_prefix_verdicts(site: Site, seen: Observations) -> list[Verdict]:
    """The lead tags the record declares ("QTO - "): one of them opens a lead read. A lead without one is no broken
    fact (agency copy, a tag on some articles only); a tag the record does not know is worth declaring."""
    if not site.lead_prefixes and "lead_prefixes" not in site.unverified:
        return []
    declared = [split_lead_prefix(prefix, (prefix,))[0] for prefix in site.lead_prefixes]
    leads = [a.reading.article for a in _read(seen) if a.reading.article.lead]
    tags = [lead.lead_prefix for lead in leads if lead.lead_prefix]
    found = sorted(set(tags) & set(declared))
    others = sorted(set(tags) - set(declared))
    other = f"; leads also open with {', '.join(others)}" if others else ""
    if not leads:
        verdict, detail = NOT_CHECKED, "no lead was read"
    elif not declared:
        verdict, detail = NOT_CHECKED, (f"none declared; the leads read open with {', '.join(others)} (declare it?)"
                                        if others else f"none declared, and none of the {len(leads)} leads opens with one")
    elif found:
        unseen = ", ".join(sorted(set(declared) - set(found)))
        opened = sum(1 for tag in tags if tag in found)
        verdict, detail = OK, (f"{', '.join(found)}: {opened} of the {len(leads)} leads read"
                               f"{f'; not seen: {unseen}' if unseen else ''}{other}")
    else:
        verdict, detail = NOT_CHECKED, f"none of the {len(leads)} leads opens with {', '.join(declared)}{other}"
    return [Verdict("lead_prefixes", ", ".join(declared) or "-", verdict, detail, ("lead_prefixes",))]
