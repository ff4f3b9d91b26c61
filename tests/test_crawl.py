"""End to end: the real spiders crawl the mirror through a real local server into a real SQLite file."""

from __future__ import annotations

import json

import pytest

from archive.store import Archive
from crawler.sites import SITES
from tests.conftest import run_vnnews

# paper -> url -> (title, published_at, author, body starts with, body ends with)
EXPECTED = {
    "baoquangninh": {
        "https://baoquangninh.com.vn/chinh-tri/201805/dang-bo-tx-dong-trieu-xay-dung-dang-bo-trong-sach-vung-manh-2391205/": (
            "Đảng bộ TX Đông Triều: Xây dựng Đảng bộ trong sạch, vững mạnh", "2018-05-08T07:38+07:00", "Nguyễn Chiến",
            "Trao đổi với chúng tôi, đồng chí Hoàng Văn Thắng, Phó Bí thư Thị ủy Đông Triều cho biết:",
            "tỷ lệ đảng viên không hoàn thành nhiệm vụ chỉ chiếm 0,3%."),
        "https://baoquangninh.vn/tinh-uy-quang-ninh-trien-khai-nhiem-vu-xay-dung-dang-nam-2026-3391201.html": (
            "Tỉnh ủy Quảng Ninh triển khai nhiệm vụ xây dựng Đảng năm 2026", "2026-01-08T16:45+07:00", "Thu Hằng",
            "Năm 2025, các cấp ủy, tổ chức đảng trong tỉnh đã hoàn thành việc sắp xếp",
            "công nhân lao động trong các doanh nghiệp ngoài khu vực nhà nước."),
        "https://baoquangninh.vn/dong-trieu-ket-nap-dang-vien-moi-trong-doan-vien-thanh-nien-3391455.html": (
            "Đông Triều kết nạp đảng viên mới trong đoàn viên thanh niên", "2026-01-12T09:05+07:00", "Minh Huyền",
            "Đây là những quần chúng ưu tú đã được rèn luyện",
            "gắn với kết quả đánh giá, xếp loại cuối năm."),
    },
    "baolamdong": {
        "https://baolamdong.vn/chinh-tri/202402/da-teh-cong-tac-xay-dung-dang-tiep-tuc-duoc-doi-moi-8f3c1a2/": (
            "Đạ Tẻh: Công tác xây dựng Đảng tiếp tục được đổi mới", "2024-02-02T06:59+07:00", "Hoàng Sa",
            "Đồng chí Phan Đức Thái - Phó Bí thư Thường trực Huyện ủy Đạ Tẻh cho biết,",
            "tiếp tục đổi mới tổ chức bộ máy và hoạt động của chính quyền…"),
        "https://baolamdong.vn/phu-quy-tang-cuong-cong-tac-phat-trien-dang-vien-381204.html": (
            "Phú Quý tăng cường công tác phát triển đảng viên", "2025-11-21T10:42+07:00", "Đức Nhuận",
            "Sau khi sắp xếp tổ chức bộ máy, Đảng bộ đặc khu Phú Quý",
            "vai trò tiền phong, gương mẫu của đảng viên."),
        "https://baolamdong.vn/duc-trong-trao-giay-chung-nhan-22-san-pham-ocop-277131.html": (
            "Đức Trọng trao giấy chứng nhận 22 sản phẩm OCOP", "2025-09-23T20:02+07:00", "Hoàng Yến",
            "Các sản phẩm được công nhận gồm cà phê", "tạo việc làm ổn định cho lao động nông thôn."),
    },
    "baoquangtri": {
        "https://baoquangtri.vn/xay-dung-dang-bo-khoi-co-quan-va-doanh-nghiep-tinh-quang-tri-vung-manh-toan-dien-154953.htm": (
            "Xây dựng Đảng bộ Khối Cơ quan và Doanh nghiệp tỉnh Quảng Trị vững mạnh toàn diện", "2020-08-23T22:58+07:00",
            "Nguyễn Khánh Vũ", "Kết quả nổi bật trong công tác xây dựng Đảng thời gian qua là Đảng ủy Khối",
            "thực hiện thắng lợi các mục tiêu, nhiệm vụ của nhiệm kỳ 2020 - 2025."),
        "https://baoquangtri.vn/chinh-tri/202601/quang-tri-tong-ket-cong-tac-xay-dung-dang-nam-2025-d0f7a12/": (
            "Quảng Trị tổng kết công tác xây dựng Đảng năm 2025", "2026-01-09T07:30+07:00", "Lê Trường",
            "Năm 2025 là năm đầu tiên tỉnh Quảng Trị mới vận hành", "theo kết quả công việc và sản phẩm cụ thể."),
        "https://baoquangtri.vn/chinh-tri/202510/dong-hoi-nang-cao-chat-luong-sinh-hoat-chi-bo-a1b2c3d/": (
            "Đồng Hới nâng cao chất lượng sinh hoạt chi bộ", "2025-10-14T15:20+07:00", "Phan Phương",
            "Mỗi quý, các chi bộ khu phố tổ chức", "tạo sự đồng thuận trong nhân dân."),
    },
    "baovinhphuc": {
        "https://baovinhphuc.com.vn/xay-dung-dang/43817/binh-xuyen-chu-trong-cong-tac-xay-dung-dang.html": (
            "Bình Xuyên chú trọng công tác xây dựng Đảng", "2019-12-03T09:12+07:00", "Nguyễn Khánh",
            "Nâng cao chất lượng cán bộ\n\nThấm nhuần tư tưởng của Chủ tịch Hồ Chí Minh",
            "lãnh đạo hoàn thành thắng lợi các nhiệm vụ chính trị ở địa phương."),
        "https://baophutho.vn/phu-tho-nang-cao-chat-luong-to-chuc-co-so-dang-post225410.html": (
            "Phú Thọ nâng cao chất lượng tổ chức cơ sở đảng", "2025-12-17T13:43+07:00", "Thu Hà",
            "Ban Thường vụ Tỉnh ủy đã ban hành kế hoạch kiện toàn các chi bộ thôn",
            "hoàn thành tốt nhiệm vụ trở lên đạt trên 90%."),
        "https://baophutho.vn/vinh-yen-ra-mat-mo-hinh-dan-van-kheo-post225388.html": (
            'Vĩnh Yên ra mắt mô hình "Dân vận khéo"', "2025-12-15T08:10+07:00", "Trần Tuấn",
            "Mô hình do Ban Dân vận Đảng ủy phường chủ trì", "không phát sinh khiếu nại."),
    },
    "baotuyenquang": {
        "https://baotuyenquang.com.vn/yen-son-xay-dung-chi-bo-dang-bo-trong-sach-vung-manh-122866.html": (
            "Yên Sơn xây dựng chi bộ, Đảng bộ trong sạch vững mạnh", "2019-05-14T08:20+07:00", "Ngọc Hưng",
            "Đồng chí Nhữ Hùng Thông, Phó Trưởng cơ quan Tổ chức - Nội vụ huyện cho biết:",
            "tỷ lệ đảng viên không hoàn thành nhiệm vụ chỉ chiếm 0,37%."),
        "https://baotuyenquang.com.vn/dong-van-kien-toan-chi-bo-thon-sau-sap-xep-181205.html": (
            "Đồng Văn kiện toàn chi bộ thôn sau sắp xếp", "2026-01-12T14:10+07:00", "Minh Huyền",
            "Sau khi hợp nhất các thôn có quy mô nhỏ", "được đảng viên và nhân dân đồng tình."),
        "https://baotuyenquang.com.vn/thoi-su-chinh-tri/202503/ham-yen-ket-nap-dang-vien-moi-5e6f7a8/": (
            "Hàm Yên kết nạp đảng viên mới", "2025-03-19T08:15+07:00", "Thanh Hà",
            "Để tạo nguồn phát triển đảng viên", "hoàn thành chỉ tiêu kết nạp đảng viên mới của năm 2025."),
    },
}

