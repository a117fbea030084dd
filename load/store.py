"""The one place that writes the facts: an article with its sentences and fact records,
skipped files, renames and removals (the database file itself, its lock and its
transactions, are ``load.database``'s).

Every statement is parameterized; rows are written with sqlite-utils against the
tables that ``schema.sql`` declares (no schema inference). sqlite-utils nests its
writes in savepoints inside the load's transaction (``Database.atomic``).
"""
from __future__ import annotations

import json
import weakref
from collections.abc import Iterator
from datetime import datetime, timezone

import sqlite_utils

from .records import Article, ArticleFacts, DateValue


def forget_skip(db: sqlite_utils.Database, path: str) -> None:
    """Forget a file an earlier load skipped (it reads now), in the load's transaction."""
    db.conn.execute("DELETE FROM skipped_files WHERE path = ?", [path])


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
