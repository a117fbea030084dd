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
temporary triggers on the tables the views read, which record the keys of what a write changes:
a (person, article) pair, a title, a meeting, and, rarely, a whole person (renamed, its country
changed, or gone) or a whole article (moved or removed). ``refresh``, the last step of each
resolution (load/resolve.py, inside the transaction of the facts it follows), turns those into
the keys each table's rows are written by (article ids for ``document_people``, title ids for
``person_titles``, meeting ids for ``meeting_participants``) and, key by key, replaces the rows
with the view's rows for that key. Key by key because SQLite pushes an equality into a
``DISTINCT`` view but not an ``IN`` list: one query per key reads a few index entries, where
one query for all the keys scanned the whole view (at 10,000 articles, adding 10 cost 4.3x
adding them to an empty database; a person named in thousands of articles joined by one more
no longer rewrites all of them). The tables equal the views after each refresh
(tests/test_serving_speed.py, tests/test_incremental.py).
A table that does not exist yet, a database written before there were stored views (a view
under the public name), or a column added to a definition is rebuilt whole
(``CREATE TABLE name AS SELECT * FROM name_live``); so is everything after a resolution of the
whole database.
"""
from __future__ import annotations

import sqlite3
from collections import Counter


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

# temporary table of touched keys -> its columns
DIRTY = {"dirty_people": "id", "dirty_documents": "id", "dirty_pairs": "person_id, document_id",
         "dirty_titles": "id", "dirty_meetings": "id"}

# table -> [(when, event, touched-keys table, a SELECT of the keys from the row, {row} = OLD or NEW)]:
# what a write can change in a view's rows. An article person that changes person marks the
# (person, article) pairs, its titles and its meetings, in the old and the new state.
def _changed(*columns: str) -> str:
    """A trigger's WHEN: one of ``columns`` (those a view reads) really changed."""
    return "WHEN " + " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)


_AP_MEETINGS = ("SELECT r.meeting_id FROM main.meeting_report_participants rp JOIN main.meeting_reports r "
                "ON r.id = rp.meeting_report_id WHERE rp.article_person_id = {row}.id AND r.meeting_id IS NOT NULL")
_MARKS = {
    "people": [("AFTER", "UPDATE OF name, country", _changed("name", "country"),
                [("dirty_people", "SELECT OLD.id")]),
               ("BEFORE", "DELETE", "", [("dirty_people", "SELECT OLD.id")])],
    "article_people": [("AFTER", "INSERT", "WHEN NEW.person_id IS NOT NULL",
                        [("dirty_pairs", "SELECT NEW.person_id, NEW.document_id")]),
                       ("AFTER", "UPDATE OF person_id, document_id", _changed("person_id", "document_id"), [
                           ("dirty_pairs", "SELECT OLD.person_id, OLD.document_id WHERE OLD.person_id IS NOT NULL"),
                           ("dirty_pairs", "SELECT NEW.person_id, NEW.document_id WHERE NEW.person_id IS NOT NULL"),
                           ("dirty_titles", "SELECT id FROM main.titles WHERE article_person_id = NEW.id"),
                           ("dirty_meetings", _AP_MEETINGS.format(row="NEW"))]),
                       ("BEFORE", "DELETE", "", [
                           ("dirty_pairs", "SELECT OLD.person_id, OLD.document_id WHERE OLD.person_id IS NOT NULL"),
                           ("dirty_meetings", _AP_MEETINGS.format(row="OLD"))])],
    "documents": [("AFTER", "UPDATE OF path", "", [("dirty_documents", "SELECT NEW.id")]),
                  ("BEFORE", "DELETE", "", [("dirty_documents", "SELECT OLD.id")])],
    "titles": [("AFTER", "INSERT", "", [("dirty_titles", "SELECT NEW.id")]),
               ("AFTER", "UPDATE", "", [("dirty_titles", "SELECT OLD.id"), ("dirty_titles", "SELECT NEW.id")]),
               ("BEFORE", "DELETE", "", [("dirty_titles", "SELECT OLD.id")])],
    "meetings": [("AFTER", "INSERT", "", [("dirty_meetings", "SELECT NEW.id")]),
                 ("AFTER", "UPDATE OF id, date, place, sources, date_inferred", _changed("id", "date", "place", "sources",
                                                                                       "date_inferred"),
                  [("dirty_meetings", "SELECT OLD.id"), ("dirty_meetings", "SELECT NEW.id")]),
                 ("BEFORE", "DELETE", "", [("dirty_meetings", "SELECT OLD.id")])],
    "meeting_reports": [
        ("AFTER", "INSERT", "WHEN NEW.meeting_id IS NOT NULL", [("dirty_meetings", "SELECT NEW.meeting_id")]),
        # a reclustering rewrites the dates of every report it touched, mostly to the same values
        ("AFTER", "UPDATE OF meeting_id, document_id, date_precision",
         _changed("meeting_id", "document_id", "date_precision"),
                                [("dirty_meetings", "SELECT OLD.meeting_id WHERE OLD.meeting_id IS NOT NULL"),
                                 ("dirty_meetings", "SELECT NEW.meeting_id WHERE NEW.meeting_id IS NOT NULL")]),
        ("BEFORE", "DELETE", "WHEN OLD.meeting_id IS NOT NULL", [("dirty_meetings", "SELECT OLD.meeting_id")])],
    "meeting_report_participants": [
        ("AFTER", "INSERT", "", [("dirty_meetings", "SELECT meeting_id FROM main.meeting_reports WHERE "
                                                    "id = NEW.meeting_report_id AND meeting_id IS NOT NULL")]),
        ("BEFORE", "DELETE", "", [("dirty_meetings", "SELECT meeting_id FROM main.meeting_reports WHERE "
                                                     "id = OLD.meeting_report_id AND meeting_id IS NOT NULL")])],
}


