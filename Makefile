# The two commands of the README: `make demo` and `make test`. Both install what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test test-sqlite test-postgres system-deps bench bench-load screenshots lint typecheck audit lock clean

# Installs exactly the versions in requirements.lock (the audited set), then the project itself.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

# Then the test tools from npm (axe-core), exactly as package-lock.json says. Not fatal here: `make test`
# installs npm with the system packages afterwards, and scripts/run-tests installs axe-core again (CI fails there).
install: $(STAMP)
	@scripts/install-node-tools || true

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

# Deadline-day load against gunicorn + PostgreSQL + Redis on this machine (docs/benchmarks.md).
bench-load: install
	$(BIN)/python benchmarks/run_deadline_load.py

screenshots: install system-deps
	$(BIN)/python scripts/screenshots.py

lint: install
	$(BIN)/ruff check bakohumas benchmarks scripts

typecheck: install
	$(BIN)/mypy bakohumas

# Known vulnerabilities in the locked dependencies (pip-audit; docs/security.md).
audit: install
	$(BIN)/python scripts/audit_deps.py

# Re-resolve requirements.lock after a change to the dependencies in pyproject.toml.
lock:
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet pip-tools
	.venv-lock/bin/pip-compile --quiet --extra test --strip-extras --no-emit-index-url --no-emit-find-links \
		--output-file requirements.lock pyproject.toml
	sed -i 's|^#    pip-compile .*|#    make lock|' requirements.lock

clean:
	rm -rf $(VENV) .venv-lock var build *.egg-info
