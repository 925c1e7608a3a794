# Two commands for a newcomer: `make run` and `make test`. Each does all of its own set-up.
SHELL := /bin/bash
.DEFAULT_GOAL := help
.PHONY: help python-check run run-scaled test bench bench-pages bench-report setup check lint typecheck imports migrations-check translations pytest clean

export UV_PYTHON_DOWNLOADS := never
export PYTHONDONTWRITEBYTECODE := 1

VENV := .venv
PY := $(VENV)/bin/python
TEST_SETTINGS := DJANGO_SETTINGS_MODULE=samenspel.settings_test
HOST ?= 127.0.0.1
PORT ?= 8000

# The first Python >= 3.12 on the PATH (pyenv reads .python-version and selects 3.13).
PYTHON := $(shell for p in python3.13 python3.12 python3 python; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 \
	&& { $$p -c 'import sys; print(sys.executable)'; break; }; done)
UV := $(or $(shell command -v uv 2>/dev/null),.cache/tools/bin/uv)
MO := samenspel/locale/nl/LC_MESSAGES/django.mo

help:
	@echo "make run   - set up and serve Samenspel with demo data on http://$(HOST):$(PORT)"
	@echo "make test  - set up and run the whole test suite"
	@echo "make run-scaled - several processes with PostgreSQL and Redis (see docs/deployment.md)"
	@echo "make bench - the load benchmark (about 15 minutes; BENCH_ARGS=--quick for a small run)"

python-check:
	@if [ -z "$(PYTHON)" ]; then \
		echo "Samenspel needs Python 3.12 or newer: install Python 3.13 (for example 'pyenv install 3.13') and run make again."; \
		exit 1; fi
	@command -v npm >/dev/null 2>&1 || { echo "Samenspel needs Node.js with npm to install its style sheets: install Node.js 20 or newer and run make again."; exit 1; }

.cache/tools/bin/uv: | python-check
	$(PYTHON) -m venv .cache/tools
	.cache/tools/bin/pip install --quiet "uv==0.13.8"

$(VENV)/.synced: pyproject.toml uv.lock | python-check $(UV)
	$(UV) sync --frozen --python "$(PYTHON)"
	@touch $@

node_modules/.installed: package.json package-lock.json | python-check
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(MO): samenspel/locale/nl/LC_MESSAGES/django.po $(VENV)/.synced
	$(TEST_SETTINGS) $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules --ignore=.cache -v 0

var/secret-key:
	@mkdir -p var
	@$(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@
	@chmod 600 $@

setup: $(VENV)/.synced node_modules/.installed $(MO)

# No permessage-deflate on the live sockets: its zlib state costs about 45 KB of server memory
# per open socket, more than the rest of the socket, for frames of a few KB
# (docs/benchmarks.md, "Live updates under load").
UVICORN_OPTIONS := --ws-per-message-deflate false

# A local run: production settings (DEBUG off) with a key kept in var/, plain-HTTP cookies
# because it serves http://127.0.0.1, and static files collected as in production (hashed
# names, gzip copies, cached for a year); collected on every start so they match the sources.
run: setup var/secret-key
	@export SECRET_KEY="$$(cat var/secret-key)" SECURE_COOKIES=0; \
	$(PY) manage.py collectstatic --noinput -v 0 && \
	$(PY) manage.py migrate --noinput -v 0 && \
	$(PY) manage.py setup_demo && \
	exec $(VENV)/bin/uvicorn samenspel.asgi:application --host $(HOST) --port $(PORT) --no-access-log $(UVICORN_OPTIONS)

# Scaled out on one machine: several uvicorn processes behind one port, sharing PostgreSQL
# and Redis (docs/deployment.md). Each process subscribes to the workshops it has sockets for.
WORKERS ?= 2
run-scaled: setup var/secret-key
	@if [ -z "$$DATABASE_URL" ] || [ -z "$$REDIS_URL" ]; then \
		echo "make run-scaled needs PostgreSQL and Redis, for example:"; \
		echo "  DATABASE_URL=postgres://postgres@127.0.0.1:5432/samenspel REDIS_URL=redis://127.0.0.1:6379/0 make run-scaled"; \
		exit 1; fi
	@export SECRET_KEY="$$(cat var/secret-key)" SECURE_COOKIES=0; \
	$(PY) manage.py collectstatic --noinput -v 0 && \
	$(PY) manage.py migrate --noinput -v 0 && \
	$(PY) manage.py setup_demo && \
	exec $(VENV)/bin/uvicorn samenspel.asgi:application --host $(HOST) --port $(PORT) --workers $(WORKERS) --no-access-log $(UVICORN_OPTIONS)

# The load benchmark on loopback: Samenspel and the baseline, results in bench/results/.
# It needs PostgreSQL and Redis on 127.0.0.1 for scenario (d); see docs/benchmarks.md.
bench: setup
	$(PY) -m bench $(BENCH_ARGS)

test: setup lint typecheck imports migrations-check translations pytest

lint: $(VENV)/.synced
	$(VENV)/bin/ruff check .

typecheck: $(VENV)/.synced
	$(VENV)/bin/mypy samenspel

imports: $(VENV)/.synced
	$(VENV)/bin/lint-imports --no-cache --no-logo

migrations-check: $(VENV)/.synced
	$(TEST_SETTINGS) $(PY) manage.py makemigrations --check --dry-run

translations: $(VENV)/.synced
	$(TEST_SETTINGS) $(PY) manage.py check_translations

pytest: setup
	$(VENV)/bin/pytest

# What the participant's phone page weighs and how soon it is ready (docs/benchmarks.md).
bench-pages: setup
	$(PY) bench/pages.py

# How long the PDF report of 60 participants and 600 notes takes, and its peak memory.
bench-report: setup
	$(PY) -m bench.report_pdf $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules .cache var $(MO)