def track(conn: sqlite3.Connection) -> None:
    """Record, for this connection, the keys of what each write to the tables the stored views
    read changes (temporary tables and triggers: nothing of it is stored in the database)."""
    for table, columns in DIRTY.items():
        # no UNIQUE: an outer INSERT OR REPLACE would turn a trigger's INSERT OR IGNORE into a
        # replace, and a plain one fails on a repeat; repeats are few and are dropped in refresh
        conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} ({columns})")
    for table, triggers in _MARKS.items():
        for number, (when, event, condition, marks) in enumerate(triggers):
            body = " ".join(f"INSERT INTO {dirty} {select};" for dirty, select in marks)
            conn.execute(f"CREATE TEMP TRIGGER IF NOT EXISTS stored_views_{table}_{number} {when} {event} "
                         f"ON main.{table} {condition} BEGIN {body} END")


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


def _keys(conn: sqlite3.Connection, sql: str, values) -> set:
    out = set()
    for value in values:
        out.update(conn.execute(sql, value if isinstance(value, tuple) else (value,)).fetchall())
    return out


def _touched(conn: sqlite3.Connection) -> dict[str, set]:
    """The keys each stored view's rows are rewritten by: what the triggers recorded, with a
    whole person or article turned into its pairs, titles and meetings (in the table as stored,
    and in the database as it is now)."""
    people = {row[0] for row in conn.execute("SELECT id FROM temp.dirty_people")}
    documents = {row[0] for row in conn.execute("SELECT id FROM temp.dirty_documents")}
    pairs = set(conn.execute("SELECT person_id, document_id FROM temp.dirty_pairs"))
    titles = {(row[0],) for row in conn.execute("SELECT id FROM temp.dirty_titles")}
    meetings = {(row[0],) for row in conn.execute("SELECT id FROM temp.dirty_meetings")}
    pairs |= _keys(conn, "SELECT person_id, document_id FROM document_people WHERE person_id = ?", people)
    pairs |= _keys(conn, "SELECT person_id, document_id FROM article_people WHERE person_id = ?", people)
    pairs |= _keys(conn, "SELECT person_id, document_id FROM document_people WHERE document_id = ?", documents)
    pairs |= _keys(conn, "SELECT person_id, document_id FROM article_people WHERE document_id = ? "
                         "AND person_id IS NOT NULL", documents)
    titles |= _keys(conn, "SELECT title_id FROM person_titles WHERE person_id = ?", people)
    titles |= _keys(conn, "SELECT t.id FROM titles t JOIN article_people ap ON ap.id = t.article_person_id "
                          "WHERE ap.person_id = ?", people)
    titles |= _keys(conn, "SELECT id FROM titles WHERE document_id = ?", documents)
    meetings |= _keys(conn, "SELECT meeting_id FROM meeting_participants WHERE person_id = ?", people)
    meetings |= _keys(conn, "SELECT r.meeting_id FROM article_people ap JOIN meeting_report_participants rp "
                            "ON rp.article_person_id = ap.id JOIN meeting_reports r ON r.id = rp.meeting_report_id "
                            "WHERE ap.person_id = ? AND r.meeting_id IS NOT NULL", people)
    meetings |= _keys(conn, "SELECT meeting_id FROM meeting_reports WHERE document_id = ? "
                            "AND meeting_id IS NOT NULL", documents)
    # an article's people are few, a person's articles may be thousands: rewrite by article
    return {"document_people": {(document,) for _, document in pairs}, "person_titles": titles,
            "meeting_participants": meetings}


