# The README's two commands are the contract: `make run` and `make test` on a fresh machine.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test setup catalogue bench stress lint clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/kiosk

test: $(STAMP)
	$(BIN)/python -m pytest -q

catalogue: $(STAMP)
	$(BIN)/kiosk catalogue build

bench: $(STAMP)
	$(BIN)/python -m bench

stress: $(STAMP)
	KIOSK_LOAD_PHONES=200 KIOSK_KILLS=100 $(BIN)/python -m pytest -q -s tests/test_load.py tests/test_kill_storm.py

lint: $(STAMP)
	$(BIN)/ruff check kiosk screens tests

clean:
	rm -rf $(VENV) .pytest_cache
