# Two commands do all the set-up:  `make report`  and  `make test`.
# Both create .venv with every pinned dependency (spaCy pipeline and Jupyter kernel
# included) when it is missing or pyproject.toml/constraints.txt changed, then do their work.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
KERNEL := toolkit
JOBS   ?= 2

.PHONY: setup report test bench lock clean help

help:  ## list the targets
	@grep -E '^[a-z]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

setup: $(STAMP)  ## create .venv with all pinned dependencies (idempotent)

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python (toolkit)" >/dev/null
	$(BIN)/python -c "import toolkit.nlp as n; n.load_pipeline()"
	@touch $(STAMP)

report: $(STAMP)  ## render every notebook on data/sample into reports/sample/
	$(BIN)/toolkit report data/sample/articles.jsonl -o reports/sample --jobs $(JOBS)

test: $(STAMP)  ## run the whole test suite
	$(BIN)/python -m pytest -n $(JOBS) --dist loadgroup

bench: $(STAMP)  ## run every benchmark in benchmarks/ (slow; one JSON line each)
	@for b in benchmarks/*_bench.py; do echo "# $$b"; $(BIN)/python $$b || exit 1; done

lock: $(STAMP)  ## refresh constraints.txt from the installed environment
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^outlet-toolkit' > constraints.txt.new
	(sed -n '1,2p' constraints.txt; cat constraints.txt.new) > constraints.txt.tmp && rm constraints.txt.new
	mv constraints.txt.tmp constraints.txt

clean:  ## remove the environment, caches and rendered reports
	rm -rf $(VENV) .cache reports/sample .pytest_cache
