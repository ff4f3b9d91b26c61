"""`vnnews probe`: the registry's facts checked against what the papers' sites answer today, on a machine with
internet (or over the offline mirror). How the unverified (U) facts of PAPERS.md become verified ones.

    crawler/spiders/probe.py   the spider: robots.txt, feeds, listings (page 1 and 2), two articles -> Observations
    observations.py            what it saw, as plain data
    reach.py                   domains answer or redirect where allowed; robots.txt; redirects
    discovery.py               feeds, listings, pagination
    reading.py                 eras, template versions (drift), extraction, lead tags
    facts.py                   all of them, then a verdict per unverified fact of the record
    report.py                  the table and the JSON report
    run.py                     the Scrapy process

A probe archives nothing: no pipeline, no run book, no crawl state.
"""
