from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baohagiang",
    title="Báo Hà Giang",
    province="Tuyên Quang",
    provinces_before=("Hà Giang",),
    domains=("baohagiang.vn",),
    successor="baotuyenquang",
    eras=(
        # 6-digit ids in 2021, 7 hex in 2024; the trailing slash is optional. Markup unknown: the generic path reads it
        Era("baohagiang.vn", "generic", r"/[a-z0-9-]+(?:/[a-z0-9-]+)?/\d{6}/[a-z0-9-]+-(?:\d{6}|[0-9a-f]{7})/?",
            examples=(
                "https://baohagiang.vn/xa-hoi/202112/trien-khai-hoat-dong-van-tai-khach-phuc-vu-nhu-cau-di-lai-cua-nhan-dan-trong-dip-le-tet-785426",
                "https://www.baohagiang.vn/multimedia/truyen-hinh/202404/bao-ha-giang-tien-phong-tren-mat-tran-tu-tuong-van-hoa-67b4c0c/",
            )),
    ),
    # /xa-hoi/ is the section of an example URL; no listing page was seen
    listings=(Listing("https://baohagiang.vn/xa-hoi/", "https://baohagiang.vn/xa-hoi/?page={n}"),),
    lead_prefixes=("BHG - ",),
    title_suffixes=(" - Báo Hà Giang điện tử",),
    unverified=("feeds", "listings", "party_section", "pagination", "selectors", "redirects", "archive_location"),
    probe_first="Fetch https://baohagiang.vn/ and one old article: does it still answer, or redirect to "
                "baotuyenquang.com.vn (where its archive lives is not known)?",
    notes="Lead tag 'BHG - ' and the printed date '17:54, 08/04/2024' were seen; dates inside the text are written "
          "with dots ('12.12'). Images under /file/4028eaa4679b32c401679c0c74382a7e/MMYYYY/, the same folder as "
          "baotuyenquang.com.vn's A era: one vendor, markup not seen.",
)
