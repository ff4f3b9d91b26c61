from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baobacgiang",
    title="Báo Bắc Giang",
    province="Bắc Ninh",
    provinces_before=("Bắc Giang",),
    domains=("baobacgiang.vn",),
    successor="baobacninhtv",
    eras=(
        # the markup of the successor's .bbg pages (same CMS); Bắc Giang's own pages are unseen
        Era("baobacgiang.vn", "bbg", r"/bg2/[a-z0-9-]+/[a-z0-9-]+-postid\d{6}\.bbg", until="2025-06", examples=(
            "https://baobacgiang.vn/bg2/moi-nhat/quang-ba-cac-diem-du-lich-van-hoa-postid413098.bbg",
            "https://www.baobacgiang.vn/bg2/luc-ngan/khai-mac-chuong-trinh-du-lich-vai-thieu-luc-ngan-tinh-hoa-trai-cay-viet--postid419650.bbg",
        )),
        Era("baobacgiang.vn", "generic", r"/bg/[a-z0-9-]+/[a-z0-9-]+/\d{6}/[a-z0-9-]+\.html", examples=(
            "https://www.baobacgiang.vn/bg/dulichbg/diem-den/403571/khu-du-lich-sinh-thai-suoi-mo-diem-den-hap-dan-cua-du-khach.html",
        )),
    ),
    listings=(Listing("https://baobacgiang.vn/bg2/moi-nhat", "https://baobacgiang.vn/bg2/moi-nhat?page={n}"),),
    unverified=("feeds", "listings", "party_section", "pagination", "lead_prefixes", "date_forms", "selectors",
                "redirects"),
    probe_first="Fetch https://baobacgiang.vn/bg2/moi-nhat/quang-ba-cac-diem-du-lich-van-hoa-postid413098.bbg and follow "
                "redirects: does it land on baobacninhtv.vn under the same postid, or is the old domain still serving?",
    notes="Successor baobacninhtv.vn kept this CMS and carries Bắc Giang's sections (/bg2, /bacgiang-van-hoa, "
          "/bacgiang-emagazine). /bg2/moi-nhat is the folder of an example URL, taken as the listing. Older URLs "
          "/bg/<cat>/<sub>/<id>/<slug>.html use the same id sequence. en.baobacgiang.vn/rss only in a config.",
)
