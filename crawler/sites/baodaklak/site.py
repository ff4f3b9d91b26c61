from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baodaklak",
    title="Báo Đắk Lắk",
    province="Đắk Lắk",
    provinces_before=("Đắk Lắk", "Phú Yên"),
    domains=("baodaklak.vn",),
    eras=(
        Era("baodaklak.vn", "yyyymm", r"/[a-z0-9-]+(?:/[a-z0-9-]+)?/\d{6}/[a-z0-9-]+-[0-9a-f]{7}/?", examples=(
            "https://baodaklak.vn/tin-noi-bat/202606/dak-lak-khoi-cong-khanh-thanh-va-khoi-dong-21-du-an-tieu-bieu-2887253/",
            "https://baodaklak.vn/kinh-te/202511/chuan-bi-san-sang-cho-du-an-duong-sat-toc-do-cao-5431505/",
        )),
    ),
    # /tin-noi-bat/ is the section of an example URL; '?paged=N' comes from one scraper
    listings=(Listing("https://baodaklak.vn/tin-noi-bat/", "https://baodaklak.vn/tin-noi-bat/?paged={n}"),),
    unverified=("feeds", "listings", "party_section", "pagination", "lead_prefixes", "date_forms", "selectors"),
    probe_first="Fetch https://baodaklak.vn/ and one section: record the section URLs and the Party section, and "
                "test the '?paged=N' pagination that one scraper uses.",
    notes="Body div.article_content div.content#content and listing links a.title5 seen ([CLN]); title, sapo and date "
          "follow the td-post skin of its own Phú Yên archive (same vendor). phuyen.baodaklak.vn is the archive of the "
          "absorbed Báo Phú Yên (baophuyen), not this paper's domain.",
)
