"""Queries with the articles expected on top, over a frozen corpus (tests/fixtures/ranking-corpus.jsonl.gz: the
articles of the five seed papers' sample pages when the cases were written, so that new papers leave the cases
true): the ranking that tests/test_search.py asserts and `python -m bench ranking` measures against fold-only
ranking.

Each case: what a reader types, and the titles of the articles spelled as typed (found by reading the texts). With
diacritics, those come first and every other match after them; without, every spelling matches alike.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from archive.record import Article
from archive.store import Archive

DA_TEH = "Đạ Tẻh: Công tác xây dựng Đảng tiếp tục được đổi mới"
DONG_TRIEU = "Đảng bộ TX Đông Triều: Xây dựng Đảng bộ trong sạch, vững mạnh"  # twice: one article in two templates
KET_NAP = "Đông Triều kết nạp đảng viên mới trong đoàn viên thanh niên"
QUANG_NINH = "Tỉnh ủy Quảng Ninh triển khai nhiệm vụ xây dựng Đảng năm 2026"
QUANG_TRI = "Quảng Trị tổng kết công tác xây dựng Đảng năm 2025"
KHOI = "Xây dựng Đảng bộ Khối Cơ quan và Doanh nghiệp tỉnh Quảng Trị vững mạnh toàn diện"
YEN_SON = "Yên Sơn xây dựng chi bộ, Đảng bộ trong sạch vững mạnh"
BINH_XUYEN = "Bình Xuyên chú trọng công tác xây dựng Đảng"

# query -> the titles expected first (an article printed in two templates counts twice)
CASES: dict[str, list[str]] = {
    "đang": [KET_NAP, BINH_XUYEN],  # not the 16 articles that only say "Đảng"
    "đúng": [DA_TEH, DONG_TRIEU, DONG_TRIEU, KET_NAP, QUANG_NINH, QUANG_TRI, KHOI, YEN_SON, BINH_XUYEN],
    "đứng": [DA_TEH, QUANG_NINH, KHOI, YEN_SON],  # not "dựng" (60 times), "đúng", "dụng"
    "dẫn": [DA_TEH, KHOI, YEN_SON],  # not "dân"
    "đăng": [DA_TEH, KHOI, YEN_SON],
    "khoá XII": [DONG_TRIEU, DONG_TRIEU, KHOI, YEN_SON, BINH_XUYEN],  # "khóa" is the same spelling, toned elsewhere
    '"xây dựng Đảng"': [DA_TEH, DONG_TRIEU, DONG_TRIEU, QUANG_NINH, QUANG_TRI, KHOI, YEN_SON, BINH_XUYEN],
    "Đạ Tẻh": [DA_TEH],
}
# typed without diacritics: every spelling is a match of the same rank (tier)
UNMARKED = ["tinh", "dung", "xay dung dang", "khoa xii"]


CORPUS = Path(__file__).parent / "fixtures" / "ranking-corpus.jsonl.gz"


def ranking_archive(path: Path) -> Archive:
    """An archive of the corpus's articles."""
    archive = Archive(path)
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        for line in lines:
            archive.save_article(Article.from_dict(json.loads(line)))
    return archive
