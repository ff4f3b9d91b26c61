from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baokhanhhoa",
    title="Báo Khánh Hòa",
    province="Khánh Hòa",
    provinces_before=("Khánh Hòa", "Ninh Thuận"),
    domains=("baokhanhhoa.vn",),
    eras=(
        # [CLN]: one category level, 7 hex (or 7 digits) id, trailing slash optional
        Era("baokhanhhoa.vn", "yyyymm", r"/[a-z0-9-]+/\d{6}/[a-z0-9-]+-[0-9a-f]{7}/?", examples=(
            "https://baokhanhhoa.vn/phong-su-anh/202010/han-hoan-huong-ve-ngay-hoi-lon-8187838",
        )),
    ),
    listings=(Listing("https://baokhanhhoa.vn/chinh-tri/", "https://baokhanhhoa.vn/chinh-tri/?page={n}"),),
    unverified=("feeds", "listings", "party_section", "pagination", "lead_prefixes", "date_forms", "selectors",
                "archive_location"),
    probe_first="Fetch https://baokhanhhoa.vn/ and list its section URLs (none recorded; /chinh-tri/ is a guess), "
                "the Party section and the pagination form.",
    notes="Title h1.head_title and body .content-detail seen ([CLN]); the sapo, date, breadcrumb and tags selectors are "
          "the td-post skin's (same vendor, images under /file/e7837c02…/). Self-name 'Khánh Hòa Online' (2020). Its "
          "menu lists the new wards of the Phan Rang area (ex-Ninh Thuận); where Báo Ninh Thuận's archive went is not "
          "known.",
)
