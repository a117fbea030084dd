"""The ``newsfacts`` command: ``newsfacts load`` and ``newsfacts remove`` (load/cli.py, also
``python -m load`` and ``python -m load remove``) and ``newsfacts serve`` (publish/serve.py)."""
from __future__ import annotations

import click

from load.cli import main as load
from load.cli import remove
from .serve import serve


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Turn news articles into a fact database (load, remove) and publish it with Datasette (serve)."""


main.add_command(load, name="load")
main.add_command(remove, name="remove")
main.add_command(serve, name="serve")
