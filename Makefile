# The README's two commands: `make serve` and `make test`. Each does its own set-up.
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	  command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && { echo $$p; break; }; done)
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.pangan-installed

.PHONY: serve test lint format dashboard clean-venv

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11 atau lebih baru diperlukan / Python 3.11+ is required"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	@touch $@

serve: $(STAMP)
	$(BIN)/pangan serve $(ARGS)

test: $(STAMP)
	@bash tests/ensure_chromium.sh
	@bash tests/ensure_nginx.sh
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest $(ARGS)

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean-venv:
	rm -rf $(VENV)
