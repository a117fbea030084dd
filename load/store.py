"""The one place that writes the database.

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

Every statement is parameterized; rows are written with sqlite-utils against the
tables that ``schema.sql`` declares (no schema inference). sqlite-utils nests its
writes in savepoints inside the load's transaction (``Database.atomic``).
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import socket
import sqlite3
import time
import weakref
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from .records import Article, ArticleFacts, DateValue

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


def forget_skip(db: sqlite_utils.Database, path: str) -> None:
    """Forget a file an earlier load skipped (it reads now), in the load's transaction."""
    db.conn.execute("DELETE FROM skipped_files WHERE path = ?", [path])


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


# --- what the database holds -------------------------------------------------------------

def _chunks(items: list, size: int = 500) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def stored_hashes(db: sqlite_utils.Database | None, names: list[str]) -> dict[str, str]:
    """path -> sha256 of those of ``names`` the database holds (looked up by path, not read whole)."""
    found: dict[str, str] = {}
    if db is None:
        return found
    for chunk in _chunks(names):
        marks = ",".join("?" * len(chunk))
        found.update(db.conn.execute(f"SELECT path, sha256 FROM documents WHERE path IN ({marks})", chunk))
    return found


def stored_skips(db: sqlite_utils.Database | None, names: list[str]) -> dict[str, tuple[str, str]]:
    """path -> (sha256, reason) of those of ``names`` an earlier load skipped for their content."""
    found: dict[str, tuple[str, str]] = {}
    if db is None:
        return found
    for chunk in _chunks(names):
        marks = ",".join("?" * len(chunk))
        for path, digest, reason in db.conn.execute(
                f"SELECT path, sha256, reason FROM skipped_files WHERE path IN ({marks})", chunk):
            found[path] = (digest, reason)
    return found


def paths_with_hash(db: sqlite_utils.Database | None, digest: str) -> list[str]:
    if db is None:
        return []
    return [path for (path,) in db.conn.execute("SELECT path FROM documents WHERE sha256 = ? ORDER BY path",
                                                [digest])]


def _prefix_range(prefix: str) -> tuple[str, str]:
    return prefix, prefix + "\U0010ffff"


def stored_under(db: sqlite_utils.Database | None, roots: list[str]) -> list[tuple[str, str, str]]:
    """(table, path, sha256) of every stored source under the given stored paths: the path itself,
    a record of it (``FILE#...``) or anything inside it as a folder (``FOLDER/...``)."""
    if db is None:
        return []
    found = {}
    for root in roots:
        if root in ("", "."):
            ranges = [_prefix_range("")]
        else:
            ranges = [(root, root + "\0"), _prefix_range(root + "#"), _prefix_range(root.rstrip("/") + "/")]
        for table in ("documents", "skipped_files"):
            for low, high in ranges:
                for path, digest in db.conn.execute(
                        f"SELECT path, sha256 FROM {table} WHERE path >= ? AND path < ?", [low, high]):
                    found[(table, path)] = digest
    return [(table, path, digest) for (table, path), digest in sorted(found.items())]


def document_ids(db: sqlite_utils.Database, paths: list[str]) -> list[int]:
    ids = []
    for chunk in _chunks(paths):
        marks = ",".join("?" * len(chunk))
        ids += [row[0] for row in db.conn.execute(f"SELECT id FROM documents WHERE path IN ({marks})", chunk)]
    return ids


def rename_document(db: sqlite_utils.Database, old: str, new: str, file: str | None = None) -> None:
    """A file moved with the same content keeps its facts under its new path (``file``: the new
    path without its ``#LOCATOR``, ``documents.file``)."""
    db.conn.execute("DELETE FROM skipped_files WHERE path = ?", [new])
    db.conn.execute("UPDATE documents SET path = ?, file = ? WHERE path = ?", [new, file or new, old])


