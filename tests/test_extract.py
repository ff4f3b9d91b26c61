"""crawler.extract on every golden page, against the seed texts, and on pages that are broken in the ways real
pages are broken."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from crawler.extract import NoArticle, extract
from crawler.mirror import sample_page
from crawler.textnorm import fold, normalize_text, split_lead_prefix
from tests.conftest import ROOT
from tests.golden import pages, record

SEEDS = ROOT / "tests" / "seeds"
PAGE_LIST = pages()


@pytest.mark.parametrize("page", PAGE_LIST, ids=[p.url.removeprefix("https://") for p in PAGE_LIST])
def test_golden_page(page) -> None:
    assert record(page.path, page.url) == page.read()


def test_every_page_has_an_expected_record_and_every_record_a_page() -> None:
    from tests.golden import folders

    expected = {p.expected for p in PAGE_LIST}
    assert {p for p in expected if not p.exists()} == set()
    assert {p for folder in folders() for p in (folder / "expected").rglob("*.json")} == expected


def test_expected_records_cover_every_template_version() -> None:
    from crawler.templates import FAMILIES

    seen = {p.read()["article"]["template"] for p in PAGE_LIST if "article" in p.read()}
    assert seen == {v.name() for f in FAMILIES.values() for v in f.versions} | {"generic"}


# --- the seed texts are the ground truth: the body is exactly the seed's article paragraphs ------------------

def seed_lines(n: int) -> list[str]:
    path = next(SEEDS.glob(f"{n:03d}_*.txt"))
    return path.read_text("utf-8").split("\n")


SEED_PAGES = {
    0: ("baoquangninh.com.vn/chinh-tri/201805/dang-bo-tx-dong-trieu-xay-dung-dang-bo-trong-sach-vung-manh-2391205/index.html",
        6, [11, 13, 18, 20, 22, 24]),
    1: ("baolamdong.vn/chinh-tri/202402/da-teh-cong-tac-xay-dung-dang-tiep-tuc-duoc-doi-moi-8f3c1a2/index.html",
        4, [10, 12, 14, 16, 18, 20]),
    2: ("baoquangtri.vn/xay-dung-dang-bo-khoi-co-quan-va-doanh-nghiep-tinh-quang-tri-vung-manh-toan-dien-154953.htm",
        None, [6, 8, 10, 17, 19, 21, 23, 25, 27, 29, 31]),
    3: ("baovinhphuc.com.vn/xay-dung-dang/43817/binh-xuyen-chu-trong-cong-tac-xay-dung-dang.html",
        5, [12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38]),
    4: ("baotuyenquang.com.vn/yen-son-xay-dung-chi-bo-dang-bo-trong-sach-vung-manh-122866.html",
        None, [9, 11, 13, 15, 17, 19, 21, 23]),
}


@pytest.mark.parametrize("seed", sorted(SEED_PAGES))
def test_seed_article_body_is_the_seed_text(seed: int) -> None:
    page, lead_line, body_lines = SEED_PAGES[seed]
    lines = seed_lines(seed)
    from tests.golden import page_url

    path = sample_page(page)
    url = page_url(path.parents[len(Path(page).parts) - 1], path)
    article = extract(path.read_bytes(), url)
    assert article.body == "\n\n".join(normalize_text(lines[i]) for i in body_lines)
    if lead_line is not None:
        assert article.lead == normalize_text(lines[lead_line])
    assert article.title == normalize_text(lines[2 if seed == 4 else 0])


def test_same_article_in_two_templates_gives_the_same_record() -> None:
    old = extract(sample_page(SEED_PAGES[0][0]).read_bytes(),
                  "https://baoquangninh.com.vn/chinh-tri/201805/dang-bo-tx-dong-trieu-xay-dung-dang-bo-trong-sach-vung-manh-2391205/")
    new_page = sample_page("baoquangninh.vn/dang-bo-tx-dong-trieu-xay-dung-dang-bo-trong-sach-vung-manh-2391205.html")
    new = extract(new_page.read_bytes(), "https://baoquangninh.vn/dang-bo-tx-dong-trieu-xay-dung-dang-bo-trong-sach-vung-manh-2391205.html")
    # what differs is where the page was and how it is marked up: its URL, its template, how it prints the date
    differ = {"url", "template", "published_raw", "published_source", "images"}
    assert {k: v for k, v in old.to_dict().items() if k not in differ} == {
        k: v for k, v in new.to_dict().items() if k not in differ}
    assert [i.caption for i in old.images] == [i.caption for i in new.images]


# --- broken pages: a clear "no article", never a crash, never a wrong article ---------------------------------

SEED_0 = sample_page(SEED_PAGES[0][0]).read_bytes()
SEED_0_URL = "https://baoquangninh.com.vn/chinh-tri/201805/dang-bo-tx-dong-trieu-xay-dung-dang-bo-trong-sach-vung-manh-2391205/"


def test_truncated_page_is_no_article() -> None:
    with pytest.raises(NoArticle, match="truncated"):
        extract(SEED_0[: len(SEED_0) // 2], SEED_0_URL)


@pytest.mark.parametrize("body", [b"", b"   \n", b"\x00\x01\x02\xff" * 1000, b"%PDF-1.4 binary", b"<html></html>"])
def test_empty_and_binary_pages_are_no_article(body: bytes) -> None:
    with pytest.raises(NoArticle):
        extract(body, SEED_0_URL)


def test_utf8_page_declared_as_another_charset() -> None:
    lying = SEED_0.replace(b'<meta charset="utf-8">', b'<meta charset="iso-8859-1">')
    article = extract(lying, SEED_0_URL, content_type="text/html; charset=iso-8859-1")
    assert article.title == "Đảng bộ TX Đông Triều: Xây dựng Đảng bộ trong sạch, vững mạnh"


def _cp1258(text: str) -> bytes:
    """Windows-1258 as legacy Vietnamese sites wrote it: precomposed base letters, combining tone marks."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for char in text:
        try:
            out.append(char.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out.append((base + "".join(c for c in parts if c in tones)).encode("cp1258"))
    return b"".join(out)


def test_windows_1258_page_sent_as_utf8() -> None:
    legacy = _cp1258(SEED_0.decode("utf-8").replace('<meta charset="utf-8">', ""))
    with pytest.raises(UnicodeDecodeError):
        legacy.decode("utf-8")
    article = extract(legacy, SEED_0_URL, content_type="text/html; charset=utf-8")
    assert article.title == "Đảng bộ TX Đông Triều: Xây dựng Đảng bộ trong sạch, vững mạnh"
    assert article.published_at == "2018-05-08T07:38+07:00"


def test_windows_1258_page_that_says_so() -> None:
    legacy = _cp1258(SEED_0.decode("utf-8").replace('<meta charset="utf-8">', '<meta charset="windows-1258">'))
    assert extract(legacy, SEED_0_URL).author == "Nguyễn Chiến"


def test_ten_megabyte_page_still_gives_its_article() -> None:
    filler = b"<div class='ads'>" + b"<span>qu\xe1\xba\xa3ng c\xc3\xa1o</span>" * 400_000 + b"</div>"
    huge = SEED_0.replace(b"<div id=\"footer\">", filler + b"<div id=\"footer\">")
    assert len(huge) > 10_000_000
    article = extract(huge, SEED_0_URL)
    assert article.author == "Nguyễn Chiến" and article.word_count == 937


def test_page_over_the_download_limit_is_refused() -> None:
    with pytest.raises(NoArticle, match="too large"):
        extract(SEED_0 + b" " * 17_000_000, SEED_0_URL)


def test_extraction_has_no_scrapy_imports() -> None:
    code = "import sys, crawler.extract; sys.exit(1 if any(m.startswith('scrapy') for m in sys.modules) else 0)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


# --- bylines, in every place papers print them -------------------------------------------------------------

def d_page(body: str, sapo: str = "Sapo của bài báo.", time: str = "08/01/2026 - 16:45") -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in ["Đoạn văn " + "rất dài " * 25 + "kết thúc."] * 2)
    return (f"<html><body><article><h1 class='detail-title'>Tiêu đề</h1><div class='detail-time'>{time}</div>"
            f"<h2 class='detail-sapo'>{sapo}</h2><div class='detail-content'>{paragraphs}{body}</div></article>"
            "</body></html>").encode()


