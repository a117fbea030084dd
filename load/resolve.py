"""Resolution across articles: one row per real person and per real meeting, kept up to date
incrementally.

Runs inside each of the load's transactions, after its articles are written
(``update``): a new article is compared only with the people and meetings it can
join, and only the clusters it touches are rewritten; an article that is changed
or removed leaves the clusters it was in (the deletions are recorded by ``track``).
The result is the same as resolving the whole database at once (``resolve``):
every rule below depends only on the set of articles, never on the order they
came in, and ids are the smallest per-article id of each cluster, so they stay
stable while the introducing article is not reloaded.

People: ``people_resolve`` (merged only on evidence, ``names.same_person``, looked
up by their keys in ``person_keys``).

Meetings: the criterion is ``meeting_merge`` (the same participants on the same
day, one article's reports of one meeting, partial dates inferred across articles,
undated reports joining the one dated meeting evidence ties them to, a report of
some of a larger meeting's people joining it). ``meeting_resolve`` reclusters, with
it, the reports a change can affect: the closure of the touched reports under the
relation ``meeting_merge.reaches`` (which says which reports the criterion ever
compares), so the result is the criterion's over the whole database.

``people_fts`` (the people search) is rebuilt by ``resolve`` and kept up to date by
``update`` for the people it rewrites (``index_people``).
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import sqlite_utils

from . import meeting_merge, meeting_resolve, names, people_resolve, people_values, places, resolve_base, stored_views
from .people_resolve import Key, index_people
from .resolve_base import chunks as _chunks
from .resolve_base import in_list as _in

__all__ = ["index_people", "resolve", "resolver_version", "track", "update"]


@lru_cache(maxsize=1)
def resolver_version() -> str:
    """Keys and clusters are made by this code: when it changes, the next load re-resolves all."""
    digest = hashlib.sha256()
    for module in (names, places, resolve_base, people_resolve, people_values, meeting_merge, meeting_resolve):
        digest.update(Path(module.__file__).read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:16]


# --- bookkeeping ---------------------------------------------------------------------------

def track(db: sqlite_utils.Database) -> None:
    """Record, in this connection's temporary tables, what each deletion takes away (whatever
    deletes it: a changed article, --prune, remove), for the next ``update``."""
    conn = db.conn
    stored_views.track(conn)
    people_values.track(conn)
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS removed_people (id INTEGER, person_id INTEGER, "
                 "document_id INTEGER)")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS removed_keys (id INTEGER, document_id INTEGER, name_key TEXT, "
                 "words INTEGER, first TEXT, last TEXT, country TEXT, posts TEXT, cluster INTEGER)")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS removed_reports (id INTEGER, meeting_id INTEGER, document_id INTEGER, "
                 "date TEXT, date_precision TEXT, date_raw TEXT, date_reference TEXT, place TEXT)")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS removed_documents (id INTEGER, published TEXT)")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS removed_report_people (report_id INTEGER, article_person_id INTEGER)")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS removed_places (place TEXT)")
    conn.execute("CREATE TEMP TRIGGER IF NOT EXISTS track_people BEFORE DELETE ON main.article_people BEGIN "
                 "INSERT INTO removed_people VALUES (old.id, old.person_id, old.document_id); END")
    conn.execute("CREATE TEMP TRIGGER IF NOT EXISTS track_keys BEFORE DELETE ON main.person_keys BEGIN "
                 "INSERT INTO removed_keys VALUES (old.article_person_id, old.document_id, old.name_key, old.words, "
                 "old.first, old.last, old.country, old.posts, old.cluster); END")
    conn.execute("CREATE TEMP TRIGGER IF NOT EXISTS track_reports BEFORE DELETE ON main.meeting_reports BEGIN "
                 "INSERT INTO removed_reports VALUES (old.id, old.meeting_id, old.document_id, old.date, "
                 "old.date_precision, old.date_raw, old.date_reference, old.place); END")
    # an article's reports go by cascade after its row: its publication day is kept first
    conn.execute("CREATE TEMP TRIGGER IF NOT EXISTS track_documents BEFORE DELETE ON main.documents BEGIN "
                 "INSERT INTO removed_documents VALUES (old.id, CASE WHEN old.published_precision = 'day' "
                 "THEN old.published END); END")
    conn.execute("CREATE TEMP TRIGGER IF NOT EXISTS track_report_people BEFORE DELETE "
                 "ON main.meeting_report_participants BEGIN INSERT INTO removed_report_people "
                 "VALUES (old.meeting_report_id, old.article_person_id); END")
    conn.execute("CREATE TEMP TRIGGER IF NOT EXISTS track_incidents BEFORE DELETE ON main.incidents "
                 "WHEN old.place IS NOT NULL BEGIN INSERT INTO removed_places VALUES (old.place); END")


def _take_removed(conn):
    people = conn.execute("SELECT id, person_id, document_id FROM temp.removed_people").fetchall()
    keys = {row[0]: row for row in conn.execute("SELECT * FROM temp.removed_keys")}
    reports = conn.execute("SELECT * FROM temp.removed_reports").fetchall()
    published = dict(conn.execute("SELECT id, published FROM temp.removed_documents"))
    report_people = conn.execute("SELECT report_id, article_person_id FROM temp.removed_report_people").fetchall()
    place_names = {place for (place,) in conn.execute("SELECT place FROM temp.removed_places")}
    for table in ("removed_people", "removed_keys", "removed_reports", "removed_report_people", "removed_places",
                  "removed_documents"):
        conn.execute(f"DELETE FROM temp.{table}")
    removed = []
    for ap_id, person_id, document_id in people:
        key = keys.get(ap_id)
        removed.append(Key(ap_id, document_id, *(key[2:8] if key else ("", 0, None, None, None, "[]")),
                           cluster=key[8] if key else None, person_id=person_id))
    # the people each removed report had when it was last clustered (its article people went with it)
    person_of = {ap_id: person_id for ap_id, person_id, _ in people}
    gone = [meeting_resolve.Gone(row[0], row[1], set(), meeting_resolve.removed_report(row, published))
            for row in reports]
    by_id = {g.id: g for g in gone}
    for report, ap_id in report_people:
        if report in by_id and person_of.get(ap_id) is not None:
            by_id[report].people.add(person_of[ap_id])
    return removed, gone, place_names


# --- entry points --------------------------------------------------------------------------

def resolve(db: sqlite_utils.Database) -> None:
    """Resolve the whole database from scratch (what ``update`` keeps it equal to)."""
    conn = db.conn
    track(db)
    conn.execute("PRAGMA defer_foreign_keys = ON")
    conn.execute("DELETE FROM person_keys")
    conn.execute("UPDATE article_people SET person_id = NULL")
    people_values.reset(conn)
    conn.execute("DELETE FROM person_aliases")
    conn.execute("DELETE FROM people")
    conn.execute("UPDATE meeting_reports SET meeting_id = NULL")
    conn.execute("DELETE FROM meetings")
    conn.execute("DELETE FROM places")
    _take_removed(conn)
    documents = [row[0] for row in conn.execute("SELECT id FROM documents ORDER BY id")]
    _update(db, documents, everything=True)
    index_people(conn)


def update(db: sqlite_utils.Database, new_documents: Iterable[int]) -> None:
    """Bring people, meetings and places up to date after ``new_documents`` were written and
    whatever ``track`` recorded was deleted, in the current transaction."""
    conn = db.conn
    track(db)
    state = conn.execute("SELECT value FROM newsfacts_state WHERE key = 'resolver'").fetchone()
    if state is None or state[0] != resolver_version():
        has_old = conn.execute("SELECT 1 FROM people LIMIT 1").fetchone() or conn.execute(
            "SELECT 1 FROM person_keys LIMIT 1").fetchone()
        if has_old or conn.execute("SELECT 1 FROM article_people WHERE person_id IS NOT NULL LIMIT 1").fetchone():
            resolve(db)
            return
    conn.execute("PRAGMA defer_foreign_keys = ON")
    _update(db, sorted(set(new_documents)), everything=False)


def _update(db: sqlite_utils.Database, new_documents: list[int], everything: bool) -> None:
    conn = db.conn
    removed, removed_reports, removed_places = _take_removed(conn)
    people = people_resolve.update_people(db, new_documents, removed)
    if not everything:
        index_people(conn, people.indexed)
    meeting_places = meeting_resolve.update_meetings(db, new_documents, removed_reports, people.moved,
                                                     people.old_person, people.renamed, everything)
    _update_places(db, new_documents, removed_places | meeting_places, everything)
    stored_views.refresh(conn, everything)   # last: the stored views copy the resolved people and meetings
    conn.execute("INSERT INTO newsfacts_state (key, value) VALUES ('resolver', ?) "
                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [resolver_version()])


# --- places --------------------------------------------------------------------------------

def _update_places(db: sqlite_utils.Database, new_documents: list[int], names_touched: set[str],
                   everything: bool) -> None:
    """Geocode the new incidents (meetings are geocoded as they are written) with the offline
    gazetteer (``places.locate``) and keep ``places`` to one row per place name in use."""
    conn = db.conn
    for chunk in _chunks(new_documents):
        rows = conn.execute(f"SELECT id, place FROM incidents WHERE {_in('document_id', chunk)} "
                            "AND place IS NOT NULL", chunk).fetchall()
        updates = []
        for row_id, place in rows:
            found = places.locate(place)
            names_touched.add(place)
            updates.append((found and found["latitude"], found and found["longitude"],
                            found and found["geonames_id"], row_id))
        conn.executemany("UPDATE incidents SET latitude = ?, longitude = ?, geonames_id = ? WHERE id = ?", updates)
    if everything:
        names_touched |= {p for (p,) in conn.execute("SELECT place FROM meetings WHERE place IS NOT NULL")}
    for name in sorted(names_touched):
        used = conn.execute("SELECT 1 FROM meetings WHERE place = ? UNION ALL SELECT 1 FROM incidents WHERE place = ? "
                            "LIMIT 1", [name, name]).fetchone()
        if not used:
            conn.execute("DELETE FROM places WHERE name = ?", [name])
        elif not conn.execute("SELECT 1 FROM places WHERE name = ?", [name]).fetchone():
            found = places.locate(name) or {}
            db["places"].insert({"name": name, "latitude": found.get("latitude"),
                                 "longitude": found.get("longitude"), "geonames_id": found.get("geonames_id"),
                                 "kind": found.get("kind")})
