from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baoquangninh",
    title="Báo Quảng Ninh",
    province="Quảng Ninh",
    provinces_before=("Quảng Ninh",),
    domains=("baoquangninh.vn",),
    former_domains=("baoquangninh.com.vn",),
    eras=(
        Era("baoquangninh.vn", "media-upload", r"/[a-z0-9-]+-\d{7}\.html", since="2023",
            examples=("https://baoquangninh.vn/bai-1-hanh-trinh-day-tri-tue-va-ban-linh-3257076.html",)),
        Era("baoquangninh.com.vn", "media-upload", r"/[a-z0-9-]+-\d{7}\.html",
            examples=("https://baoquangninh.com.vn/phat-trien-ben-vung-du-lich-trong-giai-doan-binh-thuong-moi-3210121.html",)),
        Era("baoquangninh.com.vn", "yyyymm", r"/[a-z0-9-]+(?:/[A-Za-z0-9-]+)?/\d{6}/[a-z0-9-]+-[0-9a-f]{7}/", until="2023",
            examples=("http://baoquangninh.com.vn/truyen-hinh/E-MAGAZINE/202009/toan-canh-ngay-lam-viec-thu-hai-dai-hoi-"
                      "dai-bieu-dang-bo-tinh-quang-ninh-lan-thu-xv-2502284/",)),
    ),
    feeds=("https://baoquangninh.vn/rss/news/xay-dung-dang.rss",),
    listings=(Listing("https://baoquangninh.vn/chinh-tri", "https://baoquangninh.vn/chinh-tri?page={n}"),),
    unverified=("pagination", "lead_prefixes", "date_forms", "selectors"),
    probe_first="Fetch https://baoquangninh.vn/chinh-tri and read its page-2 link (the '?page=' form is a guess), then "
                "one article: where its date line, byline, breadcrumb and tags sit (title h1.name and text "
                "#content-detail are known).",
    notes="48 RSS feeds under /rss/news/<slug>.rss (xay-dung-dang, chinh-tri, hoc-lam-theo-bac, …) and an /rss index. "
          "The printed date 'Thứ Ba, 08/05/2018, 07:38 [GMT+7]' is the 2018 (.com.vn, yyyymm) page's. "
          "english.baoquangninh.vn exists per one note (U).",
)
