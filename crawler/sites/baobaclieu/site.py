from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baobaclieu",
    title="Báo Bạc Liêu",
    province="Cà Mau",
    provinces_before=("Bạc Liêu",),
    domains=("baobaclieu.vn", "video.baobaclieu.vn"),
    eras=(
        # from one URL cut inside its id ("…-72306…"): at least 5 digits
        Era("baobaclieu.vn", "generic", r"/[a-z0-9-]+/[a-z0-9-]+-\d{5,}\.html"),
    ),
    listings=(
        Listing("https://www.baobaclieu.vn/quoc-phong-an-ninh/",
                "https://www.baobaclieu.vn/quoc-phong-an-ninh/?page={n}"),
    ),
    successor="baocamau",
    unverified=("eras", "article_path:baobaclieu.vn", "selectors", "feeds", "listings", "party_section", "pagination",
                "lead_prefixes", "date_forms", "redirects", "archive_location"),
    probe_first="Fetch https://www.baobaclieu.vn/quoc-phong-an-ninh/ and copy one article link to confirm the "
                "/<cat>/<slug>-<id>.html shape (only a truncated URL was seen).",
    notes="Images under /uploads/image/YYYY/MM/DD/. Host used with www.",
)
