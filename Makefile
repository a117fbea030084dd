# Two commands on a fresh machine with Python 3.11, pip and make:
#   make serve   install into .venv, build facts.db from seeds/, serve it with Datasette
#   make test    install into .venv and run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8001
# Served read-only (Datasette opens the file with mode=ro; not -i, since loads commit to the file in
# place, in WAL mode), with a SQL time limit and row caps: a runaway query is cut off, not the server.
# Every query reads one committed state, so the server shows each load's new articles as they commit,
# with no restart, and never half an article; SQL threads read side by side (WAL readers never block
# each other or the loader): Datasette's default of 3.
# No facet suggestions: each tries a GROUP BY on every column (3-15x slower table pages at 1M rows);
# the useful facets are configured in metadata.yml.
SERVE_SETTINGS := --setting sql_time_limit_ms 3000 --setting max_returned_rows 1000 \
	--setting facet_time_limit_ms 500 --setting allow_download off --setting num_sql_threads 3 \
	--setting suggest_facets off

.PHONY: install serve test bench db clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e '.[test]'
	touch $@

# --rebuild: the target is remade when the code changes, and unchanged articles would
# otherwise be skipped (the loader recognizes them by content, not by the code that read them).
facts.db: $(VENV)/.installed schema.sql $(wildcard load/*.py) $(wildcard seeds/*.txt)
	$(BIN)/python -m load seeds --db facts.db --rebuild

db: facts.db

serve: facts.db
	$(BIN)/datasette serve facts.db -m metadata.yml -h $(HOST) -p $(PORT) $(SERVE_SETTINGS)

test: $(VENV)/.installed
	$(BIN)/python -m pytest -q

# The figures in the README's Performance section (about 20 minutes on 2 cores, plus the first time
# about an hour to build benchmarks/output/big-100000.db for incremental.py).
bench: $(VENV)/.installed
	$(BIN)/python benchmarks/load_speed.py --articles 1000 --rss-articles 100 --workers 2 --small 60
	$(BIN)/python benchmarks/incremental.py --base 1000 --copies 100 --add 10
	$(BIN)/python benchmarks/datasette_scale.py
	$(BIN)/python benchmarks/serve_load.py

clean:
	rm -rf $(VENV) facts.db .pytest_cache
