from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baohoabinh",
    title="Báo Hòa Bình",
    province="Phú Thọ",
    provinces_before=("Hòa Bình",),
    domains=("baohoabinh.com.vn",),
    successor="baophutho",
    # a guess: the section pages' /<catId>/page/<n>/<NAME>.htm scheme is Yên Bái's, whose articles are /<catId>/<id>/<Slug>
    eras=(Era("baohoabinh.com.vn", "generic", r"/\d{1,3}/\d+/[A-Za-z0-9-]+\.htm", until="2025-06"),),
    listings=(Listing("https://baohoabinh.com.vn/220/KY-PHONG-SU.htm", "https://baohoabinh.com.vn/220/page/{n}/KY-PHONG-SU.htm"),),
    lead_prefixes=("(HBĐT) - ",),
    province_hints=(("HBĐT", "Hòa Bình"),),
    unverified=("eras", "article_path:baohoabinh.com.vn", "feeds", "party_section", "date_forms", "selectors",
                "redirects", "archive_location"),
    probe_first="Fetch https://baohoabinh.com.vn/220/page/28/KY-PHONG-SU.htm and copy one article link: the article URL "
                "shape is a guess, and no article page has been seen.",
    notes="Section pages /<catId>/page/<n>/<NAME>.htm (the first page's form is assumed); lead tag '(HBĐT) - '; "
          "images ims.baohoabinh.com.vn/NewsImg/<M>_<YYYY>/<id>_…. /rss/home.rss appears only in third-party lists "
          "that guess it for dozens of papers. Markup unknown: the generic path reads it.",
)
