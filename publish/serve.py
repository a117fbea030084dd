"""``newsfacts serve [DB ...]``: the whole site for any database file(s), under each file's name.

SERVE_SETTINGS is the one place the serve settings are written down: this command, ``make
serve`` (which runs this command), the benchmarks and the tests all serve through it.
"""
from __future__ import annotations

from pathlib import Path

import click

TEMPLATES = Path(__file__).resolve().parent / "templates"

# How the site is served (read by make serve through this command, benchmarks/served.py and the tests).
# - mutable (no -i), read-only: Datasette opens each file with mode=ro. A load commits to the file
#   in place, in WAL mode (load/store.py), so every query reads one committed state: the server
#   shows each batch of new articles as it commits, with no restart, and never half an article.
# - num_sql_threads 3 (Datasette's default): WAL readers never block each other or the loader.
# - a SQL time limit and row caps: a runaway query is cut off, not the server; no downloads.
# - suggest_facets off: each suggestion tries a GROUP BY on every column (3-15x slower table pages
#   at 1M rows); the useful facets are configured in metadata.yml.
# - response_cache_mb: answers kept in memory and identical concurrent requests computed once
#   (publish/cache.py); 0 turns it off.
SERVE_SETTINGS = {
    "immutable": False,
    "response_cache_mb": 128,
    "settings": {
        "sql_time_limit_ms": 3000,
        "max_returned_rows": 1000,
        "facet_time_limit_ms": 500,
        "allow_download": False,
        "num_sql_threads": 3,
        "suggest_facets": False,
    },
}


def _setting_text(value) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)


def datasette_arguments(databases, host: str = "127.0.0.1", port: int = 8001,
                        settings: dict | None = None, immutable: bool | None = None) -> list[str]:
    """The ``datasette serve`` command line for ``databases`` with SERVE_SETTINGS (then ``settings``;
    ``immutable`` other than None overrides SERVE_SETTINGS', for benchmarks/serve_load.py)."""
    immutable = SERVE_SETTINGS["immutable"] if immutable is None else immutable
    arguments = ["serve"]
    for database in databases:
        arguments += ["-i", str(database)] if immutable else [str(database)]
    arguments += ["--host", host, "--port", str(port), "--template-dir", str(TEMPLATES)]
    for name, value in {**SERVE_SETTINGS["settings"], **(settings or {})}.items():
        arguments += ["--setting", name, _setting_text(value)]
    return arguments


def make_datasette(databases, settings: dict | None = None):
    """A Datasette (in process) serving ``databases`` exactly as ``newsfacts serve`` does."""
    from datasette.app import Datasette

    paths = [str(database) for database in databases]
    immutable = SERVE_SETTINGS["immutable"]
    return Datasette([] if immutable else paths, immutables=paths if immutable else [],
                     settings={**SERVE_SETTINGS["settings"], **(settings or {})}, template_dir=str(TEMPLATES))


@click.command(context_settings={"help_option_names": ["--help"]})
@click.argument("databases", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 serves other machines too.")
@click.option("--port", "-p", default=8001, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port).")
@click.option("--setting", "settings", nargs=2, multiple=True, metavar="NAME VALUE",
              help="A Datasette setting on top of the site's (repeatable), e.g. --setting max_returned_rows 500.")
def serve(databases: tuple[Path, ...], host: str, port: int, settings: tuple[tuple[str, str], ...]) -> None:
    """Serve newsfacts databases with Datasette: the whole site under each file's own name.

    DATABASES are SQLite files written by `newsfacts load` (default: facts.db). Each is served
    read-only at /NAME (my_corpus.db at /my_corpus) with the descriptions, facets, labels,
    canned queries, dashboard (/-/dashboards/NAME), map, search (/-/search) and article pages
    of metadata.yml. A load into a served file shows as each of its batches commits, with no restart.
    """
    from datasette.cli import cli as datasette_cli

    if not databases:
        default = Path("facts.db")
        if not default.exists():
            raise click.UsageError("no database given and no facts.db here: newsfacts serve my_corpus.db")
        databases = (default,)
    from .config import is_newsfacts_database

    for database in databases:
        if not is_newsfacts_database(str(database)):
            click.echo(f"warning: {database} has no documents and sentences tables: served as a plain database",
                       err=True)
    datasette_cli.main(args=datasette_arguments(databases, host, port, dict(settings)), prog_name="newsfacts serve")