# paper -> (url, stage, reason starts with) for each failure the mirror plants
EXPECTED_FAILURES = {
    "baoquangninh": {
        ("https://baoquangninh.vn/bai-viet-da-go-3391000.html", "http", "HTTP 404"),
        ("https://baoquangninh.vn/lien-he-toa-soan-3000001.html", "extract", "no article text"),
        ("https://baoquangninh.vn/noi-bo-hop-giao-ban-3391300.html", "robots", "not fetched: Forbidden by robots.txt"),
    },
    "baolamdong": {
        ("https://baolamdong.vn/bai-cu-da-xoa-380999.html", "http", "HTTP 404"),
        ("https://baolamdong.vn/chinh-tri/202402/anh-hoi-nghi-bch-dang-bo-tinh-c0ffee0/", "extract", "no article text"),
    },
    "baoquangtri": {
        ("https://baoquangtri.vn/chinh-tri/202512/bai-da-go-dead001/", "http", "HTTP 404"),
        ("https://baoquangtri.vn/chinh-tri/202601/loi-may-chu-c0ffee1/", "http", "HTTP 500"),
        ("https://baoquangtri.vn/chinh-tri/202601/van-kien-dai-hoi-toan-van-e4f5a6b/", "content-type", "not an HTML page"),
        ("https://baoquangtri.vn/chinh-tri/202601/video-tong-hop-tin-tuc-tuan-b00b1e5/", "extract", "no article text"),
    },
    "baovinhphuc": {
        ("https://baophutho.vn/bai-da-xoa-post224999.html", "http", "HTTP 404"),
        ("https://baophutho.vn/gioi-thieu-post1.html", "extract", "no article text"),
        ("https://baophutho.vn/trang-cham-post225001.html", "fetch", "DownloadTimeoutError"),
        ("https://baovinhphuc.com.vn/xay-dung-dang/43950/hoi-nghi-quang-ba-du-lich.html", "redirect",
         "redirected off the paper's domains, to https://quangcao.example.com/khuyen-mai"),
    },
    "baotuyenquang": {
        ("https://baotuyenquang.com.vn/bai-cu-179000.html", "http", "HTTP 404"),
        ("https://baotuyenquang.com.vn/lien-he-100000.html", "extract", "no article text"),
    },
}

