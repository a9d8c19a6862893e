# Two commands do all the set-up on a fresh machine:
#   make site   installs what is needed and builds plans/ into site/
#   make test   installs what the tests need and runs lint and the whole test suite
# The virtualenv is made from the distribution's Python 3.11+ where it has venv (Debian's is
# built with profile-guided optimisation: builds run 10-15% faster, pure-Python loops 30%,
# than on an unoptimised source build such as pyenv's default); else python3 on the PATH.
# `make PYTHON=python3.13 ...` chooses another.
PYTHON ?= $(or $(shell for p in /usr/bin/python3 python3; do \
	$$p -c 'import sys, ensurepip, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && echo $$p && break; \
	done),python3)
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: site test lint check serve bench clean

site: $(VENV)/.site-deps
	$(BIN)/deload build

test: $(VENV)/.test-deps node_modules/.installed
	$(BIN)/ruff check .
	$(BIN)/pytest

lint: $(VENV)/.test-deps
	$(BIN)/ruff check .

check: $(VENV)/.site-deps
	$(BIN)/deload check

serve: $(VENV)/.site-deps
	$(BIN)/deload serve

bench: $(VENV)/.site-deps
	$(BIN)/python bench/run.py

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-deps: pyproject.toml scripts/system-deps.sh | $(BIN)/python
	scripts/system-deps.sh build
	$(PIP) install -e .
	touch $@

$(VENV)/.test-deps: pyproject.toml scripts/system-deps.sh | $(BIN)/python
	scripts/system-deps.sh test
	$(PIP) install -e '.[test]'
	touch $@ $(VENV)/.site-deps

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf site .deload .pytest_cache .ruff_cache
