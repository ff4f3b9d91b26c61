"""One form for each article URL, wherever the URL comes from (a listing, a feed, a canonical link, a redirect):
no fragment, no campaign or click-tracking parameters, only http(s). The duplicate filter, the crawl state and the
archive then see one URL per article, not one per tracking tag (?utm_source=…, ?fbclid=…, ?gidzl=…, #comments)."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# campaign and click-tracking parameters (Google, Facebook, Zalo, Microsoft, Mailchimp, HubSpot, Instagram, Yandex)
# and the share/referrer tags papers add; any other parameter is kept: some papers' article ids live in the query
TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|dclid|gidzl|zarsrc|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|igshid|yclid|"
                      r"_ga|share|ref|src|from)$", re.I)
_SHARE_HOSTS = ("facebook.com", "fb.com", "fb.me", "zalo.me", "twitter.com", "x.com", "t.co", "bit.ly", "goo.gl",
                "tinyurl.com", "linkedin.com", "pinterest.com", "t.me", "telegram.me")
_SHARE_PATH = re.compile(r"sharer|/share(?:\.php)?(?:/|$)|/intent/", re.I)


def is_web_url(url: str) -> bool:
    """http or https with a host: the only URLs vnnews fetches, stores or links to (never javascript:, data: …)."""
    parts = urlsplit(url)
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def without_tracking(url: str) -> str:
    """The URL without campaign and click-tracking parameters (utm_*, fbclid, gidzl …)."""
    parts = urlsplit(url)
    if not parts.query:
        return url
    query = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(key, value) for key, value in query if not TRACKING.match(key)]
    return url if len(kept) == len(query) else urlunsplit(parts._replace(query=urlencode(kept)))


def normalize_url(url: str) -> str:
    """The one form of a URL: scheme and host in lower case, no fragment, no tracking parameters."""
    parts = urlsplit(url.strip())
    parts = parts._replace(scheme=parts.scheme.lower(), netloc=parts.netloc.lower(), fragment="")
    return without_tracking(urlunsplit(parts))


def is_share_link(url: str) -> bool:
    """A URL no article lives at: a share dialog, a social network or shortener, a home page, campaign parameters,
    anything but http(s)."""
    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2].partition(":")[0].lower().removeprefix("www.")
    return (not is_web_url(url) or parts.path in ("", "/")
            or any(host == h or host.endswith("." + h) for h in _SHARE_HOSTS) or bool(_SHARE_PATH.search(parts.path))
            or bool(parts.query) and any(TRACKING.match(key) for key, _ in parse_qsl(parts.query, keep_blank_values=True)))
