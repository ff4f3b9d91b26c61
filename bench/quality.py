"""`make quality`: per-field accuracy and body token-F1 over the golden pages, ours beside bare trafilatura.

The goldens (tests/golden/) are reviewed records; the five seed pages' bodies are also checked word for word
against the seed texts by tests/test_extract.py. trafilatura gets the benefit of the doubt: its text is scored
against the better of body and lead + body, since it does not separate the lead.
"""

from __future__ import annotations

import json
import re
from collections import Counter

import trafilatura

from bench.timing import table
from tests.golden import golden_path, pages, record

FIELDS = ("title", "lead", "lead_prefix", "author", "source", "published_at", "section", "tags", "captions")
BOILERPLATE = ("Tin cùng chuyên mục", "Tin liên quan", "Bài liên quan", "Ý kiến bạn đọc", "Đọc nhiều", "Có thể bạn quan tâm",
               "Xem thêm", "In bài viết", "Chia sẻ", "BÌNH LUẬN", "Gửi ý kiến", "Vui lòng nhập mã xác nhận",
               "Những tin mới hơn", "Những tin cũ hơn", "Tổng số điểm của bài viết", "Click để đánh giá",
               "Bạn đã không sử dụng Site", "Tiếng việt | English", "Từ khóa:", "Theo dõi Báo")
NOT_IN_TRAFILATURA = ("lead_prefix", "source", "captions")  # fields it has no output for
_WORD = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> Counter[str]:
    return Counter(_WORD.findall((text or "").lower()))


def f1(found: str, truth: str) -> float:
    a, b = tokens(found), tokens(truth)
    common = sum((a & b).values())
    if not a or not b or not common:
        return float(not a and not b)
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def trafilatura_record(html: bytes, url: str) -> dict | None:
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if doc is None or not doc.text:
        return None
    return {"title": doc.title, "lead": doc.description, "lead_prefix": None, "author": doc.author, "source": None,
            "published_at": doc.date, "section": (doc.categories or [None])[0], "tags": doc.tags or [],
            "captions": [], "body": doc.text}


def ours_record(path, url) -> dict | None:
    result = record(path, url)
    if "article" not in result:
        return None
    article = result["article"]
    return {**article, "captions": [i["caption"] for i in article["images"]]}


def run() -> None:
    golden = {url: json.loads(golden_path(url).read_text("utf-8")) for _, url in pages()}
    articles = [(p, u) for p, u in pages() if "article" in golden[u]]
    others = [(p, u) for p, u in pages() if "no_article" in golden[u]]
    scores = {}
    for name, extractor in (("vnnews", ours_record), ("trafilatura", trafilatura_record)):
        exact, f1s, dirty = Counter(), [], 0
        for path, url in articles:
            truth = golden[url]["article"]
            truth = {**truth, "captions": [i["caption"] for i in truth["images"]]}
            got = extractor(path, url) if name == "vnnews" else extractor(path.read_bytes(), url)
            if got is None:
                f1s.append(0.0)
                continue
            for field in FIELDS:
                exact[field] += got.get(field) == truth.get(field)
            body_f1 = f1(got["body"], truth["body"])
            if name == "trafilatura":
                body_f1 = max(body_f1, f1(got["body"], f"{truth['lead'] or ''}\n{truth['body']}"))
            f1s.append(body_f1)
            dirty += any(phrase in got["body"] for phrase in BOILERPLATE)
        rejected = sum((extractor(p, u) if name == "vnnews" else extractor(p.read_bytes(), u)) is None for p, u in others)
        scores[name] = (exact, f1s, dirty, rejected)
    n = len(articles)
    rows = [(field, *("n/a" if name == "trafilatura" and field in NOT_IN_TRAFILATURA else f"{scores[name][0][field]}/{n}"
                      for name in scores)) for field in FIELDS]
    rows.append(("body token-F1 (mean)", *(f"{sum(s[1]) / n:.3f}" for s in scores.values())))
    rows.append(("body token-F1 (worst page)", *(f"{min(s[1]):.3f}" for s in scores.values())))
    rows.append(("pages with boilerplate in body", *(f"{s[2]}/{n}" for s in scores.values())))
    rows.append(("non-article pages rejected", *(f"{s[3]}/{len(others)}" for s in scores.values())))
    print(f"{n} golden article pages, {len(others)} golden non-article pages (tests/golden/)\n")
    print(table(rows, ("field (exact match)", "vnnews", "bare trafilatura")))
    print("\ngoal: every field exact, F1 >= 0.98, zero boilerplate phrases")


if __name__ == "__main__":
    run()
