"""A template version: how one generation of a CMS family's article page shows each field.

Modelled on Fundus's parser versions. A version is a class; a later version subclasses the one before it and
overrides only what changed, either the CSS selectors a field reads (``title_css`` …) or the field's method
itself. A version says when it applies: ``markers`` (selectors the page must match) and ``valid_from`` /
``valid_until`` (the dates its markup was served). ``Family.choose`` picks the version for a page.

``Template`` itself is the generic path: the page's meta tags, its <title>, trafilatura for the body. Every
field method of a selector version falls back to it, so a version only states what its markup adds.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from lxml import etree

from crawler.dates import parse_date
from crawler.templates.page import Page
from crawler.textnorm import normalize_line

# Unknown template: the first short element whose class says date or time (and not in a related box or sidebar)
_DATE_ELEMENTS = ("//*[contains(@class, 'date') or contains(@class, 'time') or contains(@class, 'publish')]"
                  "[not(ancestor::*[contains(@class, 'related') or contains(@class, 'side')])]")


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
        """The element holding the lead (sapo); None: the extractor looks for it in the body."""
        return None

    def printed_date(self) -> str | None:
        for el in self.page.doc.xpath(_DATE_ELEMENTS):
            text = normalize_line(el.text_content())
            if len(text) < 80 and parse_date(text) is not None:
                return text
        return None

    def body_element(self) -> etree._Element | None:
        """The element holding the article text; None: trafilatura finds the text."""
        return None

    def author(self) -> str | None:
        """A byline the markup sets apart (the extractor also reads bylines inside the body)."""
        return None

    def section(self) -> str | None:
        return self.page.meta.get("article:section")

    def tags(self) -> list[str]:
        return self.page.meta_values("article:tag")

    def source(self) -> str | None:
        """A "Nguồn: …" line the markup sets apart."""
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
        return self.page.first_text(self.date_css)

    def body_element(self) -> etree._Element | None:
        return next(iter(self.page.first(self.body_css)), None)

    def author(self) -> str | None:
        return self.page.first_text(self.author_css)

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


def _page_day(page: Page) -> date | None:
    """The day the page shows its markup for: when it was fetched, else when it says it was published."""
    if page.fetched_at is not None:
        return page.fetched_at.date()
    for _, raw in page.machine_dates:
        value = parse_date(raw)
        if value is not None:
            return value.date() if isinstance(value, datetime) else value
    return None
