# Two commands do all the set-up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APP_STAMP := $(VENV)/.app-installed
TEST_STAMP := $(VENV)/.test-installed

.PHONY: run test lock lint typecheck contracts pytest screenshots system-run system-test clean \
	bundle install-desktop uninstall-desktop deb system-deb

run: system-run $(APP_STAMP)
	$(BIN)/walkcoach

test: system-test $(TEST_STAMP) lint typecheck contracts pytest

system-run:
	@PYTHON=$(PYTHON) scripts/ensure-system-packages.sh run

system-test:
	@PYTHON=$(PYTHON) scripts/ensure-system-packages.sh test

# Every Python package comes from uv.lock (with hashes): two people on two days get the same
# bytes. pip only bootstraps uv itself, pinned with hashes in packaging/uv-bootstrap.txt.
UV := $(BIN)/uv
# --compile-bytecode: uv writes no .pyc files itself, so without it the first start of the
# app (and every start where Python may not write them) compiles about 80 modules first.
UV_SYNC := UV_PYTHON_DOWNLOADS=never UV_NO_CONFIG=1 $(UV) sync --locked --quiet --compile-bytecode

$(BIN)/python:
	@$(PYTHON) scripts/check_lock_fits.py uv.lock
	$(PYTHON) -m venv $(VENV)

$(UV): packaging/uv-bootstrap.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r packaging/uv-bootstrap.txt
	touch $@

# Reinstall only when the lock changes, so a second `make run` starts at once. A sync is exact:
# the app's sync removes the test extras, so it also drops the test stamp.
$(APP_STAMP): uv.lock pyproject.toml | $(UV)
	$(UV_SYNC)
	rm -f $(TEST_STAMP) $(BUNDLE_STAMP)
	touch $@

$(TEST_STAMP): uv.lock pyproject.toml | $(UV)
	$(UV_SYNC) --extra test
	rm -f $(BUNDLE_STAMP)
	touch $@ $(APP_STAMP)

# Refresh uv.lock to the newest releases pyproject.toml allows; then run `make test`
# (docs/upgrading.md says what to look at).
lock: | $(UV)
	UV_PYTHON_DOWNLOADS=never $(UV) lock --upgrade
	$(UV) export --locked --quiet --only-group installer --no-emit-project --no-header \
		--format requirements-txt --output-file packaging/uv-bootstrap.txt

lint: $(TEST_STAMP)
	$(BIN)/ruff check coach tools tests benchmarks packaging
	$(BIN)/ruff format --check coach tools tests benchmarks packaging

typecheck: $(TEST_STAMP)
	$(BIN)/mypy

contracts: $(TEST_STAMP)
	$(BIN)/lint-imports

# One pytest-xdist worker per core; the tests that build and install the packaged app form
# one group on one worker (tests/conftest.py), and loadgroup starts that longest group first.
# PYTEST_WORKERS=0 runs everything in this process (for a debugger, or -x).
PYTEST_WORKERS ?= auto
pytest: $(TEST_STAMP)
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadgroup --junitxml=.pytest-report.xml \
		$(PYTEST_ARGS)

screenshots: system-run $(APP_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tools.screenshots docs/screenshots

# The PyInstaller one-folder bundle, dist/walking-coach/walking-coach (packaging/walking-coach.spec).
BUNDLE_STAMP := $(VENV)/.bundle-installed
BUNDLE_EXE := dist/walking-coach/walking-coach

bundle: system-run $(BUNDLE_STAMP)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/walking-coach.spec
	@echo "Built $(BUNDLE_EXE) ($$(du -sh dist/walking-coach | cut -f1))"

$(BUNDLE_STAMP): uv.lock pyproject.toml | $(UV)
	$(UV_SYNC) --extra bundle $(if $(wildcard $(TEST_STAMP)),--extra test)
	touch $@ $(APP_STAMP)

# The Debian package dist/walking-coach_<version>_<arch>.deb, made from the bundle by
# packaging/build_deb.py; `sudo apt install ./dist/walking-coach_*.deb` installs it.
deb: system-deb bundle
	$(BIN)/python packaging/build_deb.py --bundle dist/walking-coach --out dist --work build/deb

system-deb:
	@PYTHON=$(PYTHON) scripts/ensure-system-packages.sh deb

# Desktop entry, metainfo and icons for the current user ($$XDG_DATA_HOME or ~/.local/share).
# They start the bundle when it has been built, otherwise the venv's walkcoach.
DESKTOP_EXEC ?= $(abspath $(if $(wildcard $(BUNDLE_EXE)),$(BUNDLE_EXE),$(BIN)/walkcoach))

install-desktop: $(APP_STAMP)
	$(BIN)/python packaging/desktop_entry.py install --exec "$(DESKTOP_EXEC)"

uninstall-desktop: $(APP_STAMP)
	$(BIN)/python packaging/desktop_entry.py uninstall

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .pytest-report.xml build/pyinstaller \
		build/deb dist
