from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baohungyen",
    title="Báo Hưng Yên",
    province="Hưng Yên",
    provinces_before=("Hưng Yên", "Thái Bình"),
    domains=("baohungyen.vn",),
    eras=(
        Era("baohungyen.vn", "media-upload", r"/[a-z0-9-]+-\d{7}\.html",
            examples=("https://baohungyen.vn/nhung-moc-thoi-gian-lich-su-cua-chien-dich-dien-bien-phu-1954-3171182.html",
                      "https://baohungyen.vn/bao-ve-moi-truong-trong-san-xuat-cong-nghiep-3179574.html")),
        Era("baohungyen.vn", "yyyymm", r"/[a-z0-9-]+(?:/[a-z0-9-]+)?/\d{6}/[a-z0-9-]+-[0-9a-f]{7}/?"),
    ),
    listings=(Listing("https://baohungyen.vn/chinh-tri", "https://baohungyen.vn/chinh-tri?page={n}"),),
    unverified=("article_path:baohungyen.vn", "feeds", "party_section", "pagination", "lead_prefixes", "date_forms",
                "selectors", "archive_location"),
    probe_first="Fetch https://baohungyen.vn/chinh-tri for a Party section and the page-2 link, and one "
                "baothaibinh.com.vn /tin-tuc/… URL: does the Thái Bình archive redirect here?",
    notes="Sections /chinh-tri, /kinh-te, /dat-va-nguoi-hung-yen, /phap-luat-doi-song, with mixed-case variants "
          "([CLN]). The yyyymm era is one truncated URL (/kinh-te/202101/…); its old images were on Báo Hà Giang's "
          "/file/4028eaa4…/ path.",
)
