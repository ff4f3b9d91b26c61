"""The lines no template's article text holds, on any paper (SITES.md §4): related-article headings, share and
comment prompts, rating widgets, session notices, separator lines."""

from __future__ import annotations

import re

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
