from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baotuyenquang",
    title="Báo Tuyên Quang",
    province="Tuyên Quang",
    provinces_before=("Tuyên Quang", "Hà Giang"),
    domains=("baotuyenquang.com.vn",),
    eras=(
        Era("baotuyenquang.com.vn", "slug-id", r"/[a-z0-9-]+-\d{6}\.html",
            examples=("https://baotuyenquang.com.vn/banh-gai-chiem-hoa-vao-mua-179493.html",)),
        Era("baotuyenquang.com.vn", "yyyymm", r"/[a-z0-9-]+(?:/[a-z0-9-]+)?/\d{6}/[a-z0-9-]+-[0-9a-f]{7}/?",
            since="2025", until="2025-06",
            examples=("https://baotuyenquang.com.vn/multimedia/202506/bao-ha-giang-xay-dung-va-truong-thanh-75f1237",)),
    ),
    listings=(
        Listing("https://baotuyenquang.com.vn/thoi-su-chinh-tri",
                "https://baotuyenquang.com.vn/thoi-su-chinh-tri/trang-{n}.html"),
        Listing("https://baotuyenquang.com.vn/bao-ve-nen-tang-tu-tuong-cua-dang",
                "https://baotuyenquang.com.vn/bao-ve-nen-tang-tu-tuong-cua-dang/trang-{n}.html"),
        Listing("https://baotuyenquang.com.vn/dang-trong-cuoc-song-hom-nay",
                "https://baotuyenquang.com.vn/dang-trong-cuoc-song-hom-nay/trang-{n}.html"),
    ),
    lead_prefixes=("TQOL - ", "(TTV) "),
    unverified=("feeds", "pagination", "selectors", "archive_location"),
    probe_first="Fetch https://baotuyenquang.com.vn/thoi-su-chinh-tri and one -<6 digits>.html article: whether "
                "'/trang-2.html' (seen on older listings) still paginates, and the article's title, sapo and body "
                "selectors (none is known).",
    notes="'(TTV) ' leads the sister TV station's items. Images share Báo Hà Giang's /file/4028eaa4…/ path; where "
          "the Hà Giang archive went after the merger is not known. The yyyymm URLs were served in 2025 (a 06/2025 "
          "page prints '11:59, 18/06/2025'); -<6 digits>.html pages exist from 2019 (seed 004) to now.",
)
