# An Toàn Số – the two commands are `make run` and `make test` (see README).
VENV ?= .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1:8000

.PHONY: install python-deps npm-deps system-deps messages browser-deps test-deps run serve demo-data test lint format bench lock clean

install: python-deps npm-deps system-deps messages

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

# Debian packages the site needs at run time: gettext (compiled catalogues) and the Noto fonts
# (full Vietnamese coverage) that certificate PDFs embed.
SYSTEM_PACKAGES := gettext fonts-noto-core
# ... and the tests: Chromium, SoftHSM2 (PKCS#11 signing), poppler (pdfsig, pdftotext, pdftoppm),
# zbar (decoding QR codes).
TEST_PACKAGES := chromium fonts-noto-core softhsm2 poppler-utils zbar-tools

system-deps:
	@dpkg -s $(SYSTEM_PACKAGES) >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSTEM_PACKAGES))

messages: python-deps system-deps
	$(MANAGE) compilemessages --ignore "$(VENV)/*" --ignore "node_modules/*" -v 0

# Browser tests drive Debian's Chromium (never a downloaded browser).
test-deps:
	@dpkg -s $(TEST_PACKAGES) >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(TEST_PACKAGES))

browser-deps: test-deps

demo-data: install
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) load_units
	$(MANAGE) seed_demo

serve:
	$(MANAGE) runserver $(HOST)

run: demo-data serve

test: install test-deps
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
