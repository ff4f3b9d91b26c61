"""Who wrote an article. One cleaner for every byline, printed at the end of the text or given by the page's
markup and metadata, and one test for a name that is an outlet, never a person.

    clean_byline("Tin, ảnh:T.H")                  -> Byline("T.H")
    clean_byline("Tin: Lê Minh - Ảnh: Hà Vy")     -> Byline("Lê Minh")                the photographer is not the writer
    clean_byline("Mai Lan (tổng hợp)")            -> Byline("Mai Lan")
    clean_byline("Văn Hoà (TTXVN)")               -> Byline("Văn Hoà", "TTXVN")
    clean_byline("BS LÊ VĂN TÂM")                 -> Byline("Lê Văn Tâm")             titles go, ALL CAPS is title-cased
    clean_byline("LÊ MINH - HÀ VY")               -> Byline("Lê Minh - Hà Vy")
    clean_byline("Theo TTXVN")                    -> Byline(source="TTXVN")
    clean_byline("Theo Lê Minh", slot=True)       -> Byline("Lê Minh")                in an author slot "Theo" names a person

``slot`` says where the text was found. At the end of the body (the default) a line must look like a byline to
be one: a label ("Tin, ảnh:"), a role ("(tổng hợp)") or names of two words or initials; "Theo X" there is always a
source, and so is an outlet signing the text. In an author slot (an author element, JSON-LD, meta tags) the text is
a byline by position, so one-word names and comma-separated lists are accepted, and an outlet there is the site
naming itself: nothing. Either way the outlet's own names (``outlet_keys``) are never an author.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from html import unescape

from crawler.textnorm import normalize_line

MAX_BYLINE = 90  # longer is a sentence
_D = str.maketrans("đĐðÐ", "dDdD")  # Ð and ð are typed for Đ and đ
_NOT_KEY = re.compile(r"[^a-z0-9]")

# "Tin, ảnh:", "Bài và ảnh:", "Thực hiện:", "Tác giả bài viết:"; the colon may have no space after it, or be absent
# ("Bài, ảnh Nguyễn Khánh"), except after a bare "Tin" or "Bài": "Tin Thu" is a name
_LABEL = re.compile(
    r"^(?P<label>(?:bài(?:\s+viết)?|tin|ảnh|clip|video|thực hiện|nhóm pv|tác giả(?:\s+bài viết)?)"
    r"(?:\s*(?:,|và|-|\+|&)\s*(?:ảnh|clip|video))?)(?:\s*(?P<colon>:)\s*|\s+)(?P<rest>.+)$", re.I)
# "Lê Minh - Ảnh: Hà Vy": the credit for the pictures that follows the writer
_CREDIT_TAIL = re.compile(r"\s*[-–—,;|/]\s*(?:ảnh|clip|video|đồ họa|đồ hoạ|thiết kế|trình bày|dựng phim)\s*:.*$", re.I)
_THEO = re.compile(r"^(?:theo|nguồn)\s*(?::\s*|\s+)(?P<rest>.+)$", re.I)
# "(tổng hợp)", "(theo Tin Kinh Tế)", "(TTXVN)" after the name; an acronym or "theo X" is where the text comes from
_ROLE = re.compile(r"\s*[(\[](?P<role>(?i:tổng hợp(?: và biên dịch)?|lược dịch|biên dịch|dịch|st|sưu tầm|ctv|"
                   r"theo\s+[^)\]]+)|[A-ZĐ]{2,8})[)\]]\s*$")
_ACRONYM = re.compile(r"[A-ZĐ]{2,8}")
# professional titles before a name: "BS", "ThS.BS", "PGS.TS", "BS.CK2", "Nhà báo"
_TITLE = re.compile(r"^(?:(?:bs|bsck|ck|ths|ts|pgs|gs|ls|ks|kts|nsnd|nsưt)(?:\s?(?:ii|i|1|2))?(?:\.\s*|\s+))+"
                    r"|^(?:nhà báo|bác sĩ|luật sư|thạc sĩ|tiến sĩ)\s+", re.I)
_NAMES_AT_END = re.compile(r"\s+[-–—]\s+|\s+và\s+")  # a sentence's commas are no list of names
_NAMES_IN_SLOT = re.compile(r"\s+[-–—]\s+|\s+và\s+|\s*[,;&]\s*")
_NOT_IN_A_NAME = re.compile(r"[.,;:!?()\[\]\"“”/\d]")
_INITIALS = re.compile(r"(?:[^\W\d_]{1,2}\.\s?){1,4}[^\W\d_]{0,2}\.?")

# --- outlets ------------------------------------------------------------------------------------------------
_DOMAIN = re.compile(r"https?://|www\.|\.(?:vn|com|net|org|info|gov|edu)\b", re.I)
# matched on the lower-cased text with its marks: folding would turn the given name Bảo into "bao" (báo)
_OUTLET_START = re.compile(r"^(?:báo|tạp chí|đài|cổng thông tin|trang tin|thông tấn xã|ban biên tập|tòa soạn|"
                           r"toà soạn)(?:\s|$)")
_OUTLET_WORD = re.compile(r"(?:^|[\s(])(?:online|news|newspaper|magazine|media|corp|vccorp|ttxvn|ban biên tập|"
                          r"tòa soạn|toà soạn|admin)(?=$|[\s),.])")
_PLACEHOLDERS = frozenset({"butdanh", "tacgia", "author", "admin", "administrator", "none", "null", "undefined",
                           "unknown", "internet", "tonghop", "suutam", "st", "ctv", "pv", "phongvien", "bbt"})
_NOT_NAMES = frozenset({"vn", "com", "net", "org", "gov", "edu", "info", "www", "amp", "mobile", "online"})


@dataclass(frozen=True)
class Byline:
    """What a byline says: who wrote the text and where it comes from (either may be None)."""

    author: str | None = None
    source: str | None = None

    def __bool__(self) -> bool:
        return bool(self.author or self.source)


@lru_cache(maxsize=8192)  # a paper's own names come back on every one of its pages
def name_key(text: str) -> str:
    """A name reduced to comparable letters: "Dân Trí", "DANTRI" and "dantri" meet."""
    # fold() in C: marks decompose and go with the non-ASCII rest; đ, which does not decompose, first
    plain = unicodedata.normalize("NFD", text.translate(_D)).encode("ascii", "ignore").decode()
    return _NOT_KEY.sub("", plain.lower())


def outlet_keys(hosts: Iterable[str], names: Iterable[str]) -> frozenset[str]:
    """The keys of an outlet's own names: each host label ("tuoitre", also "baotuoitre") and each name the page
    gives itself (og:site_name, publisher …)."""
    keys: set[str] = set()
    for host in hosts:
        for label in host.lower().split("."):
            if label not in _NOT_NAMES and len(label) >= 3:
                keys.update((name_key(label), "bao" + name_key(label)))
    keys.update(name_key(name) for name in names)
    keys.discard("")
    return frozenset(keys)


def is_outlet(name: str, outlets: frozenset[str] = frozenset()) -> bool:
    """Is this the name of a newspaper, a site, a domain or a placeholder rather than of a person? Site names are
    compared whole (``outlets``): containment would refuse a reporter named like the paper's province."""
    low = normalize_line(unescape(name)).lower()
    if not low or _DOMAIN.search(low) or _OUTLET_START.search(low) or _OUTLET_WORD.search(low):
        return True
    key = name_key(low)
    return not key or key in _PLACEHOLDERS or key in outlets


