"""What real third-party article templates do (issue #11, FINDINGS R1-R10), each trait in a small page of our own
with invented text. Whole pages with several traits together live in tests/generic/pages (golden records)."""

from __future__ import annotations

import pytest

from crawler.extract import extract
from crawler.textnorm import split_lead_prefix
from tests.test_extract import URL_D, d_page

LONG = "Người dân trong xã đã cùng nhau sửa lại con đường đất dẫn ra cánh đồng, " * 4
P1 = f"<p>Sáng 12/3, hội nông dân xã Tân Hòa tổ chức ngày hội làm đường. {LONG}</p>"
P2 = f"<p>Chủ tịch hội cho biết công trình hoàn thành sau hai tuần, sớm hơn dự kiến. {LONG}</p>"
LAST = "<p>Dịp này, xã cũng khen thưởng năm hộ góp nhiều ngày công nhất.</p>"
URL_G = "https://tinthu.vn/xa-tan-hoa-lam-duong-4950001.html"


def g_page(body: str = LAST, head: str = "", before: str = "", after: str = "",
           title: str = "<title>Xã Tân Hòa làm đường - Báo Tin Thử</title>") -> bytes:
    """A template no family knows (the generic path: trafilatura finds the text)."""
    return (f"<html><head>{title}{head}</head><body><div class='wrap'><h1 class='title-news'>Xã Tân Hòa làm đường</h1>"
            f"{before}<article class='fck_detail'>{P1}{P2}{body}</article>{after}</div></body></html>").encode()


def jsonld(**fields: str) -> str:
    inner = ",".join(f'"{k}":{v}' for k, v in fields.items())
    return f'<script type="application/ld+json">{{"@type":"NewsArticle",{inner}}}</script>'


# --- R1: the author from ordered sources, never the outlet ----------------------------------------------------

@pytest.mark.parametrize(("head", "after", "author"), [
    # the outlet first in meta author, the people in JSON-LD (entity-escaped, two of them)
    ("<meta name='author' content='TIN THU ONLINE'>"
     + jsonld(author='[{"@type":"Person","name":"L&#202; MINH"},{"@type":"Person","name":"HÀ VY"}]'), "",
     "Lê Minh - Hà Vy"),
    # the brand alone (a host label, no "báo") in meta author and as a JSON-LD Organization
    ("<meta name='author' content='TinThu'>" + jsonld(author='{"@type":"Organization","name":"Tin Thu"}'), "", None),
    ("<meta name='author' content='TINTHU.VN'><meta property='article:author' content='Lê Minh An'>", "", "Lê Minh An"),
    ("<meta name='author' content='TinThu.vn'><meta property='article:author' content='Theo Lê Minh'>", "", "Lê Minh"),
    ("<meta property='article:author' content='https://www.facebook.com/tinthu'>", "", None),
    ("<meta property='dable:author' content='LÊ MINH;HÀ VY'>", "", "Lê Minh - Hà Vy"),
    ("", "<p class='author'>Lê Minh</p>", "Lê Minh"),  # a printed author element outside the text
    ("", "<div class='after-author hidden-xl'><p class='author'>Bút danh</p></div>", None),  # a placeholder
    ("", "<aside><p class='author'>Hà Vy</p></aside>", None),  # a sidebar's author is not this article's
])
def test_author_sources(head: str, after: str, author: str | None) -> None:
    assert extract(g_page(head=head, after=after), URL_G).author == author


def test_author_widget_listing_two_authors() -> None:
    page = d_page("").replace(b"<div class='detail-time'>", (
        "<div class='detail-author'><a class='name' href='/tac-gia/le-minh-1.htm'>LÊ MINH</a><span>và 1 tác giả khác"
        "</span><div class='list d-none'><a class='name' href='/tac-gia/le-minh-1.htm'>LÊ MINH</a>"
        "<a class='name' href='/tac-gia/ha-vy-2.htm'>HÀ VY</a></div></div><div class='detail-time'>").encode())
    assert extract(page, URL_D).author == "Lê Minh - Hà Vy"


def test_the_site_signing_under_the_text_is_the_source() -> None:
    article = extract(g_page(LAST + "<p>Tin Thu</p>"), URL_G)
    assert (article.author, article.source) == (None, "Tin Thu")
    assert article.body.endswith("nhiều ngày công nhất.")


def test_every_byline_taken_out_of_the_body_is_recorded() -> None:
    article = extract(d_page("<p>Tin, ảnh: Lê Minh</p>", time="HOÀNG SA 06:59, 02/02/2024"), URL_D)
    assert article.author == "Hoàng Sa - Lê Minh"  # the second byline joins the first, it is not dropped
    article = extract(d_page("<p>Lê Minh</p><p>Theo TTXVN</p>"), URL_D)
    assert (article.author, article.source) == ("Lê Minh", "TTXVN")


