from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baobackan",
    title="Báo Bắc Kạn",
    province="Thái Nguyên",
    provinces_before=("Bắc Kạn",),
    domains=("baobackan.vn",),
    former_domains=("baobackan.com.vn", "baobackan.org.vn"),
    eras=(
        # the -post URL shape on both domains (one id sequence: post60732 in 2024, post70977 in 2025); markup not seen
        Era("baobackan.vn", "post", r"/[a-z0-9-]+-post\d{5}\.html", examples=(
            "https://baobackan.vn/diem-bao-in-bac-kan-ngay-2452025-post70977.html",
        )),
        Era("baobackan.com.vn", "post", r"/[a-z0-9-]+-post\d{5}\.html", examples=(
            "https://baobackan.com.vn/diem-bao-in-bac-kan-xuan-giap-thin-2024-post60732.html",
        )),
    ),
    listings=(Listing("https://baobackan.vn/chinh-tri/", "https://baobackan.vn/chinh-tri/?page={n}"),),
    successor="baothainguyen",
    unverified=("former_domains", "selectors", "feeds", "listings", "party_section", "pagination", "lead_prefixes",
                "date_forms", "redirects", "archive_location"),
    probe_first="Fetch https://baobackan.vn/diem-bao-in-bac-kan-ngay-2452025-post70977.html: is the markup the -post "
                "CMS's (article__body, cms-body), and does it redirect to baothainguyen.vn?",
    notes="baobackan.org.vn appears only in a bot's domain list.",
)
