"""Score the extractor on any folder of saved pages labelled by hand, beside bare trafilatura on the same pages.

A folder holds the saved pages and an ``expected.json``: a list with one object per page.

    file                the saved page, relative to the folder
    url                 the URL it was fetched from (it chooses the paper and the template)
    title               the headline as a reader sees it, no site suffix
    published           ISO 8601 to the minute in +07:00, as printed ("2026-03-07T08:01+07:00")
    author              the byline as printed, or null when the page prints none
    author_printed      (optional) another accepted form of the byline
    lead                the first 80 or so characters of the lead (sapo), its paper tag included; null: none
    body_first          the start of the first real paragraph of the body
    body_last           the start of the last real paragraph; body_last_alt (optional) another accepted one
    boilerplate         strings on the page that must reach neither the body nor the lead
    notes               free text; "the name alone is 'X'" also accepts X as the author

Seven fields are scored per page, each right or wrong:

    title         equal after NFC, invisible characters removed and spaces folded
    published     the same minute; a time without an offset is read as +07:00; a bare date never matches
    author        compared case-insensitively (vnnews title-cases ALL-CAPS bylines) with " - ", ",", ";", "&" and
                  " và " between names equal; author, author_printed and the notes' "name alone" form are accepted;
                  an expected null needs no author at all
    lead          prefix-insensitive: the paper tag ("(Dân trí) - ", "QTO - ") is split off both sides and the rest
                  of the expected text must start ours; a different tag is noted, not counted
    body_first    our first paragraph starts with the expected text
    body_last     our last paragraph starts with body_last (or body_last_alt)
    boilerplate   none of the strings occurs in the body or the lead (case-sensitive)

A subhead opening the body: vnnews keeps subheads in the body, because they are article text and because a rule
that dropped a short first line would also drop real first paragraphs. The stored body is plain paragraphs, so the
scorer cannot tell such a subhead from a stray caption or the title of a related box, the very defects body_first is
there to catch. body_first therefore stays strict: the page counts as a miss, the miss is marked "opens with a
subhead-like line", and the report prints beside the total how many pages would pass with that line forgiven.

trafilatura is scored through ``bare_extraction(html, url=url, with_metadata=True)``: its title, date, author,
description as the lead and text (one paragraph per line) as the body.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

FIELDS = ("title", "published", "author", "lead", "body_first", "body_last", "boilerplate")
REQUIRED = ("file", "url", "title", "published", "author", "lead", "body_first", "body_last")
VN = timezone(timedelta(hours=7))


class LabelError(ValueError):
    """The folder's expected.json is missing, is no JSON, or lacks what a label needs."""


# --- what an extractor read ------------------------------------------------------------------------------------


@dataclass
class Reading:
    """What one extractor read from one page; ``error`` when it read nothing."""

    title: str | None = None
    published: str | None = None
    author: str | None = None
    lead_prefix: str | None = None  # the paper tag, when the extractor splits it off itself
    lead: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    error: str | None = None


def read_vnnews(html: bytes, url: str) -> Reading:
    from crawler.extract import NoArticle, extract

    try:
        article = extract(html, url)
    except NoArticle as exc:
        return Reading(error=f"no article: {exc}")
    return Reading(article.title, article.published_at, article.author, article.lead_prefix, article.lead,
                   _paragraphs(article.body, "\n\n"))


def read_trafilatura(html: bytes, url: str) -> Reading:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if doc is None:
        return Reading(error="trafilatura found no text")
    return Reading(doc.title, doc.date, doc.author, None, doc.description, _paragraphs(doc.text or "", "\n"))


EXTRACTORS: dict[str, Callable[[bytes, str], Reading]] = {"vnnews": read_vnnews, "trafilatura": read_trafilatura}


def _paragraphs(text: str, separator: str) -> list[str]:
    return [p for p in text.split(separator) if norm(p)]


