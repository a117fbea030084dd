"""The database file: its schema, one writer at a time, and transactions in WAL mode.

Atomicity comes from SQLite itself, on the database file in place (no copy, no swap):

- The file is in WAL mode. A load writes in transactions of whole articles: each
  transaction (``begin``/``commit``) holds a batch of articles, the removals and renames
  that go with them, and the cross-article resolution they cause, so a reader (a
  Datasette serving the file) sees the database before the batch or after it, never
  an article without its facts or its people. ``--rebuild`` is one transaction.
- A load killed at any moment leaves the last committed batch: SQLite ignores the
  uncommitted tail of the WAL, and the next load skips what was committed (same path,
  same hash) and completes the rest.
- The WAL and shared-memory files belong to the file SQLite opened; nothing is ever
  moved over it, so they can never meet a file they do not belong to. A symlinked
  ``--db`` stays a symlink (its target is written) and the file keeps its mode.
- One writer at a time (``writer``): a load holds an exclusive ``flock`` on
  ``<database>.lock`` for its whole run; a second load stops at once with
  ``LoadInProgress`` or waits for it (``wait`` seconds). The lock dies with its process.

What is written into it is ``load.store``'s.
"""
from __future__ import annotations

import errno
import fcntl
import os
import socket
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema.sql"
BUSY_TIMEOUT_S = 30  # another program (not a newsfacts load) holding the write lock


def schema_sql() -> str:
    return SCHEMA_PATH.read_text(encoding="utf-8")


def schema_version() -> int:
    """A number for this schema.sql (stored in ``PRAGMA user_version``): the schema is
    applied only when it changed, so an unchanged database is not written."""
    return zlib.crc32(schema_sql().encode()) & 0x7FFFFFFF


def statements(sql: str) -> Iterator[str]:
    """The statements of a script, one at a time (``executescript`` would commit the load's transaction)."""
    pending = ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip():
                yield pending
            pending = ""


def connect(path: str | Path) -> sqlite_utils.Database:
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S)
    conn.execute("PRAGMA foreign_keys = ON")
    return sqlite_utils.Database(conn)


def apply_schema(db: sqlite_utils.Database) -> None:
    """Create what schema.sql declares, in the current transaction (or one of its own)."""
    if db.conn.execute("PRAGMA user_version").fetchone()[0] == schema_version():
        return
    with db.atomic():
        for statement in statements(schema_sql()):
            if not statement.lstrip().upper().startswith("PRAGMA"):
                db.conn.execute(statement)
        db.conn.execute(f"PRAGMA user_version = {schema_version()}")


class TargetError(Exception):
    """The database cannot be written (read-only folder, disk full, not a database)."""


class LoadInProgress(TargetError):
    """Another load is writing the database."""


def real_path(target: str | Path) -> Path:
    """The file a --db names: a symlink's target (written in place, the link stays)."""
    return Path(os.path.realpath(target))


def lock_path(target: str | Path) -> Path:
    real = real_path(target)
    return real.with_name(real.name + ".lock")


def own_files(target: str | Path) -> set[Path]:
    """The database file a --db names and the files beside it that belong to it (a load of
    the folder it sits in passes over them)."""
    real = real_path(target)
    return {real, lock_path(target), *(Path(f"{real}{suffix}") for suffix in ("-wal", "-shm", "-journal"))}


def _take_lock(target: Path, wait: float, on_wait: Callable[[str], object] | None) -> int:
    path = lock_path(target)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as error:
        raise TargetError(f"{target}: cannot create the lock file {path.name}: {error.strerror}") from None
    deadline = time.monotonic() + max(0.0, wait)
    told = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.EACCES):
                os.close(fd)
                raise TargetError(f"{target}: cannot lock {path.name}: {error.strerror}") from None
        holder = _holder(path)
        if time.monotonic() >= deadline:
            os.close(fd)
            if wait <= 0:
                raise LoadInProgress(f"{target}: another load ({holder}) is writing it; stopped without "
                                     "writing (--wait SECONDS waits for it)") from None
            raise LoadInProgress(f"{target}: another load ({holder}) was still writing it after "
                                 f"{wait:g} s; stopped without writing") from None
        if not told and on_wait:
            on_wait(f"waiting for another load ({holder}) to finish writing {target} (up to {wait:g} s)")
            told = True
        time.sleep(0.1)
    os.ftruncate(fd, 0)
    started = datetime.now(timezone.utc).isoformat(timespec="seconds")
    os.write(fd, f"pid {os.getpid()} on {socket.gethostname()} since {started}\n".encode())
    return fd


def _holder(path: Path) -> str:
    try:
        return path.read_text().strip() or "starting"
    except OSError:
        return "unknown process"


