from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baolongan",
    title="Báo Long An",
    province="Tây Ninh",
    provinces_before=("Long An",),
    domains=("baolongan.vn",),
    eras=(
        # the -a<id> CMS: its URL shape and its /image/news/YYYY/YYYYMMDD/ images (as on baocantho, baocamau)
        Era("baolongan.vn", "a-id", r"/[a-z0-9-]+-a\d{6}\.html", examples=(
            "https://baolongan.vn/vinh-hung-nong-dan-gieo-trong-hon-250ha-dua-hau-phuc-vu-thi-truong-tet-a186458.html",
        )),
    ),
    listings=(Listing("https://baolongan.vn/chinh-tri/", "https://baolongan.vn/chinh-tri/?p={n}"),),
    successor="baotayninh",
    unverified=("selectors", "feeds", "listings", "party_section", "pagination", "lead_prefixes", "date_forms",
                "redirects", "archive_location"),
    probe_first="Fetch https://baolongan.vn/vinh-hung-nong-dan-gieo-trong-hon-250ha-dua-hau-phuc-vu-thi-truong-tet-"
                "a186458.html and follow its redirects: still served, or moved to baotayninh.vn?",
    notes="Merged with the provincial radio-TV as 'Báo và Đài PT-TH Long An' (announced 4/2025); last print issue of "
          "Báo Long An 30/6/2025; when the web site stopped is not known.",
)
