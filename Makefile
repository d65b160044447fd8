# korea-analysis — the front door. `make help` lists the targets.
# Needs only python3 (3.11+) and make; everything else is installed into .venv.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
KERNEL := korea-analysis

.PHONY: help install report test lab clean-cache clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/'

# Re-installs only when pyproject.toml changes (the source is installed editable).
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) \
		--display-name "Python (korea-analysis)" >/dev/null
	@touch $(STAMP)

install: $(STAMP)  ## create .venv and install the project (idempotent)

report: $(STAMP)  ## run every notebook into reports/ (executed .ipynb + HTML)
	$(BIN)/korea-analysis report

test: $(STAMP)  ## lint and run the test suite
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/python -m pytest -q

lab: $(STAMP)  ## open JupyterLab on notebooks/ (loopback only, with token)
	$(BIN)/jupyter lab --ip=127.0.0.1 --ServerApp.root_dir=notebooks --no-browser \
		$(if $(filter 0,$(shell id -u)),--allow-root)

clean-cache:  ## remove cached annotations
	rm -rf .cache

clean: clean-cache  ## remove .venv and caches (reports are kept)
	rm -rf $(VENV) .pytest_cache .ruff_cache
