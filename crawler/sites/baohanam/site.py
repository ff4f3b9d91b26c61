from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baohanam",
    title="Báo Hà Nam",
    province="Ninh Bình",
    provinces_before=("Hà Nam",),
    domains=("baohanam.com.vn",),
    eras=(
        Era("baohanam.com.vn", "generic", r"/[a-z0-9-]+(?:/[a-z0-9-]+)?/[a-z0-9-]+-\d{6}\.html", examples=(
            "https://baohanam.com.vn/van-hoa/le-hoi/le-hoi-truyen-thong-chua-long-doi-son-nam-2024-122101.html",
        )),
    ),
    listings=(Listing("https://baohanam.com.vn/chinh-tri/", "https://baohanam.com.vn/chinh-tri/?page={n}"),),
    successor="baoninhbinh",
    unverified=("selectors", "feeds", "listings", "party_section", "pagination", "lead_prefixes", "date_forms",
                "redirects", "archive_location"),
    probe_first="Fetch "
                "https://baohanam.com.vn/van-hoa/le-hoi/le-hoi-truyen-thong-chua-long-doi-son-nam-2024-122101.html "
                "and follow its redirects: still served, or moved to baoninhbinh.org.vn?",
    notes="Images under /DATA/IMAGES/YYYY/MM/DD/ (Ninh Bình's are under img.baoninhbinh.org.vn/DATA/ARTICLES/: one "
          "vendor or not is not known).",
)
