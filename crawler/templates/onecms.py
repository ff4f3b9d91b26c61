"""OneCMS (images on <code>.1cdn.vn), URL family D `<slug>-<6 or 8 digits>.html`: baonghean.vn and baohaiphong.vn
(stored real pages, FINDINGS.md §4), hanoimoi.vn (its body container `div.b-maincontent` only, [CLN]).

The widgets (reactions, share bar, comments, tags, "Nguồn …" box, ads) sit in `div.c-news-detail` around
`div.b-maincontent`, never inside the entry: the body container is the entry, not the outer block."""

from __future__ import annotations

import copy

from lxml import etree

from crawler.templates.base import Family, SelectorTemplate
from crawler.templates.page import css


class V1(SelectorTemplate):
    """What is known on every OneCMS paper: the text in `div.b-maincontent`. Title, date and lead come from the
    page's meta tags and JSON-LD (the generic fallbacks); Hànộimới's header markup is not known."""

    family, version = "onecms", "v1"
    markers = ("div.b-maincontent",)
    body_css = ("div.b-maincontent",)


class Longform(V1):
    """The `sc-longform-header` article (Nghệ An, Hải Phòng): title, author • date and sapo in a header block that
    opens the entry itself, so the body is the entry without it. Captions come in three generations:
    `figure > figcaption`, `table.full-img td.image_desc`, and an italic paragraph after a paragraph holding only
    the image (Hải Phòng 2022), which the body turns into a figure."""

    version = "longform"
    markers = ("div.b-maincontent .entry", "h1.sc-longform-header-title")
    title_css = ("h1.sc-longform-header-title",)
    lead_css = ("p.sc-longform-header-sapo",)
    date_css = ("span.sc-longform-header-date",)
    author_css = ("span.sc-longform-header-author",)
    body_css = ("div.b-maincontent .entry-no-padding", "div.b-maincontent article.entry", "div.b-maincontent div.entry")
    section_css = ("div.c-detail-head ol.breadcrumb li a",)
    tags_css = ("div.c-widget-tags a",)

    def body_element(self) -> etree._Element | None:
        entry = super().body_element()
        if entry is None:
            return None
        body = copy.deepcopy(entry)
        for header in css("div.sc-longform-header")(body):
            header.drop_tree()
        for image in body.xpath("p[.//img][not(normalize-space())]"):
            caption = image.getnext()
            if caption is not None and caption.tag == "p" and _all_italic(caption):
                image.tag, caption.tag = "figure", "figcaption"
                image.append(caption)
        return body


def _all_italic(el: etree._Element) -> bool:
    text = " ".join(el.text_content().split())
    return bool(text) and text == " ".join("".join(i.text_content() for i in el.iter("em", "i")).split())


FAMILY = Family("onecms", (V1, Longform), description="<slug>-<6 or 8 digits>.html, 1cdn.vn media, b-maincontent")
