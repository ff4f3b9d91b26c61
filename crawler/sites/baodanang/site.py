from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baodanang",
    title="Báo Đà Nẵng",
    province="Đà Nẵng",
    provinces_before=("Đà Nẵng", "Quảng Nam"),
    domains=("baodanang.vn", "en.baodanang.vn"),
    eras=(
        Era("baodanang.vn", "generic", r"/[a-z0-9-]+-\d{7}\.html",
            examples=("https://baodanang.vn/bo-doi-xuat-ngu-khoi-nghiep-voi-den-trang-tri-tram-canh-3140715.html",
                      "https://baodanang.vn/mo-don-dang-ky-chuong-trinh-builder-ai-riser-vietnam-2026-3345131.html")),
        # the truncated /channel/5433/202304/…-394209… reads as category + subcategory here
        Era("baodanang.vn", "yyyymm", r"/[a-z0-9-]+(?:/[a-z0-9-]+)?/\d{6}/[a-z0-9-]+-(?:\d{6}|[0-9a-f]{7})/?",
            examples=("https://www.baodanang.vn/kinhte/202412/da-nang-tien-phong-xay-dung-thanh-pho-thong-minh-3995667/",)),
    ),
    listings=(Listing("https://baodanang.vn/chinh-tri", "https://baodanang.vn/chinh-tri?page={n}"),
              Listing("https://baodanang.vn/theo-buoc-chan-nguoi-quang",
                      "https://baodanang.vn/theo-buoc-chan-nguoi-quang?page={n}")),
    unverified=("feeds", "party_section", "pagination", "lead_prefixes", "date_forms", "selectors"),
    probe_first="Fetch https://baodanang.vn/sitemap-news.xml (a code comment says the site has no RSS): if it answers "
                "it is the best entry point; then one -<7 digits>.html article for its markup.",
    notes="New 7-digit ids (3140715, 3345131) are in baoquangnam.vn's id range: the paper seems to run Báo Quảng "
          "Nam's CMS. 'Theo bước chân người Quảng' is a Quảng Nam section. Bylines 'NAME • dd/mm/yyyy' per one test "
          "suite (U). en.baodanang.vn is the English edition.",
)
