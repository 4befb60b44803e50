# rasd — two commands set up a fresh machine: `make demo` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
WOF     := ../shared/data/gazetteer/whosonfirst
KB      := src/rasd/kb/built/gazetteer.sqlite
KB_EXTRA := $(if $(wildcard $(WOF)),--extra $(WOF),)

.PHONY: demo test kb model bench system-deps clean lock

# requirements.lock: the tested versions, installed as constraints (pyproject.toml holds the compatible ranges)
$(STAMP): pyproject.toml requirements.lock
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e '.[all,test]'
	touch $(STAMP)

# rewrite requirements.lock from the current .venv (after `make test` passes with new versions)
lock: $(STAMP)
	{ sed -n '1,2p' requirements.lock; $(BIN)/pip freeze --exclude-editable; } > requirements.lock.new
	mv requirements.lock.new requirements.lock

$(KB): $(STAMP)
	$(BIN)/rasd kb build $(KB_EXTRA)

kb: $(STAMP)
	$(BIN)/rasd kb build $(KB_EXTRA)

demo: $(STAMP) $(KB)
	$(BIN)/rasd demo examples/

# Debian packages the tests use for real: Chromium (browser tests) and PostgreSQL (store tests).
system-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver postgresql >/dev/null; \
	  else echo "system-deps: not root; browser/PostgreSQL tests will be skipped"; fi; \
	fi

test: $(STAMP) $(KB) system-deps
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy    # settings and files: [tool.mypy] in pyproject.toml
	$(BIN)/python -m pytest

model: $(STAMP)
	$(BIN)/python scripts/train_ner.py

bench: $(STAMP) $(KB)
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) src/rasd/kb/built rasd.db out
