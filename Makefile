# Two entry points for a newcomer: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db

.PHONY: demo test test-slow lint install bench clean

# The package is byte-compiled as a wheel would be (pip writes .pyc for installed wheels; an editable
# install does not, and with PYTHONDONTWRITEBYTECODE set every run would compile every module
# again). Python ignores a .pyc older than its source, so this is always safe; it runs on every
# `make install` (and so before `make test` and `make bench`) to keep them fresh.
install: $(VENV)/.installed
	$(BIN)/python -m compileall -q hoptac_cli

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,web]'
	touch $@

demo: install
	rm -f $(DEMO_DB)
	$(BIN)/hoptac --db $(DEMO_DB) init --sample
	$(BIN)/hoptac --db $(DEMO_DB) status

# The default suite, in parallel: one pytest-xdist worker per core (at most 4); `make test WORKERS=0`
# runs it in one process, as `.venv/bin/python -m pytest -m "not slow"` does. Its temporary databases go to the
# RAM disk when there is one: SQLite's fsync at each commit costs nothing there, and other
# programs' disk traffic does not slow the suite (test-slow keeps them on disk).
WORKERS ?= auto
TEST_TMPDIR ?= $(shell test -d /dev/shm -a -w /dev/shm && echo /dev/shm)

# ruff (lint and format) and mypy first: they take a few seconds and catch what tests would not
test: install lint
	$(if $(TEST_TMPDIR),TMPDIR=$(TEST_TMPDIR) )$(BIN)/python -m pytest -q -m "not slow" -n $(WORKERS) --maxprocesses 4

lint: install
	$(BIN)/ruff check hoptac_cli tests bench docs
	$(BIN)/ruff format --check hoptac_cli tests bench docs
	$(BIN)/mypy hoptac_cli

# concurrent writers and readers, and imports killed at random moments (a few minutes)
test-slow: install
	$(BIN)/python -m pytest -q -m slow

# Issue 12's figures, each against its reference: quick scale (56 agreements) by default,
# `make bench FULL=1` at national scale (561 agreements; the register is generated once into bench/.cache).
bench: install
	$(BIN)/python bench/run.py $(if $(FULL),--full)

clean:
	rm -rf $(VENV) $(DEMO_DB) .pytest_cache .hypothesis
