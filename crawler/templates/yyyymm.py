"""The "YYYYMM" CMS (URL family A): /<category>[/<sub>]/<YYYYMM>/<slug>-<id>/, images under /file/<32 hex>/<MMYYYY>/
(one GUID folder per customer: e7837c02… for baolamdong, baonamdinh, baovinhlong, baothainguyen, baokhanhhoa,
baodongnai; 4028eaa4… for baohagiang and baotuyenquang) or /dataimages/YYYYMM/original/. One vendor, a skin per
customer (listing links a.title1 … a.title5 on Thái Nguyên, Đồng Nai, Đắk Lắk). Served by baoquangtri.vn,
baoquangbinh.vn, old baolamdong.vn and baoquangninh.com.vn, baotuyenquang.com.vn (2025), baothainguyen.vn,
baokhanhhoa.vn, baodaklak.vn, baodongnai.com.vn, baovinhlong.com.vn and the Phú Yên archive phuyen.baodaklak.vn."""

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


class TdPost(V1):
    """The skin seen whole on the Phú Yên archive (phuyen.baodaklak.vn) and, by its body container, on
    baodongnai.com.vn and baovinhlong.com.vn: the text in a tagDiv-style div.td-post-content inside
    div#content.content-detail, the title over the lead photo, the sapo in a side column, the date alone in
    time.time ("10:30, 15/05/2011"). Its author slot holds the placeholder "Bút danh": no author selector."""

    version = "td-post"
    markers = ("div.detail-main-title h1.title", "div#content .td-post-content")
    title_css = ("div.detail-main-title h1.title",)
    body_css = ("div#content.content-detail .td-post-content", "div#content .td-post-content")
    lead_css = ("div.content-reply p.reply",)
    date_css = ("div.group-time time.time",)
    author_css = ()
    section_css = ("nav.group-category ol.breadcrumb li a",)
    tags_css = ("div.tags-box div.tags a",)


class HeadTitle(TdPost):
    """baokhanhhoa.vn: the title in h1.head_title, the text straight in div.content-detail."""

    version = "head-title"
    markers = ("h1.head_title", "div.content-detail")
    title_css = ("h1.head_title",)
    body_css = ("div.content-detail",)


class ArticleContent(TdPost):
    """baodaklak.vn: the text in div.content#content inside div.article_content."""

    version = "article_content"
    markers = ("div.article_content div.content#content",)
    body_css = ("div.article_content div.content#content",)


class Desc(TdPost):
    """baothainguyen.vn: the sapo in div.desc under the title."""

    version = "desc"
    markers = (*TdPost.markers, "div.detail-main-title div.desc")
    lead_css = ("div.detail-main-title div.desc",)


FAMILY = Family("yyyymm", (V1, V2, QuangBinh, TdPost, HeadTitle, ArticleContent, Desc), aliases=("A",),
                description="/<category>/<YYYYMM>/<slug>-<id>/ (7 digits or 7 hex), images under /file/<32 hex>/")
