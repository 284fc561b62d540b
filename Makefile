# detente: `make demo` sets everything up and runs the demo; `make test` runs the whole test suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip

.PHONY: demo test lint eval bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install --quiet -e '.[test]'
	touch $@

demo: $(VENV)/.installed
	$(VENV)/bin/detente demo

test: $(VENV)/.installed-test
	$(PY) -m ruff check src tests bench
	$(PY) -m pytest

lint: $(VENV)/.installed-test
	$(PY) -m ruff check src tests bench
	$(PY) -m ruff format --check src tests bench

# The full table for every gold set there is: the shared ones beside the checkout, and our own.
GOLD_SETS = $(wildcard ../shared/eval/*.jsonl tests/gold/*.jsonl)

eval: $(VENV)/.installed
ifeq ($(strip $(GOLD_SETS)),)
	@echo "No gold sets found (looked in ../shared/eval/ and tests/gold/)."
else
	$(VENV)/bin/detente eval $(GOLD_SETS)
endif

bench: $(VENV)/.installed
	$(PY) bench/throughput.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
