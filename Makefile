# The two commands of the README: `make demo` and `make test`.
# Everything else here is what they need; each target sets up what it uses.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEBIAN_PACKAGES := chromium hunspell hunspell-uk poppler-utils postgresql

.PHONY: demo test lint typecheck pytest system setup clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

# Debian packages for the browser tests, the spelling check and the PostgreSQL gradebook
# tests (the server's binaries are in /usr/lib/postgresql/<version>/bin); installed once.
# npm (the lite build packs Pyodide from the npm registry) only where Node.js has none:
# a Node.js from NodeSource brings its own npm and conflicts with Debian's.
system:
	@if ! command -v chromium >/dev/null || ! test -f /usr/share/hunspell/uk_UA.dic \
		|| ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y $(DEBIAN_PACKAGES); \
	fi
	@if ! command -v npm >/dev/null; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm; \
	fi

demo: $(STAMP)
	$(BIN)/clientlearn demo --out demo-course-$$(date +%Y%m%d-%H%M%S)

lint: $(STAMP)
	$(BIN)/ruff check clientlearn tests benchmarks
	$(BIN)/ruff format --check clientlearn tests benchmarks
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) system
	mkdir -p test-artifacts
	$(BIN)/python -m pytest --junitxml=test-artifacts/junit.xml

test: lint typecheck pytest

clean:
	rm -rf $(VENV) test-artifacts .mypy_cache .ruff_cache .pytest_cache
