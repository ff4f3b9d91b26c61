"""What each CMS family's article template looks like (SITES.md §2), and the boilerplate all of them share.

A family is a small record of CSS selectors, tried in order; the extractor picks the family from the site
record's era for the URL. Selectors are compiled once, at import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.cssselect import CSSSelector


@dataclass(frozen=True)
class Family:
    name: str
    title: tuple[str, ...]
    body: tuple[str, ...]
    lead: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    author: tuple[str, ...] = ()
    section: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    source: tuple[str, ...] = ()


def _family(name: str, **selectors: tuple[str, ...]) -> Family:
    return Family(name=name, **selectors)


FAMILIES: dict[str, Family] = {
    f.name: f
    for f in (
        # "YYYYMM" CMS: baoquangtri.vn, old baolamdong.vn and baoquangninh.com.vn, baotuyenquang 2025.
        _family(
            "A",
            title=("h1.article-title", "h2#title", "h1"),
            body=("div.article-content", "div#content"),
            lead=("div.article-sapo", "div.sapo"),
            date=("span.article-date", "div.page-detail-meta ul.list-inline li", "div.article-meta"),
            author=("div.article-author",),
            section=("ol.breadcrumb li a", "div.breadcrumb a"),
            tags=("div.article-tags a",),
        ),
        # "-post<id>.html": baophutho.vn, baolaocai.vn, baonghean.vn, nhandan.vn.
        _family(
            "B",
            title=("h1.article__title", "h1"),
            body=("div.article__body.cms-body", "div.article__body"),
            lead=("div.article__sapo", "h2.article__sapo"),
            date=("div.article__meta time.time", "div.article__meta"),
            author=("div.article__author",),
            section=("ul.breadcrumb li a", "div.article__cate a"),
            tags=("div.article__tags a",),
        ),
        # "-a<id>.html": baotayninh.vn, baobinhduong.vn, baocantho.com.vn.
        _family(
            "C",
            title=("h1.title", "h1"),
            body=("div.content-body", "div#content"),
            lead=("div.sapo", "p.sapo"),
            date=("span.pubdate",),
            author=("div.author",),
            section=("div.breadcrumb a",),
            tags=("div.tags a",),
        ),
        # "slug-<digits>.html", no category: new baoquangninh.vn, baolamdong.vn, baotuyenquang.com.vn.
        _family(
            "D",
            title=("h1.detail-title", "h1"),
            body=("div.detail-content", "div.detail-body"),
            lead=("h2.detail-sapo", "div.detail-sapo"),
            date=("div.detail-time", "span.detail-time"),
            author=("div.detail-author", "p.detail-author"),
            section=("ul.breadcrumbs li a", "div.detail-cate a"),
            tags=("div.detail-tags a",),
        ),
        # VHV / NukeViet portals (old baoquangtri.vn, government sites): the rating and session-timeout blocks.
        _family(
            "VHV",
            title=("div.news-detail h1", "h1.title"),
            body=("div#news-bodyhtml", "div.bodytext"),
            lead=("div.news-hometext", "div.hometext"),
            date=("span.news-date", "span.h-date"),
            author=("p.news-author",),
            section=("ul.breadcrumbs li a",),
            tags=("div.news-keywords a",),
            source=("p.news-source",),
        ),
        # DotNetNuke (old baovinhphuc.com.vn).
        _family(
            "DNN",
            title=("h1.title-detail", "h1"),
            body=("div.content-detail",),
            lead=("div.sapo-detail",),
            date=("div.date-detail", "span.date-detail"),
            author=("div.author-detail",),
            section=("div.cat-detail a", "ul.breadcrumb li a"),
            tags=("div.tags-detail a",),
        ),
    )
}

_compiled: dict[str, CSSSelector] = {}

# Markers that name a family from the markup alone, for pages of papers the registry does not know yet.
# Most specific first; each needs its body container and its title.
_DETECTION_ORDER = ("B", "C", "VHV", "DNN", "D", "A")


def select(doc, selectors: tuple[str, ...]) -> list:  # noqa: ANN001 - lxml element
    """Elements matched by the first selector that matches anything."""
    for css in selectors:
        compiled = _compiled.get(css)
        if compiled is None:
            compiled = _compiled[css] = CSSSelector(css)
        found = compiled(doc)
        if found:
            return found
    return []


def detect_family(doc) -> Family | None:  # noqa: ANN001 - lxml element
    """The family whose own body and title selectors (the first of each) both match this page."""
    for name in _DETECTION_ORDER:
        family = FAMILIES[name]
        if select(doc, family.body[:1]) and select(doc, family.title[:1]):
            return family
    return None


# Lines that are never article text, on any family (SITES.md §4). Matched against a whole line, folded
# to lower case; a prefix match where the phrase leads a line ("Từ khóa: …").
BOILERPLATE_LINES = (
    "tin cùng chuyên mục", "tin liên quan", "bài liên quan", "ý kiến bạn đọc", "đọc nhiều", "có thể bạn quan tâm",
    "xem thêm", "đọc thêm", "in bài viết", "chia sẻ", "bình luận", "ý kiến của bạn", "gửi ý kiến", "tiêu điểm",
    "đọc báo in", "tải ứng dụng", "những tin mới hơn", "những tin cũ hơn", "click để đánh giá bài viết",
    "tiếng việt | english", "tin mới", "tin khác", "bài viết khác", "video", "trở về", "về đầu trang",
    # "read more" widgets inside the text (VCCorp's hidden readmore box), VnExpress's copy-link toast, and an empty
    # author label
    "đọc tiếp", "về trang chủ đề", "xem tiếp", "xem toàn bộ", "copy link thành công", "tác giả", "tác giả bài viết",
)
BOILERPLATE_PREFIXES = (
    "từ khóa:", "từ khoá:", "tags:", "theo dõi báo", "tổng số điểm của bài viết là", "vui lòng nhập mã xác nhận",
    "bạn đã không sử dụng site", "xem cỡ chữ", "article rating", "đánh giá bài viết", "chia sẻ bài viết",
)
_BOILERPLATE_LINE_SET = frozenset(BOILERPLATE_LINES)
_SEPARATOR = re.compile(r"^[\s.·•…|*_=~\-–—]*$")


def is_boilerplate(line: str) -> bool:
    low = line.strip().lower().rstrip(":")
    if _SEPARATOR.match(low):
        return True
    return low in _BOILERPLATE_LINE_SET or low.startswith(BOILERPLATE_PREFIXES)
