"""A fetched page, parsed once: its document, its meta tags and its JSON-LD, shared by every field of every
template version that reads it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

import lxml.html
from lxml import etree
from lxml.cssselect import CSSSelector
from w3lib.encoding import html_to_unicode

from crawler.textnorm import normalize_line

if TYPE_CHECKING:
    from crawler.sites import Site

MAX_HTML_BYTES = 16 * 1024 * 1024  # Scrapy's DOWNLOAD_MAXSIZE in crawler/settings.py
_SELECTORS: dict[str, CSSSelector] = {}


class NoArticle(Exception):
    """The page holds no article (a listing, a contact page, a soft 404, a page too broken to read)."""


def css(selector: str) -> CSSSelector:
    """A compiled CSS selector, compiled once per process."""
    compiled = _SELECTORS.get(selector)
    if compiled is None:
        compiled = _SELECTORS[selector] = CSSSelector(selector)
    return compiled


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Bytes to text. Valid UTF-8 is UTF-8 whatever the page declares (Vietnamese pages often declare
    iso-8859-1 or windows-1258 and send UTF-8); otherwise the declared charset (header, BOM, meta), and for
    a page that claims UTF-8 but is not, windows-1258, the legacy Vietnamese code page."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # a page of UTF-8 with a stray invalid byte or two (a truncated copy-paste) is still UTF-8: one bad byte must
    # not turn the whole article into mojibake. A legacy-encoded page fails on most of its non-ASCII letters.
    text = body.decode("utf-8", errors="replace")
    non_ascii = sum(1 for byte in body if byte > 127)
    if text.count("\ufffd") <= max(3, non_ascii // 100):
        return text
    encoding, text = html_to_unicode(content_type, body)
    if encoding.replace("-", "").lower() in ("utf8", "ascii"):
        return body.decode("cp1258", errors="replace")
    return text


def parse_html(html: bytes | str, content_type: str | None = None) -> etree._Element:
    """Decode and parse. Raises NoArticle on an empty, oversized, truncated or unreadable page."""
    if isinstance(html, bytes):
        if len(html) > MAX_HTML_BYTES:
            raise NoArticle(f"page too large ({len(html):,} bytes > {MAX_HTML_BYTES:,})")
        html = decode_html(html, content_type)
    if not html or not html.strip():
        raise NoArticle("empty page")
    if "</html>" not in html[-4096:].lower() and "</body>" not in html[-8192:].lower():
        raise NoArticle("truncated page: the HTML ends before </body>")
    try:
        return lxml.html.document_fromstring(html, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise NoArticle(f"unparseable HTML: {exc}") from None


# huge_tree: libxml2 stops at 256 levels of nesting by default and drops the rest of the page (the article with it);
# real pages built of nested layout tables and divs go deeper. Size is bounded before parsing (MAX_HTML_BYTES).
_PARSER = lxml.html.HTMLParser(huge_tree=True)


@dataclass
class Page:
    url: str
    doc: etree._Element
    site: Site | None = None
    fetched_at: datetime | None = None  # when the page was fetched or captured: which template version it shows
    raw: bytes | str = field(default=b"", repr=False)  # what trafilatura reads on the generic path
    _selected: dict[str, list] = field(default_factory=dict, repr=False)

    @classmethod
    def parse(cls, html: bytes | str, url: str, site: Site | None = None, *, content_type: str | None = None,
              fetched_at: datetime | None = None) -> Page:
        return cls(url, parse_html(html, content_type), site, fetched_at, html)

    def select(self, selector: str) -> list:
        """Elements matching a CSS selector; each selector scans the document once per page (template markers and
        field selectors overlap)."""
        found = self._selected.get(selector)
        if found is None:
            found = self._selected[selector] = css(selector)(self.doc)
        return found

    def first(self, selectors: tuple[str, ...]) -> list:
        """Elements matched by the first selector that matches anything."""
        for selector in selectors:
            found = self.select(selector)
            if found:
                return found
        return []

    def first_text(self, selectors: tuple[str, ...]) -> str | None:
        for el in self.first(selectors):
            text = normalize_line(el.text_content())
            if text:
                return text
        return None

    @cached_property
    def metas(self) -> dict[tuple[str, str], list[str]]:
        """Every non-empty <meta> content by (attribute, its value in lower case), in page order: ("property",
        "og:title"), ("name", "author"), ("itemprop", "datepublished"). The attribute matters: some CMSs print a
        US-order date under name="article:published_time" beside the real property= one."""
        found: dict[tuple[str, str], list[str]] = {}
        for el in self.doc.iter("meta"):
            content = (el.get("content") or "").strip()
            for attribute in ("property", "name", "itemprop"):
                key = el.get(attribute)
                if key and content:
                    found.setdefault((attribute, key.lower()), []).append(normalize_line(content))
        return found

    @cached_property
    def meta(self) -> dict[str, str]:
        """The first non-empty content of each <meta>, by its property, name or itemprop (lower case)."""
        found: dict[str, str] = {}
        for (_, key), values in self.metas.items():
            found.setdefault(key, values[0])
        return found

    def meta_values(self, key: str) -> list[str]:
        """Every content of a repeated meta tag (article:tag), by property or name."""
        return self.metas.get(("property", key), []) + self.metas.get(("name", key), [])

    @cached_property
    def jsonld(self) -> list[dict[str, Any]]:
        """Every JSON object of the page's JSON-LD scripts, nested ones and @graph members included."""
        nodes: list[dict[str, Any]] = []
        for script in self.doc.xpath("//script[@type='application/ld+json']/text()"):
            try:
                stack = [json.loads(script)]
            except ValueError:
                continue
            while stack:
                node = stack.pop()
                if isinstance(node, list):
                    stack.extend(reversed(node))
                elif isinstance(node, dict):
                    nodes.append(node)
                    stack.extend(v for v in node.values() if isinstance(v, (dict, list)))
        return nodes

    @cached_property
    def machine_dates(self) -> list[tuple[str, str]]:
        """(source, string) pairs from the page's machine-readable date markup, most trusted first."""
        pairs = [(source, v) for source, keys in _META_DATES for key in keys for v in self.metas.get(key, [])]
        pairs += [("json-ld", n["datePublished"]) for n in self.jsonld if isinstance(n.get("datePublished"), str)]
        pairs += [("time[datetime]", el.get("datetime")) for el in self.doc.iter("time")
                  if el.get("datetime") and (el.get("pubdate") is not None or "time" in (el.get("class") or "")
                                             or next(el.iterancestors("article"), None) is not None)]
        pairs += [("itemprop", v) for v in self.doc.xpath("//*[@itemprop='datePublished']/@datetime")]
        return pairs


_META_DATES = (
    ("meta:article:published_time", (("property", "article:published_time"),)),
    ("meta:itemprop", (("itemprop", "datepublished"),)),
    ("meta:pubdate", (("name", "pubdate"), ("name", "publishdate"), ("name", "dc.date.issued"))),
)