# --- comparing ------------------------------------------------------------------------------------------------

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_TAG = re.compile(r"^\s*(?:\(([^()]{2,25})\)\s*[-–—:]?|([A-ZĐ]{2,8})\s*[-–—])\s*")
_AUTHOR_SEPARATORS = re.compile(r"\s*(?:,|;|&|\s[-–—]\s|\svà\s)\s*")
_NAME_ALONE = re.compile(r"name alone is '([^']+)'")
_SUBHEAD_END = re.compile(r"[.…;:,]$")


def norm(text: str | None) -> str:
    """NFC, invisible characters removed, spaces folded."""
    text = unicodedata.normalize("NFC", text or "").translate(_INVISIBLE)
    return " ".join(text.split())


def split_tag(lead: str) -> tuple[str | None, str]:
    """("Dân trí", "Giá vàng …") from "(Dân trí) - Giá vàng …"; (None, lead) without a tag."""
    m = _TAG.match(lead)
    return ((m.group(1) or m.group(2)), lead[m.end():]) if m else (None, lead)


def author_key(name: str | None) -> tuple[str, ...]:
    return tuple(part for part in _AUTHOR_SEPARATORS.split(norm(name).casefold()) if part)


def accepted_authors(label: dict) -> list[str]:
    forms = [label.get("author"), label.get("author_printed"), *_NAME_ALONE.findall(label.get("notes") or "")]
    return [f for f in forms if f]


def minute(value: str | None) -> tuple[str | None, str]:
    """An ISO string to the minute in +07:00, and a note: ("2026-03-07T08:01+07:00", "") or (None, "day only")."""
    text = (value or "").strip()
    if not text:
        return None, "none"
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            date.fromisoformat(text[:10])
        except ValueError:
            return None, "unreadable"
        return None, "day only"
    if len(text) <= 10:
        return None, "day only"
    note = "" if when.tzinfo else "no offset, read as +07:00"
    return (when if when.tzinfo else when.replace(tzinfo=VN)).astimezone(VN).strftime("%Y-%m-%dT%H:%M+07:00"), note


@dataclass(frozen=True)
class Verdict:
    ok: bool
    expected: str
    got: str
    note: str = ""


def score_page(label: dict, reading: Reading) -> dict[str, Verdict]:
    """The seven verdicts of one page."""
    if reading.error:
        return {name: Verdict(False, "", reading.error) for name in FIELDS}
    return {name: check(label, reading) for name, check in _CHECKS.items()}


def _title(label: dict, r: Reading) -> Verdict:
    return Verdict(norm(r.title) == norm(label["title"]), _show(label["title"]), _show(r.title))


def _published(label: dict, r: Reading) -> Verdict:
    got, note = minute(r.published)
    return Verdict(got is not None and got == minute(label["published"])[0], label["published"], repr(r.published),
                   note)


def _author(label: dict, r: Reading) -> Verdict:
    forms = accepted_authors(label)
    ok = author_key(r.author) in {author_key(f) for f in forms} if forms else not norm(r.author)
    return Verdict(ok, " | ".join(map(repr, forms)) or "None", _show(r.author))


def _lead(label: dict, r: Reading) -> Verdict:
    got_tag, got_rest = (r.lead_prefix, norm(r.lead)) if r.lead_prefix else split_tag(norm(r.lead))
    shown = _show(f"({r.lead_prefix}) {r.lead}" if r.lead_prefix else r.lead)
    if label["lead"] is None:
        return Verdict(not got_rest, "None", shown)
    tag, rest = split_tag(norm(label["lead"]))
    ok = bool(got_rest) and got_rest.startswith(rest)
    note = f"tag differs: expected {tag!r}, got {got_tag!r}" if ok and _tag_key(tag) != _tag_key(got_tag) else ""
    return Verdict(ok, _show(label["lead"]), shown, note)


def _tag_key(tag: str | None) -> str:
    return re.sub(r"[\s().\-–—:]", "", tag or "").casefold()


