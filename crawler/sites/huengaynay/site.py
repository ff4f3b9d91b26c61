from crawler.sites import Era, Listing, Site

SITE = Site(
    name="huengaynay",
    title="Báo và Phát thanh, Truyền hình Huế (Báo Huế ngày nay)",
    province="Huế",
    provinces_before=("Huế",),
    domains=("huengaynay.vn",),
    former_domains=("baothuathienhue.vn",),
    eras=(
        Era("huengaynay.vn", "generic", r"/[a-z0-9-]+(?:/[a-z0-9-]+)?/[a-z0-9-]+-\d{6}\.html", examples=(
            "https://huengaynay.vn/chinh-tri-xa-hoi/xay-dung-dang/tom-tat-tieu-su-bi-thu-thanh-uy-hue-khoa-xvii-nhiem-"
            "ky-2025-2030-158458.html",
            "https://huengaynay.vn/du-lich/so-hoa-ban-do-co-163431.html",
        )),
        # Báo Thừa Thiên Huế, before; the same file.<host>/data2/image/news/ storage as the new site
        Era("baothuathienhue.vn", "a-id", r"/[a-z0-9-]+-a\d{6}\.html", examples=(
            "https://baothuathienhue.vn/sen-trang-hue-hoi-sinh-o-ho-tinh-tam-a100343.html",
        )),
    ),
    listings=(
        Listing("https://huengaynay.vn/chinh-tri-xa-hoi/xay-dung-dang/",
                "https://huengaynay.vn/chinh-tri-xa-hoi/xay-dung-dang/?page={n}"),
    ),
    unverified=("selectors", "feeds", "pagination", "lead_prefixes", "date_forms", "redirects"),
    probe_first="Fetch https://huengaynay.vn/chinh-tri-xa-hoi/xay-dung-dang/ and one article: record the page-2 link, "
                "the lead tag, the printed date and the title/sapo/body containers ([CLN] has no selectors).",
    notes="On 1/7/2025 Báo Huế ngày nay and the city radio-TV merged; in 10/2025 the paper's text names the body 'Báo "
          "và Phát thanh, Truyền hình Huế'. Whether baothuathienhue.vn URLs redirect here is not known.",
)
