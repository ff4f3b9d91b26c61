"""Báo Bắc Giang's CMS, kept by Báo Bắc Ninh after the 2025 merger: [/<cat>[/<sub>]]/<slug>-postid<id>.bbg,
images under img.<host>/Medias/, listing links a.font-tin-doc. Only the sapo's selector is known (Bắc Ninh's
crawler config); title, date and body are read as on the generic path."""

from crawler.templates.base import Family
from crawler.templates.base import SelectorTemplate


class V1(SelectorTemplate):
    family, version = "bbg", "v1"
    markers = ("div.news_detail_sapo",)
    lead_css = ("div.news_detail_sapo",)


FAMILY = Family("bbg", (V1,), description="<slug>-postid<id>.bbg pages (Bắc Giang's CMS, also baobacninhtv.vn)")
