"""The offline mirror: sample pages of the real papers, written by us, served on 127.0.0.1.

``pages/<domain>/`` holds what a real domain would serve; ``server.py`` serves it; ``transport.py`` sends a
crawl's requests for real-domain URLs there, so spiders and the archive only ever see the real URLs.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

PAGES = Path(__file__).parent / "pages"


def mirror_url(url: str, mirror: str) -> str:
    """https://baoquangninh.vn/chinh-tri?page=2 -> http://127.0.0.1:8765/baoquangninh.vn/chinh-tri?page=2"""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    base = urlsplit(mirror)
    return urlunsplit((base.scheme, base.netloc, f"/{host}{parts.path or '/'}", parts.query, ""))


def real_url(local: str) -> str:
    """The inverse of mirror_url: http://127.0.0.1:8765/baoquangninh.vn/x.html -> https://baoquangninh.vn/x.html"""
    parts = urlsplit(local)
    host, _, path = parts.path.lstrip("/").partition("/")
    return urlunsplit(("https", host, "/" + path, parts.query, ""))
