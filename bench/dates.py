"""parse_date against plain dateparser.parse(..., languages=['vi']) on the same strings: speed and answers.

The strings are the test corpus (tests/date_cases.py): every printed form the papers use, with variants,
relative forms and strings that hold no valid date.
"""

from __future__ import annotations

from datetime import date, datetime

import dateparser

from bench.timing import rate, report
from crawler.dates import VN_TZ, parse_date
from tests.date_cases import CASES, NOW

STRINGS = [(text, expected) for text, expected in CASES if len(text) < 200]


def _as_expected(value: datetime | date | None, expected: str | None) -> str | None:
    """Put an answer in the corpus's form: ISO datetime in +07:00, or a bare date when only a date is expected."""
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.replace(tzinfo=VN_TZ) if value.tzinfo is None else value.astimezone(VN_TZ)
        if expected is not None and "T" not in expected:
            return value.date().isoformat()
    return value.isoformat()


def _ours(text: str) -> datetime | date | None:
    return parse_date(text, now=NOW)


def _dateparser(text: str) -> datetime | None:
    return dateparser.parse(text, languages=["vi"], settings={"RELATIVE_BASE": NOW.replace(tzinfo=None)})


def run() -> None:
    rows = []
    for label, function in (("parse_date (vnnews)", _ours), ("dateparser.parse(languages=['vi'])", _dateparser)):
        correct = sum(_as_expected(function(t), e) == e for t, e in STRINGS)
        per_second = rate(lambda f=function: sum(1 for t, _ in STRINGS if f(t) is not None or True), 2.0)
        rows.append({"parser": label, "strings_per_s": per_second, "correct": correct, "strings": len(STRINGS)})
    print(f"{len(STRINGS)} strings (tests/date_cases.py), the same for both\n")
    report("dates", rows, [("parser", "parser", ""), ("strings_per_s", "strings/s", ",.0f"),
                           ("correct", "correct", "d"), ("strings", "of", "d")])
    print(f"\nspeed-up: {rows[0]['strings_per_s'] / rows[1]['strings_per_s']:.0f}x "
          "(goal: at least 50x, with identical or better answers)")
    wrong_ours = [t for t, e in STRINGS if _as_expected(_ours(t), e) != e]
    if wrong_ours:
        print("parse_date is wrong on:", wrong_ours)
