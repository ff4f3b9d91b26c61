from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baobinhduong",
    title="Báo Bình Dương",
    province="TP Hồ Chí Minh",
    provinces_before=("Bình Dương",),
    domains=("baobinhduong.vn",),
    eras=(
        Era("baobinhduong.vn", "a-id", r"/[a-z0-9-]+-a\d{6}\.html", examples=(
            "https://baobinhduong.vn/le-van-duong-ky-su-xay-dung-lam-nong-nghiep-cong-nghe-cao-a128477.html",
        )),
    ),
    listings=(
        Listing("https://baobinhduong.vn/chinh-tri", "https://baobinhduong.vn/chinh-tri?p={n}"),
        Listing("https://baobinhduong.vn/kinh-te", "https://baobinhduong.vn/kinh-te?p={n}"),
    ),
    successor="sggp",
    unverified=("feeds", "party_section", "pagination", "lead_prefixes", "date_forms", "redirects",
                "archive_location"),
    probe_first="Fetch https://baobinhduong.vn/chinh-tri: still served after 7/2025, or redirected to sggp.org.vn?",
    notes="Links .article-item a; body #contentNews ([CLN]); span.pubdate (SITES.md).",
)
