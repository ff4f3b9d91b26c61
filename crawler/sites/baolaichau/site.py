from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baolaichau",
    title="Báo Lai Châu",
    province="Lai Châu",
    provinces_before=("Lai Châu",),
    domains=("baolaichau.vn",),
    eras=(
        Era("baolaichau.vn", "blc", r"/[a-z0-9-]+/[a-z0-9-]+-\d{6}\.html", examples=(
            "https://baolaichau.vn/the-thao/be-boi-tdtt-dong-phong-diem-tap-luyen-the-thao-soi-noi-219345.html",
        )),
        # 2020: no id; at least five words in the slug, so that section paths do not match
        Era("baolaichau.vn", "generic", r"/[a-z0-9-]+/(?:[a-z0-9]+-){4,}[a-z0-9]+", examples=(
            "https://baolaichau.vn/chinh-tri/ky-niem-74-nam-ngay-toan-quoc-khang-chien-19121946-19122020",
        )),
    ),
    listings=(Listing("https://baolaichau.vn/chinh-tri", "https://baolaichau.vn/chinh-tri?page={n}"),),
    unverified=("feeds", "listings", "party_section", "pagination", "lead_prefixes", "date_forms"),
    probe_first="Fetch https://baolaichau.vn/ and note the section URLs (Party section, pagination), and whether "
                "articles also appear without '.html' as the [CLN] regex '-\\d+/?$' suggests.",
    notes="Links a.blc-post__link; body #post-content .post-detail .post-info .body ([CLN]); title, sapo and date "
          "markup not known.",
)
