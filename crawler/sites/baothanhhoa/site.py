from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baothanhhoa",
    title="Báo Thanh Hóa",
    province="Thanh Hóa",
    provinces_before=("Thanh Hóa",),
    domains=("baothanhhoa.vn",),
    eras=(
        Era("baothanhhoa.vn", "generic", r"/[a-z0-9-]+-\d{6}\.htm",
            examples=("https://baothanhhoa.vn/nguoi-sang-lap-ren-luyen-dang-ta-238487.htm",)),
        Era("baothanhhoa.vn", "generic", r"/[a-z0-9-]+/[a-z0-9-]+/\d{6}\.htm",
            examples=("https://baothanhhoa.vn/xay-dung-dang/van-hoa-van-nghe-gop-phan-thuc-day-kinh-te-xa-hoi-phat-"
                      "trien/129432.htm",)),
    ),
    listings=(
        Listing("https://baothanhhoa.vn/xay-dung-dang", "https://baothanhhoa.vn/xay-dung-dang?page={n}"),
        Listing("https://baothanhhoa.vn/nghi-quyet-cua-dang", "https://baothanhhoa.vn/nghi-quyet-cua-dang?page={n}"),
        Listing("https://baothanhhoa.vn/tu-tuong-dang", "https://baothanhhoa.vn/tu-tuong-dang?page={n}"),
        Listing("https://baothanhhoa.vn/theo-guong-bac", "https://baothanhhoa.vn/theo-guong-bac?page={n}"),
    ),
    lead_prefixes=("(Baothanhhoa.vn) - ",),
    unverified=("feeds", "pagination", "date_forms", "selectors"),
    probe_first="Fetch https://baothanhhoa.vn/xay-dung-dang and one article: the page-2 form, the printed date, the "
                "title, sapo and body markup and any RSS link are all unknown.",
    notes="Báo và Đài Phát thanh - Truyền hình Thanh Hóa since 1/6/2025 (QĐ 4043-QĐ/TU: paper and radio-TV merged). "
          "Older articles are /<section>/<slug>/<id>.htm on the same domain.",
)
