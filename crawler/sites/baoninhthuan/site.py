from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baoninhthuan",
    title="Báo Ninh Thuận",
    province="Khánh Hòa",
    provinces_before=("Ninh Thuận",),
    domains=("baoninhthuan.com.vn",),
    successor="baokhanhhoa",
    eras=(
        Era("baoninhthuan.com.vn", "generic", r"/[a-z0-9-]+/\d{5}p\d{1,3}c\d{1,3}/[a-z0-9-]+\.htm", until="2025-06",
            examples=(
                "http://baoninhthuan.com.vn/diendan/49334p25c151/phat-trien-cac-mo-hinh-lien-ket-san-xuat-trong-nong-nghiep.htm",
            )),
    ),
    listings=(Listing("https://baoninhthuan.com.vn/chinhtri/", "https://baoninhthuan.com.vn/chinhtri/?page={n}"),),
    unverified=("feeds", "listings", "party_section", "pagination", "lead_prefixes", "date_forms", "selectors",
                "redirects", "archive_location"),
    probe_first="Fetch http://baoninhthuan.com.vn/diendan/49334p25c151/phat-trien-cac-mo-hinh-lien-ket-san-xuat-trong-nong-nghiep.htm "
                "and follow redirects (the www. host is also used); then note one section page and its pagination.",
    notes="Articles /<cat>/<id>p<n>c<catId>/<slug>.htm (what p<n> means is unknown); images "
          "images1.baoninhthuan.com.vn/CMSImage/… and /Upload/YYYY/M/D/…. The section /chinhtri/ is a guess in the "
          "shape of /diendan/. Markup unknown: the generic path reads the pages.",
)
