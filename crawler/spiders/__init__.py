"""One generic spider driven by a site record, and one named subclass per paper so `scrapy list` shows them."""

from crawler.sites import SITES
from crawler.spiders.news import NewsSpider


def _paper_spider(name: str) -> type[NewsSpider]:
    site = SITES[name]
    return type(
        f"{name.capitalize()}Spider",
        (NewsSpider,),
        {"name": name, "site_name": name, "__module__": __name__, "__doc__": f"{site.title} ({site.domains[0]})"},
    )


for _name in SITES:
    globals()[f"{_name.capitalize()}Spider"] = _paper_spider(_name)
