from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baocantho",
    title="Báo Cần Thơ",
    province="Cần Thơ",
    provinces_before=("Cần Thơ", "Sóc Trăng", "Hậu Giang"),
    domains=("baocantho.com.vn",),
    eras=(
        Era("baocantho.com.vn", "a-id", r"/[a-z0-9-]+-a\d{6}\.html", examples=(
            "https://baocantho.com.vn/tap-trung-trien-khai-cac-dot-thanh-tra-kiem-tra-co-trong-tam-trong-diem-nhat-la-"
            "cac-linh-vuc-co-ng-a196670.html",
        )),
    ),
    feeds=("https://baocantho.com.vn/rss/cate/thoi-su/", "https://baocantho.com.vn/rss/subcate/can-tho/"),
    listings=(
        Listing("https://baocantho.com.vn/chinh-tri/xay-dung-dang/",
                "https://baocantho.com.vn/chinh-tri/xay-dung-dang/?p={n}"),
        Listing("https://baocantho.com.vn/chinh-tri/bao-ve-nen-tang-tu-tuong-cua-dang/",
                "https://baocantho.com.vn/chinh-tri/bao-ve-nen-tang-tu-tuong-cua-dang/?p={n}"),
    ),
    # "(CT) - " was seen once, on a Sóc Trăng ward item: too little to make it a province hint
    lead_prefixes=("(CTO) - ", "(CT) - "),
    unverified=("pagination", "selectors", "archive_location"),
    probe_first="Fetch https://baocantho.com.vn/chinh-tri/xay-dung-dang/ and read its page-2 link, the one missing "
                "crawl fact; note the article's title, sapo and body containers.",
    notes="Printed '08/01/2026 - 18:21' in span.pubdate; JSON-LD datePublished has the day only. Old ids can redirect "
          "to an unrelated article (a120415 did): the record is the article served, the old URL a former URL.",
)
