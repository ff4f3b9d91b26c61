from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baonghean",
    title="Báo Nghệ An",
    province="Nghệ An",
    provinces_before=("Nghệ An",),
    domains=("baonghean.vn",),
    eras=(
        # 8-digit ids (2021-2025) and 6-digit ones (2022); "-event<id>.html" topic pages do not match
        Era("baonghean.vn", "onecms", r"/[a-z0-9-]+-(?:\d{6}|\d{8})\.html",
            examples=("https://baonghean.vn/bao-vinh-phuc-73-nam-xay-dung-va-truong-thanh-10282171.html",
                      "https://baonghean.vn/cuc-thue-nghe-an-trien-khai-nhiem-vu-giai-phap-cong-tac-thue-nam-2022-"
                      "300867.html",
                      "https://baonghean.vn/nhung-thuc-pham-giau-chat-xo-prebiotic-co-loi-cho-suc-khoe-duong-ruot-"
                      "10264116.html",
                      "https://baonghean.vn/benh-vien-da-khoa-thanh-pho-vinh-tiem-vac-xin-covid-19-an-toan-cho-cong-"
                      "dong-10230827.html")),
        Era("baonghean.vn", "post", r"/[a-z0-9-]+-post\d{6}\.html"),
    ),
    listings=(Listing("https://baonghean.vn/xay-dung-dang", "https://baonghean.vn/xay-dung-dang?page={n}"),),
    lead_prefixes=("(Baonghean.vn) - ",),
    unverified=("article_path:baonghean.vn", "feeds", "pagination"),
    probe_first="Fetch https://baonghean.vn/xay-dung-dang and its page-2 link ('?page=' is a guess) and look for an "
                "RSS link; check that a 6-digit id such as 300867 still resolves.",
    notes="og:site_name 'Báo và Phát thanh, Truyền hình Nghệ An' (the paper merged with the radio-TV station). The "
          "'-post<id>.html' era is only one truncated URL ('…-post255912.html'), its markup unknown. meta "
          "article:published_time is US-ordered without a zone and the inline item_published_time ends in a false "
          "Z: the printed date and JSON-LD agree.",
)
