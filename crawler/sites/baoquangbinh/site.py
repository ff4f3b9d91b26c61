from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baoquangbinh",
    title="Báo Quảng Bình",
    province="Quảng Trị",
    provinces_before=("Quảng Bình",),
    domains=("baoquangbinh.vn",),
    successor="baoquangtri",
    eras=(
        Era("baoquangbinh.vn", "yyyymm", r"/[a-z0-9-]+(?:/[a-z0-9-]+)?/\d{6}/[a-z0-9-]+-[0-9a-f]{7}/", examples=(
            "http://baoquangbinh.vn/chinh-tri/201702/nam-2016-quang-trach-ket-nap-300-dang-vien-moi-2142816/",
            "https://www.baoquangbinh.vn/kinh-te/202210/ngan-chan-hanh-vi-gian-lan-thuong-mai-dien-tu-2203947/",
        )),
    ),
    # /chinh-tri/ is the section of the 2017 example URL; its listing page and pagination were not seen
    listings=(Listing("https://baoquangbinh.vn/chinh-tri/", "https://baoquangbinh.vn/chinh-tri/?page={n}"),),
    lead_prefixes=("(QBĐT) - ",),
    title_suffixes=(" - Báo Quảng Bình", " - Báo Quảng Bình điện tử"),
    unverified=("feeds", "listings", "party_section", "pagination", "redirects", "selectors"),
    probe_first="Fetch https://www.baoquangbinh.vn/kinh-te/202210/ngan-chan-hanh-vi-gian-lan-thuong-mai-dien-tu-2203947/ "
                "and follow redirects: does it still answer, or map onto a baoquangtri.vn URL (or only its home page)?",
    notes="Title h2#title and the date in div.page-detail-meta ul.list-inline li ('Thứ Năm, 16/02/2017, 11:51 "
          "[GMT+7]') were seen; the body and sapo selectors of yyyymm/quangbinh were not. Planned merger into 'Báo và "
          "Đài PT-TH Quảng Bình' (4/2025); since 1/7/2025 its content continues on baoquangtri.vn with '(QBĐT) - ' leads.",
)