def _body_first(label: dict, r: Reading) -> Verdict:
    wanted = norm(label["body_first"])
    first = norm(r.paragraphs[0]) if r.paragraphs else ""
    note = ""
    if not first.startswith(wanted) and len(r.paragraphs) > 1 and norm(r.paragraphs[1]).startswith(wanted):
        note = "opens with a subhead-like line; " if subhead_like(first) else ""
        note += "the expected paragraph is our 2nd"
    return Verdict(bool(first) and first.startswith(wanted), _show(label["body_first"]), _show(first or None), note)


def _body_last(label: dict, r: Reading) -> Verdict:
    wanted = [norm(label["body_last"])] + ([norm(label["body_last_alt"])] if label.get("body_last_alt") else [])
    paragraphs = [norm(p) for p in r.paragraphs]
    ok = bool(paragraphs) and paragraphs[-1].startswith(tuple(wanted))
    return Verdict(ok, " | ".join(map(_show, wanted)), _show(paragraphs[-1] if paragraphs else None),
                   "" if ok else _what_follows(paragraphs, tuple(wanted)))


def _what_follows(paragraphs: list[str], wanted: tuple[str, ...]) -> str:
    """Where the expected last paragraph is, when it is not last: what we kept after it."""
    for back in range(2, min(8, len(paragraphs)) + 1):
        if paragraphs[-back].startswith(wanted):
            return "after the expected paragraph: " + " / ".join(_show(p, 50) for p in paragraphs[-back + 1:])
    return ""


def _boilerplate(label: dict, r: Reading) -> Verdict:
    text = norm("\n".join(r.paragraphs)) + "\n" + norm(r.lead)
    found = [s for s in label.get("boilerplate") or [] if norm(s) and norm(s) in text]
    return Verdict(not found, f"none of {len(label.get('boilerplate') or [])} strings",
                   "found " + ", ".join(map(repr, found)) if found else "none")


_CHECKS: dict[str, Callable[[dict, Reading], Verdict]] = {
    "title": _title, "published": _published, "author": _author, "lead": _lead, "body_first": _body_first,
    "body_last": _body_last, "boilerplate": _boilerplate}


def subhead_like(line: str) -> bool:
    """A short line that ends like no sentence: what a crosshead looks like once the markup is gone."""
    return bool(line) and len(line.split()) <= 25 and not _SUBHEAD_END.search(line)


def _show(text: str | None, width: int = 100) -> str:
    if text is None:
        return "None"
    text = norm(text)
    return repr(text if len(text) <= width else text[:width] + "…")


# --- a folder ------------------------------------------------------------------------------------------------


@dataclass
class PageResult:
    file: str
    readings: dict[str, Reading]
    verdicts: dict[str, dict[str, Verdict]]  # extractor -> field -> verdict


@dataclass
class Evaluation:
    folder: Path
    extractors: list[str]
    pages: list[PageResult]

    def correct(self, extractor: str, name: str) -> int:
        return sum(p.verdicts[extractor][name].ok for p in self.pages)

    def total(self, extractor: str) -> int:
        return sum(self.correct(extractor, name) for name in FIELDS)

    @property
    def possible(self) -> int:
        return len(self.pages) * len(FIELDS)

    def subhead_tolerant(self, extractor: str) -> int:
        """body_first right, or wrong only by a subhead-like line before the expected paragraph."""
        return sum(v.ok or "subhead-like" in v.note for v in (p.verdicts[extractor]["body_first"] for p in self.pages))


