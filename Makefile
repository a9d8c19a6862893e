# Two commands do all the set-up on a fresh machine:
#   make site   installs what is needed and builds plans/ into site/
#   make test   installs what the tests need and runs lint and the whole test suite
# The virtualenv's Python: see scripts/make-venv.sh (`make PYTHON=python3.13 ...` chooses one).
PYTHON ?=
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: site test lint check serve bench clean

site: $(VENV)/.site-deps
	$(BIN)/deload build

test: $(VENV)/.test-deps node_modules/.installed
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest

lint: $(VENV)/.test-deps
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

check: $(VENV)/.site-deps
	$(BIN)/deload check

serve: $(VENV)/.site-deps
	$(BIN)/deload serve

bench: $(VENV)/.test-deps
	$(BIN)/python bench/run.py

$(BIN)/python:
	PYTHON="$(PYTHON)" scripts/system-deps.sh venv || true  # make-venv.sh says what is missing
	PYTHON="$(PYTHON)" scripts/make-venv.sh $(VENV)

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
