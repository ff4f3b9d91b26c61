from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baotravinh",
    title="Báo Trà Vinh",
    province="Vĩnh Long",
    provinces_before=("Trà Vinh",),
    domains=("baotravinh.vn",),
    former_domains=("travinh.baovinhlong.vn",),
    eras=(
        # tag pages (/<slug>-<id>/tag.html) do not match
        Era("baotravinh.vn", "generic", r"/[a-z0-9-]+/[a-z0-9-]+-\d{5}\.html", examples=(
            "https://baotravinh.vn/du-lich/danh-thuc-tiem-nang-du-lich-bien-ba-dong-29810.html",
        )),
        # the archive on the successor's subdomain: -a<id>.html per PAPERS.md, no URL seen
        Era("travinh.baovinhlong.vn", "a-id", r"/[a-z0-9-]+-a\d+\.html"),
    ),
    listings=(Listing("https://baotravinh.vn/chinh-tri/", "https://baotravinh.vn/chinh-tri/?page={n}"),),
    successor="baovinhlong",
    unverified=("article_path:travinh.baovinhlong.vn", "selectors", "feeds", "listings", "party_section", "pagination",
                "lead_prefixes", "date_forms", "redirects"),
    probe_first="Fetch https://travinh.baovinhlong.vn/ (allowing its broken TLS chain, as [CLN] does) and copy one "
                "article link to confirm the -a<id>.html shape.",
    notes="baotravinh.vn failed TLS verification (UNABLE_TO_VERIFY_LEAF_SIGNATURE) in a link audit; [CLN] allows "
          "insecure TLS for the archive host. Whether the archive uses Đồng Khởi's date-in-slug form is not known.",
)
