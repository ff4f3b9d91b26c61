from crawler.sites import Era, Listing, Site

SITE = Site(
    name="baoquangtri",
    title="Báo Quảng Trị",
    province="Quảng Trị",
    provinces_before=("Quảng Trị", "Quảng Bình"),
    domains=("baoquangtri.vn",),
    eras=(
        Era("baoquangtri.vn", "yyyymm", r"/[a-z0-9-]+(?:/[a-z0-9-]+)?/\d{6}/[a-z0-9-]+-[0-9a-f]{7}/", examples=(
            "https://baoquangtri.vn/suc-khoe/202603/bo-y-te-de-xuat-tiep-tuc-cat-giam-thu-tuc-hanh-chinh-ve-kham-chua-benh-d0f7a12/",
            "https://baoquangtri.vn/khoa-hoc-cong-nghe/202508/khoi-day-dam-me-khoa-hoc-cong-nghe-9344c18/",
        )),
        # the VHV portal's "<slug>-<id>.htm" pages (seed 002, 2020); only a truncated URL of this era is on record
        Era("baoquangtri.vn", "vhv", r"/[a-z0-9-]+-\d{5,7}\.htm"),
    ),
    listings=(Listing("https://baoquangtri.vn/chinh-tri/", "https://baoquangtri.vn/chinh-tri/?page={n}"),),
    lead_prefixes=("QTO - ", "(QBĐT) - "),
    # since the merger it also carries Quảng Bình articles under the old Quảng Bình paper's tag
    province_hints=(("QBĐT", "Quảng Bình"),),
    title_suffixes=(" - Báo Quảng Trị", " - Báo Quảng Trị điện tử"),
    unverified=("article_path:baoquangtri.vn", "eras", "feeds", "pagination", "selectors"),
    probe_first="Fetch https://baoquangtri.vn/chinh-tri/, its page 2 and one A article: record the pagination form and "
                "the A page's real selectors (the yyyymm v1/v2 selectors are not from a stored copy).",
    notes="Carries the Quảng Bình archive since the 2025 merger (leads start '(QBĐT) - '); baoquangbinh.vn is the "
          "absorbed paper's own record. Sections include /chinh-tri/ (Party news), /dat-va-nguoi-quang-binh/, "
          "/dat-va-nguoi-quang-tri/. VHV '.htm' pages are seen for 2020, A URLs for 2025-2026: when it switched is "
          "not known. 'No RSS' per one project (U).",
)