def _open_for_writing(real: Path) -> sqlite_utils.Database:
    existed = real.exists()
    db = connect(real)
    try:
        db.conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError as error:
        db.conn.close()
        raise TargetError(f"{real}: not a newsfacts database ({error})") from None
    mode = db.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode != "wal":
        db.conn.close()
        raise TargetError(f"{real}: cannot use WAL mode here (journal mode {mode})")
    # A committed transaction survives a crash of the process; a power cut may lose the last
    # batches (never the database's consistency): they are reloaded by the next load.
    db.conn.execute("PRAGMA synchronous = NORMAL")
    if not existed:
        os.chmod(real, 0o666 & ~_umask())
    return db


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def writer(target: str | Path, wait: float = 0, on_wait: Callable[[str], object] | None = None
           ) -> Iterator[sqlite_utils.Database]:
    """The database, opened for one load: locked against other loads, in WAL mode, with the schema.

    The caller writes in transactions (``begin``/``commit``); a transaction left open when the
    block ends (an exception, Ctrl-C) is rolled back, and what was committed stays."""
    target = Path(target)
    real = real_path(target)
    folder = real.parent
    if not folder.exists():
        raise TargetError(f"{target}: folder {folder} does not exist")
    if real.is_dir():
        raise TargetError(f"{target}: is a folder, not a database file")
    if not os.access(folder, os.W_OK) or (real.exists() and not os.access(real, os.W_OK)):
        raise TargetError(f"{target}: {'folder ' + str(folder) if not os.access(folder, os.W_OK) else 'file'} "
                          "is not writable")
    lock = _take_lock(target, wait, on_wait)
    created = not real.exists()
    db = None
    failed = True
    try:
        db = _open_for_writing(real)
        apply_schema(db)
        yield db
        if db.conn.in_transaction:
            db.conn.commit()
        _checkpoint(db)
        failed = False
    except sqlite3.OperationalError as error:
        raise TargetError(f"{target}: {error}") from None
    except OSError as error:
        raise TargetError(f"{target}: {error.strerror or error}") from None
    finally:
        if db is not None:
            if db.conn.in_transaction:
                db.conn.rollback()
            empty = failed and created and _is_empty(db)
            db.conn.close()
            if empty:   # a load that failed before writing anything leaves no database behind
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{real}{suffix}").unlink(missing_ok=True)
        os.close(lock)   # after the connection: the next load starts on a closed file


def _is_empty(db: sqlite_utils.Database) -> bool:
    try:
        return not any(db.conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone()
                       for table in ("documents", "skipped_files"))
    except sqlite3.Error:
        return False


def _checkpoint(db: sqlite_utils.Database) -> None:
    """Copy the WAL into the database file (so the file alone is whole), unless readers are mid-query."""
    db.conn.execute("PRAGMA busy_timeout = 200")
    try:
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    except sqlite3.OperationalError:
        pass   # busy: the next checkpoint (any later commit) does it
    db.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")


@contextmanager
def reader(target: str | Path) -> Iterator[sqlite_utils.Database | None]:
    """The database read-only (for --dry-run), or None when there is none yet."""
    real = real_path(target)
    if not real.exists():
        yield None
        return
    try:
        conn = sqlite3.connect(f"file:{real}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError as error:
        raise TargetError(f"{target}: not a newsfacts database ({error})") from None
    try:
        yield sqlite_utils.Database(conn)
    finally:
        conn.close()


def begin(db: sqlite_utils.Database) -> None:
    """Start a write transaction (readers go on seeing the last commit until ``commit``)."""
    db.conn.execute("BEGIN IMMEDIATE")


def commit(db: sqlite_utils.Database) -> None:
    db.conn.commit()


def clear(db: sqlite_utils.Database) -> None:
    """Empty the database inside the current transaction (``--rebuild``): every table,
    view and trigger is dropped, children before parents, and the schema made again."""
    conn = db.conn
    for kind in ("view", "trigger"):
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = ?", [kind]).fetchall():
            conn.execute(f"DROP {kind.upper()} IF EXISTS [{name}]")
    virtual = {name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'")}
    for name in virtual:
        conn.execute(f"DROP TABLE IF EXISTS [{name}]")
    tables = {name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
    while tables:
        parents = {row[2] for name in tables for row in conn.execute(f"PRAGMA foreign_key_list([{name}])")
                   if row[2] != name}
        leaves = sorted(tables - parents) or sorted(tables)
        for name in leaves:
            conn.execute(f"DROP TABLE IF EXISTS [{name}]")
        tables -= set(leaves)
    conn.execute("PRAGMA user_version = 0")
    apply_schema(db)
