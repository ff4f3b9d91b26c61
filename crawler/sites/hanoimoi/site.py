from crawler.sites import Era, Listing, Site

SITE = Site(
    name="hanoimoi",
    title="Báo Hànộimới",
    province="Hà Nội",
    provinces_before=("Hà Nội",),
    domains=("hanoimoi.vn",),
    former_domains=("hanoimoi.com.vn",),
    eras=(
        # topic pages "-event<id>.html" are not articles; the pattern leaves them out
        Era("hanoimoi.vn", "onecms", r"/[a-z0-9-]+-\d{6}\.html",
            examples=("https://hanoimoi.vn/phat-trien-he-thong-mang-luoi-duong-sat-do-thi-ha-noi-703441.html",
                      "https://hanoimoi.vn/mam-co-trung-thu-cua-ha-noi-xua-co-nhung-gi-589923.html")),
    ),
    listings=(Listing("https://hanoimoi.vn/chinh-tri", "https://hanoimoi.vn/chinh-tri?page={n}"),),
    unverified=("former_domains", "feeds", "party_section", "pagination", "lead_prefixes", "date_forms", "selectors"),
    probe_first="Fetch https://hanoimoi.vn/chinh-tri: look for a 'Xây dựng Đảng' section and the page-2 link, and in "
                "one article whether it has the OneCMS sc-longform header of Nghệ An and Hải Phòng.",
    notes="Sections /chinh-tri, /kinh-te, /do-thi, /van-hoa, /xa-hoi, /giao-duc, /y-te, /the-gioi, /du-lich; listing "
          "links 'h3 a', text in div.b-maincontent ([CLN]). /rss/kinh-te.rss answered with 0 items on 2026-05-03; "
          "/sitemap.xml is in a crawler's configuration (U).",
)
