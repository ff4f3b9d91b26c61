from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baovinhlong",
    title="Báo và Đài PT-TH Vĩnh Long",
    province="Vĩnh Long",
    provinces_before=("Vĩnh Long", "Bến Tre", "Trà Vinh"),
    domains=("baovinhlong.com.vn",),
    eras=(
        Era("baovinhlong.com.vn", "yyyymm", r"/[a-z0-9-]+(?:/[a-z0-9-]+)?/\d{6}/[a-z0-9-]+-[0-9a-f]{7}/?", examples=(
            "https://baovinhlong.com.vn/xa-hoi/du-lich/202502/tam-giacket-noi-tour-du-lich-ben-tre-tra-vinh-vinh-long-1ca37b2/",
        )),
    ),
    listings=(Listing("https://baovinhlong.com.vn/chinh-tri/xay-dung-dang",
                      "https://baovinhlong.com.vn/chinh-tri/xay-dung-dang?page={n}"),),
    unverified=("domain", "feeds", "pagination", "lead_prefixes", "date_forms", "selectors"),
    probe_first="Fetch https://baovinhlong.vn/ and https://baovinhlong.com.vn/: find out whether the main site moved to "
                "baovinhlong.vn (whose subdomains host the Bến Tre and Trà Vinh archives).",
    notes="Body #content .td-post-content seen ([CLN]); the rest of the td-post skin is the one seen whole on the Phú "
          "Yên archive (same vendor, images under /file/e7837c02…/). Báo Vĩnh Long and the province's radio-TV merged "
          "in April 2025. dongkhoi.baovinhlong.vn and travinh.baovinhlong.vn are the archives of baodongkhoi and "
          "baotravinh, not this paper's.",
)
