from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baobinhthuan",
    title="Báo Bình Thuận",
    province="Lâm Đồng",
    provinces_before=("Bình Thuận",),
    domains=("baobinhthuan.com.vn",),
    successor="baolamdong",
    eras=(
        Era("baobinhthuan.com.vn", "generic", r"/[a-z0-9-]+-\d{6}\.html", until="2025-07",
            examples=("https://baobinhthuan.com.vn/di-tich-van-hoa-lich-su-quoc-gia-thap-po-dam-po-tam-o-tuy-phong-"
                      "124375.html",
                      "https://baobinhthuan.com.vn/hoi-thi-chim-chao-mao-chao-mung-le-hoi-van-hoa-du-lich-dinh-thay-"
                      "thim-114280.html")),
    ),
    listings=(Listing("https://baobinhthuan.com.vn/tin-tuc-binh-thuan-moi-nhat",
                      "https://baobinhthuan.com.vn/tin-tuc-binh-thuan-moi-nhat?page={n}"),),
    unverified=("feeds", "party_section", "pagination", "lead_prefixes", "date_forms", "selectors", "redirects",
                "archive_location"),
    probe_first="Fetch https://baobinhthuan.com.vn/tin-tuc-binh-thuan-moi-nhat: still served, or redirected to "
                "baolamdong.vn? (binhthuan.baolamdong.vn was tried: not found.)",
    notes="Báo Lâm Đồng's ids around 277xxx carry former Bình Thuận items (U).",
)
