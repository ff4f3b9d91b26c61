"""The `detail-*` markup on `<slug>-<6 digits>.html` pages (URL family D, no category in the path): the sample pages
of baolamdong.vn and baotuyenquang.com.vn since 2025. No stored copy of those papers shows their markup (U); the
same `h1.detail-title` + `div.detail-content` pair is real on VCCorp-built national papers (Tuổi Trẻ, Người Lao
Động, Báo Chính phủ: FINDINGS.md §4). URL family D spans several CMSs (onecms, media-upload, phutho, this one), so
the letter is no alias of any of them."""

from crawler.templates.base import Family, SelectorTemplate


class V1(SelectorTemplate):
    family, version = "slug-id", "v1"
    markers = ("div.detail-content", "h1.detail-title")
    title_css = ("h1.detail-title",)
    body_css = ("div.detail-content",)
    lead_css = ("h2.detail-sapo",)
    date_css = ("div.detail-time",)
    author_css = ("div.detail-author",)
    section_css = ("ul.breadcrumbs li a",)
    tags_css = ("div.detail-tags a",)


class V1_1(V1):  # noqa: N801 - Fundus's version naming
    """The sapo moves from an h2 into a div."""

    version = "v1.1"
    markers = (*V1.markers, "div.detail-sapo")
    lead_css = ("div.detail-sapo",)


FAMILY = Family("slug-id", (V1, V1_1), description="<slug>-<6 digits>.html, no category, detail-* blocks")
