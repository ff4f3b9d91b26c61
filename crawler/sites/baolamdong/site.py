from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baolamdong",
    title="Báo Lâm Đồng",
    province="Lâm Đồng",
    provinces_before=("Lâm Đồng", "Đắk Nông", "Bình Thuận"),
    domains=("baolamdong.vn",),
    eras=(
        Era("baolamdong.vn", "D", r"/[a-z0-9-]+-\d{6}\.html", since="2025"),
        Era("baolamdong.vn", "A", r"/[a-z0-9-]+(?:/[a-z0-9-]+)?/\d{6}/[a-z0-9-]+-[0-9a-f]{7}/", until="2025"),
    ),
    feeds=("https://baolamdong.vn/rss/chinh-tri",),
    listings=(Listing("https://baolamdong.vn/chinh-tri", "https://baolamdong.vn/chinh-tri?p={n}"),),
    title_suffixes=(" - Báo Lâm Đồng", " | Báo Lâm Đồng điện tử"),
    unverified=("feeds",),
)
