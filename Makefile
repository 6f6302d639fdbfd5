# eventcoder — the two commands that matter: `make demo` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test lint bench model web clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

# Code the bundled example articles with the embedded defaults, print them, write events.csv.
demo: install
	rm -f demo.db
	$(BIN)/eventcoder code examples/ --db sqlite:///demo.db
	$(BIN)/eventcoder export --db sqlite:///demo.db -o events.csv
	@echo "wrote events.csv"

test: install
	$(BIN)/python -m pytest -q

# Static checks (ruff's rules as pyproject.toml selects them).
lint: install
	$(BIN)/ruff check src tests bench scripts

# Rebuild the shipped models and data files from the dev data (../shared/data/dev).
model: install
	$(BIN)/python scripts/build_acled_names.py ../shared/data/dev/acled_dev.csv
	$(BIN)/python scripts/build_acled_locations.py ../shared/data/dev/acled_dev.csv
	$(BIN)/python scripts/build_casing.py ../shared/data/dev
	$(BIN)/python scripts/build_outlets.py ../shared/data/dev
	$(BIN)/python scripts/build_training.py ../shared/data/dev -o src/eventcoder/data/models/events.joblib
	$(BIN)/python scripts/build_country_model.py ../shared/data/dev -o src/eventcoder/data/models/country.joblib
	$(BIN)/eventcoder train ../shared/data/dev/acled_dev.csv --exclude-holdout --kind area -o src/eventcoder/data/models/area.joblib

# Rebuild the web map (src/eventcoder/web/static/, committed, so install and test need no npm)
# from web/frontend/ with the npm packages its package-lock.json pins.
web:
	cd web/frontend && npm ci --no-audit --no-fund && node build.mjs

bench: install
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/accuracy.py

clean:
	rm -rf $(VENV) build *.egg-info demo.db events.csv
