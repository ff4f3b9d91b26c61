from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baogialai",
    title="Báo Gia Lai",
    province="Gia Lai",
    provinces_before=("Gia Lai", "Bình Định"),
    domains=("baogialai.com.vn",),
    eras=(
        # tag pages (…-tag<id>.html) do not match
        Era("baogialai.com.vn", "post", r"/[a-z0-9-]+-post\d{6}\.html", examples=(
            "https://baogialai.com.vn/hon-500-nguoi-tham-gia-dap-tat-chay-rung-tai-phuong-quy-nhon-nam-post596298.html",
        )),
    ),
    listings=(
        Listing("https://baogialai.com.vn/chinh-tri", "https://baogialai.com.vn/chinh-tri?page={n}"),
        Listing("https://baogialai.com.vn/thoi-su-su-kien", "https://baogialai.com.vn/thoi-su-su-kien?page={n}"),
    ),
    unverified=("feeds", "party_section", "pagination", "lead_prefixes", "date_forms", "archive_location"),
    probe_first="Fetch https://baogialai.com.vn/chinh-tri: look for a Xây dựng Đảng subsection, the page-2 link and an "
                "/rss/ feed.",
    notes="Body .article__body.zce-content-body.cms-body, sapo .article__sapo ([CLN]). Tag pages such as "
          "/bi-thu-tinh-uy-binh-dinh-tag82321.html. Where the Bình Định archive went is not known.",
)
