from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baoyenbai",
    title="Báo Yên Bái",
    province="Lào Cai",
    provinces_before=("Yên Bái",),
    domains=("baoyenbai.com.vn",),
    successor="baolaocai",
    eras=(
        Era("baoyenbai.com.vn", "generic", r"/\d{1,3}/\d{5,6}/[A-Za-z0-9-]+\.aspx", until="2025-06", examples=(
            "http://baoyenbai.com.vn/11/193923/Bao-Yen-Bai-huong-toi-chuyen-nghiep-hien-dai-nhan-van.aspx",
            "https://baoyenbai.com.vn/41/89163/Bao-Yen-Bai---Nhung-chang-duong-lich-su.aspx",
        )),
    ),
    listings=(Listing("https://baoyenbai.com.vn/215/Phong-su.aspx", "https://baoyenbai.com.vn/215/page/{n}/Phong-su.aspx"),),
    lead_prefixes=("YBĐT - ",),
    province_hints=(("YBĐT", "Yên Bái"),),
    unverified=("feeds", "party_section", "selectors", "redirects", "archive_location"),
    probe_first="Fetch http://baoyenbai.com.vn/11/193923/Bao-Yen-Bai-huong-toi-chuyen-nghiep-hien-dai-nhan-van.aspx and "
                "follow redirects: does the archive still answer, or move to baolaocai.vn?",
    notes="ASPX portal: /<catId>/<newsId>/<Title-Slug>.aspx (title-case slugs, '---' for a dash in the title), section "
          "pages /<catId>/page/<n>/<Name>.aspx (the first page's form is assumed). Printed 'Cập nhật: Thứ sáu, "
          "26/10/2012 | 9:55:29 AM'. Markup unknown: the generic path reads it.",
)
