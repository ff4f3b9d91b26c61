"""Báo Lai Châu's CMS (baolaichau.vn, /<category>/<slug>-<id>.html): blc-post__* blocks. Only the body container is
known ([CLN]); title, lead and date are read the generic way."""

from crawler.templates.base import Family, SelectorTemplate


class V1(SelectorTemplate):
    family, version = "blc", "v1"
    markers = ("#post-content .post-detail .post-info .body",)
    body_css = ("#post-content .post-detail .post-info .body",)


FAMILY = Family("blc", (V1,), description="/<category>/<slug>-<6 digits>.html, listing links a.blc-post__link")
