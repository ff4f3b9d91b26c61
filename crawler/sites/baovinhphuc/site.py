from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baovinhphuc",
    title="Báo Vĩnh Phúc (since 2025: Báo Phú Thọ)",
    province="Phú Thọ",
    provinces_before=("Vĩnh Phúc",),
    domains=("baophutho.vn",),
    former_domains=("baovinhphuc.com.vn",),
    eras=(
        Era("baophutho.vn", "B", r"/[a-z0-9-]+-post\d+\.html", since="2025-07"),
        Era("baovinhphuc.com.vn", "DNN", r"/[a-z0-9-]+/\d{4,6}/[a-z0-9-]+\.html", until="2025-06"),
    ),
    listings=(Listing("https://baophutho.vn/xay-dung-dang", "https://baophutho.vn/xay-dung-dang?page={n}"),),
    province_hints=(("baovinhphuc.com.vn", "Vĩnh Phúc"),),
    title_suffixes=(" - Báo Phú Thọ", " - Báo Vĩnh Phúc"),
    notes="Old listings: /chuyen-muc/cat/<id>/<slug>. Old article URLs may redirect to baophutho.vn.",
    unverified=("eras", "redirects"),
)
