from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baohaiphong",
    title="Báo Hải Phòng",
    province="Hải Phòng",
    provinces_before=("Hải Phòng", "Hải Dương"),
    domains=("baohaiphong.vn",),
    former_domains=("baohaiphong.com.vn",),
    eras=(
        Era("baohaiphong.vn", "onecms", r"/[a-z0-9-]+-\d{6}\.html",
            examples=("https://baohaiphong.vn/hai-phong-bo-sung-69-cong-trinh-du-an-thu-hoi-dat-nam-2026-541045.html",
                      "https://baohaiphong.vn/doc-dao-binh-sen-tu-quy-408876.html",
                      "https://baohaiphong.vn/151-mau-cua-cac-truong-hop-lien-quan-den-chuyen-gia-an-do-co-ket-qua-xet-"
                      "nghiem-am-tinh-voi-virus-sars-cov-2-457674.html",
                      "https://baohaiphong.vn/day-nhanh-tien-do-ra-soat-hoan-thien-du-lieu-tiem-chung-covid-19-"
                      "472928.html")),
    ),
    feeds=("https://baohaiphong.vn/rss/tin-moi-nhat.rss",),
    listings=(Listing("https://baohaiphong.vn/chinh-tri", "https://baohaiphong.vn/chinh-tri?page={n}"),
              Listing("https://baohaiphong.vn/dat-va-nguoi-xu-dong", "https://baohaiphong.vn/dat-va-nguoi-xu-dong?page={n}")),
    lead_prefixes=("(HPĐT)-",),
    unverified=("former_domains", "feeds", "party_section", "pagination", "archive_location"),
    probe_first="Fetch https://baohaiphong.vn/rss/tin-moi-nhat.rss (only seen in code) and the page-2 link of "
                "https://baohaiphong.vn/chinh-tri, and look for a Party section.",
    notes="'Đất và người xứ Đông' (/dat-va-nguoi-xu-dong) covers the former Hải Dương; /phap-luat/tin-tuc is another "
          "section. The canonical is a <meta name=canonical>; the byline is also a right-aligned "
          "b.vtranslate-author-translate at the end of the text ('Tin và ảnh: …', 'Tin: … - Ảnh: …'). "
          "baohaiphong.com.vn served the images of 2021-2022 articles; as an article domain it is unverified.",
)
