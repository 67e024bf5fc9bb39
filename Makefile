# edgekit — the two commands: `make demo` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.edgekit-installed

.PHONY: demo test setup lint typecheck pytest bench clean

demo: setup
	$(BIN)/edgekit demo

test: setup lint typecheck pytest

setup: $(STAMP)

$(STAMP): pyproject.toml tools/system-deps.sh
	@PYTHON=$(PYTHON) sh tools/system-deps.sh
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,sandbox]'
	$(BIN)/python -m ipykernel install --sys-prefix --name edgekit --display-name "edgekit (Python 3)" >/dev/null
	@touch $(STAMP)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: setup
	$(BIN)/mypy

# The check tests again, alone, under branch coverage of the check modules: every verdict branch
# (fail, pass, unknown) of a check must be executed by some test (issue 14; floor in percent).
CHECKS_BRANCH_FLOOR := 94

pytest: setup
	$(BIN)/pytest -n auto -q
	$(BIN)/pytest -n auto -q -p no:cacheprovider tests/rules/checks --cov=edgekit/rules/checks \
	  --cov-branch --cov-report=term-missing:skip-covered --cov-fail-under=$(CHECKS_BRANCH_FLOOR)

bench: setup
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache

# The CDK harness (tools/cdk-harness): pinned aws-cdk-lib, constructs, typescript and the AWS
# provider schema (@cdktf/provider-aws .jsii) the plan snippets are checked against.
HARNESS := tools/cdk-harness
HARNESS_STAMP := $(HARNESS)/node_modules/.edgekit-installed

.PHONY: harness
harness: $(HARNESS_STAMP)

$(HARNESS_STAMP): $(HARNESS)/package.json $(HARNESS)/package-lock.json
	cd $(HARNESS) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $(HARNESS_STAMP)

test: harness
pytest: harness
