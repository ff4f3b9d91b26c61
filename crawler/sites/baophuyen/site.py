from crawler.sites import Era, Listing, Site

_NUMERIC = r"/\d{1,3}/\d{5,6}/[a-z0-9-]+(?:/|\.html)"

SITE = Site(
    name="baophuyen",
    title="Báo Phú Yên",
    province="Đắk Lắk",
    provinces_before=("Phú Yên",),
    domains=("baophuyen.vn", "en.baophuyen.vn"),
    former_domains=("baophuyen.com.vn", "phuyen.baodaklak.vn"),
    successor="baodaklak",
    eras=(
        Era("phuyen.baodaklak.vn", "yyyymm", r"/[a-z0-9-]+(?:/[a-z0-9-]+)?/\d{6}/[a-z0-9-]+-[0-9a-f]{7}/?",
            since="2025", examples=(
                "https://phuyen.baodaklak.vn/kinh-te/202505/khoi-cong-tuyen-duong-bo-ven-bien-doan-ket-noi-huyen-tuy-an-tp-tuy-hoa-1371bcf/",
            )),
        Era("phuyen.baodaklak.vn", "yyyymm", _NUMERIC, examples=(
            "https://phuyen.baodaklak.vn/82/58118/nang-cap-tuyen-duong-tu-song-cau-di-dong-xuan.html",
        )),
        Era("baophuyen.vn", "yyyymm", _NUMERIC, examples=(
            "https://baophuyen.vn/95/112869/thieu-mau/",
            "https://baophuyen.vn/95/64112/dung-mang-chat-ung-thu-vao-nha/",
        )),
    ),
    # the archive's section pages link the legacy articles under their canonical baophuyen.vn URLs (og:url)
    listings=(Listing("https://phuyen.baodaklak.vn/xay-dung-dang/", "https://phuyen.baodaklak.vn/xay-dung-dang/?page={n}"),),
    title_suffixes=(" - Phú Yên online",),
    unverified=("feeds", "pagination", "lead_prefixes", "redirects"),
    probe_first="Fetch https://baophuyen.vn/95/112869/thieu-mau/: does it still answer, redirect to phuyen.baodaklak.vn "
                "(the archive) or fail? Then open https://phuyen.baodaklak.vn/xay-dung-dang/ and note how it links old "
                "articles and how it paginates.",
    notes="The archive lives on phuyen.baodaklak.vn, a subdomain of the successor: its pages name their canonical "
          "only in og:url, on baophuyen.vn. Menu: /chinh-tri/, /xay-dung-dang/, /bao-ve-nen-tang-tu-tuong-cua-dang/, "
          "/theo-guong-bac/. The header date ('Thứ 2, 21/10/2024') is the day of the visit; the author slot holds "
          "the placeholder 'Bút danh'; og:image is malformed. Markup seen on numeric URLs only: the A-shaped 2025 "
          "URLs are taken to share it. baophuyen.com.vn: the e-paper.",
)
