"""The "-post<id>.html" CMS (URL family B): article__* blocks, <time class="time" datetime=…+0700>.
Served by baolaocai.vn, baonghean.vn (older), baosonla.vn, baohatinh.vn, baogialai.com.vn, sggp.org.vn."""

from crawler.templates.base import Family, SelectorTemplate


class V1(SelectorTemplate):
    family, version = "post", "v1"
    markers = ("div.article__body", "h1.article__title")
    title_css = ("h1.article__title",)
    body_css = ("div.article__body",)
    lead_css = ("div.article__sapo",)
    date_css = ("div.article__meta time",)
    author_css = ("div.article__author",)
    section_css = ("ul.breadcrumb li a",)
    tags_css = ("div.article__tags a",)


FAMILY = Family("post", (V1,), aliases=("B",), description="<slug>-post<id>.html, article__body / cms-body markup")
