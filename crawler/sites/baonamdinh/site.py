from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baonamdinh",
    title="Báo Nam Định",
    province="Ninh Bình",
    provinces_before=("Nam Định",),
    domains=("baonamdinh.vn",),
    successor="baoninhbinh",
    eras=(
        # the A vendor's /channel/<catId>/<YYYYMM>/<Slug>-<7 digits>/ variant, slugs in mixed case; markup unknown
        Era("baonamdinh.vn", "generic", r"/channel/\d{4}/\d{6}/[A-Za-z0-9-]+-\d{7}/?", examples=(
            "https://baonamdinh.vn/channel/5087/201112/Co-lua-ngo-2141513/",
        )),
    ),
    # channel 5087 is the category of the example URL; its listing page and pagination were not seen
    listings=(Listing("https://baonamdinh.vn/channel/5087/", "https://baonamdinh.vn/channel/5087/?page={n}"),),
    title_suffixes=(" - Báo Nam Định điện tử",),
    unverified=("feeds", "listings", "party_section", "pagination", "lead_prefixes", "date_forms", "selectors",
                "redirects", "archive_location"),
    probe_first="Fetch https://baonamdinh.vn/channel/5087/201112/Co-lua-ngo-2141513/ and follow redirects: does the "
                "archive still answer, or move to baoninhbinh.org.vn?",
    notes="Images under the A vendor's /file/e7837c02816d130b0181a995d7ad7e96/ (seen for 2024). The printed date "
          "form is the family's older '[GMT+7]' form, assumed.",
)
