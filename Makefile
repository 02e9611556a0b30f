# The front door: `make run` starts everything, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: run test lint install browser ocr clean bench

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Installs once per pyproject.toml version; a second `make run` skips straight to starting.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[test]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

# Tesseract reads scanned PDFs (analysis/documents/ocr.py), Debian's package as for Chromium; where it
# cannot be installed (no root, no apt-get) the app still runs and a scanned PDF fails with a message.
ocr:
	@command -v tesseract >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd >/dev/null) || echo "tesseract-ocr could not be installed: scanned PDFs fail until it is (apt-get install tesseract-ocr)"

run: install ocr
	$(PY) -m resume_analyzer.run

# Debian's Chromium for the browser tests (Playwright's own browser download does not work here).
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)
	@command -v soffice >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq libreoffice-writer-nogui >/dev/null) || true
	@command -v pdftoppm >/dev/null 2>&1 || apt-get install -y -qq poppler-utils >/dev/null || true

# Two pytest-xdist workers by default (each with its own embedded PostgreSQL and data folder):
# most tests wait on real processes, so two share the cores well. TEST_WORKERS=0 runs in one process.
TEST_WORKERS ?= 2
test: install browser ocr
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

lint: install
	$(PY) -m ruff check .

# Each benchmark prints its figures (docs/benchmarks.md records them); run one alone with $(PY) bench/<name>.py.
bench: install
	status=0; for script in parser interview export pipeline chat; do $(PY) bench/$$script.py || status=1; done; exit $$status

clean:
	rm -rf .data/test*
