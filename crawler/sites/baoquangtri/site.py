from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baoquangtri",
    title="Báo Quảng Trị",
    province="Quảng Trị",
    provinces_before=("Quảng Trị", "Quảng Bình"),
    domains=("baoquangtri.vn",),
    former_domains=("baoquangbinh.vn",),
    eras=(
        Era("baoquangtri.vn", "A", r"/[a-z0-9-]+(?:/[a-z0-9-]+)?/\d{6}/[a-z0-9-]+-[0-9a-f]{7}/", since="2023"),
        Era("baoquangtri.vn", "VHV", r"/[a-z0-9-]+-\d{5,7}\.htm", until="2023"),
        Era("baoquangbinh.vn", "A", r"/[a-z0-9-]+(?:/[a-z0-9-]+)?/\d{6}/[a-z0-9-]+-[0-9a-f]{7}/", until="2025-06"),
    ),
    listings=(Listing("https://baoquangtri.vn/chinh-tri/", "https://baoquangtri.vn/chinh-tri/?page={n}"),),
    lead_prefixes=("QTO - ", "(QBĐT) - "),
    province_hints=(("QBĐT", "Quảng Bình"), ("baoquangbinh.vn", "Quảng Bình")),
    title_suffixes=(" - Báo Quảng Trị", " - Báo Quảng Trị điện tử"),
    notes="Carries the Quảng Bình archive since the 2025 merger (leads start '(QBĐT) - ').",
)
