# Mercato — the two commands of the quick start are `make run` and `make test`.
# Everything is set up from the committed lock: a fresh machine needs only Python 3.11.

SHELL := /bin/bash
# The interpreter itself, not a pyenv shim: uv compares it with the venv's and, given a shim,
# recreated .venv (and its .synced marker) at every sync, so every make target set up afresh.
PYTHON ?= $(shell $$(command -v python3.11 || command -v python3) -c 'import sys; print(sys.executable)')
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
BIN := $(VENV)/bin

# Airflow lives inside the repo: SQLite metadata, no example DAGs, our dags/ folder.
export AIRFLOW_HOME := $(CURDIR)/airflow_home
export AIRFLOW__CORE__DAGS_FOLDER := $(CURDIR)/dags
export AIRFLOW__CORE__LOAD_EXAMPLES := False
export AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION := False
export AIRFLOW__DATABASE__SQL_ALCHEMY_CONN := sqlite:///$(CURDIR)/airflow_home/airflow.db
export AIRFLOW__COSMOS__ENABLE_TELEMETRY := False
export DO_NOT_TRACK := true
export SCARF_NO_ANALYTICS := true
export MERCATO_DATA_DIR ?= $(CURDIR)/data
export NO_PROXY := 127.0.0.1,localhost
export no_proxy := 127.0.0.1,localhost

DBT_SOURCES := $(shell find dbt_project -type f \( -name '*.sql' -o -name '*.yml' -o -name '*.md' \) -not -path '*/target/*' 2>/dev/null)

.PHONY: run test check lint train eval bench docs airflow setup test-tools clean help

help:
	@echo "make run    run the DAG end to end over the bundled sample site and print a summary"
	@echo "make test   run the whole test suite"
	@echo "make check  lint, then the fast tests (not marked slow), in under 5 minutes"
	@echo "make lint   ruff on the Python, sqlfluff on the dbt project"
	@echo "make train  retrain the extraction models on ../shared/eval (deterministic)"
	@echo "make eval   score the extractors on ../shared/eval (official scorer, cross-validated)"
	@echo "make docs   generate the dbt docs site and serve it on 127.0.0.1:8081"
	@echo "make bench  benchmark the pipeline against bare trafilatura"
	@echo "make airflow  Airflow UI on 127.0.0.1:8080 (Ctrl-C stops it)"

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: pyproject.toml uv.lock | $(UV)
	UV_PYTHON=$(PYTHON) $(UV) sync --frozen
	touch $@

# Bytecode of every installed module, compiled once. Python compiles what it imports and caches
# the .pyc, unless it may not write it (PYTHONDONTWRITEBYTECODE, as in this environment and many
# container images; a read-only venv): then every process compiles Airflow, cosmos and dbt again,
# and each Airflow task is a process of its own (~1-2 s of CPU per task).
$(VENV)/.bytecode: $(VENV)/.synced
	UV_PYTHON=$(PYTHON) $(UV) sync --frozen --compile-bytecode --quiet
	touch $@

airflow_home/.ready: $(VENV)/.synced
	mkdir -p airflow_home
	$(BIN)/airflow db migrate > airflow_home/db-migrate.log 2>&1 || (tail -40 airflow_home/db-migrate.log; exit 1)
	$(BIN)/airflow pools set duckdb_writer 1 "DuckDB allows one writing process per file" > /dev/null
	touch $@

# Parsed with the env vars the DAG gives dbt (the build file's path is part of dbt's profile
# hash) and the profile and target it names (part of its vars hash): the DAG's first dbt task
# then re-parses only what changed (target/partial_parse.msgpack). The project dir is absolute:
# the saved nodes keep it as their root path, and dbt-duckdb reads seeds from there, whatever
# the worker's current directory (a relative one broke the seeds of LocalExecutor tasks).
dbt_project/target/manifest.json: $(VENV)/.synced $(DBT_SOURCES)
	cd dbt_project && env $$(../$(BIN)/python -c 'from extractors.warehouse import dbt_env; print(" ".join(f"{k}={v}" for k, v in dbt_env().items()))') \
		../$(BIN)/dbt parse --quiet --project-dir $(CURDIR)/dbt_project --profiles-dir . --profile mercato --target dev

setup: $(VENV)/.synced $(VENV)/.bytecode airflow_home/.ready dbt_project/target/manifest.json

# Debian packages the tests drive: chromium (browser tests) and docker-compose (validates
# docker-compose.yml). Installed only if missing, only as root, only where apt exists.
TEST_PACKAGES := chromium:/usr/bin/chromium docker-compose:/usr/bin/docker-compose
test-tools:
	@for entry in $(TEST_PACKAGES); do pkg=$${entry%%:*}; bin=$${entry#*:}; \
	if [ ! -x $$bin ] && [ "$$(id -u)" = 0 ] && command -v apt-get > /dev/null; then \
		echo "installing Debian's $$pkg for the tests"; \
		apt-get install -y $$pkg > /dev/null 2>&1 || (apt-get update > /dev/null && apt-get install -y $$pkg > /dev/null) \
		|| echo "could not install $$pkg"; fi; done

run: setup
	$(BIN)/mercato demo

test: setup test-tools
	$(BIN)/python -m pytest

# sqlfluff's dbt templater compiles the project: into its own target/ and against a
# throwaway DuckDB file (named like the build file), never the pipeline's.
LINT_DIR := dbt_project/target/lint
lint: $(VENV)/.synced
	$(BIN)/ruff check .
	mkdir -p $(LINT_DIR)
	cd dbt_project && DBT_TARGET_PATH=target/lint MERCATO_BUILD_DB=$(CURDIR)/$(LINT_DIR)/mercato_build.duckdb \
		../$(BIN)/sqlfluff lint --disable-progress-bar models analyses tests

check: setup lint
	$(BIN)/python -m pytest -m "not slow"

train: $(VENV)/.synced
	$(BIN)/python -m extractors.extract.learn

BACKEND ?= local
eval: $(VENV)/.synced
	$(BIN)/python -m tests.tools.eval --check --backend $(BACKEND)

docs: setup
	$(BIN)/mercato docs --serve

bench: setup
	$(BIN)/python -m tests.tools.bench $(ARGS)

airflow: setup
	$(BIN)/mercato airflow

clean:
	rm -rf data/lake data/raw data/staging data/warehouse data/docs airflow_home dbt_project/target
