"""Báo Hậu Giang's CMS (baohaugiang.com.vn, /<category>/<slug>-<id>.html, sections /<slug>-<id>.html): the text in
div.news-details-content div.contentView ([CLN]); title, lead and date are read the generic way."""

from crawler.templates.base import Family, SelectorTemplate


class V1(SelectorTemplate):
    family, version = "news-details", "v1"
    markers = ("div.news-details-content div.contentView",)
    body_css = ("div.news-details-content div.contentView",)


FAMILY = Family("news-details", (V1,), description="/<category>/<slug>-<id>.html, sections /<slug>-<id>.html")
