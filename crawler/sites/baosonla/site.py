from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baosonla",
    title="Báo Sơn La",
    province="Sơn La",
    provinces_before=("Sơn La",),
    domains=("baosonla.vn",),
    former_domains=("baosonla.org.vn",),
    eras=(
        # only a truncated URL was seen on the new domain; the 6-digit id is the old domain's
        Era("baosonla.vn", "post", r"/[a-z0-9-]+/[a-z0-9-]+-\d{6}\.html"),
        Era("baosonla.org.vn", "post", r"/[a-z0-9-]+/[a-z0-9-]+-\d{6}\.html", examples=(
            "https://baosonla.org.vn/the-thao/be-boi-bon-mua-nuoc-am-kgt-son-la-diem-tap-luyen-soi-noi-313567.html",
        )),
    ),
    listings=(
        Listing("https://baosonla.vn/xay-dung-dang.html", "https://baosonla.vn/xay-dung-dang.html?page={n}"),
        Listing("https://baosonla.vn/bao-ve-nen-tang-tu-tuong-cua-dang.html",
                "https://baosonla.vn/bao-ve-nen-tang-tu-tuong-cua-dang.html?page={n}"),
        Listing("https://baosonla.vn/phong-chong-tham-nhung.html",
                "https://baosonla.vn/phong-chong-tham-nhung.html?page={n}"),
        Listing("https://baosonla.vn/thoi-su-chinh-tri.html", "https://baosonla.vn/thoi-su-chinh-tri.html?page={n}"),
    ),
    unverified=("article_path:baosonla.vn", "feeds", "pagination", "lead_prefixes", "date_forms", "redirects"),
    probe_first="Fetch https://baosonla.vn/xay-dung-dang.html and one article from it: confirm the "
                "/<cat>/<slug>-<6 digits>.html shape on the new domain (only a truncated URL was seen) and the page-2 "
                "form.",
    notes="Links a.cms-link, body div#editor-detail or div.fulltext ([CLN]): the -post CMS's class names behind "
          "category URLs (SITES.md lists baosonla.vn among its sites). Images still on media.baosonla.org.vn in "
          "7/2025.",
)
