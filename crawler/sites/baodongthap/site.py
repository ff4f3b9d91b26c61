from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baodongthap",
    title="Báo Đồng Tháp",
    province="Đồng Tháp",
    provinces_before=("Đồng Tháp", "Tiền Giang"),
    domains=("baodongthap.vn",),
    eras=(
        Era("baodongthap.vn", "a-id", r"/[a-z0-9-]+-a\d{6}\.html", examples=(
            "https://baodongthap.vn/mo-rong-thi-truong-cho-trai-thanh-long-a100286.html",
        )),
    ),
    listings=(
        Listing("https://baodongthap.vn/chinh-tri", "https://baodongthap.vn/chinh-tri?p={n}"),
        Listing("https://baodongthap.vn/kinh-te", "https://baodongthap.vn/kinh-te?p={n}"),
    ),
    unverified=("feeds", "party_section", "pagination", "lead_prefixes", "date_forms", "archive_location"),
    probe_first="Fetch https://baodongthap.vn/chinh-tri and its page-2 link; look for a Party subsection, and whether "
                "old baoapbac.vn URLs (Tiền Giang) redirect here.",
    notes="Links a.news-title, a.title; body #contentNews .singular-content ([CLN]). A 'Báo Đồng Tháp (mới)' special "
          "issue came out 2/7/2025. Where the Ấp Bắc archive went is not known.",
)
