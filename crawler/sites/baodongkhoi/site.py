from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baodongkhoi",
    title="Báo Đồng Khởi",
    province="Vĩnh Long",
    provinces_before=("Bến Tre",),
    domains=("baodongkhoi.vn",),
    former_domains=("dongkhoi.baovinhlong.vn",),
    eras=(
        # the date of the article (ddmmyyyy) ends the slug, on both hosts
        Era("baodongkhoi.vn", "a-id", r"/[a-z0-9-]+-\d{8}-a\d{6}\.html", examples=(
            "https://baodongkhoi.vn/nhieu-hoat-dong-thiet-thuc-tai-hoi-sach-mo-hoi-mo-16072023-a117157.html",
        )),
        # the archive on the successor's subdomain; 6-digit ids assumed there too, since baodongkhoi.vn pages point
        # their relative links at it (<base href>) and its ids reached 6 digits by 2023
        Era("dongkhoi.baovinhlong.vn", "a-id", r"/[a-z0-9-]+-\d{8}-a\d{5,6}\.html", examples=(
            "https://dongkhoi.baovinhlong.vn/den-tho-an-su-tien-vang-o-ben-tre-16112020-a80176.html",
        )),
    ),
    listings=(
        Listing("https://baodongkhoi.vn/an-ninh/an-toan-giao-thong",
                "https://baodongkhoi.vn/an-ninh/an-toan-giao-thong?p={n}"),
    ),
    successor="baovinhlong",
    unverified=("article_path:dongkhoi.baovinhlong.vn", "feeds", "party_section", "pagination", "lead_prefixes",
                "date_forms", "redirects"),
    probe_first="Fetch https://dongkhoi.baovinhlong.vn/ and one of its sections: record the listing URLs, the Party "
                "section and the pagination (only one category path is known).",
    notes="Body #newscontents, sapo .detail-desc p ([CLN]). baodongkhoi.vn pages set <base href> to "
          "dongkhoi.baovinhlong.vn, so their relative links lead to the archive; the archive's pages are titled "
          "'Báo Đồng Khởi Online'.",
)
