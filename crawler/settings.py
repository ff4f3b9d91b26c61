"""Scrapy settings for vnnews. Behaviour lives here; spiders and pipelines read it.

Override on the command line (`scrapy crawl baoquangninh -s VNNEWS_DB=x.db`) or through `vnnews crawl`.
"""

from crawler.contact import operator_contact, user_agent
from crawler.sites import SITES

BOT_NAME = "vnnews"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Who we are: sites can see the project and reach whoever runs the crawl (crawler.contact: --contact,
# VNNEWS_CONTACT or vnnews.ini; `vnnews crawl` refuses the placeholder for the real sites).
USER_AGENT = user_agent(operator_contact(None))

# Politeness: robots.txt, two connections per domain, a delay per paper (Site.download_delay, ±50%) that
# AutoThrottle raises when a server slows down.
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5
DOWNLOAD_SLOTS = {
    domain: {"delay": site.download_delay, "concurrency": CONCURRENT_REQUESTS_PER_DOMAIN}
    for site in SITES.values()
    for domain in site.all_domains
}
# The Wayback Machine (`vnnews backfill --wayback`): its own slot, one request at a time, a second apart at least
# (no jitter below it; AutoThrottle only ever raises the delay above DOWNLOAD_DELAY).
VNNEWS_WAYBACK = "https://web.archive.org"
VNNEWS_WAYBACK_CDX_LIMIT = 5000  # captures per CDX page (the next page comes with the resume key)
DOWNLOAD_SLOTS["web.archive.org"] = {"delay": 1.0, "concurrency": 1, "jitter": 0}
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 2
REDIRECT_MAX_TIMES = 5
COOKIES_ENABLED = False
# Items handled at once per response. Scrapy starts this many tasks for every callback's output: an article page
# yields one item, a listing page its links; the default 100 cost the crawl's main process a tenth of its CPU
CONCURRENT_ITEMS = 8
DOWNLOADER_MIDDLEWARES = {
    # process_response runs from high to low: this sees a redirect before RedirectMiddleware (600) follows it
    "crawler.middlewares.PaperRedirectsMiddleware": 650,
}
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False  # Scrapy >= 2.19 opens a control port by default; a cron job needs none

# Where the archive goes, and the pipelines that fill it: extract, then store (through the crawl state).
VNNEWS_DB = "data/archive.db"
VNNEWS_INVOCATION = None  # set by `vnnews crawl` so one command's runs share an id
VNNEWS_RECHECK_DAYS = 2.0  # articles published this recently are re-fetched (conditionally) to catch edits
VNNEWS_EXTRACT_WORKERS = -1  # extraction processes; -1: one per core, 0: extract in the crawl process
VNNEWS_BATCH_SIZE = 200  # records per archive transaction …
VNNEWS_BATCH_SECONDS = 1.0  # … or fewer, at least this often
ITEM_PIPELINES = {
    "crawler.pipelines.ExtractPipeline": 100,
    "crawler.pipelines.StorePipeline": 300,
}
# The run's bookkeeping (crawl_runs, from the stats) and, with VNNEWS_PROGRESS (set by `vnnews crawl`), progress.
VNNEWS_PROGRESS = False
EXTENSIONS = {
    "crawler.extensions.RunBook": 0,
    "crawler.extensions.Progress": 0,
}

# The offline mirror: set VNNEWS_MIRROR=http://127.0.0.1:PORT and every request goes there instead of the
# real site (the add-on switches the download handler; see crawler/mirror/transport.py).
VNNEWS_MIRROR = None

# A shared crawl: VNNEWS_REDIS=redis://host:port/db makes this process one of its workers (scrapy-redis frontier,
# records to the Redis queue that `vnnews archive-writer` drains, politeness leases per domain; crawler.distributed).
# Runs after the mirror add-on, so the politeness lease wraps the mirror's download handler too.
VNNEWS_REDIS = None
ADDONS = {"crawler.mirror.transport.MirrorAddon": 0, "crawler.distributed.addon.RedisAddon": 10}

LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
