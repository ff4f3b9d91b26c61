from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baolamdong",
    title="Báo Lâm Đồng",
    province="Lâm Đồng",
    provinces_before=("Lâm Đồng", "Đắk Nông", "Bình Thuận"),
    domains=("baolamdong.vn",),
    eras=(
        Era("baolamdong.vn", "slug-id", r"/[a-z0-9-]+-\d{6}\.html", since="2025",
            examples=("https://baolamdong.vn/thiet-bi-giam-sat-hanh-trinh-tau-ca-vms-truc-trac-nhieu-ho-tro-it-359750.html",)),
        Era("baolamdong.vn", "yyyymm", r"/[a-z0-9-]+(?:/[a-z0-9-]+)?/\d{6}/[a-z0-9-]+-[0-9a-f]{7}/", until="2025",
            examples=("https://baolamdong.vn/thong-tin-can-biet/202405/le-ky-ket-mou-giua-interdata-va-truong-dai-hoc-"
                      "yersin-da-lat-b180e1a/",)),
    ),
    feeds=("https://baolamdong.vn/rss/thoi-su",),
    listings=(Listing("https://baolamdong.vn/chinh-tri", "https://baolamdong.vn/chinh-tri?p={n}"),
              Listing("https://baolamdong.vn/thoi-su", "https://baolamdong.vn/thoi-su?p={n}")),
    unverified=("feeds", "pagination", "lead_prefixes", "selectors"),
    probe_first="Fetch https://baolamdong.vn/rss/thoi-su and https://baolamdong.vn/chinh-tri page 2: the feeds are only "
                "in someone's code, the '?p=' pagination is a guess.",
    notes="Báo và Phát thanh, Truyền hình Lâm Đồng since 1/7/2025: paper and radio-TV of Lâm Đồng, Đắk Nông and "
          "Bình Thuận merged (site 2 in Bắc Gia Nghĩa). /rss/doi-song is the other feed seen in code (U). Printed "
          "dates put the byline before the time ('HOÀNG SA 06:59, 02/02/2024': SA is a name there, not AM). Ids "
          "around 277xxx carry ex-Bình Thuận and Đắk Nông items (U).",
)
