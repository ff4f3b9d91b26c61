from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baobinhdinh",
    title="Báo Bình Định",
    province="Gia Lai",
    provinces_before=("Bình Định",),
    domains=("baobinhdinh.vn",),
    former_domains=("baobinhdinh.com.vn",),
    successor="baogialai",
    eras=(
        # the article id is in the query (mabb=<id>, macm/macmp: its section); an era matches the path alone, so any
        # /viewer.aspx URL counts as an article: no listing may live on that path
        Era("baobinhdinh.vn", "generic", r"/viewer\.aspx", until="2025-06", examples=(
            "https://baobinhdinh.vn/viewer.aspx?mabb=137431&macm=6&macmp=6",
        )),
    ),
    listings=(Listing("https://baobinhdinh.vn/category.aspx?macm=6&macmp=6",
                      "https://baobinhdinh.vn/category.aspx?macm=6&macmp=6&page={n}"),),
    unverified=("former_domains", "feeds", "listings", "party_section", "pagination", "lead_prefixes", "date_forms",
                "selectors", "redirects", "archive_location"),
    probe_first="Fetch https://baobinhdinh.vn/ : note the section page URLs (the category.aspx listing here is a guess) "
                "and the post-2020 article shape, and whether the site redirects to baogialai.com.vn.",
    notes="Known only from one January 2020 article URL, /viewer.aspx?mabb=<id>&macm=<section>&macmp=<parent "
          "section>: the id lives in the query, so URL keys must keep the query. baobinhdinh.com.vn appears only in a "
          "domain list. Markup unknown: the generic path reads the pages.",
)
