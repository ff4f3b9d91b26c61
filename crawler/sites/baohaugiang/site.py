from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baohaugiang",
    title="Báo Hậu Giang",
    province="Cần Thơ",
    provinces_before=("Hậu Giang",),
    domains=("baohaugiang.com.vn",),
    eras=(
        # the shape [CLN] gives; no article URL was seen, so neither the id width
        Era("baohaugiang.com.vn", "news-details", r"/[a-z0-9-]+/[a-z0-9-]+-\d+\.html"),
    ),
    # sections are /<slug>-<section id>.html; the Party section /xay-dung-dang-chinh-quyen-<id>.html has no known id
    listings=(
        Listing("https://baohaugiang.com.vn/thoi-su-215.html",
                "https://baohaugiang.com.vn/thoi-su-215.html?page={n}"),
    ),
    successor="baocantho",
    unverified=("eras", "article_path:baohaugiang.com.vn", "feeds", "party_section", "pagination", "lead_prefixes",
                "date_forms", "redirects", "archive_location"),
    probe_first="Fetch https://baohaugiang.com.vn/thoi-su-215.html and copy one article link and the Party section's "
                "id (/xay-dung-dang-chinh-quyen-<id>.html).",
    notes="Body div.news-details-content div.contentView ([CLN]). Other Party sections named in [CLN]: "
          "/dua-nghi-quyet-cua-dang-vao-cuoc-song-…, /hoc-tap-va-lam-theo-…-ho-chi-minh-….",
)
