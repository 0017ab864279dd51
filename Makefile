# An Toàn Số – the two commands are `make run` and `make test` (see README).
VENV ?= .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1:8000

.PHONY: install python-deps npm-deps messages browser-deps run serve demo-data test lint format bench lock clean

install: python-deps npm-deps messages

$(VENV)/.installed: requirements.lock
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	touch $@

python-deps: $(VENV)/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

npm-deps: node_modules/.installed

messages: python-deps
	@command -v msgfmt >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext)
	$(MANAGE) compilemessages --ignore "$(VENV)/*" --ignore "node_modules/*" -v 0

# Browser tests drive Debian's Chromium (never a downloaded browser).
browser-deps:
	@test -x /usr/bin/chromium || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core)

demo-data: install
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) load_units
	$(MANAGE) seed_demo

serve:
	$(MANAGE) runserver $(HOST)

run: demo-data serve

test: install browser-deps
	$(PY) -m pytest $(PYTEST_ARGS)

lint: python-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: python-deps
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: install
	$(PY) bench/import_people.py
	@for f in bench/anchor_wagtail_lms.py bench/pages.py bench/quiz_load.py; do test -f $$f && $(PY) $$f || true; done

# Re-resolve the lock after changing pyproject.toml dependencies.
lock:
	rm -rf /tmp/ats-lock && python3 -m venv /tmp/ats-lock
	/tmp/ats-lock/bin/pip install --quiet ".[dev]"
	/tmp/ats-lock/bin/pip freeze --exclude-editable | grep -v '^an-toan-so' > requirements.lock

clean:
	rm -rf $(VENV) node_modules static_collected
