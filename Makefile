# The two commands of the README: `make demo` and `make test`. Both build .venv from scratch.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)

.PHONY: install demo test lint typecheck pytest bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/casus code samples/ --explain
	$(BIN)/casus ingest samples/ --db demo.duckdb
	@echo
	@echo "Dashboard: $(BIN)/casus serve --db demo.duckdb   then open http://127.0.0.1:8000/dyad?a=AZE&b=IRN"

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	sh scripts/ensure-chromium.sh
	$(BIN)/pytest

test: lint typecheck pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_code.py
	$(BIN)/python benchmarks/bench_startup.py
	$(BIN)/python benchmarks/bench_store.py
	$(BIN)/python benchmarks/bench_api.py
	$(BIN)/python benchmarks/bench_long.py
	$(BIN)/python benchmarks/bench_scale.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info demo.duckdb
