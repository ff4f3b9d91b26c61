"""A fetched page, parsed once: its document, its meta tags and its JSON-LD, shared by every field of every
template version that reads it; and what markup says about one element (hidden, a related box, page chrome)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from html import unescape
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import lxml.html
from lxml import etree
from lxml.cssselect import CSSSelector
from w3lib.encoding import html_to_unicode

from crawler.bylines import outlet_keys
from crawler.textnorm import normalize_line

if TYPE_CHECKING:
    from crawler.sites import Site

MAX_HTML_BYTES = 16 * 1024 * 1024  # Scrapy's DOWNLOAD_MAXSIZE in crawler/settings.py
_SELECTORS: dict[str, CSSSelector] = {}
_DOCUMENT_SELECTORS: dict[str, etree.XPath] = {}
# how cssselect starts a selector that begins with an id or a bare class (in each branch of a group), when nothing
# else tests the same element
_ANY_WITH_ID = re.compile(r"(^|\| )descendant-or-self::\*\[@id = ('[^']*')\](?=/|$| \|)")
_ANY_WITH_CLASS = re.compile(r"(^|\| )descendant-or-self::\*\[@class and contains\(@class, ('[^']*')\) and "
                             r"contains\(concat\(' ', normalize-space\(@class\), ' '\), ('[^']*')\)\](?=/|$| \|)")


class NoArticle(Exception):
    """The page holds no article (a listing, a contact page, a soft 404, a page too broken to read)."""


def css(selector: str) -> CSSSelector:
    """A compiled CSS selector, compiled once per process."""
    compiled = _SELECTORS.get(selector)
    if compiled is None:
        compiled = _SELECTORS[selector] = CSSSelector(selector)
    return compiled


def document_selector(selector: str) -> etree.XPath:
    """css() for a whole document, faster where a selector starts with an id or a bare class: libxml2 tests every
    element's attributes for ``*[@id = 'x']`` (0.9 ms on a 100 KB page) but walks the attributes alone for
    ``//@id[. = 'x']/..`` (0.06 ms); same elements, same order, duplicate ids included."""
    compiled = _DOCUMENT_SELECTORS.get(selector)
    if compiled is None:
        path = _ANY_WITH_ID.sub(r"\1//@id[. = \2]/..", css(selector).path)
        path = _ANY_WITH_CLASS.sub(r"\1//@class[contains(., \2) and contains(concat(' ', normalize-space(.), ' '), \3)]/..",
                                   path)
        compiled = _DOCUMENT_SELECTORS[selector] = etree.XPath(path)
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
            found = self._selected[selector] = document_selector(selector)(self.doc)
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
        "og:title"), ("name", "author"), ("itemprop", "datepublished")."""
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
        key = key.lower()
        return self.metas.get(("property", key), []) + self.metas.get(("name", key), [])

    @cached_property
    def jsonld(self) -> list[dict[str, Any]]:
        """Every JSON object of the page's JSON-LD scripts, nested ones and @graph members included."""
        nodes: list[dict[str, Any]] = []
        for script in self.doc.xpath("//script[@type='application/ld+json']/text()"):
            try:
                stack = [json.loads(script, strict=False)]  # raw newlines inside strings are common
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

    def marked(self, attributes: str, mark: re.Pattern[str]) -> list[etree._Element]:
        """Elements, in page order, one of whose attribute values (``attributes``: an XPath union such as
        "//body//@class | //body//@rel") matches ``mark``."""
        found = dict.fromkeys(value.getparent() for value in self.doc.xpath(attributes) if mark.search(value))
        return list(found)

    @cached_property
    def jsonld_articles(self) -> list[dict[str, Any]]:
        """The JSON-LD nodes that describe the article itself (NewsArticle, Article, …), in page order."""
        return [n for n in self.jsonld if _ARTICLE_TYPES & {t.lower() for t in _types(n)}]

    @cached_property
    def outlet_keys(self) -> frozenset[str]:
        """What the outlet calls itself on this page (crawler.bylines.outlet_keys): its hosts, og:site_name and
        the like, the JSON-LD publisher, the paper's registry title. A byline equal to one is no person."""
        hosts = [urlsplit(self.url).hostname or "", *(self.site.all_domains if self.site else ())]
        names = [v for key in _OUTLET_META for v in self.meta_values(key)]
        for node in self.jsonld:
            publishers = node.get("publisher")
            for publisher in publishers if isinstance(publishers, list) else [publishers]:
                if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                    names.append(publisher["name"])
            if _ORGANIZATION_TYPES & {t.lower() for t in _types(node)} and isinstance(node.get("name"), str):
                names.append(node["name"])
        if self.site:
            names.append(self.site.title)
        return outlet_keys(hosts, [unescape(n) for n in names])

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
    # OneCMS writes it with name= too, in US order (crawler.dates.parse_machine_date reads that month first)
    ("meta:article:published_time", (("property", "article:published_time"), ("name", "article:published_time"))),
    ("meta:itemprop", (("itemprop", "datepublished"),)),
    ("meta:pubdate", (("name", "pubdate"), ("name", "publishdate"), ("name", "dc.date.issued"))),
)
_ARTICLE_TYPES = frozenset({"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
                            "backgroundnewsarticle", "blogposting", "webpage"})
