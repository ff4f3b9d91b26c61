from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baocaobang",
    title="Báo Cao Bằng",
    province="Cao Bằng",
    provinces_before=("Cao Bằng",),
    domains=("baocaobang.vn",),
    eras=(
        Era("baocaobang.vn", "media-upload", r"/[a-z0-9-]+-\d{7}\.html",
            examples=("https://baocaobang.vn/hoi-thi-dau-hot-chim-chao-mao-thanh-pho-mo-rong-nam-2023-3161421.html",)),
        Era("baocaobang.vn", "generic", r"/[A-Za-z0-9-]+-\d{5}\.html",
            examples=("https://baocaobang.vn/Huong-vi-pho-chua-Cao-Bang-38371.html",)),
    ),
    # section paths are case-sensitive (/Thoi-su, /Quoc-phong-An-ninh)
    listings=(Listing("https://baocaobang.vn/chinh-tri", "https://baocaobang.vn/chinh-tri?page={n}"),),
    unverified=("feeds", "party_section", "pagination", "lead_prefixes", "date_forms", "selectors"),
    probe_first="Fetch https://baocaobang.vn/chinh-tri and one article: the Party section, the page-2 link and "
                "whether Quảng Ninh's /rss/news/<slug>.rss feeds exist here too (same CMS).",
    notes="Sections /Thoi-su, /chinh-tri, /kinh-te, /xa-hoi, /Quoc-phong-An-ninh ([CLN]). Images under "
          "media.baocaobang.vn/upload/image/YYYYMM/medium/ (Quảng Ninh's CMS); older articles have mixed-case slugs "
          "and 5-digit ids, markup unknown.",
)
