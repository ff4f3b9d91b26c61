from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baolangson",
    title="Báo Lạng Sơn",
    province="Lạng Sơn",
    provinces_before=("Lạng Sơn",),
    domains=("baolangson.vn",),
    eras=(
        Era("baolangson.vn", "media-upload", r"/[a-z0-9-]+-\d{7}\.html",
            examples=("https://baolangson.vn/hanh-trinh-hoi-nhap-bat-dau-tu-ren-luyen-5071654.html",)),
    ),
    listings=(Listing("https://baolangson.vn/chinh-tri", "https://baolangson.vn/chinh-tri?page={n}"),),
    unverified=("feeds", "party_section", "pagination", "lead_prefixes", "date_forms", "selectors"),
    probe_first="Fetch https://baolangson.vn/rss and https://baolangson.vn/chinh-tri: per-section feeds (Quảng "
                "Ninh-style /rss/news/<slug>.rss?), a Party section and the page-2 link are all unknown.",
    notes="Sections /chinh-tri, /kinh-te, /xa-hoi, /phap-luat, /van-hoa, /quoc-te, /tieu-diem ([CLN]); /rss exists as a "
          "path. Text #content-detail with the sapo as its h2, as on Quảng Ninh's CMS.",
)
