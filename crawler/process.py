"""A Scrapy process set up as every vnnews command that fetches wants it."""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

from crawler.contact import operator_contact, user_agent

if TYPE_CHECKING:
    from scrapy.crawler import CrawlerProcess


def crawler_process(*, mirror: str | None = None, verbose: bool = False, contact: str | None = None,
                    **settings: object) -> CrawlerProcess:
    """A Scrapy process with the project's settings (crawler/settings.py: robots.txt, the delay per paper,
    AutoThrottle), the operator's contact in the User-Agent, the offline mirror when given, and ``settings`` on top."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    project = get_project_settings()
    for name, value in settings.items():
        project.set(name, value)
    project.set("LOG_LEVEL", "INFO" if verbose else "WARNING")
    project.set("USER_AGENT", user_agent(contact or operator_contact(None)))
    if mirror:
        project.set("VNNEWS_MIRROR", mirror)
    process = CrawlerProcess(project)
    if not verbose:  # every URL that failed is reported by the command: no traceback per URL here
        for noisy in ("scrapy.downloadermiddlewares.robotstxt", "scrapy.downloadermiddlewares.retry"):
            logging.getLogger(noisy).setLevel(logging.CRITICAL)
    return process
