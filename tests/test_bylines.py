"""crawler.bylines: every byline shape the papers print, in both places they print it, and outlets refused."""

from __future__ import annotations

import pytest

from crawler.bylines import Byline, clean_byline, is_outlet, merge_names, outlet_keys


@pytest.mark.parametrize(("line", "byline"), [
    ("Lê Hợi", Byline("Lê Hợi")),
    ("THU HẰNG", Byline("Thu Hằng")),
    ("Tin, ảnh: Minh Huyền", Byline("Minh Huyền")),
    ("Tin, ảnh:T.H", Byline("T.H")),  # no space after the colon
    ("Ảnh: H.Y.T.", Byline("H.Y.T.")),  # initials keep their last dot
    ("Q.A", Byline("Q.A")),
    ("Bài và ảnh: Hà Vy", Byline("Hà Vy")),
    ("Bài, ảnh Nguyễn Khánh", Byline("Nguyễn Khánh")),
    ("Tin: Lê Minh - Ảnh: Hà Vy", Byline("Lê Minh")),  # the photographer is not the writer
    ("Tin và ảnh: Nam Giang", Byline("Nam Giang")),
    ("LÊ MINH - HÀ VY", Byline("Lê Minh - Hà Vy")),
    ("Lê Minh và Hà Vy", Byline("Lê Minh - Hà Vy")),
    ("Mai Lan (tổng hợp)", Byline("Mai Lan")),
    ("Văn Hoà (TTXVN)", Byline("Văn Hoà", "TTXVN")),
    ("Lê Minh (theo Tin Kinh Tế)", Byline("Lê Minh", "Tin Kinh Tế")),
    ("BS LÊ VĂN TÂM", Byline("Lê Văn Tâm")),
    ("ThS.BS Lê Minh", Byline("Lê Minh")),
    ("Theo TTXVN", Byline(source="TTXVN")),
    ("Nguồn: Báo Quảng Trị", Byline(source="Báo Quảng Trị")),
    ("Theo Thanh Niên", Byline(source="Thanh Niên")),  # "Theo" at the end of the text: always where it comes from
    ("Tác giả bài viết: Nguồn: Báo Quảng Trị", Byline(source="Báo Quảng Trị")),
    ("Báo Nhân Dân", Byline(source="Báo Nhân Dân")),  # an outlet signing the text
    ("Video: Ban Biên tập", Byline(source="Ban Biên tập")),  # a credit naming no person is still recorded
])
def test_bylines_at_the_end_of_the_text(line: str, byline: Byline) -> None:
    assert clean_byline(line) == byline


@pytest.mark.parametrize("line", [
    "Đây là câu cuối của bài.", "Tin vui đến với bà con trong xã", "Ảnh minh họa", "Tinh thần là chính",
    "Hà Nội, Việt Nam", "Theo ông Lê Văn Tâm, công trình hoàn thành sau hai tuần.", "Hoàn thành", "A.",
    "Xem thêm " + "rất dài " * 15,
])
def test_sentences_are_no_bylines(line: str) -> None:
    assert not clean_byline(line)


OUTLETS = outlet_keys(["tinthu.vn"], ["Báo điện tử Tin Thử"])


@pytest.mark.parametrize(("text", "byline"), [
    ("Theo Lê Minh", Byline("Lê Minh")),  # in an author slot "Theo" names a republished piece's writer
    ("Theo TTXVN", Byline(source="TTXVN")),
    ("LÊ MINH;HÀ VY", Byline("Lê Minh - Hà Vy")),
    ("Lê Minh, Hà Vy", Byline("Lê Minh - Hà Vy")),
    ("L&#202; MINH", Byline("Lê Minh")),  # entities inside JSON-LD strings
    ("Tin: Lê Minh - Ảnh: Hà Vy", Byline("Lê Minh")),
    ("Tri", Byline("Tri")),  # one word is a name when the markup says it is the author
    ("TinThu", Byline()), ("Tin Thu", Byline()), ("TINTHU.VN", Byline()), ("baotinthu", Byline()),
    ("Báo điện tử Tin Thử", Byline()), ("TIN THU ONLINE", Byline()), ("https://www.facebook.com/tinthu", Byline()),
    ("Bút danh", Byline()), ("admin", Byline()),
])
def test_bylines_in_author_slots(text: str, byline: Byline) -> None:
    assert clean_byline(text, OUTLETS, slot=True) == byline


@pytest.mark.parametrize(("name", "outlet"), [
    ("Báo Quảng Ninh", True), ("Tạp chí Tuyên giáo", True), ("VietNamNet News", True), ("TUOI TRE ONLINE", True),
    ("tinthu.vn", True), ("www.tinthu.vn", True), ("Ban Biên tập", True), ("Bút danh", True),
    ("Nguyễn Thị Đài", False),  # "đài" (a broadcaster) only opens an outlet's name
    ("Bảo Ngọc", False),  # folded, Bảo is "bao" (báo): outlet words are matched with their marks
    ("Lê Minh", False),
])
def test_is_outlet(name: str, outlet: bool) -> None:
    assert is_outlet(name) is outlet


def test_site_names_are_compared_whole() -> None:
    keys = outlet_keys(["baoquangninh.vn"], ["Báo Quảng Ninh"])
    assert is_outlet("BaoQuangNinh", keys) and is_outlet("Bao Quang Ninh", keys)
    assert not is_outlet("Quang Ninh", keys)  # a reporter may share the province's name


def test_merge_names() -> None:
    assert merge_names(None, "Lê Minh") == "Lê Minh"
    assert merge_names("Lê Minh", "Hà Vy") == "Lê Minh - Hà Vy"
    assert merge_names("Lê Minh - Hà Vy", "HÀ VY") == "Lê Minh - Hà Vy"
