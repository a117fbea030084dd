"""Stored views: public views kept as tables, brought up to date in every load's transactions.

``document_people``, ``person_titles`` and ``meeting_participants`` join four to six tables,
two of them with DISTINCT. As views, every page of the site on them recomputed the whole join:
at 20,000 documents each facet grouped 112,000-136,000 joined rows (0.3-1.3 s), a CSV export
paged through them by OFFSET (the whole join again for each page of 1,000 rows: minutes), and
the who-met-whom query and chart joined the meeting_participants view to itself (2.4 s).
As tables with an index on each facet and key column, each of those is an index read.

Their definitions stay views in schema.sql, under the name with ``_live`` added (always current,
what the loader copies from, hidden on the site).

Kept up to date incrementally, so that a load costs what it adds (issue 16): ``track`` installs
temporary triggers on the tables the views read, which record the keys of every row a write
touches (a person, an article, a title, a meeting) in the old and the new state. ``refresh``,
the last step of each resolution (load/resolve.py, inside the transaction of the facts it
follows), then replaces, in each table, the rows whose keys were touched with the view's rows
for those keys: every row of a view that a write can change carries one of the keys the
triggers record, so the table equals the view after each refresh (tests/test_stored_views.py).
A table that does not exist yet, a database written before there were stored views (a view
under the public name), or a column added to a definition is rebuilt whole
(``CREATE TABLE name AS SELECT * FROM name_live``).
"""
from __future__ import annotations

import sqlite3

# stored view -> the columns indexed: its facets in metadata.yml, its keys, and the columns that
# the canned queries join on ((meeting_id, person): who met whom pairs the participants of a meeting).
STORED_VIEWS = {
    "document_people": [("person",), ("country",), ("person_id",), ("document_id",), ("document",)],
    "person_titles": [("person",), ("title",), ("country",), ("organisation",), ("person_id",),
                      ("sentence_id",), ("title_id",), ("normalized_post",), ("as_of",)],
    "meeting_participants": [("meeting_id", "person"), ("person",), ("place",), ("date",), ("person_id",),
                             ("document",), ("meeting_date",)],
}
LIVE = "_live"

# temp table of touched keys -> what the rows of each stored view are selected by
DIRTY = ("dirty_people", "dirty_documents", "dirty_titles", "dirty_meetings")
SELECTED_BY = {
    "document_people": "person_id IN (SELECT id FROM temp.dirty_people) "
                       "OR document_id IN (SELECT id FROM temp.dirty_documents)",
    "person_titles": "person_id IN (SELECT id FROM temp.dirty_people) "
                     "OR title_id IN (SELECT id FROM temp.dirty_titles)",
    "meeting_participants": "person_id IN (SELECT id FROM temp.dirty_people) "
                            "OR meeting_id IN (SELECT id FROM temp.dirty_meetings)",
}

# table -> the keys a written row marks: (touched-keys table, a SELECT of them from the row in
# its old or new state, {row}). Only what a write can change in a view's rows: an article person
# whose person changes marks both people, whose rows hold every title and meeting it is in.
_MARKS = {
    "people": [("dirty_people", "SELECT {row}.id")],
    "article_people": [("dirty_people", "SELECT {row}.person_id WHERE {row}.person_id IS NOT NULL"),
                       ("dirty_documents", "SELECT {row}.document_id")],
    "documents": [("dirty_documents", "SELECT {row}.id"),
                  ("dirty_titles", "SELECT id FROM main.titles WHERE document_id = {row}.id"),
                  ("dirty_meetings", "SELECT meeting_id FROM main.meeting_reports "
                                     "WHERE document_id = {row}.id AND meeting_id IS NOT NULL")],
    "titles": [("dirty_titles", "SELECT {row}.id")],
    "meetings": [("dirty_meetings", "SELECT {row}.id")],
    "meeting_reports": [("dirty_meetings", "SELECT {row}.meeting_id WHERE {row}.meeting_id IS NOT NULL")],
    "meeting_report_participants": [("dirty_meetings", "SELECT meeting_id FROM main.meeting_reports WHERE "
                                                       "id = {row}.meeting_report_id AND meeting_id IS NOT NULL")],
}


def track(conn: sqlite3.Connection) -> None:
    """Record, for this connection, the keys of every row written to the tables the stored views
    read (temporary tables and triggers: nothing of it is stored in the database)."""
    for table in DIRTY:
        # no UNIQUE: an outer INSERT OR REPLACE would turn a trigger's INSERT OR IGNORE into a
        # replace, and a plain one fails on a repeat; repeats are few and IN () ignores them
        conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} (id INTEGER)")
        conn.execute(f"CREATE INDEX IF NOT EXISTS temp.{table}_id ON {table} (id)")
    for table, marks in _MARKS.items():
        for event, rows in (("INSERT", ("NEW",)), ("UPDATE", ("OLD", "NEW")), ("DELETE", ("OLD",))):
            # BEFORE DELETE: what a key is looked up through (a document's titles) may go in the
            # same statement's cascade; AFTER INSERT and UPDATE: it is there.
            when = "BEFORE" if event == "DELETE" else "AFTER"
            body = " ".join(f"INSERT INTO {dirty} (id) {select.format(row=row)};"
                            for dirty, select in marks for row in rows)
            conn.execute(f"CREATE TEMP TRIGGER IF NOT EXISTS stored_views_{table}_{event.lower()} "
                         f"{when} {event} ON main.{table} BEGIN {body} END")


def _is_current(conn: sqlite3.Connection, name: str) -> bool:
    """The table exists and has the columns of its definition, in order."""
    found = conn.execute("SELECT type FROM sqlite_master WHERE name = ?", [name]).fetchone()
    if not found or found[0] != "table":
        return False
    stored = [row[1] for row in conn.execute(f"PRAGMA table_info([{name}])")]
    defined = [row[1] for row in conn.execute(f"PRAGMA table_info([{name}{LIVE}])")]
    return stored == defined


def rebuild(conn: sqlite3.Connection, name: str) -> None:
    found = conn.execute("SELECT type FROM sqlite_master WHERE name = ?", [name]).fetchone()
    if found and found[0] == "view":
        conn.execute(f"DROP VIEW [{name}]")
    conn.execute(f"DROP TABLE IF EXISTS [{name}]")
    conn.execute(f"CREATE TABLE [{name}] AS SELECT * FROM [{name}{LIVE}]")
    for columns in STORED_VIEWS[name]:
        conn.execute(f"CREATE INDEX [{name}_{'_'.join(columns)}] ON [{name}] "
                     f"({', '.join(f'[{column}]' for column in columns)})")


def refresh(conn: sqlite3.Connection, everything: bool = False) -> None:
    """Bring every stored view up to date with what ``track`` recorded (in the caller's
    transaction); ``everything``: rebuild each whole (after resolving the whole database)."""
    track(conn)
    for name in STORED_VIEWS:
        if everything or not _is_current(conn, name):
            rebuild(conn, name)
            continue
        selected = SELECTED_BY[name]
        conn.execute(f"DELETE FROM [{name}] WHERE {selected}")
        conn.execute(f"INSERT INTO [{name}] SELECT * FROM [{name}{LIVE}] WHERE {selected}")
    for table in DIRTY:
        conn.execute(f"DELETE FROM temp.{table}")


def store(conn: sqlite3.Connection) -> None:
    """Rebuild every stored view whole from its definition (in the caller's transaction)."""
    refresh(conn, everything=True)
