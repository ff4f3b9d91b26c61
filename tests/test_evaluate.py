"""`vnnews evaluate`: scoring a folder of labelled pages (ours, built here), its errors, and the real pages beside
the repository (../shared/realpages, never copied into it)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from crawler.cli import main
from crawler.evaluate import FIELDS, evaluate, report
from tests.conftest import ROOT

GENERIC = ROOT / "tests" / "generic" / "pages"
TINTHU = GENERIC / "tinthu.vn" / "xa-tan-hoa-gop-cong-lam-duong-ra-dong-4950001.html"
THOISU = GENERIC / "baothoisu.vn" / "gia-hoa-tuoi-tang-manh-dip-8-3-20260307075519174.htm"
CHINHSACH = GENERIC / "baochinhsach.vn" / "loat-chinh-sach-moi-co-hieu-luc-trong-thang-3-2026-102260301095100001.htm"


def label(path: Path, url: str, **fields: object) -> dict:
    return {"file": path.name, "url": url, "boilerplate": [], "notes": "", **fields}


LABELS = [
    # every field right
    label(TINTHU, "https://tinthu.vn/xa-tan-hoa-gop-cong-lam-duong-ra-dong-4950001.html",
          title="Xã Tân Hòa góp công làm đường ra đồng", published="2026-03-07T00:05+07:00",
          author="Mai Lan (tổng hợp)", notes="the name alone is 'Mai Lan'",
          lead="Hội nông dân xã Tân Hòa vận động bà con góp hơn 900 ngày công, làm xong 3 km đường bê tông",
          body_first="Sáng 6/3, hội nông dân xã Tân Hòa tổ chức khánh thành",
          body_last="Các chi hội chia nhau từng đoạn", boilerplate=["Copy link thành công", "Chợ quê ngày xuân"]),
    # labelled so that two fields miss: another author, and a "boilerplate" string that is the article's subhead
    label(THOISU, "https://baothoisu.vn/gia-hoa-tuoi-tang-manh-dip-8-3-20260307075519174.htm",
          title="Giá hoa tươi tăng mạnh dịp 8-3", published="2026-03-07T08:01+07:00", author="NHẬT XUÂN",
          author_printed="LÊ MINH và 1 tác giả khác",
          lead="(TSO)- Chi phí vận chuyển tăng khiến các cửa hàng hoa nhập ít hàng hơn",
          body_first="Chủ một cửa hàng hoa trên phố Hàng Lược",
          body_last="Một nhà vườn ở Mê Linh", body_last_alt="Ngoài ra, cửa hàng cũng bán thêm",
          boilerplate=["Chợ hoa đêm", "Khách chuyển sang hoa trong nước"]),
    # a body opening with a subhead, the label naming the paragraph after it; no byline printed
    label(CHINHSACH, "https://baochinhsach.vn/loat-chinh-sach-moi-co-hieu-luc-trong-thang-3-2026-102260301095100001.htm",
          title="Loạt chính sách mới có hiệu lực trong tháng 3/2026", published="2026-03-01T09:51+07:00", author=None,
          lead="(Chinhsach.vn) - Tháng 3/2026 có nhiều chính sách mới có hiệu lực",
          body_first="Chính phủ ban hành Nghị định quy định ba trường hợp", body_last="Học sinh bán trú",
          boilerplate=["Tải ứng dụng", "Hà Nội"]),
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for path in (TINTHU, THOISU, CHINHSACH):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "expected.json").write_text(json.dumps(LABELS, ensure_ascii=False), "utf-8")
    return tmp_path


def test_per_field_scores_and_misses(folder: Path) -> None:
    result = evaluate(folder, ["vnnews"])
    assert {name: result.correct("vnnews", name) for name in FIELDS} == {
        "title": 3, "published": 3, "author": 2, "lead": 3, "body_first": 2, "body_last": 3, "boilerplate": 2}
    assert (result.total("vnnews"), result.possible, result.subhead_tolerant("vnnews")) == (18, 21, 3)
    text = report(result)
    assert "total                18/21" in text
    assert "body_first with a leading subhead-like line forgiven: vnnews 3/3" in text
    assert "misses of vnnews (3):" in text
    assert ("  gia-hoa-tuoi-tang-manh-dip-8-3-20260307075519174.htm  author\n"
            "      expected  'NHẬT XUÂN' | 'LÊ MINH và 1 tác giả khác'\n"
            "      got       'Lê Minh - Hà Vy'\n") in text
    assert "      got       found 'Khách chuyển sang hoa trong nước'\n" in text
    assert ("  loat-chinh-sach-moi-co-hieu-luc-trong-thang-3-2026-102260301095100001.htm  body_first\n"
            "      expected  'Chính phủ ban hành Nghị định quy định ba trường hợp'\n"
            "      got       'Ba trường hợp nhà ở nông thôn được miễn giấy phép xây dựng'   "
            "[opens with a subhead-like line; the expected paragraph is our 2nd]") in text
    assert "loat-chinh-sach-moi-co-hieu-luc-trong-thang-3-2026-102260301095100001.htm  lead: ok (tag differs: expected " \
           "'Chinhsach.vn', got 'Baochinhsach.vn')" in text


def test_beside_trafilatura(folder: Path) -> None:
    result = evaluate(folder)
    assert result.extractors == ["vnnews", "trafilatura"]
    assert result.correct("trafilatura", "published") == 0  # it gives the day alone
    assert "field               vnnews  trafilatura" in report(result)


def test_the_command(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(folder), "--no-trafilatura"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{folder}: 3 pages x 7 fields = 21") and "misses of vnnews (3):" in out


@pytest.mark.parametrize(("make", "message"), [
    (lambda d: d / "nowhere", "no such folder: "),
    (lambda d: d, "no expected.json in "),
    (lambda d: _write(d, "[{"), "is not valid JSON: "),
    (lambda d: _write(d, "{}"), "must hold a non-empty list of page labels"),
    (lambda d: _write(d, json.dumps([{"file": "a.html"}])), "label 1 (a.html) lacks url, title, published"),
    (lambda d: _write(d, json.dumps([{k: "x" for k in ("file", "url", "title", "published", "author", "lead",
                                                        "body_first", "body_last")}])), "names x, which is not in "),
])
def test_clear_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str], make, message: str) -> None:
    assert main(["evaluate", str(make(tmp_path))]) == 1
    err = capsys.readouterr().err
    assert err.startswith("vnnews: ") and message in err and err.count("\n") == 1


def _write(folder: Path, text: str) -> Path:
    (folder / "expected.json").write_text(text, "utf-8")
    return folder


# --- the real pages beside the repository ---------------------------------------------------------------------

def shared_folder() -> tuple[Path | None, list[Path]]:
    """../shared/realpages beside the clone (for a git worktree, beside its main clone), or $VNNEWS_REALPAGES."""
    candidates = [Path(os.environ["VNNEWS_REALPAGES"])] if os.environ.get("VNNEWS_REALPAGES") else []
    candidates.append(ROOT.parent / "shared" / "realpages")
    git = ROOT / ".git"
    if git.is_file():  # a worktree: "gitdir: <clone>/.git/worktrees/<name>"
        gitdir = Path(git.read_text("utf-8").split(":", 1)[1].strip())
        candidates.append(gitdir.parents[2].parent / "shared" / "realpages")
    return next((c for c in candidates if (c / "expected.json").is_file()), None), candidates


@pytest.mark.parametrize(("sub", "at_least"), [("", 54), ("provincial", 38)])
def test_real_pages(sub: str, at_least: int) -> None:
    found, looked = shared_folder()
    if found is None:
        pytest.fail("the real pages (shared/realpages/expected.json) are not beside the repository; looked in "
                    + ", ".join(map(str, looked)) + "; set VNNEWS_REALPAGES to their folder")
    result = evaluate(found / sub, ["vnnews"])
    assert result.total("vnnews") >= at_least, report(result)