def is_initials(text: str) -> bool:
    """"T.H", "H.Y.T.", "Q. A": a reporter signing with initials."""
    letters = text.replace(".", "").replace(" ", "")
    return bool(_INITIALS.fullmatch(text)) and len(letters) >= 2 and letters.isupper()


def _looks_like_person(name: str, *, one_word: bool) -> bool:
    words = name.split()
    if is_initials(name):
        return True
    return ((1 if one_word else 2) <= len(words) <= 5 and len(name) <= 40 and not _NOT_IN_A_NAME.search(name)
            and all(w[0].isupper() for w in words))


def _as_written(name: str) -> str:
    """ALL CAPS turned into Title Case ("HOÀNG SA" -> "Hoàng Sa"); initials stay as signed."""
    return name.title() if name.isupper() and not is_initials(name) else name


def _looks_like_source(text: str) -> bool:
    """ "Theo TTXVN", "Nguồn: Báo Quảng Trị", "Theo tinthu.vn", but not "Theo ông Tâm, công trình …" (a sentence)."""
    return len(text) <= 60 and len(text.split()) <= 8 and not re.search(r"[,;!?…]|\.$", text)


def clean_byline(text: str, outlets: frozenset[str] = frozenset(), *, slot: bool = False) -> Byline:
    """A byline as printed or given in metadata -> Byline(author, source); Byline() when the text is none."""
    if len(text) > 2 * MAX_BYLINE:  # a paragraph: no need to normalise it to know
        return Byline()
    line = normalize_line(unescape(text)).strip(" *")
    if not line or len(line) > MAX_BYLINE:
        return Byline()
    label = _LABEL.match(line)
    if label and not label.group("colon") and label.group("label").lower() in ("tin", "bài"):
        label = None
    if name_key(line) in outlets:  # the site's own name: in metadata nobody, under the text where it comes from
        return Byline() if slot else Byline(source=line)
    rest = label.group("rest") if label else line
    rest = _CREDIT_TAIL.sub("", rest).strip(" ,-–:;")
    theo = _THEO.match(rest)
    if theo:
        named = theo.group("rest").strip(" .")
        if not slot or is_outlet(named, outlets) or _ACRONYM.fullmatch(named) or not _names(named, slot=True):
            return Byline(source=named) if _looks_like_source(named) else Byline()
        rest = named
    source = None
    role = _ROLE.search(rest)
    if role:
        said = role.group("role")
        if said.lower().startswith("theo"):
            source = said[4:].strip()
        elif _ACRONYM.fullmatch(said) and said.lower() not in ("st", "ctv"):
            source = said
        rest = rest[: role.start()].strip()
    names = _names(_TITLE.sub("", rest).strip(), slot=slot or bool(label), one_word=slot or bool(label or role))
    if names and any(is_outlet(n, outlets) for n in names):
        # "Báo Nhân Dân" signing the printed text: where it comes from; in metadata: the site naming itself
        return Byline(source=source) if slot else Byline(source=source or rest)
    if names:
        return Byline(" - ".join(_as_written(n) for n in names), source)
    if label and label.group("colon") and len(line) <= 60 and not slot:
        return Byline(source=source or rest)  # "Video: Ban Biên tập": a credit that names no person
    return Byline(source=source)


def _names(text: str, *, slot: bool, one_word: bool = True) -> list[str]:
    """The person names of a byline (at most four), or [] when any part is not a name."""
    parts = [p.strip() for p in (_NAMES_IN_SLOT if slot else _NAMES_AT_END).split(text) if p.strip()]
    parts = [p if is_initials(p) else p.rstrip(".") for p in parts]
    if not parts or len(parts) > 4 or not all(_looks_like_person(p, one_word=one_word) for p in parts):
        return []
    return parts


def merge_names(known: str | None, new: str | None) -> str | None:
    """Two bylines of one article as one ("Lê Minh" + "Hà Vy" -> "Lê Minh - Hà Vy"); a name already there once."""
    if not known or not new:
        return known or new
    names = known.split(" - ")
    keys = {name_key(n) for n in names}
    names += [n for n in new.split(" - ") if name_key(n) not in keys]
    return " - ".join(names)
