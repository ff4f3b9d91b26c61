"""A verdict on one fact of a paper's record, and its kinds."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

OK = "ok"  # the fact holds
BROKEN = "broken"  # the site says otherwise: the record (or the template) needs a fix
NOW_VERIFIED = "now verified"  # a fact the record marks unverified (U) holds: mark it V in site.py
NOT_CHECKED = "not checked"  # the probe could not tell; the detail says why
KINDS = (BROKEN, NOW_VERIFIED, OK, NOT_CHECKED)


@dataclass
class Verdict:
    fact: str  # domain, robots, redirect, feed, listing, pagination, era, template, extraction, article, articles,
    # lead_prefixes; "unverified" for a fact the record marks U (subject: its name in Site.unverified)
    subject: str  # what it is about: a domain, a URL, an era
    verdict: str  # one of KINDS
    detail: str
    # the record's facts (Site.unverified names) this check bears on, verified or not
    speaks_to: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "speaks_to": list(self.speaks_to)}
