"""Báo Phú Thọ's CMS (URL family D, `<slug>-<6 digits>.htm`): title `h1.pTitle`, sapo `p.pHead`, text `#dcontent`
([CLN] configuration). Its date line, byline block, breadcrumb and tags are not known from any stored copy (U):
the selectors below for them are this project's guess."""

from crawler.templates.base import Family, SelectorTemplate


class V1(SelectorTemplate):
    family, version = "phutho", "v1"
    markers = ("h1.pTitle", "#dcontent")
    title_css = ("h1.pTitle",)
    lead_css = ("p.pHead",)
    body_css = ("#dcontent",)
    date_css = ("span.pDate",)
    author_css = ("p.pAuthor",)
    section_css = ("div.pCat a",)
    tags_css = ("div.pTags a",)


FAMILY = Family("phutho", (V1,), description="<slug>-<6 digits>.htm, h1.pTitle / p.pHead / #dcontent")
