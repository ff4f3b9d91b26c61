"""The "slug-<digits>.html" CMS (URL family D), no category in the path: new baoquangninh.vn (7 digits), new
baolamdong.vn and baotuyenquang.com.vn (6 digits); images on media.<host>/upload/image/YYYYMM/medium/."""

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


FAMILY = Family("slug-id", (V1, V1_1), aliases=("D",), description="<slug>-<6 or 7 digits>.html or .htm, no category")