def load_labels(folder: Path) -> list[dict]:
    """The labels of a folder's pages, checked: raises LabelError with a one-line reason."""
    path = folder / "expected.json"
    if not path.is_file():
        raise LabelError(f"no expected.json in {folder}")
    try:
        labels = json.loads(path.read_text("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise LabelError(f"{path} is not valid JSON: {exc}") from None
    if not isinstance(labels, list) or not labels:
        raise LabelError(f"{path} must hold a non-empty list of page labels")
    for n, label in enumerate(labels, 1):
        if not isinstance(label, dict):
            raise LabelError(f"{path}: label {n} is not an object")
        missing = [key for key in REQUIRED if key not in label]
        if missing:
            raise LabelError(f"{path}: label {n} ({label.get('file', 'no file')}) lacks {', '.join(missing)}")
        if not (folder / str(label["file"])).is_file():
            raise LabelError(f"{path}: label {n} names {label['file']}, which is not in {folder}")
    return labels


def evaluate(folder: Path, extractors: list[str] | None = None) -> Evaluation:
    """Read every labelled page of the folder with each extractor (default: vnnews and trafilatura) and score it."""
    names = extractors or list(EXTRACTORS)
    pages = []
    for label in load_labels(folder):
        html = (folder / label["file"]).read_bytes()
        readings = {name: EXTRACTORS[name](html, label["url"]) for name in names}
        pages.append(PageResult(label["file"], readings, {n: score_page(label, r) for n, r in readings.items()}))
    return Evaluation(folder, names, pages)


# --- the report ----------------------------------------------------------------------------------------------

_SHORT = {"title": "title", "published": "pub", "author": "author", "lead": "lead", "body_first": "first",
          "body_last": "last", "boilerplate": "boiler"}


def report(result: Evaluation, misses_of: list[str] | None = None) -> str:
    """Per page and per field, each extractor beside the others; then the misses of ``misses_of`` (default: the
    first extractor), each with what was expected and what was read."""
    names = result.extractors
    lines = [f"{result.folder}: {len(result.pages)} pages x {len(FIELDS)} fields = {result.possible}", ""]
    lines += _page_table(result)
    lines += ["", f"{'field':<13}" + "".join(f"{n:>13}" for n in names), "-" * (13 + 13 * len(names))]
    for name in FIELDS:
        lines.append(f"{name:<13}" + "".join(f"{f'{result.correct(n, name)}/{len(result.pages)}':>13}" for n in names))
    lines.append(f"{'total':<13}" + "".join(f"{f'{result.total(n)}/{result.possible}':>13}" for n in names))
    tolerant = ", ".join(f"{n} {result.subhead_tolerant(n)}/{len(result.pages)}" for n in names)
    lines.append(f"(not in the total: body_first with a leading subhead-like line forgiven: {tolerant})")
    for name in misses_of if misses_of is not None else names[:1]:
        lines += ["", *_misses(result, name)]
    return "\n".join(lines)


def _page_table(result: Evaluation) -> list[str]:
    width = max(len(p.file) for p in result.pages)
    marks = " ".join(f"{_SHORT[f]:>6}" for f in FIELDS)
    column = len(marks) + 5  # the marks, then "  7/7"
    lines = [f"{'page':<{width}}" + "".join(f"  {name:<{column}}" for name in result.extractors),
             f"{'':<{width}}" + "".join(f"  {marks:<{column}}" for _ in result.extractors)]
    for page in result.pages:
        row = f"{page.file:<{width}}"
        for name in result.extractors:
            verdicts = page.verdicts[name]
            row += "  " + " ".join(f"{'ok' if verdicts[f].ok else 'MISS':>6}" for f in FIELDS)
            row += f"  {sum(v.ok for v in verdicts.values())}/{len(FIELDS)}"
        lines.append(row)
    return [line.rstrip() for line in lines]


def _misses(result: Evaluation, name: str) -> list[str]:
    found = [(page, f) for page in result.pages for f in FIELDS if not page.verdicts[name][f].ok]
    lines = [f"misses of {name} ({len(found)}):"]
    for page, f in found:
        verdict = page.verdicts[name][f]
        lines += [f"  {page.file}  {f}", f"      expected  {verdict.expected}",
                  f"      got       {verdict.got}" + (f"   [{verdict.note}]" if verdict.note else "")]
    notes = [(page, f) for page in result.pages for f in FIELDS
             if page.verdicts[name][f].ok and page.verdicts[name][f].note]
    lines += [f"  {page.file}  {f}: ok ({page.verdicts[name][f].note})" for page, f in notes]
    return lines if found or notes else [*lines, "  none"]