URL_D = "https://baolamdong.vn/tieu-de-381999.html"  # an era of the slug-id family


@pytest.mark.parametrize(("last", "author", "source"), [
    ("<p>Nguyễn Chiến</p>", "Nguyễn Chiến", None),
    ("<p>Bài, ảnh: Ngọc Hưng</p>", "Ngọc Hưng", None),
    ("<p>Bài, ảnh Nguyễn Khánh</p>", "Nguyễn Khánh", None),
    ("<p>Tin, ảnh: Minh Huyền</p>", "Minh Huyền", None),
    ("<p><strong>THU HẰNG</strong></p>", "Thu Hằng", None),
    ("<p>Tác giả bài viết: Nguồn: Báo Quảng Trị</p>", None, "Báo Quảng Trị"),
    ("<p>Lê Hợi</p><p>Nguồn: TTXVN</p>", "Lê Hợi", "TTXVN"),
    ("<p>Theo Báo Nhân Dân</p>", None, "Báo Nhân Dân"),
    ("<p>Đây là câu cuối của bài.</p>", None, None),
    # shapes of real pages (issue #11, R2)
    ("<p style='text-align:right'><strong>Mai Lan</strong> <em>(tổng hợp)</em></p>", "Mai Lan", None),
    ("<p><strong>LÊ MINH - HÀ VY</strong></p>", "Lê Minh - Hà Vy", None),
    ("<p>Tin, ảnh:T.H</p>", "T.H", None),
    ("<p style='text-align:right'><strong>Q.A</strong></p>", "Q.A", None),
    ("<p>Ảnh: H.Y.T.</p>", "H.Y.T.", None),
    ("<p>Tin: Lê Minh - Ảnh: Hà Vy</p>", "Lê Minh", None),
    ("<p>Bài và ảnh: Hà Vy</p>", "Hà Vy", None),
    ("<p style='text-align:right'><b>BS LÊ VĂN TÂM</b></p>", "Lê Văn Tâm", None),
    ("<p style='text-align:right'><strong>Theo TTXVN</strong></p>", None, "TTXVN"),
    ("<p>Văn Hoà (TTXVN)</p>", "Văn Hoà", "TTXVN"),
    ("<p>Video: Ban Biên tập</p>", None, "Ban Biên tập"),
])
def test_byline_at_the_end(last: str, author: str | None, source: str | None) -> None:
    article = extract(d_page(last), URL_D)
    assert (article.author, article.source) == (author, source)
    assert article.body.endswith("kết thúc.") or article.body.endswith("câu cuối của bài.")


