# Two commands do all the set-up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APP_STAMP := $(VENV)/.app-installed
TEST_STAMP := $(VENV)/.test-installed

.PHONY: run test lint typecheck contracts pytest screenshots system-run system-test clean

run: system-run $(APP_STAMP)
	$(BIN)/walkcoach

test: system-test $(TEST_STAMP) lint typecheck contracts pytest

system-run:
	@scripts/ensure-system-packages.sh run

system-test:
	@scripts/ensure-system-packages.sh test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the project metadata changes, so a second `make run` starts at once.
$(APP_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(APP_STAMP)

lint: $(TEST_STAMP)
	$(BIN)/ruff check coach tests benchmarks
	$(BIN)/ruff format --check coach tests benchmarks

typecheck: $(TEST_STAMP)
	$(BIN)/mypy

contracts: $(TEST_STAMP)
	$(BIN)/lint-imports

pytest: $(TEST_STAMP)
	$(BIN)/python -m pytest --junitxml=.pytest-report.xml $(PYTEST_ARGS)

screenshots: system-run $(APP_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m coach.ui.screenshots docs/screenshots

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .pytest-report.xml
