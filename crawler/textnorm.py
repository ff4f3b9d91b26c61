"""Vietnamese text normalisation: one place for NFC, Ð->Đ, spaces and lead prefixes.

Stored text keeps the paper's spelling (tone placement included); only the folded form used for search
(archive.search.fold) drops marks, so "khoá", "khóa" and "khoa" all meet there.
"""

from __future__ import annotations

import re
import unicodedata

from archive.search import fold, repair_eth

__all__ = ["fold", "normalize_line", "normalize_text", "split_lead_prefix"]

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACE_RUN = re.compile(r"[ \t\u00a0\u2007\u202f\u3000]+")
# "QTO - ", "(CTO) - ", "TQOL - ", "(Baonghean.vn) - ", "(TTV) ", "(Dân trí) - ": a short paper tag before the
# lead. A tag of two or three words needs its dash, so "(Ảnh minh họa) Người dân …" keeps its words.
_GENERIC_PREFIX = re.compile(r"^\s*(\([A-Za-zĐđ.]{2,20}\)\s*[-–—:]?|\([A-ZĐ][^\W\d_]*(?:\s[^\W\d_]+){1,2}\)\s*[-–—:]"
                             r"|[A-ZĐ]{2,6}\s*[-–—])\s*")


def normalize_text(text: str) -> str:
    """NFC, Ð->Đ, no invisible characters, single spaces, trimmed lines, no empty lines at the ends."""
    text = repair_eth(_INVISIBLE.sub("", unicodedata.normalize("NFC", text)))
    lines = (_SPACE_RUN.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n"))
    return "\n".join(lines).strip()


def normalize_line(text: str) -> str:
    """One line of text (a title, a byline): like normalize_text, with every newline folded to a space."""
    return " ".join(normalize_text(text).split())


def split_lead_prefix(lead: str, known: tuple[str, ...] = ()) -> tuple[str | None, str]:
    """('QTO', 'rest of lead') when the lead starts with a paper tag; (None, lead) otherwise."""
    for prefix in known:
        if lead.startswith(prefix):
            return _tag(prefix), lead[len(prefix):].lstrip()
    m = _GENERIC_PREFIX.match(lead)
    if m:
        return _tag(m.group(1)), lead[m.end():]
    return None, lead


def _tag(prefix: str) -> str:
    return prefix.strip(" -–—:()")
