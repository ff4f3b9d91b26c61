"""The "-a<id>.html" CMS (URL family C): span.pubdate, JSON-LD with the day only, a comment form under the text,
images under /image/news/YYYY/YYYYMMDD/. Served by baotayninh.vn, baobinhduong.vn, baocantho.com.vn, baocamau.vn,
baoangiang.com.vn, baodongthap.vn, baolongan.vn, baodongkhoi.vn. Papers put the text in containers of their own
([CLN]): a skin each, the family's date and title otherwise."""

from crawler.templates.base import Family, SelectorTemplate


class V1(SelectorTemplate):
    family, version = "a-id", "v1"
    markers = ("div.content-body", "h1.title")
    title_css = ("h1.title",)
    body_css = ("div.content-body",)
    lead_css = ("div.sapo",)
    date_css = ("span.pubdate",)
    author_css = ("div.author",)
    section_css = ("div.breadcrumb a",)
    tags_css = ("div.tags a",)


class ContentNews(V1):
    """baobinhduong.vn: the text in #contentNews; baodongthap.vn: in its .singular-content."""

    version = "contentnews"
    markers = ("#contentNews", "span.pubdate")
    body_css = ("#contentNews .singular-content", "#contentNews")


class PostContent(V1):
    """baocamau.vn: the text in div.post-content."""

    version = "postcontent"
    markers = ("div.post-content", "span.pubdate")
    body_css = ("div.post-content",)


class NewsContents(V1):
    """baodongkhoi.vn and its archive: the text in #newscontents, the sapo a paragraph of .detail-desc."""

    version = "newscontents"
    markers = ("#newscontents", "span.pubdate")
    body_css = ("#newscontents",)
    lead_css = (".detail-desc p",)


FAMILY = Family("a-id", (V1, ContentNews, PostContent, NewsContents), aliases=("C",),
                description="<slug>-a<id>.html, images under /image/news/YYYY/YYYYMMDD/")
