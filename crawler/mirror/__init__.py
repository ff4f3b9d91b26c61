"""The offline mirror: sample pages of the real papers, written by us, served on 127.0.0.1.

Each paper's folder in the registry holds ``pages/<domain>/``: what that domain would serve. ``server.py`` serves
them; ``transport.py`` sends a crawl's requests for real-domain URLs there, so spiders and the archive only ever
see the real URLs.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from crawler.sites import SITES


def domain_folders() -> dict[str, Path]:
    """Every domain the sample sites serve -> the folder that holds its ``<domain>/`` folder."""
    found: dict[str, Path] = {}
    for site in SITES.values():
        if site.pages and site.pages.is_dir():
            for domain in sorted(p for p in site.pages.iterdir() if p.is_dir()):
                if domain.name in found:
                    raise ValueError(f"{domain.name} has sample pages in two papers' folders: "
                                     f"{found[domain.name]} and {site.pages}")
                found[domain.name] = site.pages
    return found


def copy_pages(target: Path) -> Path:
    """A private copy of every paper's sample pages, one folder per domain under ``target`` (for tests that change
    them); serve it with ``MirrorServer(root=target)``."""
    for domain, root in domain_folders().items():
        shutil.copytree(root / domain, target / domain)
    return target


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


def page_url(root: Path, path: Path) -> str:
    """.../pages/baoquangtri.vn/chinh-tri/index@page=2.html -> https://baoquangtri.vn/chinh-tri/?page=2
    (the inverse of the mirror server's file resolution; ``root`` holds the ``<domain>/`` folders)"""
    domain, *dirs, name = path.relative_to(root).parts
    stem, at, query = name.partition("@")
    if at:
        query = query.removesuffix(".html")
        name = "" if stem == "index" else stem
    elif name == "index.html":
        name = ""
    return f"https://{domain}/" + "/".join([*dirs, name]) + (f"?{query}" if query else "")


def sample_page(path: str) -> Path:
    """The file of a sample page by its domain and path: ``sample_page("baoquangninh.vn/chinh-tri.html")``."""
    domain = path.split("/", 1)[0]
    return domain_folders()[domain] / path
