from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baokiengiang",
    title="Báo Kiên Giang",
    province="An Giang",
    provinces_before=("Kiên Giang",),
    domains=("baokiengiang.vn",),
    eras=(
        Era("baokiengiang.vn", "generic", r"/[a-z0-9-]+/[a-z0-9-]+-\d{5}\.html", examples=(
            "https://www.baokiengiang.vn/le-hoi/hoi-thi-chim-hot-nghe-thuat-mo-rong-nam-2023-17028.html",
        )),
    ),
    listings=(Listing("https://www.baokiengiang.vn/chinh-tri/", "https://www.baokiengiang.vn/chinh-tri/?page={n}"),),
    successor="baoangiang",
    unverified=("selectors", "feeds", "listings", "party_section", "pagination", "lead_prefixes", "date_forms",
                "redirects", "archive_location"),
    probe_first="Fetch https://www.baokiengiang.vn/ : still served, or redirected to baoangiang.com.vn "
                "(kiengiang.baoangiang was tried and not found)?",
    notes="Image file names start 'KGO -' (a lead tag KGO is likely, its printed form not known). Host used with www.",
)
