from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baohatinh",
    title="Báo Hà Tĩnh",
    province="Hà Tĩnh",
    provinces_before=("Hà Tĩnh",),
    domains=("baohatinh.vn",),
    eras=(
        # only truncated URLs were seen ("…-post242182.htm…"); [CLN] gives the -post<id>.html shape
        Era("baohatinh.vn", "post", r"/[a-z0-9-]+-post\d{6}\.html"),
    ),
    feeds=("https://baohatinh.vn/rss/chinh-tri.xml",),
    listings=(Listing("https://baohatinh.vn/chinh-tri/", "https://baohatinh.vn/chinh-tri/?page={n}"),),
    unverified=("eras", "article_path:baohatinh.vn", "feeds", "party_section", "pagination", "lead_prefixes",
                "date_forms"),
    probe_first="Fetch https://baohatinh.vn/chinh-tri/ and copy one article link: confirm the -post<id>.html shape "
                "(only truncated URLs were seen), then look for the Party section, the page-2 link and a feed.",
    notes="Markup per [CLN]: links a.cms-link, body div.article__body.zce-content-body.cms-body. The feeds "
          "/rss/chinh-tri.xml and /rss/xa-hoi.xml come from old PHP code. Sections /kinh-te/, /xa-hoi/ also in [CLN]. "
          "QĐ 1195-QĐ/TU (26/3/2025) merged the paper with the provincial radio-TV; the name stayed Báo Hà Tĩnh.",
)
