"""The "-post<id>.html" CMS (URL family B): article__* blocks, <time class="time" datetime=…+0700>, the byline a
short last paragraph of the body. Served by baolaocai.vn, baonghean.vn (older), baohatinh.vn, baogialai.com.vn;
by baosonla.vn behind /<category>/<slug>-<id>.html URLs."""

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


class Editor(V1):
    """baosonla.vn ([CLN]): the text in div#editor-detail or div.fulltext, no article__body; the rest the family's."""

    version = "editor"
    markers = ("div.article__meta", "div#editor-detail, div.fulltext")
    body_css = ("div#editor-detail", "div.fulltext")


FAMILY = Family("post", (V1, Editor), aliases=("B",),
                description="<slug>-post<id>.html (Sơn La: /<cat>/<slug>-<id>.html), article__body / cms-body markup")
