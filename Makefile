# Everything sets itself up: each target creates .venv and installs the pinned dependencies
# (pyproject.toml) when they are missing or pyproject.toml changed.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: generate test check lint bench serve clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[codegen,dev,emulator]"
	@touch $(STAMP)

## generate: regenerate proto/, generated/ and the lock from spec/ (deterministic)
generate: $(STAMP)
	$(PY) -m codegen generate

## test: the whole suite (spec, converter, generated package, end to end, lint and type checks)
test: $(STAMP)
	$(PY) -m pytest

## check: fail if committed proto/ or generated/ is stale
check: $(STAMP)
	$(PY) -m codegen check

## lint: ruff and mypy --strict on codegen/, generated/, depot_ci_emulator/, depot_ci_tools/ and bench/
lint: $(STAMP)
	$(PY) -m ruff check codegen generated depot_ci_emulator depot_ci_tools tests bench
	$(PY) -m mypy codegen generated/depot_ci depot_ci_emulator depot_ci_tools bench

## bench: run the benchmarks and write docs/benchmarks.md
bench: $(STAMP)
	$(PY) -m bench

## serve: run the local Depot CI emulator on http://127.0.0.1:8787 (Ctrl-C stops it)
EMULATOR_TOKEN ?= dev-token
EMULATOR_ARGS ?=
serve: $(STAMP)
	$(PY) -m depot_ci_emulator --port 8787 --token $(EMULATOR_TOKEN) --demo $(EMULATOR_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
