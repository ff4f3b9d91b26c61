from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baodienbienphu",
    title="Báo Điện Biên Phủ",
    province="Điện Biên",
    provinces_before=("Điện Biên",),
    domains=("baodienbienphu.vn",),
    former_domains=("baodienbienphu.com.vn",),
    eras=(Era("baodienbienphu.vn", "dienbien", r"/tin-bai/[a-z0-9-]+/[a-z0-9-]+"),),
    # section pages (/tin-tuc/<slug>) are drawn in the browser from the JSON API: their HTML links no article.
    # The API (api-dienbien.baodienbienphu.vn/api/web/menu-get-list, …/article-get-news-by-category-slug?
    # category_slug=<s>&limit=<n>) is the real listing; the spider cannot read a JSON listing yet.
    listings=(
        Listing("https://baodienbienphu.vn/"),
        Listing("https://baodienbienphu.vn/tin-tuc/xay-dung-dang", "https://baodienbienphu.vn/tin-tuc/xay-dung-dang?page={n}"),
    ),
    unverified=("former_domains", "eras", "article_path:baodienbienphu.vn", "listings", "party_section", "pagination",
                "lead_prefixes", "date_forms", "selectors"),
    probe_first="Call https://api-dienbien.baodienbienphu.vn/api/web/menu-get-list and one section through "
                "…/article-get-news-by-category-slug?category_slug=<slug>&limit=10: note the JSON fields that give an "
                "article's /tin-bai/<section>/<slug> URL and date, and whether the home page's HTML links any article.",
    notes="Article URLs /tin-bai/<category_slug>/<article_slug> carry no id (seen in a crawler's code, no concrete URL); "
          "body div.editor-content; media on media-dienbien.baodienbienphu.vn. Section pages /tin-tuc/<slug> render "
          "client-side from the JSON API, so an HTML-only crawl finds their articles only if the home page links them "
          "(assumed here, unverified); reading the API needs a JSON listing kind in the spider. "
          "baodienbienphu.com.vn: only in one bot's domain list.",
)