_ORGANIZATION_TYPES = frozenset({"organization", "newsmediaorganization"})
_OUTLET_META = ("og:site_name", "application-name", "apple-mobile-web-app-title", "publisher", "copyright")


def _types(node: dict[str, Any]) -> list[str]:
    kind = node.get("@type", [])
    return [t for t in (kind if isinstance(kind, list) else [kind]) if isinstance(t, str)]


def jsonld_text(value: Any) -> str:
    """A JSON-LD string as a reader would see it: some CMSs write HTML entities inside JSON ("L&#202; MINH")."""
    return normalize_line(unescape(value)) if isinstance(value, str) else ""


# --- what markup says about one element ------------------------------------------------------------------------
# The body walker skips such elements, and a lead or byline candidate must not sit inside one.

# page chrome by class: related lists, share and comment bars, ads, tags (inside the article container too)
CHROME_CLASS = re.compile(
    r"related|relate|lienquan|share|social|comment|rating|binhluan|banner|advert|toolbar|print|breadcrumb|"
    r"\bads?\b|\btags?\b|keyword", re.I)
_CHROME_TAGS = frozenset({"aside", "nav", "footer"})
# boxes of other articles named by an attribute other than class: VCCorp's <div type="RelatedOneNews">, Dân trí's
# <article data-content-name="article-related">, VnExpress's data-component-type="tin_xemthem"
_RELATED_NAME = re.compile(r"related|relate|lienquan|xemthem|readmore|read-more|doc-?tiep|onenews|newsbox|box-?news|"
                           r"tin-?khac|same-?cate|cungchuyenmuc", re.I)
_NAMING_ATTRIBUTES = frozenset({"id", "type", "data-type", "data-component-type", "data-content-name", "data-role",
                                "data-slot", "relatednewsboxtype"})
# whole class tokens only: responsive classes (hidden-xl, h-show-mobile) hide nothing from a desktop reader
_HIDDEN_CLASSES = frozenset({"d-none", "hidden", "hide", "is-hidden", "invisible", "sr-only", "visually-hidden",
                             "display-none"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def set_apart(el: etree._Element) -> bool:
    """Marked by its own attributes as no article text: page chrome by class, hidden from readers (the hidden or
    aria-hidden attribute, a hiding class token, an inline style) or a box of related articles. One pass over the
    element's attributes: the body walker asks this of every element."""
    for name, value in el.items():
        if name == "class":
            if CHROME_CLASS.search(value) or not _HIDDEN_CLASSES.isdisjoint(value.split()):
                return True
        elif name == "style":
            if _HIDDEN_STYLE.search(value):
                return True
        elif name == "hidden" or name == "aria-hidden" and value == "true":
            return True
        elif name in _NAMING_ATTRIBUTES and _RELATED_NAME.search(value):
            return True
    return False


def in_chrome(el: etree._Element) -> bool:
    """The element or one of its ancestors is set apart (hidden, a related box, page chrome) or an aside, nav or
    footer: nothing in there is the article's lead or byline."""
    for node in (el, *el.iterancestors()):
        if node.tag in ("body", "html"):
            return False
        if node.tag in _CHROME_TAGS or set_apart(node):
            return True
    return False