def remove_paths(db: sqlite_utils.Database, paths: list[str]) -> None:
    """Remove these sources and, by cascade, every fact read from them (and their skip records)."""
    for chunk in _chunks(paths):
        marks = ",".join("?" * len(chunk))
        db.conn.execute(f"DELETE FROM documents WHERE path IN ({marks})", chunk)
        db.conn.execute(f"DELETE FROM skipped_files WHERE path IN ({marks})", chunk)


def record_skip(db: sqlite_utils.Database, path: str, sha256: str, reason: str) -> None:
    """Remember a file skipped for its content, so an unchanged copy is not read again."""
    with db.atomic():
        db["skipped_files"].upsert({
            "path": path, "sha256": sha256, "reason": reason,
            "skipped_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }, pk="path")


def _date_columns(value: DateValue | None, prefix: str = "date") -> dict:
    if value is None:
        return {prefix: None, f"{prefix}_precision": None, f"{prefix}_raw": None, f"{prefix}_reference": None}
    return {
        prefix: value.iso,
        f"{prefix}_precision": value.precision if value.iso else None,
        f"{prefix}_raw": value.raw,
        f"{prefix}_reference": value.reference,
    }


def delete_document(db: sqlite_utils.Database, path: str) -> None:
    """Remove a document and, by cascade, every fact read from it."""
    remove_paths(db, [path])


_tables: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _table(db: sqlite_utils.Database, name: str) -> sqlite_utils.db.Table:
    """``db[name]``, made once per connection: each ``db[name]`` reads sqlite_master twice (is it
    a view?), and a load writes ten tables per article."""
    tables = _tables.setdefault(db, {})
    if name not in tables:
        tables[name] = db.table(name)
    return tables[name]


def _insert_ids(db: sqlite_utils.Database, table: str, document_id: int, rows: list[dict]) -> list[int]:
    """Insert one document's rows into ``table`` (whose rows of that document were all just
    deleted); return their new ids, in the order of ``rows``."""
    if not rows:
        return []
    _table(db, table).insert_all(rows)
    return [row[0] for row in db.conn.execute(f"SELECT id FROM [{table}] WHERE document_id = ? ORDER BY id",
                                              [document_id])]


def write_article(db: sqlite_utils.Database, article: Article, sentences: list[tuple[int, int, str]],
                  facts: ArticleFacts) -> dict[str, int]:
    """Replace one article and its facts, all or nothing (a savepoint inside the load's
    transaction); return counts by kind, and the new ``documents.id`` as ``document_id``."""
    with db.atomic():
        delete_document(db, article.path)
        document_id = _table(db, "documents").insert({
            "path": article.path, "sha256": article.sha256,
            "title": article.title, "title_source": article.title_source,
            "outlet": article.outlet, "outlet_source": article.outlet_source,
            "author": article.author, "author_source": article.author_source,
            "url": article.url, "url_source": article.url_source,
            "file": article.file or article.path, "format": article.format,
            "language": article.language, "language_source": article.language_source,
            "fetched_at": article.fetched_at,
            "dateline": article.dateline, "dateline_source": article.dateline_source,
            "published": article.published, "published_precision": article.published_precision,
            "published_raw": article.published_raw, "published_source": article.published_source,
            "text": article.text, "characters": len(article.text),
            "loaded_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }).last_pk
        _table(db, "sentences").insert_all(
            {"document_id": document_id, "position": position, "start": start, "end": end, "text": text}
            for position, (start, end, text) in enumerate(sentences))
        sentence_ids = [row[0] for row in db.conn.execute(
            "SELECT id FROM sentences WHERE document_id = ? ORDER BY position", [document_id])]

        def sid(position: int) -> int:
            return sentence_ids[position]

        # One insert_all per table, the new ids read back in insertion order: sqlite-utils
        # costs a few queries per call, and an article has a dozen people and meetings.
        person_ids = dict(zip([person.key for person in facts.people], _insert_ids(db, "article_people", document_id, [{
            "document_id": document_id, "local_key": person.key, "name": person.name,
            "rank": person.rank, "honorific": person.honorific, "country": person.country,
        } for person in facts.people])))
        mention_rows, title_rows = [], []
        for person in facts.people:
            for m in person.mentions:
                mention_rows.append({
                    "article_person_id": person_ids[person.key], "document_id": document_id,
                    "sentence_id": sid(m.sentence), "start": m.start, "end": m.end, "text": m.text, "kind": m.kind,
                })
            for t in person.titles:
                title_rows.append({
                    "article_person_id": person_ids[person.key], "document_id": document_id,
                    "sentence_id": sid(t.sentence), "post": t.post, "country": t.country,
                    "organisation": t.organisation, "rank": t.rank, "status": t.status,
                    "is_description": int(t.is_description),
                    "normalized_post": t.normalized_post,
                    "as_of": t.as_of.iso if t.as_of else None,
                    "as_of_precision": t.as_of.precision if t.as_of and t.as_of.iso else None,
                    "as_of_source": t.as_of_source if t.as_of and t.as_of.iso else None,
                    "start": t.start, "end": t.end, "text": t.text,
                })
        _table(db, "person_mentions").insert_all(mention_rows)
        _table(db, "titles").insert_all(title_rows)

        report_ids = _insert_ids(db, "meeting_reports", document_id, [{
            "document_id": document_id, "sentence_id": sid(meeting.sentence),
            "start": meeting.start, "end": meeting.end, "text": meeting.text,
            **_date_columns(meeting.date), "place": meeting.place,
            "topics": json.dumps(meeting.topics) if meeting.topics else None,
        } for meeting in facts.meetings])
        _table(db, "meeting_report_participants").insert_all(
            [{"meeting_report_id": report_id, "article_person_id": person_ids[key]}
             for meeting, report_id in zip(facts.meetings, report_ids) for key in dict.fromkeys(meeting.participants)])

        _table(db, "figures").insert_all([{
            "document_id": document_id, "sentence_id": sid(f.sentence),
            "value": f.value, "unit": f.unit, "canonical_value": f.canonical_value,
            "canonical_unit": f.canonical_unit, "dimension": f.dimension, "subject": f.subject,
            "approximate": int(f.approximate), "qualifier": f.qualifier,
            "also_value": f.also_value, "also_unit": f.also_unit, "also_text": f.also_text,
            "start": f.start, "end": f.end, "text": f.text,
            "note": f.note, "range_part": f.range_part,
        } for f in facts.figures])

        incident_rows = []
        for incident in facts.incidents:
            sentence_list = sorted({sid(s) for s in incident.sentences} | {sid(c.sentence) for c in incident.counts})
            incident_rows.append({
                "document_id": document_id, "sentence_id": sentence_list[0],
                "sentences": json.dumps(sentence_list), **_date_columns(incident.date),
                "place": incident.place, "perpetrator": incident.perpetrator, "attribution": incident.attribution,
                "role": incident.role,
            })
        incident_ids = _insert_ids(db, "incidents", document_id, incident_rows)
        _table(db, "casualty_counts").insert_all([{
            "incident_id": incident_id, "document_id": document_id, "sentence_id": sid(c.sentence),
            "kind": c.kind, "count": c.count, "low": c.low, "high": c.high, "qualifier": c.qualifier,
            "victims": c.victims, "claimed_by": c.claimed_by, **_date_columns(c.date),
            "place": c.place, "side": c.side, "claim": c.claim, "superseded": int(c.superseded),
            "start": c.start, "end": c.end, "text": c.text,
        } for incident, incident_id in zip(facts.incidents, incident_ids) for c in incident.counts])
        counts = sum(len(incident.counts) for incident in facts.incidents)
    return {
        "people": len(facts.people), "titles": len(title_rows), "meetings": len(facts.meetings),
        "figures": len(facts.figures), "casualty counts": counts, "document_id": document_id,
    }
