from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baobacninhtv",
    title="Báo Bắc Ninh",
    province="Bắc Ninh",
    provinces_before=("Bắc Ninh", "Bắc Giang"),
    domains=("baobacninhtv.vn", "en.baobacninhtv.vn"),
    former_domains=("baobacninh.com.vn",),
    eras=(
        # Bắc Giang's .bbg CMS; its /bg2/<cat>/ sections live on here, hence up to two folders before the slug
        Era("baobacninhtv.vn", "bbg", r"(?:/[a-z0-9-]+){0,2}/[a-z0-9-]+-postid\d{6}\.bbg", examples=(
            "https://baobacninhtv.vn/truy-to-ca-si-chau-viet-cuong-ve-toi-giet-nguoi-postid294056.bbg",
            "https://baobacninhtv.vn/international-defense-expo-in-hanoi-showcases-world-s-weaponries-postid409722.bbg",
        )),
    ),
    listings=(
        Listing("https://baobacninhtv.vn/xay-dung-dang", "https://baobacninhtv.vn/xay-dung-dang?page={n}"),
        Listing("https://baobacninhtv.vn/bg2", "https://baobacninhtv.vn/bg2?page={n}"),
    ),
    unverified=("former_domains", "feeds", "pagination", "lead_prefixes", "date_forms", "selectors"),
    probe_first="Fetch https://baobacninhtv.vn/xay-dung-dang and its second page: note the pagination form, then open "
                "one linked .bbg article and note where title, date and body sit (only the sapo selector is known).",
    notes="Kept Báo Bắc Giang's .bbg CMS (img.<host>/Medias/ images, listing links a.font-tin-doc, sapo "
          "div.news_detail_sapo) and carries its sections (/bg2, /bacgiang-van-hoa, /bacgiang-emagazine). Party "
          "sections: /xay-dung-dang, /chinh-tri-bao-ve-nen-tang-tu-tuong-cua-dang. 'tv' in the domain suggests a "
          "paper merged with the radio-TV station (unverified). baobacninh.com.vn: only in two bots' domain lists.",
)
