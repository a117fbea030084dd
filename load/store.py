"""The one place that writes the database.

Atomicity: a load writes into a temporary copy beside the target
(``.facts.db.<pid>.tmp``), then swaps it in with ``os.replace``. A reader, or a
Datasette serving the file, sees the old database or the new one, never a half
state; a load that is interrupted (Ctrl-C, kill, a crash) leaves the old file
untouched and the temporary copy is removed (or, after SIGKILL, ignored and
cleaned by the next load).

Every statement is parameterized; rows are written with sqlite-utils against
the tables that ``schema.sql`` declares (no schema inference).
"""
from __future__ import annotations

import json
import os
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from .records import Article, ArticleFacts, DateValue

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema.sql"


def schema_sql() -> str:
    return SCHEMA_PATH.read_text(encoding="utf-8")


def connect(path: str | Path) -> sqlite_utils.Database:
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA foreign_keys = ON")
    return sqlite_utils.Database(conn)


def apply_schema(db: sqlite_utils.Database) -> None:
    db.conn.executescript(schema_sql())
    db.conn.execute("PRAGMA foreign_keys = ON")


def loaded_hashes(db_path: Path) -> dict[str, str]:
    """path -> sha256 of what the database holds, read without writing."""
    if not db_path.exists():
        return {}
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            return dict(conn.execute("SELECT path, sha256 FROM documents"))
        finally:
            conn.close()
    except sqlite3.Error:
        return {}


def skipped_hashes(db_path: Path) -> dict[str, tuple[str, str]]:
    """path -> (sha256, reason) of the files an earlier load skipped for their content."""
    if not db_path.exists():
        return {}
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            return {path: (digest, reason) for path, digest, reason
                    in conn.execute("SELECT path, sha256, reason FROM skipped_files")}
        finally:
            conn.close()
    except sqlite3.Error:
        return {}


