"""The "-a<id>.html" CMS (URL family C): span.pubdate, JSON-LD with the day only, a comment form under the text.
Served by baotayninh.vn, baobinhduong.vn, baocantho.com.vn, baocamau.vn, baoangiang.com.vn, baodongthap.vn."""

from crawler.templates.base import Family, SelectorTemplate


class V1(SelectorTemplate):
    family, version = "a-id", "v1"
    markers = ("div.content-body", "h1.title")
    title_css = ("h1.title",)
    body_css = ("div.content-body",)
    lead_css = ("div.sapo",)
    date_css = ("span.pubdate",)
    author_css = ("div.author",)
    section_css = ("div.breadcrumb a",)
    tags_css = ("div.tags a",)


FAMILY = Family("a-id", (V1,), aliases=("C",), description="<slug>-a<id>.html, images under /image/news/YYYY/YYYYMMDD/")
