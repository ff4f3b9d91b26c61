"""Date-bounded pagination's bookkeeping, in one process (crawler.state.ListingPages) and in Redis across workers
(crawler.distributed.listing.SharedListingPages): both settle a listing page the same way, and only once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from crawler.state import ListingPages
from tests.shared_crawl import RedisServer

BOUND = "2024-01-01"
A, B, C = "https://baoquangtri.vn/a-100001.htm", "https://baoquangtri.vn/b-100002.htm", "https://baoquangtri.vn/c-1003.htm"


@pytest.fixture(params=["memory", "redis"])
def pages(request: pytest.FixtureRequest, tmp_path: Path):  # noqa: ANN201 - either implementation
    if request.param == "memory":
        yield ListingPages()
        return
    if not shutil.which("redis-server") and not Path("/usr/bin/redis-server").exists():
        pytest.fail("redis-server is missing: `make test` installs it (scripts/install-redis.sh)")
    from crawler.distributed.listing import SharedListingPages

    server = RedisServer(tmp_path).start()
    client = server.client()
    yield SharedListingPages(client)
    assert not list(client.scan_iter("vnnews:listing:*")), "a settled page leaves nothing behind in Redis"
    server.stop()


def test_a_page_of_older_articles_settles_when_its_last_article_is_done(pages) -> None:
    assert pages.open_listing_page("l 1", {A, B}, ["2020-05-01T08:00:00+07:00"], BOUND) is None
    assert pages.settle("l 1", A, "2021-01-01T00:00:00+07:00", BOUND) is None
    assert pages.settle("l 1", B, None, BOUND) == ["2020-05-01T08:00:00+07:00", "2021-01-01T00:00:00+07:00", None]


def test_a_recent_article_settles_its_page_at_once_and_once_only(pages) -> None:
    """The crawl need not wait for the rest of the page to know it goes on: the next listing page comes while the
    others are still fetched and extracted (date-bounded as fast as plain pagination)."""
    assert pages.open_listing_page("l 1", {A, B, C}, [], BOUND) is None
    assert pages.settle("l 1", A, "2019-12-31T23:00:00+07:00", BOUND) is None
    assert pages.settle("l 1", B, "2024-01-01T06:00:00+07:00", BOUND) == ["2019-12-31T23:00:00+07:00",
                                                                          "2024-01-01T06:00:00+07:00"]
    assert pages.settle("l 1", C, "2025-03-03T00:00:00+07:00", BOUND) is None  # settled already


def test_a_known_recent_article_settles_the_page_when_it_opens(pages) -> None:
    assert pages.open_listing_page("l 2", {A}, ["2024-06-01T00:00:00+07:00"], BOUND) == ["2024-06-01T00:00:00+07:00"]
    assert pages.settle("l 2", A, "2020-01-01T00:00:00+07:00", BOUND) is None


def test_a_page_with_nothing_pending_settles_when_it_opens(pages) -> None:
    assert pages.open_listing_page("l 3", set(), ["2020-01-01T00:00:00+07:00", None], BOUND) == [
        "2020-01-01T00:00:00+07:00", None]


def test_an_article_not_pending_settles_nothing(pages) -> None:
    assert pages.open_listing_page("l 4", {A}, [], BOUND) is None
    assert pages.settle("l 4", B, "2025-01-01T00:00:00+07:00", BOUND) is None
    assert pages.settle("l 4", A, "2020-01-01T00:00:00+07:00", BOUND) == ["2020-01-01T00:00:00+07:00"]