def record_skip(db: sqlite_utils.Database, path: str, sha256: str, reason: str) -> None:
    """Remember a file skipped for its content, so an unchanged copy is not read again."""
    with db.conn:
        db["skipped_files"].upsert({
            "path": path, "sha256": sha256, "reason": reason,
            "skipped_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }, pk="path")


def forget_skip(db: sqlite_utils.Database, path: str) -> None:
    """Forget a file an earlier load skipped (it reads now)."""
    with db.conn:
        db.conn.execute("DELETE FROM skipped_files WHERE path = ?", [path])


class TargetError(Exception):
    """The database cannot be written (read-only folder, disk full, not a database)."""


def _remove_stale_temporaries(target: Path) -> None:
    for stale in target.parent.glob(f".{target.name}.*.tmp"):
        pid = stale.name.split(".")[-2]
        if pid.isdigit() and not _alive(int(pid)):
            stale.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def transaction_file(target: Path, rebuild: bool = False):
    """Yield a Database on a temporary copy of ``target``; swap it in on success."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.exists():
        raise TargetError(f"{target}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise TargetError(f"{target}: folder {folder} is not writable")
    _remove_stale_temporaries(target)
    temporary = folder / f".{target.name}.{os.getpid()}.tmp"
    temporary.unlink(missing_ok=True)
    try:
        if target.exists() and not rebuild:
            # The backup API gives a consistent copy even while others read the file.
            source = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
            destination = sqlite3.connect(str(temporary))
            try:
                source.backup(destination)
            except sqlite3.DatabaseError as error:
                raise TargetError(f"{target}: not a newsfacts database ({error})") from None
            finally:
                destination.close()
                source.close()
        db = connect(temporary)
        db.conn.execute("PRAGMA journal_mode = MEMORY")  # no journal file per article; a crash discards the copy anyway
        db.conn.execute("PRAGMA synchronous = OFF")  # the swap is the durability point
        apply_schema(db)
        yield db
        db.conn.commit()
        db.conn.execute("PRAGMA synchronous = FULL")
        problems = db.conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise RuntimeError(f"foreign key check failed: {problems[:5]}")
        db.conn.commit()
        db.conn.close()
        with open(temporary, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except sqlite3.OperationalError as error:
        raise TargetError(f"{target}: {error}") from None
    except OSError as error:
        raise TargetError(f"{target}: {error.strerror or error}") from None
    finally:
        temporary.unlink(missing_ok=True)
        for suffix in ("-journal", "-wal", "-shm"):
            Path(f"{temporary}{suffix}").unlink(missing_ok=True)


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
    db.conn.execute("DELETE FROM documents WHERE path = ?", [path])


def write_article(db: sqlite_utils.Database, article: Article, sentences: list[tuple[int, int, str]],
                  facts: ArticleFacts) -> dict[str, int]:
    """Replace one article and its facts in one transaction; return counts by kind."""
    with db.conn:
        delete_document(db, article.path)
        db.conn.execute("DELETE FROM skipped_files WHERE path = ?", [article.path])
        document_id = db["documents"].insert({
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
        db["sentences"].insert_all(
            {"document_id": document_id, "position": position, "start": start, "end": end, "text": text}
            for position, (start, end, text) in enumerate(sentences))
        sentence_ids = [row[0] for row in db.conn.execute(
            "SELECT id FROM sentences WHERE document_id = ? ORDER BY position", [document_id])]

        def sid(position: int) -> int:
            return sentence_ids[position]

        person_ids: dict[int, int] = {}
        mention_rows, title_rows = [], []
        for person in facts.people:
            person_ids[person.key] = db["article_people"].insert({
                "document_id": document_id, "local_key": person.key, "name": person.name,
                "rank": person.rank, "honorific": person.honorific, "country": person.country,
            }).last_pk
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
        db["person_mentions"].insert_all(mention_rows)
        db["titles"].insert_all(title_rows)

        for meeting in facts.meetings:
            report_id = db["meeting_reports"].insert({
                "document_id": document_id, "sentence_id": sid(meeting.sentence),
                "start": meeting.start, "end": meeting.end, "text": meeting.text,
                **_date_columns(meeting.date), "place": meeting.place,
                "topics": json.dumps(meeting.topics) if meeting.topics else None,
            }).last_pk
            db["meeting_report_participants"].insert_all(
                [{"meeting_report_id": report_id, "article_person_id": person_ids[key]}
                 for key in dict.fromkeys(meeting.participants)])

        db["figures"].insert_all([{
            "document_id": document_id, "sentence_id": sid(f.sentence),
            "value": f.value, "unit": f.unit, "canonical_value": f.canonical_value,
            "canonical_unit": f.canonical_unit, "dimension": f.dimension, "subject": f.subject,
            "approximate": int(f.approximate), "qualifier": f.qualifier,
            "also_value": f.also_value, "also_unit": f.also_unit, "also_text": f.also_text,
            "start": f.start, "end": f.end, "text": f.text,
            "note": f.note, "range_part": f.range_part,
        } for f in facts.figures])

        counts = 0
        for incident in facts.incidents:
            sentence_list = sorted({sid(s) for s in incident.sentences} | {sid(c.sentence) for c in incident.counts})
            incident_id = db["incidents"].insert({
                "document_id": document_id, "sentence_id": sentence_list[0],
                "sentences": json.dumps(sentence_list), **_date_columns(incident.date),
                "place": incident.place, "perpetrator": incident.perpetrator, "attribution": incident.attribution,
                "role": incident.role,
            }).last_pk
            db["casualty_counts"].insert_all([{
                "incident_id": incident_id, "document_id": document_id, "sentence_id": sid(c.sentence),
                "kind": c.kind, "count": c.count, "low": c.low, "high": c.high, "qualifier": c.qualifier,
                "victims": c.victims, "claimed_by": c.claimed_by, **_date_columns(c.date),
                "place": c.place, "side": c.side, "claim": c.claim, "superseded": int(c.superseded),
                "start": c.start, "end": c.end, "text": c.text,
            } for c in incident.counts])
            counts += len(incident.counts)
    return {
        "people": len(facts.people), "titles": len(title_rows), "meetings": len(facts.meetings),
        "figures": len(facts.figures), "casualty counts": counts,
    }
