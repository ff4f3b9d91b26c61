"""Search that respects diacritics: what the index holds, the queries it gets, the ranking on the golden articles,
snippets, and the Party-building reading of the text."""

from __future__ import annotations

from collections import Counter

import pytest

from archive.datasette.vnnews_plugin import safe_snippet
from archive.search import NOTHING, Query, exact_form, fold, index_row
from archive.search import words as words_of
from archive.snippet import snippet
from archive.topics import is_party_building
from tests.search_cases import CASES, UNMARKED, ranking_archive


@pytest.fixture(scope="module")
def golden_archive(tmp_path_factory):
    archive = ranking_archive(tmp_path_factory.mktemp("ranking") / "archive.db")
    yield archive
    archive.close()


@pytest.mark.parametrize(("word", "form"), [
    ("dựng", "đdu7ng5"), ("dùng", "đdung2"), ("đúng", "đd9ung1"), ("Đảng", "đd9ang3"), ("đang", "đd9ang"),
    ("khoá", "đkhoa1"), ("khóa", "đkhoa1"), ("KHÓA", "đkhoa1"), ("\u00d0ạ", "đd9a5"), ("người", "đngu7o7i2"),
    ("dung", None), ("XII", None), ("Zürich", None),
])
def test_exact_form_tells_spellings_apart_but_not_tone_placement(word: str, form: str | None) -> None:
    assert exact_form(word) == form


def test_the_index_row_has_one_folded_token_per_word_and_the_exact_forms() -> None:
    article_id, text, exact = index_row(7, "Xây dựng Đảng", "khoá XII", "Mác - Lênin")
    assert (article_id, text) == (7, "xay dung dang khoa xii mac lenin")
    assert exact.split() == ["đxa6y", "đdu7ng5", "đd9ang3", "đkhoa1", "đmac1", "đle6nin"]
    assert not any("đ" in token for token in text.split())  # the two columns share no token


def test_query_parse_words_and_phrases() -> None:
    query = Query.parse('"xây dựng Đảng" khoá XII "unclosed')
    assert query.phrases == (("xây", "dựng", "Đảng"), ("khoá",), ("XII",), ("unclosed",))
    assert query.match() == '"xay dung dang" "khoa" "xii" "unclosed"'
    assert query.exact() == '"đxa6y đdu7ng5 đd9ang3" "đkhoa1"'
    assert Query.parse("xay dung dang").exact() is None
    assert Query.parse("xay dung dang").inexact_match() == NOTHING
    assert Query.parse(' "" - ').match() is None and Query.parse("").exact_match() == NOTHING


@pytest.mark.parametrize("query", list(CASES))
def test_ranking_puts_the_typed_spelling_first(golden_archive, query: str) -> None:
    expected = CASES[query]
    hits = golden_archive.search(query, limit=100)
    top = hits[:len(expected)]
    assert Counter(h["title"] for h in top) == Counter(expected), [h["title"] for h in hits]
    assert {h["tier"] for h in top} == {1} and {h["tier"] for h in hits[len(expected):]} <= {2}
    folded = golden_archive.search(fold(query), limit=100)  # typed without marks: the same articles, all alike
    assert sorted(h["id"] for h in folded) == sorted(h["id"] for h in hits)
    assert {h["tier"] for h in folded} == {1}


@pytest.mark.parametrize("query", UNMARKED)
def test_a_query_without_diacritics_finds_every_spelling(golden_archive, query: str) -> None:
    hits = golden_archive.search(query, limit=100)
    phrases = Query.parse(query).phrases
    texts = {r["id"]: " " + " ".join(fold(w) for w in words_of(" ".join((r["title"], r["lead"] or "", r["body"])))) + " "
             for r in golden_archive.db["articles"].rows}
    matching = {i for i, t in texts.items() if all(f" {fold(' '.join(p))} " in t for p in phrases)}
    assert matching and {h["id"] for h in hits} == matching


def test_a_phrase_is_a_phrase(golden_archive) -> None:
    phrase = {h["id"] for h in golden_archive.search('"đảng viên mới"', limit=100)}
    words = {h["id"] for h in golden_archive.search("đảng viên mới", limit=100)}
    assert phrase and phrase < words
    for row in golden_archive.db["articles"].rows_where(f"id IN ({', '.join(map(str, phrase))})"):
        assert "đảng viên mới" in " ".join((row["title"], row["lead"] or "", row["body"])).lower()


def test_snippet_marks_the_typed_spelling_where_the_text_has_it() -> None:
    text = "Ông dùng đúng cách. Công tác xây dựng Đảng đang được đẩy mạnh. Khóa XII <b>"
    assert snippet(text, "dựng").count("<mark>") == 1 and "<mark>dựng</mark>" in snippet(text, "dựng")
    assert snippet(text, "dung").count("<mark>") == 3  # typed without marks: every spelling
    assert "<mark>xây dựng Đảng</mark> đang" in snippet(text, '"xây dựng Đảng"')
    assert "<mark>Khóa</mark> <mark>XII</mark>" in snippet(text, "khoá xii")  # the article's own spelling
    assert snippet(text, "tráng").count("<mark>") == 0 and "&lt;b&gt;" in snippet(text, "tráng")


def test_only_mark_tags_survive_in_a_snippet_cell() -> None:
    built = snippet("Xây dựng <script>alert(1)</script> Đảng", "dang")
    assert str(safe_snippet(built)) == built  # what vn_snippet made shows as made
    hostile = '<img src=x onerror="alert(1)"><mark>ok</mark>&lt;b&gt;'
    assert str(safe_snippet(hostile)) == '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;<mark>ok</mark>&lt;b&gt;'


@pytest.mark.parametrize(("title", "section", "expected"), [
    ("Công tác xây dựng Đảng tiếp tục được đổi mới", None, True),
    ("Tiếp tục xây dựng, chỉnh đốn Đảng", None, True),
    ("XÂY DỰNG ĐẢNG BỘ TRONG SẠCH", None, True),
    ("Công trình xây dựng đang được triển khai", None, False),  # folds to "xay dung dang"
    ("Hội nghị tổng kết", "Xây dựng Đảng", True),
    ("Hội nghị tổng kết", "Kinh tế", False),
])
def test_party_building(title: str, section: str | None, expected: bool) -> None:
    assert is_party_building(title, None, None, section) is expected
