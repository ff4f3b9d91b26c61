from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baoquangnam",
    title="Báo Quảng Nam",
    province="Đà Nẵng",
    provinces_before=("Quảng Nam",),
    domains=("baoquangnam.vn",),
    successor="baodanang",
    eras=(
        Era("baoquangnam.vn", "generic", r"/[a-z0-9-]+-\d{7}\.html", until="2025-07",
            examples=("https://baoquangnam.vn/quang-nam-quyet-liet-cai-thien-moi-truong-dau-tu-kinh-doanh-3149144.html",
                      "https://baoquangnam.vn/dem-tuoi-mot-cau-ca-3154504.html")),
        Era("baoquangnam.vn", "generic", r"/[a-z0-9-]+(?:/[a-z0-9-]+)?/[a-z0-9-]+-\d{6}\.html",
            examples=("https://baoquangnam.vn/du-lich/nong-son-hoi-thao-gioi-thieu-tiem-nang-du-lich-dai-binh-111408.html",)),
    ),
    listings=(Listing("https://baoquangnam.vn/chinh-tri", "https://baoquangnam.vn/chinh-tri?page={n}"),),
    unverified=("feeds", "listings", "party_section", "pagination", "lead_prefixes", "date_forms", "selectors",
                "redirects", "archive_location"),
    probe_first="Fetch https://baoquangnam.vn/dem-tuoi-mot-cau-ca-3154504.html and the same path on baodanang.vn: "
                "Báo Đà Nẵng's new 7-digit ids share this id range, so the archive probably lives there.",
    notes="No listing URL was ever seen: /chinh-tri is a guess. Older articles are /<section>/<slug>-<6 digits>.html.",
)
