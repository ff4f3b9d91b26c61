"""`make quality`: per-field accuracy and body token-F1 over the golden pages, ours beside bare trafilatura.

The goldens (tests/golden/) are reviewed records; the five seed pages' bodies are also checked word for word
against the seed texts by tests/test_extract.py. trafilatura gets the benefit of the doubt: its text is scored
against the better of body and lead + body, since it does not separate the lead.
"""

from __future__ import annotations

import re
from collections import Counter

import trafilatura

from archive.record import Article, columns
from bench.timing import table
from tests.golden import GoldenPage, pages, record

# every field the page states (how the record was made is not scored); the body also by token-F1
FIELDS = [c.name for c in columns(Article) if not c.provenance]
BOILERPLATE = ("Tin cùng chuyên mục", "Tin liên quan", "Bài liên quan", "Ý kiến bạn đọc", "Đọc nhiều", "Có thể bạn quan tâm",
               "Xem thêm", "In bài viết", "Chia sẻ", "BÌNH LUẬN", "Gửi ý kiến", "Vui lòng nhập mã xác nhận",
               "Những tin mới hơn", "Những tin cũ hơn", "Tổng số điểm của bài viết", "Click để đánh giá",
               "Bạn đã không sử dụng Site", "Tiếng việt | English", "Từ khóa:", "Theo dõi Báo")
# what bare trafilatura gives, by our field names; the other fields it has no output for
TRAFILATURA = {"title": "title", "lead": "description", "author": "author", "published_at": "date", "tags": "tags",
               "body": "text"}
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


def trafilatura_record(page: GoldenPage) -> dict | None:
    doc = trafilatura.bare_extraction(page.path.read_bytes(), url=page.url, with_metadata=True)
    if doc is None or not doc.text:
        return None
    record = {ours: getattr(doc, theirs) for ours, theirs in TRAFILATURA.items()}
    record["section"] = (doc.categories or [None])[0]
    return record


def ours_record(page: GoldenPage) -> dict | None:
    return record(page.path, page.url).get("article")


def run() -> None:
    golden = {page: page.read() for page in pages()}
    articles = [p for p, g in golden.items() if "article" in g]
    others = [p for p, g in golden.items() if "no_article" in g]
    scores = {}
    for name, extractor in (("vnnews", ours_record), ("trafilatura", trafilatura_record)):
        exact, f1s, dirty = Counter(), [], 0
        for page in articles:
            truth = golden[page]["article"]
            got = extractor(page)
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
        rejected = sum(extractor(p) is None for p in others)
        scores[name] = (exact, f1s, dirty, rejected)
    n = len(articles)
    rows = [(field, *("n/a" if name == "trafilatura" and field not in TRAFILATURA and field != "section"
                      else f"{scores[name][0][field]}/{n}" for name in scores)) for field in FIELDS]
    rows.append(("body token-F1 (mean)", *(f"{sum(s[1]) / n:.3f}" for s in scores.values())))
    rows.append(("body token-F1 (worst page)", *(f"{min(s[1]):.3f}" for s in scores.values())))
    rows.append(("pages with boilerplate in body", *(f"{s[2]}/{n}" for s in scores.values())))
    rows.append(("non-article pages rejected", *(f"{s[3]}/{len(others)}" for s in scores.values())))
    print(f"{n} article pages, {len(others)} non-article pages with expected records (each paper's expected/)\n")
    print(table(rows, ("field (exact match)", "vnnews", "bare trafilatura")))
    print("\ngoal: every field exact, F1 >= 0.98, zero boilerplate phrases")


if __name__ == "__main__":
    run()
