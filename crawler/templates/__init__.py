"""Template versions per CMS family (one module per family), and how a page finds its version.

The registry's era for a URL names the family; ``choose`` picks the family's version the page fits (markers, then
the day it was fetched). A paper the registry does not know gets the family its markup shows (``detect``).
A page that fits no version goes down the generic path (``Template``): that is how a redesign shows up.
"""

from __future__ import annotations

from crawler.templates import (a_id, bbg, blc, dienbien, dnn, media_upload, news_details, ninhbinh, onecms, phutho, post,
                               slug_id, vhv, yyyymm)
from crawler.templates.base import Family, SelectorTemplate, Template
from crawler.templates.page import NoArticle, Page

__all__ = ["FAMILIES", "Family", "NoArticle", "Page", "SelectorTemplate", "Template", "choose", "family", "detect"]

# "generic": a paper whose markup no stored copy shows yet; its pages go down the generic path, and that is no drift
GENERIC = Family("generic", (), description="markup not known: the generic path reads every page")
FAMILIES: dict[str, Family] = {f.name: f for f in (*(m.FAMILY for m in (
    yyyymm, post, a_id, slug_id, vhv, dnn, onecms, media_upload, phutho, bbg, ninhbinh, dienbien, blc, news_details)),
    GENERIC)}
_BY_NAME = {alias: f for f in FAMILIES.values() for alias in (f.name, *f.aliases)}
# most specific markup first, for pages of papers the registry does not know
_DETECTION_ORDER = ("onecms", "post", "a-id", "vhv", "dnn", "slug-id", "media-upload", "yyyymm")


def family(name: str) -> Family:
    """A family by its name or its letter (A, B, C, D …)."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(f"unknown template family {name!r}; known: {', '.join(FAMILIES)}") from None


def detect(page: Page) -> type[Template] | None:
    """The version of the first family whose markup the page carries (papers the registry does not know)."""
    for name in _DETECTION_ORDER:
        version = FAMILIES[name].choose(page)
        if version is not None:
            return version
    return None


def choose(page: Page) -> tuple[type[Template], str | None]:
    """(the template version that reads this page, the family its paper's era expects, or None)."""
    era = page.site.era_for(page.url) if page.site else None
    if era is None:
        return detect(page) or Template, None
    expected = family(era.family)
    return expected.choose(page) or Template, expected.name