def test_byline_before_the_lead_and_before_the_time() -> None:
    article = extract(d_page("", sapo="<strong>* LÊ VĂN AN, TUV, Bí thư Huyện ủy</strong> Nội dung sapo."), URL_D)
    assert (article.author, article.lead) == ("Lê Văn An", "Nội dung sapo.")
    article = extract(d_page("", time="HOÀNG SA 06:59, 02/02/2024"), URL_D)
    assert (article.author, article.published_at) == ("Hoàng Sa", "2024-02-02T06:59+07:00")


def test_site_name_is_never_the_author() -> None:
    page = d_page("").replace(b"<html>", b"<html><head><meta name='author' content='B\xc3\xa1o Qu\xe1\xba\xa3ng Ninh'></head>")
    assert extract(page, URL_D).author is None
    page = d_page("").replace(b"<html>", b"<html><head><meta name='author' content='Ph\xe1\xba\xa1m Ho\xc3\xa0ng'></head>")
    assert extract(page, URL_D).author == "Phạm Hoàng"


# --- text normalisation ------------------------------------------------------------------------------------

def test_normalize_text() -> None:
    nfd = unicodedata.normalize("NFD", "Xây dựng Đảng")
    assert normalize_text(nfd) == "Xây dựng Đảng"
    assert normalize_text("Ðạ Tẻh\u00a0 và\u200b  ðô thị \n\n") == "Đạ Tẻh và đô thị"
    assert normalize_text("khoá  học") == "khoá học"  # the paper's tone placement is kept


