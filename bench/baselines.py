"""The crawl benchmark's baselines, run as `python -m bench.baselines MODE MIRROR_URL MAX_PAGES`:
- bare: a Scrapy spider that only fetches the same pages;
- naive: a Scrapy spider that calls trafilatura.extract in its callback (extraction on the event loop's core).
Both use vnnews's settings (the mirror transport, the same concurrency) and no pipelines. Prints the page count."""

from __future__ import annotations

import os
import sys

import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.utils.project import get_project_settings


class BareSpider(scrapy.Spider):
    name = "bare"
    max_pages = 1

    async def start(self):
        yield scrapy.Request("https://baoquangninh.vn/chinh-tri?page=1", callback=self.parse_listing, cb_kwargs={"page": 1})

    def parse_listing(self, response, page):
        for href in response.css("li a::attr(href)").getall():
            yield scrapy.Request(href, callback=self.parse_article)
        if page < self.max_pages and response.css("a[href*='page=']"):
            yield scrapy.Request(f"https://baoquangninh.vn/chinh-tri?page={page + 1}", callback=self.parse_listing,
                                 cb_kwargs={"page": page + 1})

    def parse_article(self, response):
        self.crawler.stats.inc_value("bench/articles")


class NaiveSpider(BareSpider):
    name = "naive"

    def parse_article(self, response):
        import trafilatura

        text = trafilatura.extract(response.text, url=response.url)
        self.crawler.stats.inc_value("bench/articles")
        if text:
            yield {"url": response.url, "text": text}


def main() -> None:
    mode, mirror, max_pages = sys.argv[1], sys.argv[2], int(sys.argv[3])
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    settings = get_project_settings()
    settings.set("VNNEWS_MIRROR", mirror)
    settings.set("ITEM_PIPELINES", {})
    settings.set("LOG_LEVEL", "WARNING")
    process = CrawlerProcess(settings)
    spider = {"bare": BareSpider, "naive": NaiveSpider}[mode]
    crawler = process.create_crawler(spider)
    process.crawl(crawler, max_pages=max_pages)
    process.start()
    print(crawler.stats.get_value("bench/articles", 0))


if __name__ == "__main__":
    main()
