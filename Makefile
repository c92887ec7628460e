# Masthead: `make demo` serves the demo newsroom, `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/masthead
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: demo test test-quick lint format install install-test chromium nginx wrk peer-venv lighthouse bench soak check-deploy clean wapiti security-scan gettext messages


$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# Debian's Chromium for the browser tests (Playwright never downloads a browser of its own).
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "Installing Debian's chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi

# Debian's nginx-light (the front in deploy/nginx, its tests and the benchmark) and wrk (load).
nginx:
	@if [ ! -x /usr/sbin/nginx ]; then \
	  echo "Installing Debian's nginx-light for the front's tests and the benchmark"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nginx-light >/dev/null; \
	fi

wrk:
	@if [ ! -x /usr/bin/wrk ]; then \
	  echo "Installing Debian's wrk for the benchmark"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk >/dev/null; \
	fi

# The reference Wagtail site's own venv (bench/peer/), pinned; never part of Masthead's.
PEER_VENV := bench/.peer-venv
$(PEER_VENV)/.installed: bench/peer/requirements.txt
	$(PYTHON) -m venv $(PEER_VENV)
	$(PEER_VENV)/bin/pip install --quiet -r bench/peer/requirements.txt
	touch $@
peer-venv: $(PEER_VENV)/.installed

# Lighthouse for the benchmark's page scores, pinned, in bench/.lighthouse (needs Node and npm:
# Debian's nodejs and npm are installed if missing). Runs Debian's Chromium.
LIGHTHOUSE_VERSION := 13.5.0
bench/.lighthouse/.installed-$(LIGHTHOUSE_VERSION):
	@if ! command -v npm >/dev/null; then \
	  echo "Installing Debian's nodejs and npm for Lighthouse"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nodejs npm >/dev/null; \
	fi
	npm install --silent --no-audit --no-fund --prefix bench/.lighthouse lighthouse@$(LIGHTHOUSE_VERSION)
	touch $@
lighthouse: chromium bench/.lighthouse/.installed-$(LIGHTHOUSE_VERSION)

# Masthead beside nginx serving a file, a constant-bytes view and the Wagtail peer, then
# Lighthouse on the story and home; about 18 minutes, stops by itself, writes
# test-artifacts/bench/front.{json,md}.
bench: install nginx wrk peer-venv lighthouse
	$(BIN)/python -m bench.front $(BENCH_ARGS)

# Debian's gettext for the catalogue tests (makemessages and msgfmt; the compiled catalogues
# ship in the package, so running Masthead needs none of it).
gettext:
	@if [ ! -x /usr/bin/msgfmt ]; then \
	  echo "Installing Debian's gettext for the translation catalogue tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq gettext >/dev/null; \
	fi

# Debian's wapiti for the security scan (a short scan is part of the test suite).
wapiti:
	@if [ ! -x /usr/bin/wapiti ]; then \
	  echo "Installing Debian's wapiti for the security scan"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wapiti >/dev/null; \
	fi

# wapiti (http_headers, csp, cookieflags, xss) against a production-settings server on
# 127.0.0.1 with the demo newsroom; fails on any finding not accepted in docs/security.md.
SCAN_SECONDS ?= 600
security-scan: install wapiti
	$(BIN)/python -m masthead.testing.security_scan --max-scan-time $(SCAN_SECONDS) \
	  --report test-artifacts/wapiti-report.json

demo: install
	MASTHEAD_ENV=demo PORT=$(PORT) $(BIN)/masthead demo
	MASTHEAD_ENV=demo $(BIN)/masthead serve --port $(PORT)

# Both passes at once, one per core: the PostgreSQL pass (no browser tests: they ran in the
# SQLite pass; nor tests of servers with databases of their own) is niced so the SQLite pass,
# with its browsers and short soak, keeps a core; its output is printed when it ends.
PG_PASS_LOG := test-artifacts/postgresql-pass.log
test: install-test chromium nginx wrk wapiti gettext
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@mkdir -p test-artifacts
	@if $(BIN)/python -c "import psycopg,sys; psycopg.connect('$(PG_TEST_URL)'.rsplit('/',1)[0]+'/postgres', connect_timeout=3).close()" 2>/dev/null; then \
	  echo "== Test suite on PostgreSQL ($(PG_TEST_URL)), alongside; output in $(PG_PASS_LOG)"; \
	  ( MASTHEAD_ENV=test DATABASE_URL=$(PG_TEST_URL) nice -n 10 $(BIN)/pytest -m "not browser" \
	      -p no:cacheprovider > $(PG_PASS_LOG) 2>&1; echo $$? > $(PG_PASS_LOG).status ) & \
	else \
	  echo "== PostgreSQL is not reachable at $(PG_TEST_URL): SKIPPING the PostgreSQL run"; \
	  rm -f $(PG_PASS_LOG).status; \
	fi; \
	echo "== Test suite on SQLite"; \
	MASTHEAD_ENV=test DATABASE_URL= $(BIN)/pytest -p no:cacheprovider; sqlite=$$?; \
	wait; \
	if [ -f $(PG_PASS_LOG).status ]; then \
	  echo "== Test suite on PostgreSQL ($(PG_TEST_URL))"; cat $(PG_PASS_LOG); \
	  postgres=$$(cat $(PG_PASS_LOG).status); rm -f $(PG_PASS_LOG).status; \
	else postgres=0; fi; \
	[ $$sqlite -eq 0 ] && [ $$postgres -eq 0 ]

# The suite without the browser tests, for a quick loop while writing code.
test-quick: install-test nginx wrk
	MASTHEAD_ENV=test DATABASE_URL= $(BIN)/pytest -m "not browser" -q

# After marking new reader strings: refresh the Spanish catalogue, translate what it adds (the
# catalogue test lists every empty entry), then compile it.
messages: install-test gettext
	cd masthead && MASTHEAD_ENV=test ../$(BIN)/django-admin makemessages -l es --no-wrap \
	  --ignore 'tests/*' --ignore 'testing/*' --settings masthead.settings
	cd masthead && MASTHEAD_ENV=test ../$(BIN)/django-admin compilemessages -l es --settings masthead.settings

lint: install-test
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff format . && $(BIN)/ruff check --fix .

check-deploy: install
	MASTHEAD_ENV=production MASTHEAD_SECRET_KEY=$$(python3 -c 'import secrets;print(secrets.token_urlsafe(60))') \
	  MASTHEAD_ALLOWED_HOSTS=news.example $(BIN)/masthead check --deploy --fail-level WARNING

# The full soak: 10 minutes at 64 connections on SQLite, then PostgreSQL and Redis stopped
# mid-load (on servers of its own); reports in test-artifacts/soak/. `make test` runs a short one.
soak: install-test wrk
	$(BIN)/python bench/soak.py --duration 600 --connections 64 --faults kill-worker
	$(BIN)/python bench/soak.py --database postgres --redis --duration 600 --connections 64 \
	  --faults kill-worker,postgres,redis --fault-seconds 40

clean:
	rm -rf $(VENV) var test-artifacts
