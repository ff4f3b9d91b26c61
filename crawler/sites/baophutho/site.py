from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baophutho",
    title="Báo Phú Thọ",
    province="Phú Thọ",
    provinces_before=("Phú Thọ", "Vĩnh Phúc", "Hòa Bình"),
    domains=("baophutho.vn",),
    eras=(
        Era("baophutho.vn", "phutho", r"/[a-z0-9-]+-\d{6}\.htm",
            examples=("https://baophutho.vn/gia-tri-lich-su-cua-den-chu-hung-169132.htm",
                      "https://baophutho.vn/ca-nuoc-hoan-thanh-102-633-can-nha-o-xa-hoi-vuot-2-pha-ke-hoach-244359.htm",
                      "https://baophutho.vn/van-hanh-ung-dung-nbsp-ban-do-cong-an-so-tinh-phu-tho-258512.htm")),
    ),
    listings=(
        Listing("https://baophutho.vn/xay-dung-dang", "https://baophutho.vn/xay-dung-dang?page={n}"),
        Listing("https://baophutho.vn/hoc-va-lam-theo-bac", "https://baophutho.vn/hoc-va-lam-theo-bac?page={n}"),
        Listing("https://baophutho.vn/chinh-tri", "https://baophutho.vn/chinh-tri?page={n}"),
    ),
    unverified=("feeds", "pagination", "lead_prefixes", "date_forms", "archive_location"),
    probe_first="Fetch https://baophutho.vn/xay-dung-dang (its page-2 link; '?page=' is a guess) and one "
                "baovinhphuc.com.vn article URL, to see whether the Vĩnh Phúc archive redirects here.",
    notes="Title h1.pTitle, sapo p.pHead, text #dcontent are known ([CLN]); the date line and byline are not. "
          "/phutho24h is a news listing too. Slugs keep HTML entities ('-nbsp-'). Where the Vĩnh Phúc and Hòa Bình "
          "archives went is not known.",
)
