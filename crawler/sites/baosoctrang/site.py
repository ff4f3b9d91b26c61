from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baosoctrang",
    title="Báo Sóc Trăng",
    province="Cần Thơ",
    provinces_before=("Sóc Trăng",),
    domains=("baosoctrang.org.vn",),
    successor="baocantho",
    eras=(
        # markup unknown: the generic path reads it
        Era("baosoctrang.org.vn", "generic", r"/[a-z0-9-]+(?:/[a-z0-9-]+)?/\d{6}/[a-z0-9-]+-[0-9a-f]{7}/?", examples=(
            "https://baosoctrang.org.vn/van-hoa-the-thao-du-lich/202411/hao-huc-cho-ngay-khai-hoi-67c01d9/",
            "https://baosoctrang.org.vn/multimedia/202411/media-ghe-ngo-chua-tum-nup-vo-dich-ca-nam-va-nu-f8b6c2a/",
        )),
    ),
    # the section of an example URL; its listing page and pagination were not seen
    listings=(Listing("https://baosoctrang.org.vn/van-hoa-the-thao-du-lich/",
                      "https://baosoctrang.org.vn/van-hoa-the-thao-du-lich/?page={n}"),),
    unverified=("feeds", "listings", "party_section", "pagination", "lead_prefixes", "date_forms", "selectors",
                "redirects", "archive_location"),
    probe_first="Fetch https://baosoctrang.org.vn/van-hoa-the-thao-du-lich/202411/hao-huc-cho-ngay-khai-hoi-67c01d9/ "
                "and follow redirects: does it still answer, or go to baocantho.com.vn?",
    notes="Merged with the province's radio-TV into 'Báo và Đài Phát thanh - Truyền hình Sóc Trăng' on 14/04/2025. "
          "The printed date form is the A family's '[GMT+7]' form, assumed.",
)
