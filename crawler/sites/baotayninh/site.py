from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baotayninh",
    title="Báo Tây Ninh",
    province="Tây Ninh",
    provinces_before=("Tây Ninh", "Long An"),
    domains=("baotayninh.vn",),
    eras=(
        Era("baotayninh.vn", "a-id", r"/[a-z0-9-]+-a\d{6}\.html", examples=(
            "https://baotayninh.vn/khat-vong-ve-hai-thanh-pho-tuong-lai-a169010.html",
        )),
    ),
    listings=(
        Listing("https://baotayninh.vn/thoi-su-chinh-tri/giai_bao_chi_xay_dung_dang/",
                "https://baotayninh.vn/thoi-su-chinh-tri/giai_bao_chi_xay_dung_dang/?p={n}"),
        Listing("https://baotayninh.vn/thoi-su-chinh-tri/huong_toi_dai_hoi_dang/",
                "https://baotayninh.vn/thoi-su-chinh-tri/huong_toi_dai_hoi_dang/?p={n}"),
    ),
    lead_prefixes=("(BTN) - ",),
    unverified=("feeds", "selectors", "archive_location"),
    probe_first="Fetch one -a<id>.html article and record its template's selectors (span.pubdate and the comment form "
                "are the family's, seen on this site; title, sapo and body containers are not) and any RSS link.",
    notes="Printed 'Thứ sáu: 15:00 ngày 09/02/2024'. Party listing slugs use underscores. Pages emit a stray </html> "
          "early. www. also used. First print issue of the merged paper 1/7/2025. Where the Long An archive "
          "(baolongan.vn) went is not known.",
)