# --- R2: byline shapes at the end of the text (the shapes themselves: test_extract.test_byline_at_the_end) -------

def test_a_last_sentence_opening_with_theo_stays_in_the_text() -> None:
    sentence = "Theo ông Lê Văn Tâm, công trình hoàn thành sau hai tuần."
    article = extract(d_page(f"<p>{sentence}</p>"), URL_D)
    assert (article.body.endswith(sentence), article.source) == (True, None)


# --- R3: related boxes and hidden widgets inside the body container ---------------------------------------------

def test_boxes_named_by_type_and_hidden_widgets_never_reach_the_body() -> None:
    body = ("<div type='RelatedNewsBox' class='VCSortableInPreviewMode alignRight'><ul><li><h4><a href='/a-1.htm'>"
            "Hội nông dân ra mắt mô hình mới</a></h4></li></ul></div>"
            "<div type='content' class='VCSortableInPreviewMode'><p>Một đoạn trích dẫn nằm trong hộp nội dung.</p></div>"
            "<p>Câu cuối của bài.</p>"
            "<div type='RelatedOneNews' class='VCSortableInPreviewMode'><a class='OneNewsTitle' href='/cho-que.htm'>"
            "Chợ quê ngày xuân đông vui</a><p class='VCObjectBoxRelatedNewsItemSapo'>Người dân đổ về chợ.</p></div>"
            "<div class='readmore-body-box d-none'><a href='#'>Đọc tiếp</a><a href='/chu-de.htm'>Về trang chủ đề</a></div>"
            "<p style='display: none'>Nội dung ẩn</p><div aria-hidden='true'>Hộp ẩn</div>"
            "<article data-content-name='article-related'><a href='/b.htm'>Bài khác</a></article>"
            "<p class='hidden-xl'>Dòng chỉ ẩn trên màn hình lớn.</p>")
    article = extract(d_page(body), URL_D)
    for text in ("Hội nông dân ra mắt", "Chợ quê", "Người dân đổ về", "Đọc tiếp", "Về trang chủ đề", "Nội dung ẩn",
                 "Hộp ẩn", "Bài khác"):
        assert text not in article.body, text
    assert "Một đoạn trích dẫn nằm trong hộp nội dung." in article.body  # type=content is the article's own box
    assert article.body.endswith("Câu cuối của bài.\n\nDòng chỉ ẩn trên màn hình lớn.")  # responsive: not hidden


# --- R4: the printed lead on unknown templates, and its tag -----------------------------------------------------

@pytest.mark.parametrize(("before", "prefix", "lead"), [
    ("<p class='description'>Hội nông dân xã Tân Hòa vận động bà con góp công làm đường.</p>", None,
     "Hội nông dân xã Tân Hòa vận động bà con góp công làm đường."),
    ("<h2 data-slot='sapo' class='dt-text-lg dt-leading-160'>(Tin Thu) - Hội nông dân xã Tân Hòa vận động bà con "
     "góp công.</h2>", "Tin Thu", "Hội nông dân xã Tân Hòa vận động bà con góp công."),
    # a related box's sapo and a utility class are no lead
    ("<div class='box'><p class='VCObjectBoxRelatedNewsItemSapo'>Người dân đổ về chợ từ sáng sớm để mua sắm.</p>"
     "<p class='dt-leading-160'>Một dòng chữ dài hơn ba mươi ký tự ở đầu trang.</p></div>", None, None),
])
def test_generic_lead(before: str, prefix: str | None, lead: str | None) -> None:
    article = extract(g_page(before=before), URL_G)
    assert (article.lead_prefix, article.lead) == (prefix, lead)
    assert article.body.startswith("Sáng 12/3")


def test_a_copy_of_the_lead_opening_the_body_is_dropped() -> None:
    article = extract(d_page("", sapo="(QNO) - Sapo của bài báo nói về việc làm đường ở xã.").replace(
        b"<div class='detail-content'>", "<div class='detail-content'><p><b>QNO - Sapo của bài báo nói về việc làm "
        "đường ở xã.</b></p>".encode()), URL_D)
    assert article.lead == "Sapo của bài báo nói về việc làm đường ở xã." and article.body.startswith("Đoạn văn")