BOILERPLATE = ("Tin cùng chuyên mục", "Tin liên quan", "Ý kiến bạn đọc", "Tổng số điểm", "Click để đánh giá",
               "Bạn đã không sử dụng Site", "Những tin mới hơn", "Những tin cũ hơn", "Tiếng việt", "English",
               "Từ khóa", "In bài viết", "Chia sẻ", "Gửi ý kiến", "Theo dõi Báo", "Quảng cáo", "Tác giả bài viết",
               "Nguồn:", "thanhtuyen 1033")


def test_every_paper_has_expectations() -> None:
    assert set(EXPECTED) == set(SITES) == set(EXPECTED_FAILURES)


@pytest.mark.parametrize("site", sorted(EXPECTED))
def test_articles_of_each_paper(archive: Archive, site: str) -> None:
    rows = {r["url"]: r for r in archive.db["articles"].rows_where("site = ?", [site])}
    assert set(rows) == set(EXPECTED[site])
    for url, (title, published_at, author, first, last) in EXPECTED[site].items():
        row = rows[url]
        assert row["title"] == title
        assert row["published_at"] == published_at
        assert row["author"] == author
        assert row["body"].startswith(first), row["body"][:200]
        assert row["body"].endswith(last), row["body"][-200:]
        for phrase in BOILERPLATE + (author,):
            assert phrase not in row["body"], f"{phrase!r} in body of {url}"
        assert not any(line.strip(" .") == "" for line in row["body"].split("\n\n")), "empty or dot-only paragraph"
        for image in json.loads(row["images"]):
            if image["caption"]:
                assert image["caption"] not in row["body"], "caption repeated in the body"


@pytest.mark.parametrize("site", sorted(EXPECTED_FAILURES))
def test_failures_of_each_paper(archive: Archive, site: str) -> None:
    found = {(f["url"], f["stage"], f["reason"]) for f in archive.db["failures"].rows_where("site = ?", [site])}
    for url, stage, reason in EXPECTED_FAILURES[site]:
        assert any(u == url and s == stage and r.startswith(reason) for u, s, r in found), (url, stage, found)
    assert len(found) == len(EXPECTED_FAILURES[site]), "no failure beyond the planted ones"


