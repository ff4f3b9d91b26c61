from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baovinhphuc",
    title="Báo Vĩnh Phúc",
    province="Phú Thọ",
    provinces_before=("Vĩnh Phúc",),
    domains=("baovinhphuc.com.vn",),
    successor="baophutho",
    eras=(
        # no article URL of this paper was ever seen: /<section>/<id>/<slug>.html is the seed page's, a guess
        Era("baovinhphuc.com.vn", "dnn", r"/[a-z0-9-]+/\d{4,6}/[a-z0-9-]+\.html", until="2025-07"),
    ),
    listings=(
        Listing("https://baovinhphuc.com.vn/chuyen-muc/cat/182/kinh-te/thu-hut-dau-tu-cong-nghiep",
                "https://baovinhphuc.com.vn/chuyen-muc/cat/182/kinh-te/thu-hut-dau-tu-cong-nghiep/currentpage/{n}"),
    ),
    unverified=("article_path:baovinhphuc.com.vn", "feeds", "party_section", "pagination", "lead_prefixes",
                "selectors", "redirects", "archive_location"),
    probe_first="Fetch http://baovinhphuc.com.vn/chuyen-muc/cat/182/kinh-te/thu-hut-dau-tu-cong-nghiep and copy one "
                "article link: the article URL shape is not known; then request it and see whether it redirects to "
                "baophutho.vn.",
    notes="DotNetNuke portal (listings /chuyen-muc/cat/<id>/<section>/<sub> and /vi-vn/Multimedia/Images/currentpage/<n>, "
          "seen 2025-01). Printed date '09:12 | 03/12/2019'; the lead paragraph is printed twice (seed 003). Since "
          "1/7/2025 part of Báo Phú Thọ: old URLs that redirect into baophutho.vn are followed.",
)
