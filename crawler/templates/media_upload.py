"""The CMS that stores images under `media.<host>/upload/image/YYYYMM/medium/` (URL family D, `<slug>-<7 digits>.html`):
baoquangninh.vn, baocaobang.vn, baohungyen.vn, and baolangson.vn (same body container).

Seen in stored configurations ([CLN]): the title in `h1.name` (Quảng Ninh, Hưng Yên), the text in `#content-detail`
(all four), the sapo as the `h2` that opens it (Lạng Sơn). The date line, the byline block, the breadcrumb and the
tag list are not known from any stored copy (U): the selectors below for them are this project's guess."""

from crawler.templates.base import Family, SelectorTemplate


class V1(SelectorTemplate):
    family, version = "media-upload", "v1"
    markers = ("h1.name", "#content-detail")
    title_css = ("h1.name",)
    lead_css = ("#content-detail > h2:first-child",)
    body_css = ("#content-detail",)
    date_css = ("span.time",)
    author_css = ("p.author",)
    section_css = ("ol.breadcrumb li a",)
    tags_css = ("div.tags a",)


FAMILY = Family("media-upload", (V1,), description="<slug>-<7 digits>.html, media.<host>/upload/image/YYYYMM/medium/")
