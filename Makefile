# Centrum – the two commands: `make run` (demo on SQLite) and `make test` (the whole suite).
SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS := never
export UV_LINK_MODE := copy
PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null || echo "$(PYTHON) -m uv")
MANAGE := $(UV) run --locked python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup run serve worker test test-sqlite test-postgres test-browser test-dates lint messages bench clean

setup:  ## install Python packages from the lock file, compile translations, migrate the database
	@command -v uv >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	@command -v msgfmt >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "== apt-get install gettext (msgfmt compiles the translations)"; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gettext >/dev/null \
	      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gettext >/dev/null; }; \
	  else echo "msgfmt not found: install gettext (e.g. sudo apt-get install gettext)" >&2; exit 1; fi; }
	$(UV) sync --locked
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0
	mkdir -p var
	$(MANAGE) migrate --noinput

run: setup  ## set everything up, load the demo centres and serve http://127.0.0.1:8000 and <centre>.localhost:8000
	$(MANAGE) seed_demo
	@echo "Centres: http://zory.localhost:$(PORT)/ http://czestochowa.localhost:$(PORT)/ http://myslowice.localhost:$(PORT)/ http://miechow.localhost:$(PORT)/ http://kalisz.localhost:$(PORT)/"
	$(MANAGE) worker & trap "kill $$! 2>/dev/null" EXIT; $(MANAGE) runserver $(HOST):$(PORT)

serve:
	$(MANAGE) runserver $(HOST):$(PORT)

worker:
	$(MANAGE) worker

test: setup  ## lint, the suite on SQLite, the suite on PostgreSQL, browser tests, several frozen dates
	scripts/test.sh all

test-sqlite lint test-postgres test-browser test-dates:
	scripts/test.sh $(subst test-,,$@)

messages:  ## update translation catalogues of every app
	scripts/messages.sh

bench:
	scripts/bench.sh

clean:
	rm -rf var .venv node_modules
