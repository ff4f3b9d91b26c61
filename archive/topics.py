"""Which articles are Party-building ("xây dựng Đảng") coverage: the archive's own reading of the text, kept in
articles.party_building, counted per paper and month on the coverage page."""

from __future__ import annotations

import re
import unicodedata

from archive.search import ETH

# spelled as printed (lower case; these words have one tone placement): the folded "xay dung dang" would also take
# "công trình xây dựng đang …" (a building site "is being" built)
_PARTY_BUILDING = re.compile(r"(?<!\w)(xây dựng|chỉnh đốn)(,? và|,)?\s+(chỉnh đốn\s+)?đảng(?!\w)")
_SECTION = re.compile(r"(?<!\w)xây dựng đảng(?!\w)")


def _plain(text: str | None) -> str:
    return unicodedata.normalize("NFC", (text or "").translate(ETH)).lower()


def is_party_building(title: str | None, lead: str | None, body: str | None, section: str | None) -> bool:
    """The section is "Xây dựng Đảng", or the text speaks of building (or rectifying) the Party."""
    if _SECTION.search(_plain(section)):
        return True
    return any(_PARTY_BUILDING.search(_plain(t)) for t in (title, lead, body))
