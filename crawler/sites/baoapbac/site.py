from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baoapbac",
    title="Báo Ấp Bắc",
    province="Đồng Tháp",
    provinces_before=("Tiền Giang",),
    domains=("baoapbac.vn",),
    successor="baodongthap",
    eras=(
        # 6-digit ids (2017-2021); some URLs end in /index.htm. Markup unknown: the generic path reads it
        Era("baoapbac.vn", "generic",
            r"/[a-z0-9-]+(?:/[a-z0-9-]+)?/\d{6}/[a-z0-9-]+-(?:\d{6}|[0-9a-f]{7})(?:/|/index\.htm)?", examples=(
                "https://baoapbac.vn/ban-doc/202109/don-doc-bao-ap-bac-so-ra-ngay-6-9-934020",
                "http://baoapbac.vn/ban-doc/201708/don-doc-bao-ap-bac-so-ra-ngay-9-8-751488/",
            )),
    ),
    feeds=("https://baoapbac.vn/xa-hoi/index.rss",),
    # the section of the feed; its listing page and pagination were not seen
    listings=(Listing("https://baoapbac.vn/xa-hoi/", "https://baoapbac.vn/xa-hoi/?page={n}"),),
    title_suffixes=(" - Báo Ấp Bắc",),
    unverified=("feeds", "listings", "party_section", "pagination", "lead_prefixes", "selectors", "redirects",
                "archive_location"),
    probe_first="Fetch https://baoapbac.vn/xa-hoi/index.rss: if it answers, the section feeds '/<section>/index.rss' "
                "are a cheap way through the archive; also check whether old URLs redirect to baodongthap.vn.",
    notes="Printed dates 'Chủ Nhật, 05/09/2021, 22:21 (GMT+7)' and, on /index.htm pages, 'Cập nhật: 20:45, 07/10/2018 "
          "(GMT+7)' were seen. The 'Đón đọc Báo Ấp Bắc số ra ngày …' pages announce a print issue: no article text.",
)
