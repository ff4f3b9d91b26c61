"""Vietnamese news timestamps -> exact aware datetimes in +07:00.

``parse_date`` reads one printed string. A fast exact path (regular expressions over a normalised string)
handles the forms the papers print; dateparser, built once with day-first order, is only the fallback.
``published_time`` picks an article's published time from a page, machine-readable sources first.

Design notes:
- Day first, always: Vietnamese pages never print month-first dates, so 12/11/2024 is 12 November.
- ``GMT+7`` means seven hours *ahead* of UTC. dateutil reads it POSIX-style (UTC-7); we never hand such
  strings to it.
- An impossible date (30/02) gives None instead of a guess.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from typing import Any

VN_TZ = timezone(timedelta(hours=7), "+07:00")

# Longest input we look at; anything longer is a page, not a timestamp.
_MAX_LEN = 400
_MAX_FALLBACK_LEN = 120

_SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u200b\u200c\u200d\ufeff]+")

_ISO = re.compile(
    r"(?<!\d)(\d{4})-(\d{2})-(\d{2})"
    r"(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(z|[+-]\d{2}:?\d{2})?)?(?!\d)"
)
_DMY = re.compile(r"(?<![\d/.-])(\d{1,2})\s?([/.-])\s?(\d{1,2})\s?\2\s?(\d{4})(?!\d)")
_NGAY_THANG = re.compile(
    r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2}|[a-zà-ỹđ]+(?:\s+(?:một|hai))?)\s*(?:năm|,)?\s*(\d{4})(?!\d)"
)
# "tháng Chín 12, 2024" / "12 tháng 9, 2024" / "12 tháng 9 năm 2024"
_D_THANG = re.compile(r"(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2}|[a-zà-ỹđ]+)\s*(?:năm|,)?\s*(\d{4})(?!\d)")
_TIME = re.compile(
    r"(?<![\d:/.])([01]?\d|2[0-3])\s?(?::|h(?=\d{2}))\s?([0-5]\d)(?::([0-5]\d))?(?![\d:])"
    r"(?:\s*(sa|ch|am|pm|a\.m\.|p\.m\.)(?![a-zà-ỹđ]))?"
)
_TZ = re.compile(r"[\[(]?\s*(?:gmt|utc)\s*(?:([+-])\s*(\d{1,2})(?::?(\d{2}))?)?\s*[\])]?")
# only right after a time ("07:38:00+0700"), so "29-12-2023" never yields an offset
_NUM_OFFSET = re.compile(r"(?<=:\d\d)\s?([+-])(\d{2}):?(\d{2})(?!\d)")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_RELATIVE = re.compile(r"(\d+)\s*(giây|phút|giờ|tiếng|ngày|tuần|tháng|năm)\s*(?:trước|qua)")

_MONTH_WORDS = {
    "một": 1, "giêng": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7,
    "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12,
}


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower()
    return _SPACES.sub(" ", text).strip()


def _month(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    return _MONTH_WORDS.get(token.strip())


def _make_date(day: int, month: int | None, year: int) -> date | None:
    if month is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _find_date(s: str) -> tuple[date | None, tuple[int, int] | None]:
    """First calendar date in ``s`` and the span it covers (None when the text holds none)."""
    for pattern in (_DMY, _NGAY_THANG, _D_THANG):
        m = pattern.search(s)
        if m:
            if pattern is _DMY:
                d = _make_date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
            else:
                d = _make_date(int(m.group(1)), _month(m.group(2)), int(m.group(3)))
            return d, m.span()
    return None, None


def _find_time(s: str) -> time | None:
    m = _TIME.search(s)
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2))
    second = int(m.group(3) or 0)
    marker = (m.group(4) or "").replace(".", "")
    if marker:
        if not 1 <= hour <= 12:
            return None
        if marker in ("ch", "pm") and hour != 12:
            hour += 12
        elif marker in ("sa", "am") and hour == 12:
            hour = 0
    return time(hour, minute, second)


def _find_offset(s: str) -> tuple[timedelta | None, str]:
    """The UTC offset the text names, and the text with it removed (so "+7" is never read as a number)."""
    m = _TZ.search(s)
    if m and (m.group(1) or "gmt" in m.group(0) or "utc" in m.group(0)):
        sign, hours, minutes = m.group(1), m.group(2), m.group(3)
        offset = timedelta(0)
        if sign:
            offset = timedelta(hours=int(hours), minutes=int(minutes or 0))
            offset = -offset if sign == "-" else offset
        return offset, s[: m.start()] + " " + s[m.end():]
    m = _NUM_OFFSET.search(s)
    if m:
        offset = timedelta(hours=int(m.group(2)), minutes=int(m.group(3)))
        return (-offset if m.group(1) == "-" else offset), s[: m.start()] + " " + s[m.end():]
    return None, s


def _combine(d: date, t: time, offset: timedelta | None) -> datetime | None:
    if offset is not None and abs(offset) > timedelta(hours=14):
        return None
    tz = VN_TZ if offset is None else timezone(offset)
    return datetime.combine(d, t, tzinfo=tz).astimezone(VN_TZ)


_INVALID = object()  # a date-shaped string that is no real day: answer None at once, never guess


def _parse_iso(s: str, offset: timedelta | None) -> datetime | date | object | None:
    m = _ISO.search(s)
    if not m:
        return None
    d = _make_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    if d is None:
        return _INVALID
    if m.group(4) is None:
        return d
    t = time(int(m.group(4)), int(m.group(5)), int(m.group(6) or 0))
    zone = m.group(7)
    if zone is None:
        pass  # the offset found elsewhere in the text, or local time
    elif zone == "z":
        offset = timedelta(0)
    else:
        offset = timedelta(hours=int(zone[1:3]), minutes=int(zone[-2:]))
        offset = -offset if zone[0] == "-" else offset
    return _combine(d, t, offset)


def _parse_relative(s: str, now: datetime) -> datetime | date | None:
    if "vừa xong" in s or "vừa đăng" in s or "mới đây" in s:
        return now
    day = None
    if "hôm nay" in s:
        day = now.date()
    elif "hôm qua" in s:
        day = now.date() - timedelta(days=1)
    elif "hôm kia" in s:
        day = now.date() - timedelta(days=2)
    if day is not None:
        t = _find_time(s)
        return _combine(day, t, None) if t else day
    m = _RELATIVE.search(s)
    if not m:
        return None
    n, unit = int(m.group(1)), m.group(2)
    if unit in ("giây", "phút", "giờ", "tiếng"):
        seconds = {"giây": 1, "phút": 60, "giờ": 3600, "tiếng": 3600}[unit] * n
        return now - timedelta(seconds=seconds)
    days = {"ngày": 1, "tuần": 7}.get(unit)
    if days:
        return (now - timedelta(days=days * n)).date()
    months = n * (12 if unit == "năm" else 1)
    y, mth = divmod(now.year * 12 + now.month - 1 - months, 12)
    return _make_date(min(now.day, 28), mth + 1, y)


def parse_date(text: str, *, now: datetime | None = None) -> datetime | date | None:
    """Parse one printed Vietnamese timestamp.

    Returns an aware ``datetime`` in +07:00 when the text has a time, a ``date`` when it has only a date,
    and ``None`` when it holds no valid date. Never raises.
    """
    try:
        return _parse(text, now)
    except Exception:  # noqa: BLE001 - a date string must never stop a crawl
        return None


def _parse(text: str, now: datetime | None) -> datetime | date | None:
    if not isinstance(text, str) or not text or len(text) > _MAX_LEN:
        return None
    s = _normalise(text)
    if not s:
        return None
    offset, s = _find_offset(s)
    iso = _parse_iso(s, offset)
    if iso is not None:
        return None if iso is _INVALID else iso
    d, span = _find_date(s)
    if d is None and span is not None:
        return None  # a date-shaped string that is not a real day (30/02): no guess
    if d is not None:
        t = _find_time(s[: span[0]] + " " + s[span[1]:])
        return _combine(d, t, offset) if t else d
    now = (now or datetime.now(VN_TZ)).astimezone(VN_TZ)
    relative = _parse_relative(s, now)
    if relative is not None:
        return relative
    # dateparser only for short strings that name a year: it reads "Số 5" as the 5th of this month
    return _fallback(s) if len(s) <= _MAX_FALLBACK_LEN and _YEAR.search(s) else None


@lru_cache(maxsize=1)
def _date_parser() -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["vi", "en"],
        settings={"DATE_ORDER": "DMY", "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True},
    )


def _fallback(s: str) -> datetime | date | None:
    """dateparser, for forms the exact path does not know (it returns naive local times)."""
    data = _date_parser().get_date_data(s)
    value = data.date_obj if data else None
    if value is None:
        return None
    if data.period == "time":
        if value.tzinfo is None:
            return value.replace(tzinfo=VN_TZ)
        return value.astimezone(VN_TZ)
    return value.date()


# --------------------------------------------------------------------------------------------------------
# An article's published time, from everything a page says about it.

# ASP.NET's en-US machine format ("3/9/2026 3:29:47 PM", OneCMS's meta article:published_time): month first and a
# 12-hour clock. Only machine strings are read this way: Vietnamese pages print the day first.
_US_MACHINE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]m)\s*$", re.I)


def parse_machine_date(text: str) -> datetime | date | None:
    """Parse a machine-readable date (meta tag, JSON-LD, time[datetime]): ISO 8601 and the like as parse_date does,
    and the en-US "M/D/YYYY h:mm:ss AM|PM" form month first."""
    m = _US_MACHINE.match(text) if isinstance(text, str) else None
    if not m:
        return parse_date(text)
    month, day, year, hour, minute = (int(g) for g in m.groups()[:5])
    if not 1 <= hour <= 12:
        return None
    hour = hour % 12 + (12 if m.group(7).lower() == "pm" else 0)
    d = _make_date(day, month, year)
    return _combine(d, time(hour, minute, int(m.group(6) or 0)), None) if d else None


def _written_clock(text: str) -> datetime | None:
    """The wall clock an ISO string writes, before its zone is applied ("2026-03-12T15:28:00Z" -> 15:28)."""
    m = _ISO.search(_normalise(text))
    if not m or m.group(4) is None:
        return None
    try:
        return datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)), int(m.group(4)), int(m.group(5)))
    except ValueError:
        return None


def _machine_is_wrong(machine: datetime, raw: str, printed: datetime) -> bool:
    """A machine time that disagrees with the printed one in a way only a mistake explains: it writes the printed
    wall clock under another zone (local time marked Z), or it swaps the printed day and month."""
    ours, theirs = machine.astimezone(VN_TZ), printed.astimezone(VN_TZ)
    if ours.replace(second=0, microsecond=0) == theirs.replace(second=0, microsecond=0):
        return False
    wall = theirs.replace(tzinfo=None, second=0, microsecond=0)
    if _written_clock(raw) == wall:
        return True
    swapped = (ours.day, ours.month) == (theirs.month, theirs.day) and ours.day != ours.month
    return swapped and ours.year == theirs.year and ours.time().replace(second=0, microsecond=0) == wall.time()


@dataclass(frozen=True)
class PublishedTime:
    """The chosen value, the printed string as found on the page, and which source won."""

    value: datetime | date | None
    raw: str | None
    source: str | None


def published_time(machine: list[tuple[str, str]], printed: str | None) -> PublishedTime:
    """Pick the published time from the page's machine-readable dates ((source, string) pairs, most trusted
    first: crawler.templates.page.Page.machine_dates) and its printed string: machine-readable first, the
    printed string next, both combined when one gives only the day (JSON-LD "2026-01-08" + printed
    "08/01/2026 - 18:21" -> 18:21). A machine time that can only be a mistake (the printed wall clock under a
    wrong zone, day and month swapped) loses to the printed one."""
    printed_value = parse_date(printed) if printed else None
    for source, raw_value in machine:
        value = parse_machine_date(raw_value)
        if value is None:
            continue
        if isinstance(value, datetime):
            if isinstance(printed_value, datetime) and _machine_is_wrong(value, raw_value, printed_value):
                return PublishedTime(printed_value, printed, f"printed (over {source})")
            return PublishedTime(value, printed, source)
        if isinstance(printed_value, datetime) and printed_value.date() == value:
            return PublishedTime(printed_value, printed, f"printed+{source}")
        if printed_value is None or printed_value == value:
            return PublishedTime(value, printed, source)
        break  # the page disagrees with itself: trust what a reader sees
    if printed_value is not None:
        return PublishedTime(printed_value, printed, "printed")
    return PublishedTime(None, printed, None)
