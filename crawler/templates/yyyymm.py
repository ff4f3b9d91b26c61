"""The "YYYYMM" CMS (URL family A): /<category>[/<sub>]/<YYYYMM>/<slug>-<id>/ with a trailing slash.
Served by baoquangtri.vn, old baolamdong.vn and baoquangninh.com.vn, baotuyenquang.com.vn (2025), baoquangbinh.vn."""

from crawler.templates.base import Family, SelectorTemplate


class V1(SelectorTemplate):
    """article-* blocks, the breadcrumb as a div of links, the date in span.article-date."""

    family, version = "yyyymm", "v1"
    markers = ("div.article-content", "h1.article-title")
    title_css = ("h1.article-title",)
    body_css = ("div.article-content",)
    lead_css = ("div.article-sapo",)
    date_css = ("span.article-date",)
    author_css = ("div.article-author",)
    section_css = ("div.breadcrumb a",)
    tags_css = ("div.article-tags a",)


class V2(V1):
    """The breadcrumb becomes an ordered list; some sites print the date (with the reporter's name) in a meta line."""

    version = "v2"
    markers = (*V1.markers, "ol.breadcrumb")
    section_css = ("ol.breadcrumb li a",)
    date_css = ("span.article-date", "div.article-meta")


class QuangBinh(V1):
    """baoquangbinh.vn's skin of the same CMS: title in h2#title, date in the page-detail-meta list."""

    version = "quangbinh"
    markers = ("h2#title", "div#content")
    title_css = ("h2#title",)
    body_css = ("div#content",)
    lead_css = ("div.sapo",)
    date_css = ("div.page-detail-meta ul.list-inline li",)


FAMILY = Family("yyyymm", (V1, V2, QuangBinh), aliases=("A",),
                description="/<category>/<YYYYMM>/<slug>-<id>/ (7 digits or 7 hex), images under /file/<32 hex>/")