@pytest.mark.parametrize(("text", "folded"), [
    ("Xây dựng Đảng", "xay dung dang"), ("khoá", "khoa"), ("khóa", "khoa"), ("Ðạ Tẻh", "da teh"),
    (unicodedata.normalize("NFD", "Nguyễn Ưng"), "nguyen ung")])
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(("lead", "prefix", "rest"), [
    ("QTO - Chiều 8/1, …", "QTO", "Chiều 8/1, …"), ("(QBĐT) - Đảng ủy …", "QBĐT", "Đảng ủy …"),
    ("(CTO) - Sáng nay …", "CTO", "Sáng nay …"), ("TQOL - Đảng bộ …", "TQOL", "Đảng bộ …"),
    ("(TTV) Hội nghị …", "TTV", "Hội nghị …"), ("(Baonghean.vn) - Chiều …", "Baonghean.vn", "Chiều …"),
    ("LCĐT - Sáng …", "LCĐT", "Sáng …"), ("Những năm qua, …", None, "Những năm qua, …"),
    ("UBND tỉnh - cơ quan …", None, "UBND tỉnh - cơ quan …"),
])
def test_lead_prefixes(lead: str, prefix: str | None, rest: str) -> None:
    assert split_lead_prefix(lead) == (prefix, rest)


def test_scripts_styles_forms_and_share_bars_inside_the_body_never_reach_it() -> None:
    junk = ("<script>var ads = {zone: 'inread'}; window.dataLayer.push(ads);</script>"
            "<style>.inread{display:block;margin:0 auto}</style>"
            "<div class='share-bar'><a href='#'>Facebook</a> <a href='#'>Zalo</a> Chia sẻ bài viết</div>"
            "<form><input name='q'><button>Gửi</button></form>"
            "<noscript>Vui lòng bật JavaScript</noscript>"
            "<div class='box-rating'>Đánh giá bài viết: ★★★★★</div>")
    article = extract(d_page(junk + "<p>Câu cuối của bài.</p>"), URL_D)
    for text in ("dataLayer", "display:block", "Facebook", "Zalo", "Chia sẻ", "Gửi", "JavaScript", "★"):
        assert text not in article.body, text
    assert article.body.endswith("Câu cuối của bài.")


def test_a_page_that_prints_only_the_day_gives_a_bare_date() -> None:
    article = extract(d_page("", time="THỨ BẢY, NGÀY 22/7/2017"), URL_D)
    assert (article.published_at, article.published_raw, article.published_source) == (
        "2017-07-22", "THỨ BẢY, NGÀY 22/7/2017", "printed")
    from crawler.extract import published_at_of

    assert published_at_of(d_page("", time="THỨ BẢY, NGÀY 22/7/2017"), URL_D) == "2017-07-22"
    assert published_at_of(d_page(""), URL_D) == "2026-01-08T16:45+07:00"  # the same form as the record's


_SELECTOR_PAGE = """<html><body><div id="main" class="box detail"><h2>Sapo</h2><p class="x">1</p>
<div class="tags"><a href="/a">a</a></div></div><div id="main"><p>2</p></div><span class="boxes">no</span>
<section class=" box  "><p class="x y">3</p></section><p id="main-2">4</p></body></html>"""


@pytest.mark.parametrize("selector", ["#main", "#main > h2:first-child", "#main p", ".box", ".box p, #main-2", ".tags a",
                                      "div.tags a", "#main.box", ".x.y", "p .x", "#missing", ".box > p:first-child"])
def test_a_whole_document_selector_finds_what_css_finds(selector: str) -> None:
    """The fast form of an id or class selector (the attribute axis) gives the same elements in the same order,
    duplicate ids included."""
    from crawler.templates.page import css, document_selector, parse_html

    doc = parse_html(_SELECTOR_PAGE)
    assert document_selector(selector)(doc) == css(selector)(doc)


def test_id_and_class_selectors_walk_the_attributes() -> None:
    from crawler.templates.page import document_selector

    assert document_selector("#main > h2").path.startswith("//@id[. = 'main']/..")
    assert document_selector(".tags a").path.startswith("//@class[")
    assert document_selector("div.tags a").path.startswith("descendant-or-self::div")  # the tag index is fast already
