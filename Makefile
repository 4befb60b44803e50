# rasd — two commands set up a fresh machine: `make demo` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
WOF     := ../shared/data/gazetteer/whosonfirst
KB      := src/rasd/kb/built/gazetteer.sqlite
KB_EXTRA := $(if $(wildcard $(WOF)),--extra $(WOF),)

.PHONY: demo test kb model bench system-deps clean lock native

# requirements.lock: the tested versions, installed as constraints (pyproject.toml holds the compatible ranges)
# The extraction modules are then compiled to C with mypyc (`make native`, issue 16: ~1.2x articles per CPU
# second); RASD_NO_MYPYC=1 make ... keeps everything pure Python. A compiled module whose .py has changed since
# is never used: rasd runs all of them as Python until the next `make native` (src/rasd/_native.py).
$(STAMP): pyproject.toml requirements.lock setup.py
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	RASD_NO_MYPYC=1 $(BIN)/pip install --quiet -c requirements.lock -e '.[all,test]'
	$(MAKE) native
	touch $(STAMP)

# (re)compile the modules listed in src/rasd/_native.py with the .venv's mypy when any source differs from the
# build's stamp (else nothing runs); only changed modules are recompiled (build/ keeps the C). mypyc's
# incremental build can fail across modules (session 13: event_actors' C named a class triggers no longer
# exported), so a failed incremental build is redone once from an empty build/. Without a C compiler or Python
# headers it warns and leaves pure Python. Then every .py gets its bytecode (.pyc): with PYTHONDONTWRITEBYTECODE
# set, as on the shared machine, Python would otherwise compile the ~80 modules `rasd extract` imports from
# source on every start (~0.2 s CPU; issue 16); a .py edited later is compiled in memory until the next make.
native:
	@if [ "$$RASD_NO_MYPYC" = 1 ]; then echo "RASD_NO_MYPYC=1: rasd stays pure Python"; \
	elif $(BIN)/python src/rasd/_native.py; then echo "native: the compiled modules are current"; \
	else $(BIN)/python setup.py --quiet build_ext --inplace -j 2; \
	  $(BIN)/python src/rasd/_native.py || { echo "native: the incremental build failed; building from scratch"; \
	    rm -rf build; $(BIN)/python setup.py --quiet build_ext --inplace -j 2; }; fi
	@$(BIN)/python -m compileall -q -j 0 src/rasd >/dev/null || echo "native: compileall failed (start-up compiles the .py)"

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

test: $(STAMP) native $(KB) system-deps
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy    # settings and files: [tool.mypy] in pyproject.toml
	$(BIN)/python -m pytest
	@# the tests that monkeypatch a compiled module's functions (skipped above when compiled), on the .py modules
	RASD_NO_MYPYC=1 $(BIN)/python -m pytest -m pure_python

model: $(STAMP)
	$(BIN)/python scripts/train_ner.py

bench: $(STAMP) $(KB)
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) src/rasd/kb/built rasd.db out build src/rasd/_native_stamp.json
	find src -name '*.so' -delete
	find src -name __pycache__ -prune -exec rm -rf {} +