@pytest.mark.parametrize(("lead", "prefix", "rest"), [
    ("(Dân trí) - Giá vàng giảm", "Dân trí", "Giá vàng giảm"), ("(Tin Thu Online)- Sáng nay", "Tin Thu Online", "Sáng nay"),
    ("(Ảnh minh họa) Người dân", None, "(Ảnh minh họa) Người dân"), ("(Hà Nội) Người dân", None, "(Hà Nội) Người dân"),
])
def test_lead_tags_of_words(lead: str, prefix: str | None, rest: str) -> None:
    assert split_lead_prefix(lead) == (prefix, rest)


# --- R6: the canonical URL, never a share link -------------------------------------------------------------------

CANONICAL = "https://tinthu.vn/xa-tan-hoa-lam-duong-4950001.html"


@pytest.mark.parametrize(("head", "fetched", "url"), [
    (f"<meta property='og:url' content='{CANONICAL}?utm_source=zalo&amp;utm_medium=share'>",
     CANONICAL + "?fbclid=abc&page=1", CANONICAL + "?page=1"),
    (f"<meta name='canonical' content='{CANONICAL}'>", CANONICAL + "?page=1", CANONICAL),
    (f"<meta property='og:url' content='https://www.facebook.com/sharer/sharer.php?u={CANONICAL}'>"
     + jsonld(mainEntityOfPage=f'{{"@id":"{CANONICAL}"}}'), CANONICAL + "?zarsrc=30", CANONICAL),
    ("<link rel='canonical' href='/'><meta property='og:url' content='https://tinthu.vn/'>", CANONICAL + "#top",
     CANONICAL),
    # an archive served under its successor's domain says where the article lives
    ("<meta property='og:url' content='https://baocu.vn/95/12345/xa-tan-hoa/'>", CANONICAL,
     "https://baocu.vn/95/12345/xa-tan-hoa/"),
])
def test_canonical_url(head: str, fetched: str, url: str) -> None:
    assert extract(g_page(head=head), fetched).url == url


def test_a_known_paper_keeps_its_own_domain() -> None:
    page = d_page("").replace(b"<html>", b"<html><head><meta property='og:url' content='https://khac.vn/x-1.html'></head>")
    assert extract(page, URL_D).url == URL_D


# --- R7: date traps ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("head", "before", "published", "source"), [
    ("<meta name='article:published_time' content='3/9/2026 3:29:47 PM'>", "", "2026-03-09T15:29+07:00",
     "meta:article:published_time"),
    (jsonld(datePublished='"2026-03-12T15:28:00Z"'), "<span class='publish-date'>12/03/2026 15:28</span>",
     "2026-03-12T15:28+07:00", "printed (over json-ld)"),
    ("<meta property='article:published_time' content='2026-12-03T15:28:00+07:00'>",
     "<span class='publish-date'>12/03/2026 15:28</span>", "2026-03-12T15:28+07:00",
     "printed (over meta:article:published_time)"),
    # the header's page date (a day alone) is not the article's
    ("", "<span class='top-date'>Thứ tư, 26/11/2025</span><span class='time'>10:30, 15/05/2011</span>",
     "2011-05-15T10:30+07:00", "printed"),
])
def test_date_traps(head: str, before: str, published: str, source: str) -> None:
    article = extract(g_page(head=head, before=before), URL_G)
    assert (article.published_at, article.published_source) == (published, source)


# --- R8: entities and loose JSON -----------------------------------------------------------------------------------

def test_entities_in_the_text_and_raw_newlines_in_json_ld() -> None:
    body = "<p>Ch&#237;nh quy&#7873;n x&#227; h&#7895; tr&#7907; xi m&#259;ng v&#224; c&#225;t cho b&#224; con.</p>"
    head = jsonld(author='{"@type":"Person","name":"V&#258;N T\u00daC\n"}', datePublished='"2026-03-07T08:07:00+07:00"')
    article = extract(g_page(body, head=head), URL_G)
    assert article.body.endswith("Chính quyền xã hỗ trợ xi măng và cát cho bà con.")
    assert (article.author, article.published_at) == ("Văn Túc", "2026-03-07T08:07+07:00")


# --- R10: source lines set apart by the markup -----------------------------------------------------------------------

def test_a_source_line_is_the_source_never_the_author() -> None:
    after = ("<div class='content_source'><p class='author'>Theo Lê Minh</p>"
             "<p class='source' data-field='source'>Nhịp Sống Làng Quê</p></div>")
    article = extract(g_page(after=after), URL_G)
    assert (article.author, article.source) == ("Lê Minh", "Nhịp Sống Làng Quê")
    assert "Nhịp Sống" not in article.body


def test_the_outlet_suffix_of_the_title_goes() -> None:
    article = extract(g_page(title="<title>Xã Tân Hòa làm đường | Tin Thu</title>"), URL_G)
    assert article.title == "Xã Tân Hòa làm đường"
