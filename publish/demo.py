"""Build the demo database (``make db``, ``make serve``): the articles of seeds/ in facts.db.

The demo lives in its own file, facts.db, beside the user's databases. Make rebuilds it when the
code, the schema or the seeds change; this module makes sure a rebuild only ever replaces the
demo: when facts.db holds any article that is not one of seeds/ (the user loaded their own
articles into it, e.g. with the loader's default --db), it is left exactly as it is, with a
message, and ``make serve`` serves it unchanged. No other file is written or removed.

    python -m publish.demo [--seeds seeds] [--db facts.db] [--remove]
"""
from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import click


def loaded_paths(db: Path) -> list[str] | None:
    """The article paths (loaded or skipped) the database holds; None when it is not a database
    the loader wrote (then it is not the demo either)."""
    # Read-write when we may (nothing is written): a database in WAL mode gets -wal and -shm files
    # beside it when it is opened, and only a connection that can write removes them on closing.
    mode = "rw" if os.access(db, os.W_OK) and os.access(db.resolve().parent, os.W_OK) else "ro"
    try:
        conn = sqlite3.connect(f"file:{db.resolve()}?mode={mode}", uri=True)
    except sqlite3.Error:
        return None
    try:
        paths = [path for (path,) in conn.execute("select path from documents")]
        try:
            paths += [path for (path,) in conn.execute("select path from skipped_files")]
        except sqlite3.Error:
            pass
        return paths
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def is_demo(db: Path, seeds: Path) -> bool:
    """True when ``db`` does not exist or holds nothing but articles of ``seeds`` (so a rebuild loses nothing)."""
    if not db.exists():
        return True
    paths = loaded_paths(db)
    if paths is None:
        return False
    folder = seeds.resolve()
    return all(Path(path).resolve().is_relative_to(folder) for path in paths)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--seeds", default=Path("seeds"), show_default=True, type=click.Path(path_type=Path, file_okay=False),
              help="The demo's articles.")
@click.option("--db", "db_path", default=Path("facts.db"), show_default=True, type=click.Path(path_type=Path),
              help="The demo database.")
@click.option("--remove", is_flag=True, help="Remove the demo database instead (make clean), if it is one.")
def main(seeds: Path, db_path: Path, remove: bool) -> None:
    """(Re)build the demo database from the seed articles, unless it holds articles of your own."""
    if remove:
        if db_path.exists() and is_demo(db_path, seeds):
            from load.database import own_files, real_path

            db_path.unlink()
            for path in own_files(db_path) - {real_path(db_path)}:   # its -wal, -shm and the loader's lock
                path.unlink(missing_ok=True)
        elif db_path.exists():
            click.echo(f"{db_path} holds articles you loaded: not removed", err=True)
        return
    if not is_demo(db_path, seeds):
        click.echo(f"{db_path} holds articles you loaded (not only {seeds}/): it is not rebuilt, and served as "
                   f"it is. To apply new code, reload them (newsfacts load ... --db {db_path} --rebuild); to get "
                   f"the demo back, move {db_path} away.", err=True)
        return
    from load import pipeline

    summary = pipeline.run([seeds], db_path, rebuild=True)
    for path, reason in summary.skipped:
        click.echo(f"skipped {path}: {reason}", err=True)
    click.echo(f"demo: {len(summary.loaded)} seed articles in {db_path} ({summary.seconds:.1f}s)", err=True)
    sys.exit(1 if summary.skipped else 0)


if __name__ == "__main__":
    main()
