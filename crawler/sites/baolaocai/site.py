from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baolaocai",
    title="Báo Lào Cai",
    province="Lào Cai",
    provinces_before=("Lào Cai", "Yên Bái"),
    domains=("baolaocai.vn",),
    eras=(
        Era("baolaocai.vn", "post", r"/[a-z0-9-]+-post\d{6}\.html", examples=(
            "https://baolaocai.vn/song-dep-tu-nhung-dieu-gian-di-post404649.html",
            "https://baolaocai.vn/lao-cai-65-nam-vung-niem-tin-nhan-len-khat-vong-phat-trien-post373968.html",
        )),
    ),
    listings=(
        Listing("https://baolaocai.vn/chinh-tri/xay-dung-dang/",
                "https://baolaocai.vn/chinh-tri/xay-dung-dang/?page={n}"),
        # a local page of a ward of the former Yên Bái province
        Listing("https://baolaocai.vn/dia-phuong/phuong-yen-bai/106.html",
                "https://baolaocai.vn/dia-phuong/phuong-yen-bai/106.html?page={n}"),
    ),
    lead_prefixes=("LCĐT - ",),
    unverified=("feeds", "pagination", "archive_location"),
    probe_first="Fetch https://baolaocai.vn/chinh-tri/xay-dung-dang/ and read its page-2 link; then fetch an old "
                "baoyenbai.com.vn article URL to see whether the Yên Bái archive redirects here.",
    notes="Printed 17/06/2025 13:43 in <time datetime=\"2025-06-17T13:43:02+0700\">. Local pages "
          "/dia-phuong/<unit>/<n>.html include Yên Bái-area units (Yên Bái, Nghĩa Lộ, Mù Cang Chải). Where the Yên Bái "
          "archive went is not known.",
)
