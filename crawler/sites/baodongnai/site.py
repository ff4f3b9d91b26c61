from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baodongnai",
    title="Báo Đồng Nai",
    province="Đồng Nai",
    provinces_before=("Đồng Nai", "Bình Phước"),
    domains=("baodongnai.com.vn",),
    eras=(
        Era("baodongnai.com.vn", "yyyymm", r"/[a-z0-9-]+(?:/[a-z0-9-]+)?/\d{6}/[a-z0-9-]+-[0-9a-f]{7}/?", examples=(
            "https://baodongnai.com.vn/tin-moi/202507/anh-hinh-anh-bao-dang-dia-phuong-cua-23-tinh-thanh-pho-moi-sau-sap-nhap-83102d4/",
        )),
    ),
    # /tin-moi/ is the section of the example URL; no listing of the paper is on record
    listings=(Listing("https://baodongnai.com.vn/tin-moi/", "https://baodongnai.com.vn/tin-moi/?page={n}"),),
    title_suffixes=(" - Báo Đồng Nai điện tử",),
    unverified=("feeds", "listings", "party_section", "pagination", "lead_prefixes", "date_forms", "selectors",
                "archive_location"),
    probe_first="Fetch https://baodongnai.com.vn/ and one section: record the section URLs, the Party section and the "
                "pagination form (none known), and check that article pages carry the td-post skin (title, time.time).",
    notes="Body div#content.content-detail .td-post-content and listing links a.title1, a.title3 were seen ([CLN]); "
          "the rest of the td-post skin is the one seen whole on the Phú Yên archive (same vendor, images under "
          "/file/e7837c02…/). Where Báo Bình Phước's archive went is not known.",
)
