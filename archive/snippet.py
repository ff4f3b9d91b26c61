"""The excerpt a search result shows: the text around the first match, the matched words marked in the article's
own spelling. Where the query was typed with diacritics and the text has that spelling, only it is marked ("dựng",
not "dùng" nor "đúng"); otherwise every spelling that folds to the query is."""

from __future__ import annotations

import html
import re
import unicodedata

from archive.search import ETH, Query, spellings

SNIPPET_CHARS = 220
_WORD = re.compile(r"\w+", re.UNICODE)


def _occurrences(found: list[re.Match[str]], forms: list[tuple[str, str | None]],
                 phrase: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of the phrase in the text (words ``found``, their ``forms``): the exact spelling where it occurs,
    else every folded one."""
    typed = [spellings(w) for w in phrase]
    n = len(typed)
    loose, strict = [], []
    for i in (i for i, form in enumerate(forms) if form[0] == typed[0][0]):
        window = forms[i:i + n]
        if len(window) == n and all(w[0] == t[0] for w, t in zip(window, typed, strict=True)):
            span = (found[i].start(), found[i + n - 1].end())
            loose.append(span)
            if all(t[1] is None or w[1] == t[1] for w, t in zip(window, typed, strict=True)):
                strict.append(span)
    return strict if strict and any(t[1] for t in typed) else loose


def snippet(text: str | None, query: str | None, chars: int = SNIPPET_CHARS) -> str:
    """HTML: about ``chars`` characters of ``text`` around the first match of the query, matches in <mark>."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text.translate(ETH))
    found = list(_WORD.finditer(text))
    forms = [spellings(m.group()) for m in found]
    spans = sorted({s for phrase in Query.parse(query).phrases for s in _occurrences(found, forms, phrase)})
    start = max(0, spans[0][0] - chars // 3) if spans else 0
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + chars)
    if end < len(text) and text.rfind(" ", start, end) > start:
        end = text.rfind(" ", start, end)
    out, position = [], start
    for a, b in spans:
        if a < position or b > end:  # outside the excerpt, or overlapping a span already marked
            continue
        out += [html.escape(text[position:a]), "<mark>", html.escape(text[a:b]), "</mark>"]
        position = b
    out.append(html.escape(text[position:end]))
    return ("… " if start else "") + "".join(out) + (" …" if end < len(text) else "")
