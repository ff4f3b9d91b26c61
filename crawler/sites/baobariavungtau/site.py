from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baobariavungtau",
    title="Báo Bà Rịa–Vũng Tàu",
    province="TP Hồ Chí Minh",
    provinces_before=("Bà Rịa–Vũng Tàu",),
    domains=("baobariavungtau.com.vn",),
    successor="sggp",
    eras=(
        # no trailing slash on the example; 6-digit id in 2021. Markup unknown: the generic path reads it
        Era("baobariavungtau.com.vn", "generic",
            r"/[a-z0-9-]+(?:/[a-z0-9-]+)?/\d{6}/[a-z0-9-]+-(?:\d{6}|[0-9a-f]{7})/?", examples=(
                "https://baobariavungtau.com.vn/chinh-tri/202112/nhin-lai-nhung-thanh-tuu-va-kho-khan-trong-phat-trien-kinh-te-xa-hoi-940766",
            )),
    ),
    # /chinh-tri is the section of the example URL; its listing page and pagination were not seen
    listings=(Listing("https://baobariavungtau.com.vn/chinh-tri", "https://baobariavungtau.com.vn/chinh-tri?page={n}"),),
    title_suffixes=(" - Báo Bà Rịa - Vũng Tàu",),
    unverified=("feeds", "listings", "party_section", "pagination", "lead_prefixes", "selectors", "redirects",
                "archive_location"),
    probe_first="Fetch https://baobariavungtau.com.vn/chinh-tri/202112/nhin-lai-nhung-thanh-tuu-va-kho-khan-trong-phat-"
                "trien-kinh-te-xa-hoi-940766 and follow redirects: does it still answer, or go to sggp.org.vn?",
    notes="Printed date 'Thứ Bảy, 18/12/2021, 21:07 [GMT+7]' seen; images under the A family's "
          "/dataimages/YYYYMM/original/images<id>_… scheme.",
)
