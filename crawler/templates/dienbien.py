"""Báo Điện Biên Phủ's site: a front end over a JSON API (api-dienbien.<host>/api/web/…). Section pages are
rendered in the browser from the API, so their HTML links no article; article pages (/tin-bai/<section>/<slug>)
come with their text in div.editor-content. Only that selector is known; the rest is read as on the generic path."""

from crawler.templates.base import Family
from crawler.templates.base import SelectorTemplate


class V1(SelectorTemplate):
    family, version = "dienbien", "v1"
    markers = ("div.editor-content",)
    body_css = ("div.editor-content",)


FAMILY = Family("dienbien", (V1,), description="/tin-bai/<section>/<slug> pages, sections rendered from a JSON API")
