from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baokontum",
    title="Báo Kon Tum",
    province="Quảng Ngãi",
    provinces_before=("Kon Tum",),
    domains=("baokontum.com.vn",),
    eras=(
        Era("baokontum.com.vn", "generic", r"/[a-z0-9-]+/[a-z0-9-]+-\d{5}\.html", examples=(
            "https://www.baokontum.com.vn/xa-hoi/mot-hanh-trinh-khep-lai-de-mo-ra-chang-duong-moi-48330.html",
        )),
    ),
    # section listings are /<slug>-<section id>.html
    listings=(
        Listing("https://www.baokontum.com.vn/xa-hoi-8.html",
                "https://www.baokontum.com.vn/xa-hoi-8.html?page={n}"),
    ),
    successor="baoquangngai",
    unverified=("selectors", "feeds", "party_section", "lead_prefixes", "redirects", "archive_location"),
    probe_first="Fetch https://www.baokontum.com.vn/ and find the path of the menu item 'Thời sự - Chính trị › Xây "
                "dựng Đảng' (known by name only), then check whether articles redirect to baoquangngai.vn.",
    notes="Printed '30/06/2025 08:54'. From 1/7/2025 Báo Kon Tum took the name Báo Quảng Ngãi for print, e-paper and "
          "the ethnic-minority photo paper. Host used with www.",
)