def test_seed_article_details(archive: Archive) -> None:
    quangtri = next(archive.db["articles"].rows_where("url like ?", ["%154953.htm"]))
    assert quangtri["source"] == "Báo Quảng Trị"
    assert quangtri["lead"].startswith("Đảng bộ Khối Cơ quan và Doanh nghiệp tỉnh Quảng Trị (Đảng bộ Khối)")
    tuyenquang = next(archive.db["articles"].rows_where("url like ?", ["%122866.html"]))
    assert tuyenquang["lead_prefix"] == "TQOL"
    assert tuyenquang["lead"].startswith("Đảng bộ huyện Yên Sơn hiện có 55 chi bộ")
    vinhphuc = next(archive.db["articles"].rows_where("url like ?", ["%43817/binh-xuyen%"]))
    assert vinhphuc["body"].count("Xác định xây dựng Đảng là nhiệm vụ then chốt") == 0  # the lead, printed twice
    assert vinhphuc["lead"].startswith("Xác định xây dựng Đảng là nhiệm vụ then chốt")
    quangninh = next(archive.db["articles"].rows_where("url like ?", ["%2391205/"]))
    captions = [i["caption"] for i in json.loads(quangninh["images"])]
    assert captions == ["Đảng bộ phường Mạo Khê họp triển khai chủ đề công tác năm 2018 của tỉnh",
                        "Giải quyết thủ tục hành chính tại Trung tâm Hành chính công TX Đông Triều. Ảnh: Phan Hằng"]


def test_redirect_to_the_new_domain_keeps_the_former_url(archive: Archive) -> None:
    row = next(archive.db["articles"].rows_where("url = ?", ["https://baophutho.vn/vinh-yen-ra-mat-mo-hinh-dan-van-kheo-post225388.html"]))
    assert json.loads(row["former_urls"]) == [
        "https://baovinhphuc.com.vn/xay-dung-dang/43900/vinh-yen-ra-mat-mo-hinh-dan-van-kheo.html"]


def test_robots_txt_is_obeyed(mirror, archive: Archive) -> None:
    assert not list(archive.db["pages"].rows_where("url like ?", ["%noi-bo-%"]))
    assert not any("noi-bo-" in path for path, _ in mirror.requests)
    run = next(archive.db["crawl_runs"].rows_where("site = ?", ["baoquangninh"]))
    assert run["robots_blocked"] == 1 and run["failed"] == 2


def test_redirects_leave_the_paper_only_within_its_domains(mirror, archive: Archive) -> None:
    assert not any("quangcao.example.com" in path for path, _ in mirror.requests)


def test_runs_and_summary(crawled: tuple, archive: Archive) -> None:
    _, output = crawled
    runs = list(archive.db["crawl_runs"].rows)
    assert {r["site"] for r in runs} == set(SITES)
    assert all(r["status"] == "finished" and r["new"] == 3 and r["requests"] > 0 for r in runs)
    assert "15 articles in" in output
    for site in SITES:
        assert site in output
    assert "HTTP 404" in output


def test_a_second_run_fetches_no_article_page_again(mirror, crawled: tuple) -> None:
    db, _ = crawled
    before = len(mirror.requests)
    result = run_vnnews("crawl", "--mirror", mirror.url, "--db", str(db))
    archive = Archive(db)
    try:
        assert archive.db["articles"].count == 15
        latest = list(archive.db.query(
            "SELECT site, requests, article_requests, pages, new, updated, failed FROM crawl_runs WHERE invocation = "
            "(SELECT invocation FROM crawl_runs ORDER BY id DESC LIMIT 1)"))
        assert len(latest) == 5
        for run in latest:
            assert (run["article_requests"], run["pages"], run["new"], run["updated"], run["failed"]) == (0, 0, 0, 0, 0), run
            assert run["requests"] <= 4, run  # robots.txt, feed, first listing page
        fetched = [path for path, _ in mirror.requests[before:]]
        assert not any(path.endswith(("post225410.html", "3391201.html", "8f3c1a2/", "154953.htm")) for path in fetched)
        assert "15 articles in" in result.stdout
    finally:
        archive.close()
