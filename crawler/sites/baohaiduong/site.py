from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baohaiduong",
    title="Báo Hải Dương",
    province="Hải Phòng",
    provinces_before=("Hải Dương",),
    domains=("baohaiduong.vn", "m.baohaiduong.vn", "tab.baohaiduong.vn"),
    successor="baohaiphong",
    eras=(
        Era("baohaiduong.vn", "generic", r"/[a-z0-9-]+-\d{6}\.html", until="2025-07",
            examples=("https://baohaiduong.vn/phat-trien-van-hoa-doc-thuc-day-hoc-tap-suot-doi-394829.html",)),
        Era("baohaiduong.vn", "generic", r"/[a-z0-9-]+/[a-z0-9-]+-\d{6}",
            examples=("https://baohaiduong.vn/nong-nghiep/ty-phu-trung-ga-151256",)),
    ),
    listings=(Listing("https://m.baohaiduong.vn/chuyen-muc/xay-dung-dang-chinh-quyen/127",
                      "https://m.baohaiduong.vn/chuyen-muc/xay-dung-dang-chinh-quyen/127?page={n}"),),
    unverified=("feeds", "pagination", "lead_prefixes", "date_forms", "selectors", "redirects", "archive_location"),
    probe_first="Fetch https://baohaiduong.vn/phat-trien-van-hoa-doc-thuc-day-hoc-tap-suot-doi-394829.html: does it "
                "redirect to baohaiphong.vn (a 2024 citation already labels a baohaiduong.vn URL 'Báo Hải Phòng')?",
    notes="Section listings /chuyen-muc/<slug>/<id> on the m. and tab. hosts; older articles are "
          "/<section>/<slug>-<id> without an extension.",
)
