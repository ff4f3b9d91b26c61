from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baoquangninh",
    title="Báo Quảng Ninh",
    province="Quảng Ninh",
    provinces_before=("Quảng Ninh",),
    domains=("baoquangninh.vn",),
    former_domains=("baoquangninh.com.vn",),
    eras=(
        Era("baoquangninh.vn", "D", r"/[a-z0-9-]+-\d{7}\.html", since="2023"),
        Era("baoquangninh.com.vn", "A", r"/[a-z0-9-]+(?:/[A-Za-z0-9-]+)?/\d{6}/[a-z0-9-]+-[0-9a-f]{7}/", until="2023"),
    ),
    feeds=("https://baoquangninh.vn/rss/news/xay-dung-dang.rss",),
    listings=(Listing("https://baoquangninh.vn/chinh-tri", "https://baoquangninh.vn/chinh-tri?page={n}"),),
    title_suffixes=(" - Báo Quảng Ninh điện tử", " | Báo Quảng Ninh"),
    notes="48 RSS feeds under /rss/news/<slug>.rss (xay-dung-dang, chinh-tri, hoc-lam-theo-bac, …).",
)
