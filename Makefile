# Every command an editor or maintainer needs. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-from-requirements
# The site's own logic (hooks/rls_site) is importable in .venv: MkDocs loads its Markdown
# extensions by name, and `make check` runs it without MkDocs.
PTH := $(VENV)/rls_site.pth.installed
CHROMIUM ?= /usr/bin/chromium
# Material prints an end-of-life notice on every build; it is known (see README).
export NO_MKDOCS_2_WARNING := 1

.PHONY: help install build serve test check report errors browser dictionaries requirements clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

$(PTH): $(STAMP)
	$(PY) -c 'import pathlib, site; pathlib.Path(site.getsitepackages()[0], "rls_site.pth").write_text(str(pathlib.Path("hooks").resolve()) + "\n")'
	touch $(PTH)

install: $(PTH) ## Create .venv with the pinned packages

build: $(PTH) ## Build the site into site/ (fails on any warning)
	$(PY) -m mkdocs build --strict

# The preview's port: `make serve PORT=8001` when 8000 is taken.
PORT ?= 8000

# The preview says itself, in one line, why it cannot start: make adds no "Error 1" line under it.
# Exit 1 (port busy) and 2 (port invalid) come after rls_site.preview's own one-line message: no make error under it.
serve: $(PTH) ## Preview at http://127.0.0.1:8000, rebuilt on every save (another port: make serve PORT=8001)
	@$(PY) -m rls_site.preview --port $(PORT) || { s=$$?; [ $$s -le 2 ] || exit $$s; }

check: build ## Run the publication checks over docs/ and site/ without MkDocs
	$(PY) -m rls_site.checks docs site

report: build ## Content report per page: review dates, translations, citations, readability
	$(PY) -m rls_site.report --docs docs --markdown content-report.md --json content-report.json

errors: $(PTH) ## Write FOUTMELDINGEN.md, every error message, from the rules table (hooks/rls_site/rules.py)
	$(PY) -m rls_site.rules > FOUTMELDINGEN.md

browser: ## Install Debian's chromium for the browser tests when it is missing
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing chromium for the browser tests (apt-get)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "The browser tests need Chromium at $(CHROMIUM)."; \
		echo "Install it with: sudo apt-get install chromium   (or set CHROMIUM=/path/to/chromium)"; \
		exit 1; \
	fi

# The spelling report's dictionaries (Debian's hunspell packages); the report works without them
# and says spelling was not checked, the tests need them.
DICTIONARY_PACKAGES := hunspell hunspell-nl hunspell-en-gb

dictionaries: ## Install hunspell and its Dutch and English dictionaries when missing
	@if command -v hunspell >/dev/null && [ -f /usr/share/hunspell/nl_NL.dic ] && [ -f /usr/share/hunspell/en_GB.dic ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing the spelling dictionaries (apt-get)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DICTIONARY_PACKAGES) >/dev/null; \
	else \
		echo "The spelling tests need hunspell with Dutch and English dictionaries."; \
		echo "Install them with: sudo apt-get install $(DICTIONARY_PACKAGES)"; \
		exit 1; \
	fi

# Two processes: the browser tests mostly wait for Chromium (each process builds the real site and
# the tests' small site once). TEST_WORKERS=0 runs them in one process.
TEST_WORKERS ?= 2

test: $(PTH) browser dictionaries ## Run every test, browser tests included (about four minutes)
	CHROMIUM=$(CHROMIUM) $(PY) -m pytest -n $(TEST_WORKERS)

requirements: ## Re-pin requirements.txt from requirements.in
	rm -rf .venv-pin && $(PYTHON) -m venv .venv-pin
	.venv-pin/bin/pip install --quiet -r requirements.in
	{ echo "# Pinned, including transitive packages. Generated from requirements.in by \`make requirements\`."; \
	  .venv-pin/bin/pip freeze --exclude-editable; } > requirements.txt
	rm -rf .venv-pin

clean: ## Remove the built site and the virtual environment
	rm -rf site $(VENV) .pytest_cache .cache content-report.md content-report.json
