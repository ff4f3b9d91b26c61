from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baodaknong",
    title="Báo Đắk Nông",
    province="Lâm Đồng",
    provinces_before=("Đắk Nông",),
    domains=("baodaknong.vn",),
    former_domains=("baodaknong.org.vn",),
    successor="baolamdong",
    # both URL shapes are guesses: the CDN daknong.1cdn.vn is the one of the OneCMS papers (<slug>-<id>.html), and
    # the old section pages /<slug>-<catId>.html?page=N are Kon Tum's, whose articles are /<cat>/<slug>-<id>.html
    eras=(
        Era("baodaknong.vn", "generic", r"/[a-z0-9-]+-\d+\.html", until="2025-06"),
        Era("baodaknong.org.vn", "generic", r"/[a-z0-9-]+/[a-z0-9-]+-\d+\.html"),
    ),
    feeds=("https://baodaknong.vn/rss/video",),
    listings=(Listing("https://baodaknong.vn/chinh-tri", "https://baodaknong.vn/chinh-tri?page={n}"),),
    unverified=("eras", "article_path:baodaknong.org.vn", "article_path:baodaknong.vn", "feeds", "listings",
                "party_section", "lead_prefixes", "selectors", "redirects", "archive_location"),
    probe_first="Fetch https://baodaknong.vn/rss/video (or http://www.baodaknong.org.vn/van-hoc-291.html?page=5) and "
                "copy one article link: the article URL shape and the CMS are unknown.",
    notes="Family unknown: both eras are guesses and the generic path reads the pages. The video feed was read by "
          "someone's code (working: unverified). Old domain: section pages /<slug>-<catId>.html?page=N "
          "(http://www.baodaknong.org.vn/van-hoc-291.html?page=5, listing time '09:41 21/01/2021'), images "
          "/database/image/YYYY/MM/DD/…; old articles are linked under their "
          "old-domain URLs here (unverified). Lâm Đồng ids ~277xxx are said to carry ex-Đắk Nông items.",
)
