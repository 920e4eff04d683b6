# Presenza: the two commands of the quick start, and what they need.
#   make run   — set up .venv and open the dashboard on the bundled sample data
#   make test  — set up .venv and run the whole test suite (lint and type check included)
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test bench bench-huge bench-capacity lock clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e ".[postgres,test,bench]"
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m streamlit run streamlit_app.py --server.address 127.0.0.1 --server.port $${PORT:-8501}

test: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	$(PY) -m pytest -q -n 2

# The enterprise company (10 M actions) is generated into bench_data/ once; every figure of
# the README's Speed section is printed. bench-huge: 100 M actions, larger than memory.
bench: $(STAMP)
	$(PY) benchmarks/bench_ingest.py
	$(PY) benchmarks/bench_audit.py
	$(PY) benchmarks/bench_dashboard.py

bench-huge: $(STAMP)
	$(PY) benchmarks/bench_huge.py

# 1 and then 20 concurrent sessions on the sample, through Streamlit's websocket protocol.
bench-capacity: $(STAMP)
	$(PY) benchmarks/bench_capacity.py

# Re-pin every dependency to what resolves today (then commit requirements.lock).
lock:
	rm -rf .lockenv && $(PYTHON) -m venv .lockenv
	.lockenv/bin/pip install --quiet -e ".[postgres,test,bench]"
	.lockenv/bin/pip freeze --exclude-editable | grep -v '^presenza' > requirements.lock
	rm -rf .lockenv

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
