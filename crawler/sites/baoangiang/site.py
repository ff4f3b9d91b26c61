from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baoangiang",
    title="Báo An Giang",
    province="An Giang",
    provinces_before=("An Giang", "Kiên Giang"),
    # tintucmientay: the paper's own Mekong-region news site, one CMS and one id sequence with the main domain
    domains=("baoangiang.com.vn", "tintucmientay.baoangiang.com.vn"),
    eras=(
        Era("baoangiang.com.vn", "a-id", r"/[a-z0-9-]+-a\d{6}\.html", examples=(
            "https://baoangiang.com.vn/nu-nong-dan-xuat-sac-vung-bay-nui-an-giang-a465150.html",
        )),
        Era("tintucmientay.baoangiang.com.vn", "a-id", r"/[a-z0-9-]+-a\d{6}\.html", examples=(
            "https://tintucmientay.baoangiang.com.vn/tien-giang-chien-thang-giong-dua-lam-chan-dong-du-luan-trong-va-"
            "ngoai-nuoc-a361124.html",
        )),
    ),
    listings=(Listing("https://baoangiang.com.vn/chinh-tri/", "https://baoangiang.com.vn/chinh-tri/?p={n}"),),
    unverified=("selectors", "feeds", "listings", "party_section", "pagination", "lead_prefixes", "date_forms",
                "archive_location"),
    probe_first="Fetch https://baoangiang.com.vn/ and one article: section URLs, the Party section, the page-2 link "
                "and the article's containers (the -a<id> CMS's span.pubdate expected); is tintucmientay still live?",
    notes="tintucmientay.baoangiang.com.vn is this paper's, not the Kiên Giang archive: same CMS and id sequence "
          "(a361124 < a465150), regional news (a Tiền Giang item), while Báo Kiên Giang ran another CMS on "
          "baokiengiang.vn; kiengiang.baoangiang was tried and not found. Where the Kiên Giang archive went is not "
          "known.",
)
