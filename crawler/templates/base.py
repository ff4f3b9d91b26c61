"""A template version: how one generation of a CMS family's article page shows each field.

Modelled on Fundus's parser versions. A version is a class; a later version subclasses the one before it and
overrides only what changed, either the CSS selectors a field reads (``title_css`` …) or the field's method
itself. A version says when it applies: ``markers`` (selectors the page must match) and ``valid_from`` /
``valid_until`` (the dates its markup was served). ``Family.choose`` picks the version for a page.

``Template`` itself is the generic path: the page's meta tags, its <title>, trafilatura for the body. Every
field method of a selector version falls back to it, so a version only states what its markup adds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from itertools import chain
from typing import ClassVar

from lxml import etree

from crawler.bylines import clean_byline
from crawler.dates import parse_date, parse_machine_date
from crawler.templates.page import Page, in_chrome, jsonld_text
from crawler.textnorm import fold, normalize_line

# Unknown template: the first short element whose class says date or time (and not in a related box or sidebar)
_DATE_ELEMENTS = ("//*[contains(@class, 'date') or contains(@class, 'time') or contains(@class, 'publish')]"
                  "[not(ancestor::*[contains(@class, 'related') or contains(@class, 'side')])]")
# Unknown templates: elements the markup marks as the lead, a byline or a source line, found by their attributes (one
# pass over the attribute values: XPath contains() over every element costs milliseconds on a real page). A mark is
# a whole token: "article__sapo" and "description" are leads, "VCObjectBoxRelatedNewsItemSapo" and "dt-leading" not.
_LEAD_MARK = re.compile(r"(?:^|[\s_-])(?:sapo|description|summary|lead|chapeau|chapo|excerpt|intro|teaser|abstract)"
                        r"(?:$|[\s_-])", re.I)
_LEAD_ATTRIBUTES = "//body//@class | //body//@data-role | //body//@data-slot | //body//@itemprop"
_LEAD_TAGS = frozenset({"p", "h2", "h3", "div", "span", "section"})
_AUTHOR_MARK = re.compile(r"(?:^|[\s_-])(?:author|tac-?gia|byline|writer)(?:$|[\s_-])", re.I)
_AUTHOR_ATTRIBUTES = "//body//@class | //body//@rel | //body//@itemprop"
_SOURCE_MARK = re.compile(r"(?:^|\s)source(?:$|\s)")
_SOURCE_ATTRIBUTES = "//body//@class | //body//@data-field"
# the author links of a widget that lists several authors ("X và 1 tác giả khác", then every name, hidden)
_AUTHOR_LINKS = ".//a[contains(@href, 'tac-gia') or contains(@href, '/author') or contains(@class, 'name')]"
_MORE_AUTHORS = re.compile(r"và \d+ tác giả", re.I)


class Template:
    """The generic template: what any news page says about itself."""

    family: ClassVar[str] = "generic"
    version: ClassVar[str] = ""
    markers: ClassVar[tuple[str, ...]] = ()
    valid_from: ClassVar[date | None] = None
    valid_until: ClassVar[date | None] = None

    def __init__(self, page: Page):
        self.page = page

    @classmethod
    def name(cls) -> str:
        return f"{cls.family}/{cls.version}" if cls.version else cls.family

    @classmethod
    def fits(cls, page: Page) -> bool:
        """Does the page carry this version's markup?"""
        return all(page.select(marker) for marker in cls.markers)

    @classmethod
    def served_on(cls, day: date) -> bool:
        return (cls.valid_from is None or day >= cls.valid_from) and (cls.valid_until is None or day < cls.valid_until)

    # -- the fields ------------------------------------------------------------------------------------

    def title(self) -> str | None:
        return self.page.meta.get("og:title") or normalize_line(self.page.doc.findtext(".//title") or "") or None

    def lead_element(self) -> etree._Element | None:
        """The element holding the lead (sapo): on an unknown template, the first element marked as one, outside
        page chrome, 30-1200 characters and not the title; None: the extractor looks for it in the body."""
        title = fold(self.title() or "")
        for el in self.page.marked(_LEAD_ATTRIBUTES, _LEAD_MARK):
            if el.tag in _LEAD_TAGS:
                text = normalize_line(el.text_content())
                if 30 <= len(text) <= 1200 and fold(text) != title and not in_chrome(el):
                    return el
        return None

    def printed_date(self) -> str | None:
        """The first short date-classed element with a time; failing that, with a day. A day alone is often the
        page's own date in the header ("Thứ tư, 26/11/2025"), printed above every article of the site."""
        day_only = None
        for el in self.page.doc.xpath(_DATE_ELEMENTS):
            text = normalize_line(el.text_content())
            value = parse_date(text) if len(text) < 80 else None
            if isinstance(value, datetime):
                return text
            day_only = day_only or (text if value is not None else None)
        return day_only

    def body_element(self) -> etree._Element | None:
        """The element holding the article text; None: trafilatura finds the text."""
        return None

    def author(self) -> str | None:
        """The byline the page gives outside its text: the first candidate that names a person, never the outlet
        (the extractor reads the bylines printed in the body first)."""
        for candidate in self.author_candidates():
            author = clean_byline(candidate, self.page.outlet_keys, slot=True).author
            if author:
                return author
        return None

    def author_candidates(self) -> Iterator[str]:
        """Bylines outside the text, most trusted first: JSON-LD persons, article:author and dable:author, an author
        element printed outside the text, then meta author and the like (which often hold the outlet)."""
        return chain(self._structured_authors(), self.printed_authors(), self._named_authors())

    def printed_authors(self) -> Iterator[str]:
        """Author elements printed outside the text: on an unknown template, any element marked as one (class
        author, byline, tac-gia; rel or itemprop author) outside page chrome."""
        for el in self.page.marked(_AUTHOR_ATTRIBUTES, _AUTHOR_MARK):
            if el.tag not in ("meta", "link", "img") and not in_chrome(el):
                text = byline_text(el)
                if text and len(text) <= 80:
                    yield text

    def _structured_authors(self) -> Iterator[str]:
        for node in self.page.jsonld_articles:
            names = [jsonld_text(a if isinstance(a, str) else a.get("name")) for a in _as_list(node.get("author"))
                     if isinstance(a, str) or isinstance(a, dict) and a.get("@type", "Person") == "Person"]
            if any(names):
                yield " - ".join(n for n in names if n)
        for key in ("article:author", "dable:author"):
            yield from self.page.meta_values(key)

    def _named_authors(self) -> Iterator[str]:
        for key in ("author", "dc.creator", "twitter:creator"):
            yield from self.page.meta_values(key)

    def canonical_urls(self) -> list[str]:
        """Where the page says it lives, most trusted first: link rel=canonical, meta canonical, og:url, the
        JSON-LD article's mainEntityOfPage (the extractor refuses share links among them)."""
        urls = [el.get("href") for el in self.page.doc.iter("link") if el.get("rel") == "canonical"]
        urls += self.page.meta_values("canonical") + self.page.meta_values("og:url")
        for node in self.page.jsonld_articles:
            main = node.get("mainEntityOfPage")
            urls.append(main.get("@id") if isinstance(main, dict) else main)
        return [url.strip() for url in urls if isinstance(url, str) and url.strip()]

    def section(self) -> str | None:
        return self.page.meta.get("article:section")

    def tags(self) -> list[str]:
        return self.page.meta_values("article:tag")

    def source(self) -> str | None:
        """A "Nguồn: …" line the markup sets apart: on an unknown template, an element marked source (CafeF's
        p.source[data-field=source]) outside page chrome."""
        for el in self.page.marked(_SOURCE_ATTRIBUTES, _SOURCE_MARK):
            text = normalize_line(el.text_content())
            if text and len(text) <= 80 and not in_chrome(el):
                return text
        return None


