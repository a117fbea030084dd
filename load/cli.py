"""Command line: ``python -m load [PATH ...] [--db facts.db]`` (also ``newsfacts load``), and
``python -m load remove PATH ... [--db facts.db]`` (also ``newsfacts remove``)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import pipeline
from .distributed import DaskError
from .nlp import DEFAULT_MODEL
from .reader import UnsupportedFile
from .database import TargetError
from .terminal import printable

WAIT_HELP = ("Another load writing the same database: wait up to SECONDS for it to finish (default 0: "
             "stop at once, exit status 2, nothing written).")


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--db", "db_path", default="facts.db", show_default=True, type=click.Path(path_type=Path),
              help="SQLite database to create or update, in place (WAL mode), in transactions of whole "
                   "articles with their resolution: a reader never sees half an article, and an interrupted "
                   "load keeps what it committed (run it again to finish).")
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
@click.option("--prune", is_flag=True,
              help="Also remove the facts of files that were loaded from under PATHS and are no longer there.")
@click.option("--dry-run", is_flag=True,
              help="Only say what the load would do (load, rename, and with --prune remove); write nothing.")
@click.option("--wait", type=click.FloatRange(min=0), default=0, metavar="SECONDS", help=WAIT_HELP)
@click.option("--commit-every", default=pipeline.COMMIT_EVERY, show_default=True, type=click.IntRange(min=1),
              metavar="N", help="Articles per transaction: what a reader sees appear at once, and what an "
                                "interrupted load keeps (--rebuild is always one transaction).")
@click.option("--quiet", "-q", is_flag=True, help="Print only skipped files and errors.")
@click.pass_context
def main(ctx: click.Context, paths: tuple[Path, ...], db_path: Path, rebuild: bool, model: str | None,
         workers: int, dask: str | None, prune: bool, dry_run: bool, wait: float, commit_every: int,
         quiet: bool) -> None:
    """Extract facts from news articles into a SQLite database.

    PATHS are article files or folders, searched recursively for .txt,
    .html/.htm (and .html.gz), .jsonl/.ndjson/.json (one article per record; .gz too) and
    .warc/.warc.gz (one article per HTML response); other files are counted as
    not read. The default is seeds/. An optional NAME.json beside NAME.txt or
    NAME.html gives url, outlet, title, author and published, and overrides what
    the text suggests.

    Files and records already loaded with the same content are skipped quickly;
    a changed file (or JSON line, or WARC record) replaces its own facts; a file
    moved or renamed with the same content keeps its facts under the new path.
    Exit status: 0 when every file loaded or was unchanged, 1 when any file was
    skipped, 2 on a usage or database error (and when another load is writing
    the database: see --wait).
    """
    paths = paths or (Path("seeds"),)
    workers_given = ctx.get_parameter_source("workers") is not click.core.ParameterSource.DEFAULT
    if dask is not None and dask != "local" and workers > 1:
        raise click.UsageError("--workers does not combine with --dask ADDRESS: the cluster's workers do the "
                               "work (start them with 'dask worker ADDRESS --nworkers N --nthreads 1'); "
                               "--workers N goes with --dask local")
    if dask == "local" and not workers_given:
        workers = os.cpu_count() or 1
    options = dict(rebuild=rebuild, model=model, workers=workers, dask=dask, prune=prune, dry_run=dry_run,
                   wait=wait, on_wait=lambda message: click.echo(message, err=True), commit_every=commit_every)
    try:
        summary = _run(list(paths), db_path, quiet and not dry_run, options)
    except (FileNotFoundError, UnsupportedFile, TargetError, DaskError) as error:
        click.echo(f"error: {printable(error)}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo(f"interrupted: {printable(db_path)} keeps the articles committed so far; run the same "
                   "command to load the rest", err=True)
        sys.exit(130)

    # names, reasons and kinds come from the input: printed escaped, one line per file (load.terminal)
    if dry_run:
        for path in summary.to_load:
            click.echo(f"would load {printable(path)}")
        for old, new in summary.renamed:
            click.echo(f"would rename {printable(old)} -> {printable(new)}")
        for path in summary.removed:
            click.echo(f"would remove {printable(path)}")
    for path, reason in summary.skipped:
        click.echo(f"skipped {printable(path)}: {printable(reason)}", err=True)
    if not quiet:
        if summary.not_read:
            click.echo("not read (no reader for the type): "
                       + ", ".join(f"{n} {printable(kind)}" for kind, n in sorted(summary.not_read.items())),
                       err=True)
        if summary.ignored:
            click.echo("records that are not articles, not read: "
                       + ", ".join(f"{n} {printable(kind)}" for kind, n in sorted(summary.ignored.items())),
                       err=True)
        if dry_run:
            click.echo(f"dry run, nothing written: {len(summary.to_load)} to load, {len(summary.unchanged)} "
                       f"unchanged, {len(summary.renamed)} to rename, {len(summary.removed)} to remove, "
                       f"{len(summary.skipped)} skipped", err=True)
        else:
            facts = ", ".join(f"{n} {kind}" for kind, n in summary.facts.items()) or "no facts"
            moved = f"{len(summary.renamed)} renamed, " if summary.renamed else ""
            removed = f"{len(summary.removed)} removed, " if summary.removed else ""
            click.echo(
                f"{len(summary.loaded)} loaded, {len(summary.unchanged)} unchanged, {moved}{removed}"
                f"{len(summary.skipped)} skipped into {printable(db_path)} in {summary.seconds:.1f}s ({facts})",
                err=True,
            )
    sys.exit(1 if summary.skipped else 0)


def _run(paths, db_path, quiet, options) -> pipeline.Summary:
    files = sum(1 for _ in _count(paths))
    if files > 1 and not quiet:
        with click.progressbar(length=files, label="loading", file=sys.stderr) as bar:
            return pipeline.run(paths, db_path, progress=bar.update, **options)
    return pipeline.run(paths, db_path, **options)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", "db_path", default="facts.db", show_default=True, type=click.Path(path_type=Path),
              help="SQLite database to remove them from (in one transaction, with their resolution).")
@click.option("--dry-run", is_flag=True, help="Only list what would be removed.")
@click.option("--wait", type=click.FloatRange(min=0), default=0, metavar="SECONDS", help=WAIT_HELP)
def remove(paths: tuple[str, ...], db_path: Path, dry_run: bool, wait: float) -> None:
    """Remove the facts of the named files (or folders, or records FILE#N) from the database.

    The files need not exist any more. Exit status: 0 when every name was found, 1 when some
    name is not in the database, 2 on a database error."""
    try:
        removed, missing = pipeline.remove(list(paths), db_path, dry_run=dry_run, wait=wait,
                                           on_wait=lambda message: click.echo(message, err=True))
    except TargetError as error:
        click.echo(f"error: {printable(error)}", err=True)
        sys.exit(2)
    for path in removed:
        click.echo(f"{'would remove' if dry_run else 'removed'} {printable(path)}")
    for path in missing:
        click.echo(f"not in {printable(db_path)}: {printable(path)}", err=True)
    sys.exit(1 if missing else 0)


def _count(paths):
    from .reader import find_files

    return find_files(paths)
