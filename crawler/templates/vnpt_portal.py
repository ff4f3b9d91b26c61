"""The portal that serves Báo Phú Yên's archive (phuyen.baodaklak.vn, og:url on baophuyen.vn): the article is a
nested html fragment in main.main; sapo in the left column; body of Word-style paragraphs in div.td-post-content,
its byline or "Theo …" source right-aligned at the end. The author slot (div.after-author p.author) only ever
holds the placeholder "Bút danh", so no selector reads it."""

from crawler.templates.base import Family, SelectorTemplate


class PhuYen(SelectorTemplate):
    family, version = "vnpt-portal", "phuyen"
    markers = ("div#content.content-detail div.td-post-content", "div.title-background h1.title")
    title_css = ("div.detail-main-title div.title-background > h1.title",)
    date_css = ("div.group-time > time.time",)  # the header's "Thứ 2, 21/10/2024" is the day of the visit
    lead_css = ("div.content-reply > p.reply",)
    body_css = ("div.content-fully > div#content.content-detail > div.td-post-content",)
    section_css = ("nav.group-category ol.breadcrumb li a",)
    tags_css = ("div.tags-box div.tags a",)


FAMILY = Family("vnpt-portal", (PhuYen,),
                description="/<catId>/<id>/<slug>/ and /<cat>/<YYYYMM>/<slug>-<hex>/ pages, td-post-content body")
