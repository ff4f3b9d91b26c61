from crawler.sites import Era, Listing, Site

SITE = Site(
    name="sggp",
    title="Báo Sài Gòn Giải Phóng",
    province="TP Hồ Chí Minh",
    provinces_before=("TP Hồ Chí Minh", "Bình Dương", "Bà Rịa–Vũng Tàu"),
    domains=("sggp.org.vn",),
    eras=(
        # the URL shape of the -post CMS; no stored copy shows this paper's markup
        Era("sggp.org.vn", "post", r"/[a-z0-9-]+-post\d{6}\.html", examples=(
            "https://www.sggp.org.vn/cho-sinh-vien-muon-laptop-mien-phi-post566364.html",
            ""
            "https://www.sggp.org.vn/tam-dung-thuc-hien-de-an-thanh-lap-bao-va-phat-thanh-truyen-hinh-tphcm-post822926.html",
        )),
    ),
    feeds=("https://www.sggp.org.vn/rss/kinh-te-3.rss",),
    listings=(
        Listing("https://www.sggp.org.vn/xaydungdang/", "https://www.sggp.org.vn/xaydungdang/?page={n}"),
        Listing("https://www.sggp.org.vn/bvnentangtutuongdang/",
                "https://www.sggp.org.vn/bvnentangtutuongdang/?page={n}"),
        Listing("https://www.sggp.org.vn/chinhtri/", "https://www.sggp.org.vn/chinhtri/?page={n}"),
    ),
    unverified=("selectors", "pagination", "lead_prefixes", "date_forms", "archive_location"),
    probe_first="Fetch https://www.sggp.org.vn/xaydungdang/ and one article from it: check the article__body / "
                "cms-body markup of the -post CMS, the page-2 link, and a section feed like /rss/<slug>-<n>.rss.",
    notes="Host used with www. /rss/kinh-te-3.rss gave 50 fresh items on 2026-05-03; /rss/home.rss and "
          "/rss/ytesuckhoe-212.rss appear only in configs. HCMC suspended (Nov 2025) its plan to merge the paper with "
          "the city's radio-TV. Where the Bình Dương and Bà Rịa–Vũng Tàu archives went is not known.",
)
