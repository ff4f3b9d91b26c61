from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baocamau",
    title="Báo Cà Mau",
    province="Cà Mau",
    provinces_before=("Cà Mau", "Bạc Liêu"),
    domains=("baocamau.vn",),
    former_domains=("baocamau.com.vn",),
    eras=(
        Era("baocamau.vn", "a-id", r"/[a-z0-9-]+-a\d{6}\.html", examples=(
            "https://baocamau.vn/bi-quyet-on-thi-tot-nghiep-thpt-2026-tu-hoc-sinh-gioi-a129291.html",
            "https://baocamau.vn/nhieu-kien-nghi-dan-sinh-duoc-cu-tri-gui-den-dai-bieu-hdnd-tinh-a130464.html",
        )),
    ),
    listings=(Listing("https://baocamau.vn/chinh-tri/", "https://baocamau.vn/chinh-tri/?p={n}"),),
    unverified=("former_domains", "feeds", "listings", "party_section", "pagination", "lead_prefixes", "date_forms",
                "archive_location"),
    probe_first="Fetch https://baocamau.vn/ and list its section URLs, the Party section and the pagination form "
                "(none is known).",
    notes="Body div.post-content ([CLN]); images under /image/news/YYYY/YYYYMMDD/ as on baocantho and baolongan. The "
          "site also carries a radio stream (merger with the radio-TV: not known). Where the Bạc Liêu archive went is "
          "not known.",
)
