"""The VHV / NukeViet portal CMS (old baoquangtri.vn, government sites): a rating block and a session-timeout
notice inside the page, the source line set apart."""

from crawler.templates.base import Family, SelectorTemplate


class V1(SelectorTemplate):
    family, version = "vhv", "v1"
    markers = ("div#news-bodyhtml", "div.news-detail h1")
    title_css = ("div.news-detail h1",)
    body_css = ("div#news-bodyhtml",)
    lead_css = ("div.news-hometext",)
    date_css = ("span.news-date",)
    author_css = ("p.news-author",)
    section_css = ("ul.breadcrumbs li a",)
    tags_css = ("div.news-keywords a",)
    source_css = ("p.news-source",)


FAMILY = Family("vhv", (V1,), aliases=("VHV",), description="<slug>-<id>.htm portal pages")
