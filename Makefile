# Two commands on a fresh machine with Python 3.11, pip and make:
#   make serve   install into .venv, build the demo (facts.db, from seeds/), serve it with Datasette
#   make test    install into .venv and run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8001
# The demo database. Your own articles go in a file of your own: newsfacts load ARTICLES --db my_corpus.db,
# then newsfacts serve my_corpus.db. The serve settings (read-only, not immutable: a load shows as it
# commits; time limits, 3 SQL threads, no facet suggestions) are SERVE_SETTINGS in publish/serve.py.
DEMO := facts.db

.PHONY: install serve test bench db clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e '.[test]'
	touch $@

# Rebuilt from seeds/ when the code changes (unchanged articles would otherwise be skipped: the loader
# recognizes them by content, not by the code that read them). publish/demo.py rebuilds only a demo:
# a facts.db holding articles you loaded is left as it is (and served as it is); no other file is touched.
$(DEMO): $(VENV)/.installed schema.sql $(wildcard load/*.py) $(wildcard load/*/*.py) $(wildcard seeds/*.txt)
	$(BIN)/python -m publish.demo --seeds seeds --db $(DEMO)

db: $(DEMO)

serve: $(DEMO)
	$(BIN)/newsfacts serve $(DEMO) --host $(HOST) --port $(PORT)

test: $(VENV)/.installed
	$(BIN)/python -m pytest -q

# The figures in the README's Performance section (about 45 minutes on 2 cores, plus the first time
# about 10 minutes to build benchmarks/output/big-100000.db for incremental.py).
bench: $(VENV)/.installed
	$(BIN)/python benchmarks/load_speed.py --articles 1000 --rss-articles 100 --workers 2 --small 60 --rounds 3
	$(BIN)/python benchmarks/incremental.py --base 1000 --copies 100 --add 10
	$(BIN)/python benchmarks/datasette_scale.py
	$(BIN)/python benchmarks/serve_load.py --documents 20000 --all
	$(BIN)/python benchmarks/html_reading.py --rounds 3
	$(BIN)/python benchmarks/record_streaming.py --records 10000

# Removes the demo only when it is one (never a facts.db holding articles you loaded).
clean:
	-test -x $(BIN)/python && $(BIN)/python -m publish.demo --remove --seeds seeds --db $(DEMO)
	rm -rf $(VENV) .pytest_cache