class SelectorTemplate(Template):
    """A version whose fields are read by CSS selectors (the first one that matches wins)."""

    title_css: ClassVar[tuple[str, ...]] = ()
    lead_css: ClassVar[tuple[str, ...]] = ()
    date_css: ClassVar[tuple[str, ...]] = ()
    body_css: ClassVar[tuple[str, ...]] = ()
    author_css: ClassVar[tuple[str, ...]] = ()
    section_css: ClassVar[tuple[str, ...]] = ()
    tags_css: ClassVar[tuple[str, ...]] = ()
    source_css: ClassVar[tuple[str, ...]] = ()

    def title(self) -> str | None:
        return self.page.first_text(self.title_css) or super().title()

    def lead_element(self) -> etree._Element | None:
        return next(iter(self.page.first(self.lead_css)), None)

    def printed_date(self) -> str | None:
        # a version that knows no date selector (its markup is only partly known) reads the date the generic way
        return self.page.first_text(self.date_css) if self.date_css else super().printed_date()

    def body_element(self) -> etree._Element | None:
        return next(iter(self.page.first(self.body_css)), None)

    def author_candidates(self) -> Iterator[str]:
        """The version's author element first, then what any page says (never a scan for author-like markup)."""
        return chain(self.printed_authors(), self._structured_authors(), self._named_authors())

    def printed_authors(self) -> Iterator[str]:
        """The version's author element (author_css)."""
        return (byline_text(el) for el in self.page.first(self.author_css))

    def section(self) -> str | None:
        crumbs = [normalize_line(a.text_content()) for a in self.page.first(self.section_css)]
        crumbs = [c for c in crumbs if c and c.lower() not in ("trang chủ", "home")]
        return crumbs[-1] if crumbs else super().section()

    def tags(self) -> list[str]:
        return [normalize_line(a.text_content()) for a in self.page.first(self.tags_css)] or super().tags()

    def source(self) -> str | None:
        return self.page.first_text(self.source_css)


class Family:
    """A CMS family: its template versions, oldest first, and the URL family letters the docs use for it."""

    def __init__(self, name: str, versions: tuple[type[Template], ...], *, aliases: tuple[str, ...] = (),
                 description: str = ""):
        self.name, self.versions, self.aliases, self.description = name, versions, aliases, description

    def choose(self, page: Page) -> type[Template] | None:
        """The version for this page: among the versions whose markers the page carries, the newest one that was
        served on the day the page was fetched (or, failing that, the newest that fits at all). None when no
        version fits: the page goes down the generic path, and that is drift."""
        fitting = [v for v in self.versions if v.fits(page)]
        day = _page_day(page)
        served = [v for v in fitting if day is None or v.served_on(day)]
        return (served or fitting or [None])[-1]


def byline_text(el: etree._Element) -> str:
    """An author element's text. A widget that lists several authors ("X và 1 tác giả khác", then every name in
    a hidden list) gives its distinct author links instead, joined."""
    text = normalize_line(el.text_content())
    links = [normalize_line(a.text_content()) for a in el.xpath(_AUTHOR_LINKS)]
    links = list(dict.fromkeys(link for link in links if link))
    if len(links) >= 2 or _MORE_AUTHORS.search(text):
        return " - ".join(links)
    return text


def _as_list(value: object) -> list:
    return value if isinstance(value, list) else [value] if value else []


def _page_day(page: Page) -> date | None:
    """The day the page shows its markup for: when it was fetched, else when it says it was published."""
    if page.fetched_at is not None:
        return page.fetched_at.date()
    for _, raw in page.machine_dates:
        value = parse_machine_date(raw)
        if value is not None:
            return value.date() if isinstance(value, datetime) else value
    return None
