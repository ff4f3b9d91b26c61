"""html + url (+ site record) -> Article. A pure function with no Scrapy imports, so the crawl, `vnnews extract`
and re-extraction of stored pages all run the same code.

The page is parsed once (crawler.templates.page.Page); the template version it fits (crawler.templates) says where
its title, lead, printed date, body, byline, section and tags are, and a block walker keeps paragraphs and captions
in order. A page no version fits goes down the generic path: trafilatura finds the main text. Either way the
Vietnamese rules then run: boilerplate lines out, captions once, lead prefix split off, bylines and source lines
moved out of the body and recorded (crawler.bylines: never an outlet as the author), dates via crawler.dates, the
canonical URL never a share link. The record names the template version that read it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime
from html import unescape
from urllib.parse import urljoin, urlsplit

from lxml import etree

from archive.record import Article, Image
from crawler.boilerplate import is_boilerplate
from crawler.bylines import MAX_BYLINE, Byline, clean_byline, merge_names, name_key
from crawler.dates import PublishedTime, parse_date, published_time
from crawler.sites import Site, site_for_url
from crawler.templates import NoArticle, Page, Template, choose
from crawler.templates.page import parse_html, set_apart
from crawler.urls import is_share_link, normalize_url
from crawler.textnorm import fold, normalize_line, normalize_text, split_lead_prefix

__all__ = ["EXTRACTOR_VERSION", "NoArticle", "Reading", "extract", "parse_html", "published_at_of", "read_page",
           "content_hash"]

# The version of the rules every template shares (this module); a record also names its template version.
EXTRACTOR_VERSION = "2.1"
MIN_BODY_WORDS = 40
GENERIC = Template.name()  # the template name of a page no version fits (the generic path)


@dataclass
class _Block:
    text: str
    links_only: bool  # every character of the block is link text: a related-links list, a tag cloud


_SKIP_TAGS = {"script", "style", "noscript", "form", "iframe", "button", "input", "select", "textarea", "nav",
              "aside", "svg", "header", "footer", "video", "audio", "object", "embed"}
_TEXT_TAGS = {"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt"}
_CAPTION_CLASS = re.compile(r"caption|desc|chuthich", re.I)
_RELATED_HEADINGS = {"tin liên quan", "bài liên quan", "tin cùng chuyên mục", "có thể bạn quan tâm", "đọc thêm",
                     "xem thêm", "tin khác", "bài viết khác"}
_AUTHOR_LABEL = re.compile(r"^tác giả(?: bài viết)?\s*:", re.I)
_SOURCE_LABEL = re.compile(r"^(?:nguồn|theo)(?:\s*:\s*|\s+)", re.I)
_STAR_BYLINE = re.compile(r"^\*\s*(?P<name>[^,]+)")
_GENERIC_SUFFIX = re.compile(r"\s+[-|–—]\s+(?:báo|tạp chí|cổng)\s.*$", re.I)
def extract(html: bytes | str, url: str, site: Site | None = None, *, content_type: str | None = None,
            fetched_at: datetime | None = None, requested_url: str | None = None) -> Article:
    """Extract the article of one page. The paper is the one whose domain serves ``url`` (else ``site``).
    ``fetched_at`` (when the page was fetched or captured) helps choose the template version its markup belongs
    to; ``requested_url`` is the URL asked for before redirects (kept in former_urls). Raises NoArticle when the
    page holds none."""
    page = Page.parse(html, url, site_for_url(url) or site, content_type=content_type, fetched_at=fetched_at)
    return _Extraction(page, requested_url).article()


@dataclass
class Reading:
    """What the extractor makes of one page: the template version that reads it, the family its paper's era expects
    (None: no era's URL pattern matches) and the article, or why there is none."""

    template: str | None  # "yyyymm/v2"; "generic" when no version fits; None when the page could not be parsed
    expected_family: str | None
    article: Article | None
    reason: str | None = None

    @property
    def drift(self) -> bool:
        """The era expects a family with known markup, and no version of it fits the page."""
        return self.expected_family not in (None, GENERIC) and self.template == GENERIC


def read_page(html: bytes | str, url: str, site: Site | None = None, *, content_type: str | None = None,
              fetched_at: datetime | None = None, requested_url: str | None = None) -> Reading:
    """``extract``, keeping the template choice beside the article, also for a page that holds none
    (`vnnews probe` reports drift on every page it reads)."""
    try:
        page = Page.parse(html, url, site_for_url(url) or site, content_type=content_type, fetched_at=fetched_at)
    except NoArticle as exc:
        return Reading(None, None, None, str(exc))
    extraction = _Extraction(page, requested_url)
    reading = Reading(extraction.template.name(), extraction.expected_family, None)
    try:
        reading.article = extraction.article()
    except NoArticle as exc:
        reading.reason = str(exc)
    return reading


def published_at_of(html: bytes | str, url: str, site: Site | None = None) -> str | None:
    """Only the published time of a page (ISO), for tools that need the date alone; None when it has none."""
    try:
        page = Page.parse(html, url, site or site_for_url(url))
    except NoArticle:
        return None
    return _iso(_Extraction(page).published().value)


def _iso(value: datetime | date | None) -> str | None:
    """A datetime to the minute (the papers print no seconds worth keeping), a bare date as the day."""
    if value is None:
        return None
    return value.isoformat(timespec="minutes") if isinstance(value, datetime) else value.isoformat()


class _Extraction:
    def __init__(self, page: Page, requested_url: str | None = None):
        self.page, self.doc, self.url, self.site = page, page.doc, page.url, page.site
        self.requested_url = requested_url
        version, self.expected_family = choose(page)
        self.template: Template = version(page)
        self.author: str | None = None
        self.source: str | None = None

    # -- the pieces ------------------------------------------------------------------------------------

    def title(self) -> str:
        title = self.template.title() or ""
        for suffix in self.site.title_suffixes if self.site else ():
            title = title.removesuffix(suffix)
        title = _GENERIC_SUFFIX.sub("", title).strip()
        # "… - Tin Kinh Tế" on tinkinhte.vn: a last part that is the outlet's own name
        head, separator, tail = title.rpartition(" - ") if " - " in title else title.rpartition(" | ")
        return head.strip() if separator and head and name_key(tail) in self.page.outlet_keys else title

    def canonical_url(self) -> str:
        """The first URL the page gives for itself that is no share link and on the paper's domains; else the URL
        it was fetched under, tracking parameters removed."""
        for href in self.template.canonical_urls():
            absolute = urljoin(self.url, unescape(href))  # judged as given: a tagged og:url is a share link
            if not is_share_link(absolute) and (self.site is None or self.site.owns(absolute)):
                return normalize_url(absolute)
        return normalize_url(self.url)

    def lead(self) -> tuple[str | None, str | None]:
        """(prefix, lead). A "* NAME, title …" byline printed at the start of the lead moves to the author."""
        el = self.template.lead_element()
        if el is None:
            return None, None
        strong = el.xpath("(.//strong|.//b)[1]")
        text = normalize_line(el.text_content())
        if strong:
            marked = normalize_line(strong[0].text_content())
            star = _STAR_BYLINE.match(marked)
            if star and text.startswith(marked):
                self._credit(clean_byline(star.group("name"), self.page.outlet_keys, slot=True))
                text = text[len(marked):].strip()
        if not text:
            return None, None
        known = self.site.lead_prefixes if self.site else ()
        return split_lead_prefix(text, known)

    def printed_date(self) -> str | None:
        text = self.template.printed_date()
        if text:
            # "HOÀNG SA 06:59, 02/02/2024": the reporter's name before the time is the byline
            before = re.split(r"\d", text, maxsplit=1)[0].strip(" ,-|")
            if before and before.isupper() and 1 <= len(before.split()) <= 5:
                self._credit(clean_byline(before, self.page.outlet_keys, slot=True))
        return text

    def published(self) -> PublishedTime:
        return published_time(self.page.machine_dates, self.printed_date())

    def _lead_from_first_paragraph(self, paragraphs: list[str]) -> tuple[str | None, str | None]:
        """No lead element: a first paragraph that opens with the paper's tag ("(Baothanhhoa.vn) - …") or
        repeats the page's description is the lead."""
        if not paragraphs:
            return None, None
        known = self.site.lead_prefixes if self.site else ()
        prefix, rest = split_lead_prefix(paragraphs[0], known)
        description = self.page.meta.get("description") or self.page.meta.get("og:description")
        if prefix or (description and fold(rest)[:60] == fold(description)[:60]):
            paragraphs.pop(0)
            return prefix, rest
        return None, None

    # -- the body --------------------------------------------------------------------------------------

    def body_blocks(self) -> tuple[list[_Block], list[Image]]:
        container = self.template.body_element()
        if container is None:
            return self._generic_blocks(), []
        for br in container.iter("br"):
            br.tail = "\n" + (br.tail or "")
        blocks: list[_Block] = []
        images: list[Image] = []
        self._walk(container, blocks, images)
        return blocks, images

    def _walk(self, el: etree._Element, blocks: list[_Block], images: list[Image]) -> None:
        if el.text and el.text.strip():
            blocks.append(_Block(el.text, False))
        for child in el:
            if not isinstance(child.tag, str):
                pass
            elif _skipped(child):
                pass
            elif _is_image_block(child):
                image = self._image(child)
                if image:
                    images.append(image)
            elif child.tag in _TEXT_TAGS or not _has_block_children(child):
                for img in child.iter("img"):
                    images.append(Image(urljoin(self.url, img.get("src", "")), None))
                blocks.append(_Block(child.text_content(), _links_only(child)))
            else:
                self._walk(child, blocks, images)
            if isinstance(child.tag, str) and child.tail and child.tail.strip():
                blocks.append(_Block(child.tail, False))

    def _image(self, el: etree._Element) -> Image | None:
        img = next(el.iter("img"), None)
        if img is None:
            return None
        src = img.get("data-src") or img.get("src") or ""
        caption_els = el.xpath(".//figcaption") or [
            c for c in el.iter() if isinstance(c.tag, str) and c is not el and _CAPTION_CLASS.search(c.get("class", ""))
        ]
        # no marked caption: an image block is small, so its own text is the caption (DNN's tplCaption table)
        caption = normalize_line((caption_els[0] if caption_els else el).text_content())
        return Image(urljoin(self.url, src), caption or None)

    def _generic_blocks(self) -> list[_Block]:
        import trafilatura  # imported here: only unknown templates need it, and it is slow to import

        text = trafilatura.extract(self.page.raw, url=self.url, include_comments=False, include_tables=False,
                                   favor_precision=True, deduplicate=False) or ""
        return [_Block(line, False) for line in text.split("\n")]

    # -- the record ------------------------------------------------------------------------------------

    def article(self) -> Article:
        title = self.title()
        prefix, lead = self.lead()
        when = self.published()
        printed = when.raw
        blocks, images = self.body_blocks()
        captions = {i.caption for i in images if i.caption}
        source_line = self.template.source()  # set apart by the markup: neither body text nor a byline
        paragraphs = self._clean(blocks, {title, lead or "", printed or "", source_line or ""} | captions)
        if lead is None:
            prefix, lead = self._lead_from_first_paragraph(paragraphs)
        else:
            paragraphs = _without_lead_copy(paragraphs, lead)
        self._take_source_line(source_line)
        paragraphs = self._take_byline(paragraphs)
        if self.author is None:
            self.author = self.template.author()
        body = "\n\n".join(paragraphs)
        words = len(body.split())
        if not title:
            raise NoArticle("no title")
        if words < MIN_BODY_WORDS:
            raise NoArticle(f"no article text ({words} words in the body)")
        modified = self.page.meta.get("article:modified_time")
        modified_value = parse_date(modified) if modified else None
        canonical = self.canonical_url()
        site = self.site
        former = [u for u in dict.fromkeys((self.url.split("#")[0], self.requested_url)) if u and u != canonical]
        return Article(
            url=canonical,
            site=site.name if site else None,
            province=site.province if site else None,
            province_before=site.province_before([canonical, *former], prefix, _iso(when.value)) if site else None,
            title=title,
            lead=lead,
            lead_prefix=prefix,
            body=body,
            author=self.author,
            source=self.source,
            published_at=_iso(when.value),
            published_raw=when.raw,
            published_source=when.source,
            modified_at=modified_value.isoformat() if modified_value else None,
            section=self.template.section(),
            tags=list(dict.fromkeys(t for t in self.template.tags() if t)),
            images=_unique_images(images),
            language=(self.doc.get("lang") or "vi").split("-")[0].lower(),
            word_count=words,
            content_hash=content_hash(title, lead, body),
            template=self.template.name(),
            extractor_version=EXTRACTOR_VERSION,
            former_urls=former,
        )

    def _clean(self, blocks: list[_Block], drop: set[str]) -> list[str]:
        paragraphs: list[str] = []
        in_related = False
        for block in blocks:
            for line in normalize_text(block.text).split("\n"):
                line = line.strip()
                if not line:
                    continue
                low = line.lower().rstrip(":")
                if low in _RELATED_HEADINGS:
                    in_related = True
                    continue
                if in_related and block.links_only:
                    continue
                in_related = False
                if is_boilerplate(line) or line in drop:
                    continue
                if paragraphs and paragraphs[-1] == line:
                    continue
                paragraphs.append(line)
        return paragraphs

    def _take_byline(self, paragraphs: list[str]) -> list[str]:
        """Move the bylines and source lines at the end of the body into author and source. Every line taken out
        is recorded: a second byline joins the first, it never replaces or drops it."""
        while paragraphs and len(paragraphs[-1]) <= MAX_BYLINE:  # longer: the text itself
            byline = clean_byline(paragraphs[-1], self.page.outlet_keys)
            if not byline:
                break
            self._credit(byline)
            paragraphs.pop()
        return paragraphs

    def _take_source_line(self, text: str | None) -> None:
        """A source line the markup sets apart ("Nguồn: TTXVN", CafeF's p.source) is the source, whatever it
        looks like; "Tác giả bài viết: …" there is a byline."""
        if not text:
            return
        if _AUTHOR_LABEL.match(text):
            self._credit(clean_byline(text, self.page.outlet_keys))
        else:
            self._credit(Byline(source=_SOURCE_LABEL.sub("", text).strip() or None))

    def _credit(self, byline: Byline) -> None:
        self.author = merge_names(self.author, byline.author)
        self.source = merge_names(self.source, byline.source)


def _skipped(el: etree._Element) -> bool:
    """Never article text: scripts, forms and page chrome, hidden elements, boxes of related articles."""
    return el.tag in _SKIP_TAGS or set_apart(el)


def _without_lead_copy(paragraphs: list[str], lead: str) -> list[str]:
    """The body without a first paragraph that repeats the lead (with or without the paper's tag)."""
    if paragraphs and name_key(split_lead_prefix(paragraphs[0][:100])[1][:60]) == name_key(lead[:60]):
        return paragraphs[1:]
    return paragraphs


def _is_image_block(el: etree._Element) -> bool:
    if el.tag == "figure":
        return True
    if el.tag in ("table", "div") and next(el.iter("img"), None) is not None:
        text_len = len(normalize_line(el.text_content()))
        return text_len < 400 and (el.tag == "table" or bool(re.search(r"image|photo|img|figure", el.get("class", ""), re.I)))
    return False


def _has_block_children(el: etree._Element) -> bool:
    return any(isinstance(c.tag, str) and (c.tag in _TEXT_TAGS or c.tag in ("div", "figure", "table", "ul", "ol", "section"))
               for c in el)


def _links_only(el: etree._Element) -> bool:
    text = "".join(el.itertext()).strip()
    links = "".join("".join(a.itertext()) for a in el.iter("a")).strip()
    return bool(text) and len(links) >= len(text) * 0.9


def _unique_images(images: list[Image]) -> list[Image]:
    seen: dict[str, Image] = {}
    for image in images:
        if image.url and urlsplit(image.url).scheme in ("http", "https"):
            kept = seen.setdefault(image.url, image)
            kept.caption = kept.caption or image.caption
    return list(seen.values())


def content_hash(title: str, lead: str | None, body: str) -> str:
    """sha256 over the normalised text; equal hashes mean the reader sees the same article."""
    text = normalize_text("\n".join((title, lead or "", body)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
