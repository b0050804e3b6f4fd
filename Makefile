# Two commands set everything up on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Debian's chromium by default; CI on GitHub's Ubuntu runners points this at its own Chrome.
BROWSER_PATH ?= /usr/bin/chromium
export BROWSER_PATH
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)/scripts

.PHONY: serve build preview check release due test test-fast bench browser java clean

$(BIN)/.site-deps: requirements/site.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/site.txt
	touch $@

$(BIN)/.test-deps: requirements/test.txt $(BIN)/.site-deps
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/test.txt
	touch $@

# plotly.js and its locale, pinned in package-lock.json; the site serves them itself (no CDN).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## serve: install pinned deps into .venv and serve http://127.0.0.1:8000 with live reload
serve: $(BIN)/.site-deps node_modules/.installed
	SITE_URL=http://127.0.0.1:8000/ $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

## build: strict build into site/ (built in a temporary folder, swapped in only on success)
build: $(BIN)/.site-deps node_modules/.installed browser
	$(BIN)/python -m o3story build --site site

## preview: serve the built site/ under its base path, as GitHub Pages will (http://127.0.0.1:8001/<repo>/)
preview: build
	$(BIN)/python -m o3story preview --site site

## check: validate data/ alone
check: $(BIN)/.site-deps
	$(BIN)/python -m o3story check

## release: rewrite CITATION.cff and .zenodo.json from data/ (the data version and its date); commit them with the data
release: $(BIN)/.site-deps
	$(BIN)/python -m o3story release

## due: say whether an event the site still gives as to come has reached its day (then as_of is due to move)
due: $(BIN)/.site-deps
	$(BIN)/python -m o3story due

## browser: Debian's chromium and a CJK font, for browser tests and chart images
browser:
	@if [ -x "$(BROWSER_PATH)" ]; then echo "browser: $(BROWSER_PATH)"; else \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null \
	  && test -x "$(BROWSER_PATH)" || { echo "error: no browser at $(BROWSER_PATH)" >&2; exit 1; }; fi

## java: a Java runtime for the Nu Html Checker (npm vnu-jar) that the tests run
java:
	@if command -v java >/dev/null 2>&1; then echo "java: $$(command -v java)"; else \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq default-jre-headless >/dev/null \
	  && command -v java >/dev/null || { echo "error: no java after installing default-jre-headless" >&2; exit 1; }; fi

## test: everything above plus the test tools, then the whole suite on every core (pytest-xdist: one
## site build, served once, shared by the workers; a module's own site stays on one worker)
test: $(BIN)/.test-deps node_modules/.installed browser java
	$(BIN)/python -m pytest -n auto --dist loadgroup

## test-fast: the fast lane for a change that touches no browser behaviour: data, rendering, words and
## quotes, no browser, no whole-site build (tests marked `slow` are left out; `make test` runs them all)
test-fast: $(BIN)/.test-deps node_modules/.installed
	$(BIN)/python -m pytest -m "not slow"

## bench: build ours and the naive way, load both in Chromium and Lighthouse, print figures and ratios
bench: $(BIN)/.test-deps node_modules/.installed browser
	$(BIN)/python -m o3story.bench

clean:
	rm -rf site .pytest_cache
