"""crawler.dates: every printed form to the exact minute in +07:00; never raises; picks the right source."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.dates import VN_TZ, PublishedTime, _parse, parse_date, parse_machine_date, published_time
from crawler.templates import Page
from tests.date_cases import CASES, NOW


def iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[repr(t)[:40] for t, _ in CASES])
def test_real_world_strings(text: str, expected: str | None) -> None:
    value = parse_date(text, now=NOW)
    assert iso(value) == expected
    if isinstance(value, datetime):
        assert value.utcoffset() == timedelta(hours=7)


def test_the_corpus_is_large_and_varied() -> None:
    assert len(CASES) >= 80
    assert sum(1 for _, e in CASES if e is None) >= 10


def test_results_are_aware_datetimes_or_plain_dates() -> None:
    assert type(parse_date("08/05/2018 07:38")) is datetime
    assert type(parse_date("08/05/2018")) is date


def test_default_now_is_vietnam_time() -> None:
    value = parse_date("vừa xong")
    assert value.utcoffset() == timedelta(hours=7)
    assert abs(value - datetime.now(timezone.utc)) < timedelta(seconds=5)


@given(st.text(max_size=300))
@settings(max_examples=400)
def test_the_parser_itself_handles_any_string(text: str) -> None:
    # the parser, not parse_date's guard: an exception here would be a bug the guard only hides
    value = _parse(text, NOW)
    assert value is None or type(value) is date or (type(value) is datetime and value.utcoffset() == timedelta(hours=7))


@pytest.mark.parametrize("junk", [None, 42, b"08/05/2018", "\ud800", "0" * 10**6, "/" * 200, "1/" * 150])
def test_the_parser_itself_refuses_junk(junk) -> None:
    assert _parse(junk, NOW) is None


def test_a_parser_bug_never_stops_a_crawl(monkeypatch: pytest.MonkeyPatch) -> None:
    import crawler.dates

    def broken(text, now):
        raise RuntimeError("a bug in the parser")

    monkeypatch.setattr(crawler.dates, "_parse", broken)
    assert parse_date("08/05/2018 07:38") is None


PREFIXES = ["", "Thứ Ba, ", "thứ 3 - ", "THỨ BA: ", "Chủ nhật - ", "CN, ", "Cập nhật: ", "Cập nhật lúc ", "Đăng ngày ",
            "Ngày đăng: ", "Xuất bản: ", "Lúc ", "HOÀNG SA ", "(", "[", "Bài, ảnh: Ngọc Hưng - "]
SUFFIXES = ["", " [GMT+7]", " (GMT +7)", " GMT+07:00", " (UTC+7)", " +0700", ")", "]", " |", " ."]
LAYOUTS = ["{d} {t}", "{d}, {t}", "{d} - {t}", "{d} – {t}", "{d} | {t}", "{t} {d}", "{t}, {d}", "{t} | {d}",
           "{t} ngày {d}"]
SPACES = [" ", "\u00a0", "  "]


@given(
    instant=st.datetimes(min_value=datetime(1995, 1, 1), max_value=datetime(2035, 12, 31)),
    prefix=st.sampled_from(PREFIXES), suffix=st.sampled_from(SUFFIXES), layout=st.sampled_from(LAYOUTS),
    separator=st.sampled_from("/.-"), space=st.sampled_from(SPACES), short=st.booleans(),
)
@settings(max_examples=500)
def test_any_formatted_instant_parses_back(instant, prefix, suffix, layout, separator, space, short) -> None:
    expected = instant.replace(second=0, microsecond=0, tzinfo=VN_TZ)
    day = f"{expected.day}{separator}{expected.month}" if short else f"{expected:%d}{separator}{expected:%m}"
    text = prefix + layout.format(d=f"{day}{separator}{expected:%Y}", t=f"{expected:%H:%M}") + suffix
    assert parse_date(text.replace(" ", space)) == expected, text


@given(instant=st.datetimes(min_value=datetime(1995, 1, 1), max_value=datetime(2035, 12, 31)),
       offset=st.integers(min_value=-11, max_value=12))
def test_other_offsets_convert_to_vietnam_time(instant, offset) -> None:
    aware = instant.replace(second=0, microsecond=0, tzinfo=timezone(timedelta(hours=offset)))
    sign = "+" if offset >= 0 else "-"
    text = f"{aware:%d/%m/%Y %H:%M} GMT{sign}{abs(offset)}"
    value = parse_date(text)
    assert value == aware and value.utcoffset() == timedelta(hours=7)


@given(instant=st.datetimes(min_value=datetime(1995, 1, 1), max_value=datetime(2035, 12, 31)))
def test_twelve_hour_clock(instant) -> None:
    expected = instant.replace(second=0, microsecond=0, tzinfo=VN_TZ)
    hour12 = expected.hour % 12 or 12
    marker = "SA" if expected.hour < 12 else "CH"
    assert parse_date(f"{expected:%d/%m/%Y} {hour12}:{expected:%M} {marker}") == expected


# --- published_time: which source wins -------------------------------------------------------------------


def page(head: str = "", body: str = "") -> list[tuple[str, str]]:
    """The machine-readable dates of a page with this head and body, as extraction reads them."""
    html = f"<html><head>{head}</head><body>{body}<p>x</p></body></html>"
    return Page.parse(html, "https://baoquangninh.vn/x-3391999.html").machine_dates


def test_meta_tag_wins_over_printed() -> None:
    doc = page('<meta property="article:published_time" content="2025-06-17T13:43:02+0700">')
    result = published_time(doc, "17/06/2025 13:40")
    assert (iso(result.value), result.source, result.raw) == (
        "2025-06-17T13:43:02+07:00", "meta:article:published_time", "17/06/2025 13:40")


def test_date_only_json_ld_takes_the_printed_time() -> None:
    doc = page('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2026-01-08"}</script>')
    result = published_time(doc, "08/01/2026 - 18:21")
    assert (iso(result.value), result.source) == ("2026-01-08T18:21:00+07:00", "printed+json-ld")


def test_json_ld_in_a_graph() -> None:
    doc = page('<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},'
               '{"@type":"NewsArticle","datePublished":"2026-01-08T18:21:00+07:00"}]}</script>')
    assert iso(published_time(doc, None).value) == "2026-01-08T18:21:00+07:00"


def test_time_element_and_itemprop() -> None:
    doc = page(body='<div class="article__meta"><time class="time" datetime="2025-06-17T13:43:02+0700">x</time></div>')
    assert published_time(doc, None).source == "time[datetime]"
    doc = page('<meta itemprop="datePublished" content="2025-06-17T13:43:02+07:00">')
    assert published_time(doc, None).source == "meta:itemprop"


def test_printed_only_and_nothing() -> None:
    result = published_time(page(), "Thứ Ba, 08/05/2018, 07:38 [GMT+7]")
    assert (iso(result.value), result.source) == ("2018-05-08T07:38:00+07:00", "printed")
    assert published_time(page(), None) == PublishedTime(None, None, None)
    assert published_time(page(), "Số 5, trang 3") == PublishedTime(None, "Số 5, trang 3", None)


def test_broken_machine_dates_fall_back_to_the_printed_one() -> None:
    doc = page('<meta property="article:published_time" content="not a date">'
               '<script type="application/ld+json">{broken json</script>')
    result = published_time(doc, "08/05/2018 07:38")
    assert (iso(result.value), result.source) == ("2018-05-08T07:38:00+07:00", "printed")


def test_a_page_that_disagrees_with_itself_trusts_what_readers_see() -> None:
    doc = page('<script type="application/ld+json">{"datePublished":"2026-01-01"}</script>')
    result = published_time(doc, "08/01/2026 - 18:21")
    assert (iso(result.value), result.source) == ("2026-01-08T18:21:00+07:00", "printed")


# --- machine dates that lie (issue #11, R7) ----------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "expected"), [
    ("3/9/2026 3:29:47 PM", "2026-03-09T15:29:47+07:00"),  # ASP.NET en-US: month first, 12-hour clock
    ("12/31/2025 12:05 AM", "2025-12-31T00:05:00+07:00"),
    ("2026-03-09T15:29:47+0700", "2026-03-09T15:29:47+07:00"),
    ("09/03/2026 15:29", "2026-03-09T15:29:00+07:00"),  # no AM/PM: day first, as Vietnamese pages write
])
def test_parse_machine_date(raw: str, expected: str) -> None:
    assert iso(parse_machine_date(raw)) == expected


def test_meta_name_article_published_time_is_read_month_first() -> None:
    result = published_time(page('<meta name="article:published_time" content="9/11/2021 3:29:47 PM">'), None)
    assert (iso(result.value), result.source) == ("2021-09-11T15:29:47+07:00", "meta:article:published_time")


@pytest.mark.parametrize(("machine", "printed", "expected", "source"), [
    ("2026-03-12T15:28:00Z", "12/03/2026 15:28", "2026-03-12T15:28:00+07:00", "printed (over json-ld)"),  # local time marked Z
    ("2026-12-03T15:28:00+07:00", "12/03/2026 15:28", "2026-03-12T15:28:00+07:00", "printed (over json-ld)"),  # swapped
    ("2026-03-12T08:28:00Z", "12/03/2026 15:28", "2026-03-12T15:28:00+07:00", "json-ld"),  # the same instant
    ("2026-03-12T15:31:00+07:00", "12/03/2026 15:28", "2026-03-12T15:31:00+07:00", "json-ld"),  # minutes apart
])
def test_a_machine_time_that_can_only_be_a_mistake_loses_to_the_printed_one(machine, printed, expected, source) -> None:
    doc = page(f'<script type="application/ld+json">{{"@type":"NewsArticle","datePublished":"{machine}"}}</script>')
    result = published_time(doc, printed)
    assert (iso(result.value), result.source) == (expected, source)