# stored view -> the column its rows are rewritten by, one key at a time (an equality SQLite
# pushes into the view's join)
KEYED_BY = {
    "document_people": "document_id",
    "person_titles": "title_id",
    "meeting_participants": "meeting_id",
}


# stored view -> the columns that tell one of its rows from the others under the same key: a row
# whose other columns change (a meeting's ``sources`` when one more article reports it) is updated
# in place, so the indexes on the unchanged columns are not written (issue 16: a load writes
# what it adds, not every participant row of a meeting that a hundred articles report).
IDENTITY = {
    "document_people": ("person_id", "document_id"),
    "person_titles": ("title_id",),
    "meeting_participants": ("meeting_id", "person_id", "document"),
}


def _rewrite(conn: sqlite3.Connection, name: str, keys: list[tuple]) -> None:
    """Make the rows of each key equal the view's rows for it, writing only the differences:
    rows gone are deleted, rows new inserted, and a row whose identity stays but whose other
    columns changed is updated in those columns only."""
    columns = [row[1] for row in conn.execute(f"PRAGMA table_info([{name}])")]
    identity = [columns.index(c) for c in IDENTITY[name]]
    column = KEYED_BY[name]
    gone_rowids: list[tuple] = []
    added: list[tuple] = []
    updates: dict[tuple, list[tuple]] = {}   # changed column positions -> [(values..., rowid)]
    for key in keys:
        stored = conn.execute(f"SELECT rowid, * FROM [{name}] WHERE {column} = ?", key).fetchall()
        current = Counter(conn.execute(f"SELECT * FROM [{name}{LIVE}] WHERE {column} = ?", key).fetchall())
        gone: dict[tuple, list[tuple]] = {}
        for rowid, *row in stored:
            row = tuple(row)
            if current[row]:
                current[row] -= 1          # unchanged: not written
            else:
                gone.setdefault(tuple(row[i] for i in identity), []).append((rowid, row))
        for row, count in current.items():
            for _ in range(count):
                same = gone.get(tuple(row[i] for i in identity))
                if not same:
                    added.append(row)
                    continue
                rowid, before = same.pop()
                changed = tuple(i for i, (a, b) in enumerate(zip(before, row)) if a != b or type(a) is not type(b))
                updates.setdefault(changed, []).append(tuple(row[i] for i in changed) + (rowid,))
        gone_rowids.extend((rowid,) for rows in gone.values() for rowid, _ in rows)
    conn.executemany(f"DELETE FROM [{name}] WHERE rowid = ?", gone_rowids)
    for changed, rows in updates.items():
        assignments = ", ".join(f"[{columns[i]}] = ?" for i in changed)
        conn.executemany(f"UPDATE [{name}] SET {assignments} WHERE rowid = ?", rows)
    conn.executemany(f"INSERT INTO [{name}] VALUES ({', '.join('?' * len(columns))})", added)


def refresh(conn: sqlite3.Connection, everything: bool = False) -> None:
    """Bring every stored view up to date with what ``track`` recorded (in the caller's
    transaction); ``everything``: rebuild each whole (after resolving the whole database)."""
    track(conn)
    touched = _touched(conn)
    for name in STORED_VIEWS:
        if everything or not _is_current(conn, name):
            rebuild(conn, name)
            continue
        _rewrite(conn, name, sorted(touched[name]))
    for table in DIRTY:
        conn.execute(f"DELETE FROM temp.{table}")


def store(conn: sqlite3.Connection) -> None:
    """Rebuild every stored view whole from its definition (in the caller's transaction)."""
    refresh(conn, everything=True)
