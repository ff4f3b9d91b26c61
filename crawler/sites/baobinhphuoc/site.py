from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baobinhphuoc",
    title="Báo Bình Phước",
    province="Đồng Nai",
    provinces_before=("Bình Phước",),
    domains=("baobinhphuoc.com.vn",),
    successor="baodongnai",
    eras=(
        Era("baobinhphuoc.com.vn", "generic", r"/news/\d{1,3}/\d{5,6}/[a-z0-9-]+", until="2025-06", examples=(
            "https://baobinhphuoc.com.vn/news/200/99817/mot-so-thong-tin-ve-doan-cuoi-duong-ho-chi-minh-o-binh-phuoc",
        )),
    ),
    listings=(Listing("https://baobinhphuoc.com.vn/news/4", "https://baobinhphuoc.com.vn/news/4?page={n}"),),
    unverified=("feeds", "listings", "party_section", "pagination", "lead_prefixes", "date_forms", "selectors",
                "redirects", "archive_location"),
    probe_first="Fetch https://baobinhphuoc.com.vn/news/200/99817/mot-so-thong-tin-ve-doan-cuoi-duong-ho-chi-minh-o-binh-phuoc: "
                "still live (images are dated 4/2025) or redirected to baodongnai.com.vn? Then note one section page.",
    notes="Articles /news/<catId>/<id>/<slug> without extension (5-digit id seen; 6 digits allowed for later years); "
          "search /Search; images "
          "media.baobinhphuoc.com.vn/upload/news/<M>_<YYYY>/ (Thái Bình's scheme too); the site also streams TV "
          "channels (cdn.baobinhphuoc.com.vn/live/…). Section /news/<catId> is a guess. Markup unknown: the generic "
          "path reads the pages.",
)
