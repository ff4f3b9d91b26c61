"""DotNetNuke EasyDNNNews (old baovinhphuc.com.vn): "Cập nhật: …" dates, captions in tables, "Article Rating"."""

from crawler.templates.base import Family, SelectorTemplate


class V1(SelectorTemplate):
    family, version = "dnn", "v1"
    markers = ("div.content-detail", "h1.title-detail")
    title_css = ("h1.title-detail",)
    body_css = ("div.content-detail",)
    lead_css = ("div.sapo-detail",)
    date_css = ("div.date-detail",)
    author_css = ("div.author-detail",)
    section_css = ("div.cat-detail a",)
    tags_css = ("div.tags-detail a",)


FAMILY = Family("dnn", (V1,), aliases=("DNN",), description="/<section>/<id>/<slug>.html portal pages")
