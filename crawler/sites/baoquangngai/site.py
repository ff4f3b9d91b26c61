from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baoquangngai",
    title="Báo Quảng Ngãi",
    province="Quảng Ngãi",
    provinces_before=("Quảng Ngãi", "Kon Tum"),
    domains=("baoquangngai.vn",),
    eras=(
        Era("baoquangngai.vn", "generic", r"/[a-z0-9-]+-\d+\.htm"),
        Era("baoquangngai.vn", "yyyymm", r"/[a-z0-9-]+(?:/[a-z0-9-]+)?/\d{6}/[a-z0-9-]+-[0-9a-f]{7}/?",
            examples=("https://baoquangngai.vn/suc-khoe/202311/song-lanh-manh-an-uong-an-toan-e670e31/",)),
    ),
    listings=(Listing("https://baoquangngai.vn/chinh-tri", "https://baoquangngai.vn/chinh-tri?page={n}"),
              Listing("https://baoquangngai.vn/thoi-su", "https://baoquangngai.vn/thoi-su?page={n}")),
    unverified=("article_path:baoquangngai.vn", "feeds", "party_section", "pagination", "lead_prefixes", "date_forms",
                "selectors", "archive_location"),
    probe_first="Fetch https://baoquangngai.vn/chinh-tri and one linked .htm article: no current article URL was ever "
                "seen (only '<slug>-<id>.htm' from a configuration), so record one and its id width.",
    notes="Listing links 'article a[href$=\".htm\"]', sapo p.sapo ([CLN]); sections /chinh-tri, /thoi-su, "
          "/hoat-dong-cua-lanh-dao-tinh. From 1/7/2025 Báo Kon Tum publishes as Báo Quảng Ngãi (print, e-paper, "
          "the ethnic-minority photo paper); where baokontum.com.vn's archive went is not known.",
)
