# The two commands of the README: `make demo` and `make test`. Both install what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test test-sqlite test-postgres system-deps bench screenshots lint typecheck clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/bakohumas demo

system-deps:
	@scripts/install-system-deps

test: install system-deps
	@scripts/run-tests

test-sqlite: install
	$(BIN)/pytest -q

test-postgres: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/bakohumas} $(BIN)/pytest -q

bench: install
	$(BIN)/python benchmarks/run_evaluation.py
	$(BIN)/python benchmarks/run_documents.py

screenshots: install system-deps
	$(BIN)/python scripts/screenshots.py

lint: install
	$(BIN)/ruff check bakohumas benchmarks scripts

typecheck: install
	$(BIN)/mypy bakohumas

clean:
	rm -rf $(VENV) var build *.egg-info
