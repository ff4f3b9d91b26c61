from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baoninhbinh",
    title="Báo Ninh Bình",
    province="Ninh Bình",
    provinces_before=("Ninh Bình", "Hà Nam", "Nam Định"),
    domains=("baoninhbinh.org.vn",),
    eras=(
        Era("baoninhbinh.org.vn", "ninhbinh", r"/[a-z0-9-]+-\d{15}\.html"),
        Era("baoninhbinh.org.vn", "ninhbinh", r"/[a-z0-9-]+/d\d{17}\.htm", examples=(
            "https://baoninhbinh.org.vn/tet-thoi-bao-cap/d20230112091014465.htm",
        )),
    ),
    listings=(Listing("https://baoninhbinh.org.vn/xay-dung-dang", "https://baoninhbinh.org.vn/xay-dung-dang?page={n}"),),
    unverified=("article_path:baoninhbinh.org.vn", "feeds", "pagination", "lead_prefixes", "date_forms",
                "archive_location"),
    probe_first="Fetch https://baoninhbinh.org.vn/xay-dung-dang: copy one article link to confirm the current "
                "'<slug>-<15 digits>.html' shape (known only from a crawler's regex) and note the pagination form.",
    notes="Title h1.header-title and body #content_detail from a crawler config (current pages; the older "
          "/<slug>/d<YYYYMMDDhhmmssfff>.htm pages are taken to share them). Images img.<host>/DATA/ARTICLES/. Search "
          "/s/<q>?page=N (hence ?page=N for sections, unverified); e-paper /bao-in, /doc-bao-in. Where the Hà Nam and "
          "Nam Định archives went: unknown.",
)
