"""The probe's verdicts for people (a table, a line per fact) and for tools (a JSON report)."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from crawler.probe.verdict import BROKEN, KINDS, Verdict
from crawler.sites import Site

FACT_WIDTH = 60  # longer facts (URLs) are shortened in the middle in the table; the JSON report has them whole


def _fact(verdict: Verdict) -> str:
    subject = verdict.subject.removeprefix("https://").removeprefix("http://")
    text = f"{verdict.fact} {subject}" if subject not in ("", "-") else verdict.fact
    if len(text) > FACT_WIDTH:
        keep = (FACT_WIDTH - 1) // 2
        text = f"{text[:keep]}…{text[-(FACT_WIDTH - 1 - keep):]}"
    return text


def counts(verdicts: list[Verdict]) -> dict[str, int]:
    found = Counter(v.verdict for v in verdicts)
    return {kind: found[kind] for kind in KINDS}


def table(results: dict[Site, list[Verdict]]) -> str:
    """A line per fact under the paper's probe_first (what to look at first), then a count per paper."""
    name_w = max((len(site.name) for site in results), default=5) + 2
    fact_w = max((len(_fact(v)) for verdicts in results.values() for v in verdicts), default=4) + 2
    lines = [f"{'paper':<{name_w}}{'fact':<{fact_w}}{'verdict':<14}detail", "-" * (name_w + fact_w + 20)]
    for site, verdicts in results.items():
        if site.probe_first:
            lines.append(f"{site.name:<{name_w}}{'probe first':<{fact_w}}{'':<14}{site.probe_first}")
        lines += [f"{site.name:<{name_w}}{_fact(v):<{fact_w}}{v.verdict:<14}{v.detail}" for v in verdicts]
    lines.append("")
    for site, verdicts in results.items():
        found = counts(verdicts)
        lines.append(f"{site.name:<{name_w}}" + ", ".join(f"{n} {kind}" for kind, n in found.items() if n))
    return "\n".join(lines)


def report(results: dict[Site, list[Verdict]], *, where: str, user_agent: str, min_words: int) -> dict[str, Any]:
    return {
        "probed_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "where": where,
        "user_agent": user_agent,
        "min_words": min_words,
        "broken": [{"paper": site.name, "fact": v.fact, "subject": v.subject, "detail": v.detail}
                   for site, verdicts in results.items() for v in verdicts if v.verdict == BROKEN],
        "papers": {site.name: {"title": site.title, "probe_first": site.probe_first or None,
                               "unverified": list(site.unverified), "counts": counts(verdicts),
                               "verdicts": [v.to_dict() for v in verdicts]}
                   for site, verdicts in results.items()},
    }


def write_report(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
