from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baothainguyen",
    title="Báo Thái Nguyên",
    province="Thái Nguyên",
    provinces_before=("Thái Nguyên", "Bắc Kạn"),
    domains=("baothainguyen.vn",),
    eras=(
        # only a truncated URL of this shape is on record (thoi-su-thai-nguyen/202604/phan-dau-hoan-thanh-…)
        Era("baothainguyen.vn", "yyyymm", r"/[a-z0-9-]+(?:/[a-z0-9-]+)?/\d{6}/[a-z0-9-]+-[0-9a-f]{7}/?"),
    ),
    listings=(
        Listing("https://baothainguyen.vn/chinh-tri", "https://baothainguyen.vn/chinh-tri?page={n}"),
        Listing("https://baothainguyen.vn/thoi-su-thai-nguyen", "https://baothainguyen.vn/thoi-su-thai-nguyen?page={n}"),
    ),
    unverified=("eras", "article_path:baothainguyen.vn", "feeds", "party_section", "pagination", "lead_prefixes",
                "date_forms", "selectors", "archive_location"),
    probe_first="Fetch https://baothainguyen.vn/thoi-su-thai-nguyen and one article: confirm the "
                "/<cat>/<YYYYMM>/<slug>-<7 hex>/ shape (only a truncated URL was seen) and find the Party section.",
    notes="Listing links a.title2 and the sapo div.desc seen ([CLN]); title, date and body follow the vendor's td-post "
          "skin (images under /file/e7837c027f6ecd14017ffa4e5f2a0e34/MMYYYY/, seen). Sections also /kinh-te, /xa-hoi. "
          "Where Báo Bắc Kạn's archive went is not known.",
)
