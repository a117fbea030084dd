"""Command line: ``python -m load [PATH ...] [--db facts.db]`` (also ``newsfacts load``)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import pipeline
from .distributed import DaskError
from .nlp import DEFAULT_MODEL
from .reader import UnsupportedFile
from .store import TargetError
from .terminal import printable


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--db", "db_path", default="facts.db", show_default=True, type=click.Path(path_type=Path),
              help="SQLite database to create or update. Written to a temporary file and swapped in "
                   "atomically, so a reader never sees a half-written load.")
@click.option("--rebuild", is_flag=True,
              help="Start from an empty database instead of updating the existing one.")
@click.option("--model", default=None, metavar="NAME",
              help=f"Installed spaCy model to use (default: $NEWSFACTS_MODEL or {DEFAULT_MODEL}).")
@click.option("--workers", "-j", default=1, show_default=True, type=click.IntRange(min=1), metavar="N",
              help="Parse and extract in N processes (each loads the model once); the database is the "
                   "same as with one. Worth it for hundreds of articles on a machine with N cores.")
@click.option("--dask", "dask", default=None, metavar="SCHEDULER",
              help="Parse and extract on a Dask distributed cluster: the scheduler's address "
                   "(tcp://host:8786), whose workers see the files at the same absolute paths (a shared "
                   "filesystem); or 'local' for a LocalCluster of --workers processes (default: one per "
                   "core). This process alone writes the database, which is the same as with one process. "
                   "Needs pip install 'newsfacts[dask]'.")
@click.option("--quiet", "-q", is_flag=True, help="Print only skipped files and errors.")
@click.pass_context
def main(ctx: click.Context, paths: tuple[Path, ...], db_path: Path, rebuild: bool, model: str | None,
         workers: int, dask: str | None, quiet: bool) -> None:
    """Extract facts from news articles into a SQLite database.

    PATHS are article files or folders, searched recursively for .txt,
    .html/.htm (and .html.gz), .jsonl/.ndjson/.json (one article per record) and
    .warc/.warc.gz (one article per HTML response); other files are counted as
    not read. The default is seeds/. An optional NAME.json beside NAME.txt or
    NAME.html gives url, outlet, title, author and published, and overrides what
    the text suggests.

    Files and records already loaded with the same content are skipped quickly; a
    changed file (or JSON line, or WARC record) replaces its own facts. Exit status: 0 when every file loaded or was
    unchanged, 1 when any file was skipped, 2 on a usage or database error.
    """
    paths = paths or (Path("seeds"),)
    workers_given = ctx.get_parameter_source("workers") is not click.core.ParameterSource.DEFAULT
    if dask is not None and dask != "local" and workers > 1:
        raise click.UsageError("--workers does not combine with --dask ADDRESS: the cluster's workers do the "
                               "work (start them with 'dask worker ADDRESS --nworkers N --nthreads 1'); "
                               "--workers N goes with --dask local")
    if dask == "local" and not workers_given:
        workers = os.cpu_count() or 1
    try:
        summary = _run(list(paths), db_path, rebuild, model, quiet, workers, dask)
    except (FileNotFoundError, UnsupportedFile, TargetError, DaskError) as error:
        click.echo(f"error: {printable(error)}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo(f"interrupted: {printable(db_path)} is unchanged", err=True)
        sys.exit(130)

    # names, reasons and kinds come from the input: printed escaped, one line per file (load.terminal)
    for path, reason in summary.skipped:
        click.echo(f"skipped {printable(path)}: {printable(reason)}", err=True)
    if not quiet:
        facts = ", ".join(f"{n} {kind}" for kind, n in summary.facts.items()) or "no facts"
        if summary.not_read:
            click.echo("not read (no reader for the type): "
                       + ", ".join(f"{n} {printable(kind)}" for kind, n in sorted(summary.not_read.items())),
                       err=True)
        if summary.ignored:
            click.echo("records that are not articles, not read: "
                       + ", ".join(f"{n} {printable(kind)}" for kind, n in sorted(summary.ignored.items())),
                       err=True)
        click.echo(
            f"{len(summary.loaded)} loaded, {len(summary.unchanged)} unchanged, {len(summary.skipped)} skipped "
            f"into {printable(db_path)} in {summary.seconds:.1f}s ({facts})",
            err=True,
        )
    sys.exit(1 if summary.skipped else 0)


def _run(paths, db_path, rebuild, model, quiet, workers=1, dask=None) -> pipeline.Summary:
    files = sum(1 for _ in _count(paths))
    if files > 1 and not quiet:
        with click.progressbar(length=files, label="loading", file=sys.stderr) as bar:
            return pipeline.run(paths, db_path, rebuild=rebuild, model=model, progress=bar.update, workers=workers,
                                dask=dask)
    return pipeline.run(paths, db_path, rebuild=rebuild, model=model, workers=workers, dask=dask)


def _count(paths):
    from .reader import find_files

    return find_files(paths)
