# Everything a new user needs, from a machine with only python3 and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= data/archive.db

.PHONY: demo test bench quality serve lint clean check-spiders screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -qq --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -qq -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -qq -e '.[test]'
	touch $@ $(VENV)/.installed

## demo: crawl the built-in offline sample sites into $(DB) and print a summary per paper
demo: $(VENV)/.installed
	$(BIN)/vnnews crawl --offline --db $(DB)

## test: the whole test suite (unit, golden pages, end-to-end crawl, datasette, a real browser, a real Redis)
test: $(VENV)/.installed-test
	bash scripts/install-browser.sh
	bash scripts/install-redis.sh
	$(BIN)/python -m pytest

## bench: speed figures beside their baselines, in one run
bench: $(VENV)/.installed-test
	$(BIN)/python -m bench

## serve: browse the archive in datasette on 127.0.0.1:8001
serve: $(VENV)/.installed
	$(BIN)/vnnews serve --db $(DB)

## check-spiders: every paper's `scrapy check` contracts over the offline mirror
check-spiders: $(VENV)/.installed
	$(BIN)/python -m crawler.mirror.check

## lint: ruff over the code
lint: $(VENV)/.installed-test
	$(BIN)/ruff check crawler archive bench tests

## clean: remove what `make` built (.venv, caches, test output); never data/ (the archive lives there)
clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info test-output

## quality: extraction accuracy per field over the golden pages, beside bare trafilatura
quality: $(VENV)/.installed-test
	$(BIN)/python -m bench.quality

## screenshots: the README's pictures (docs/articles.png, docs/coverage.png) from a fresh crawl of the sample sites
screenshots: $(VENV)/.installed-test
	bash scripts/install-browser.sh
	$(BIN)/python -m tests.screenshots docs
