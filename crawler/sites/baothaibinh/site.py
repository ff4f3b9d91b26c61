from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baothaibinh",
    title="Báo Thái Bình",
    province="Hưng Yên",
    provinces_before=("Thái Bình",),
    domains=("baothaibinh.com.vn",),
    successor="baohungyen",
    eras=(
        Era("baothaibinh.com.vn", "generic", r"/tin-tuc/\d{1,3}/\d{6}/[a-z0-9-]+", until="2025-06", examples=(
            "https://www.baothaibinh.com.vn/tin-tuc/0/102296/phong-tru-sau-benh-viec-cap-bach-tren-dong-ruong",
        )),
    ),
    listings=(Listing("https://baothaibinh.com.vn/tin-tuc/4/xay-dung-dang", "https://baothaibinh.com.vn/tin-tuc/4/xay-dung-dang?page={n}"),),
    unverified=("feeds", "listings", "party_section", "pagination", "lead_prefixes", "date_forms", "selectors",
                "redirects", "archive_location"),
    probe_first="Fetch https://www.baothaibinh.com.vn/ : does it redirect to baohungyen.vn? If not, copy a section URL "
                "and its second page (the listing here is a guess) and open one article.",
    notes="Articles /tin-tuc/<catId>/<id>/<slug> without extension (catId 0 seen); images "
          "media.baothaibinh.com.vn/upload/news/<M>_<YYYY>/ (2025 seen), the scheme of baobinhphuoc.com.vn too. "
          "Section URL and markup unknown: the generic path reads the pages.",
)
