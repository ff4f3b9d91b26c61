"""Báo Ninh Bình's CMS (baoninhbinh.org.vn): <slug>-<15 digits>.html, earlier /<slug>/d<timestamp>.htm; images
under img.<host>/DATA/ARTICLES/. Title and body are known (a crawler config); the rest is read as on the generic
path."""

from crawler.templates.base import Family
from crawler.templates.base import SelectorTemplate


class V1(SelectorTemplate):
    family, version = "ninhbinh", "v1"
    markers = ("h1.header-title", "#content_detail")
    title_css = ("h1.header-title",)
    body_css = ("#content_detail",)


FAMILY = Family("ninhbinh", (V1,), description="<slug>-<15 digits>.html and /<slug>/d<timestamp>.htm pages")
