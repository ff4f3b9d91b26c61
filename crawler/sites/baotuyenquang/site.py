from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baotuyenquang",
    title="Báo Tuyên Quang",
    province="Tuyên Quang",
    provinces_before=("Tuyên Quang", "Hà Giang"),
    domains=("baotuyenquang.com.vn",),
    eras=(
        Era("baotuyenquang.com.vn", "D", r"/[a-z0-9-]+-\d{6}\.html", since="2025-07"),
        Era("baotuyenquang.com.vn", "A", r"/[a-z0-9-]+(?:/[a-z0-9-]+)?/\d{6}/[a-z0-9-]+-[0-9a-f]{7}/", since="2025", until="2025-06"),
    ),
    listings=(
        Listing(
            "https://baotuyenquang.com.vn/thoi-su-chinh-tri",
            "https://baotuyenquang.com.vn/thoi-su-chinh-tri/trang-{n}.html",
        ),
    ),
    lead_prefixes=("TQOL - ", "TTV - "),
    title_suffixes=(" - Báo Tuyên Quang", " - Báo Tuyên Quang điện tử"),
    notes="Party sections: /thoi-su-chinh-tri, /bao-ve-nen-tang-tu-tuong-cua-dang, /dang-trong-cuoc-song-hom-nay.",
)
