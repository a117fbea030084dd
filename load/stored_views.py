"""Stored views: public views kept as tables, rewritten at the end of every load.

``document_people``, ``person_titles`` and ``meeting_participants`` join four to six tables,
two of them with DISTINCT. As views, every page of the site on them recomputed the whole join:
at 20,000 documents each facet grouped 112,000-136,000 joined rows (0.3-1.3 s), a CSV export
paged through them by OFFSET (the whole join again for each page of 1,000 rows: minutes), and
the who-met-whom query and chart joined the meeting_participants view to itself (2.4 s).
As tables with an index on each facet and key column, each of those is an index read.

Their definitions stay views in schema.sql, under the name with ``_live`` added (always current,
what the loader copies from, hidden on the site). :func:`store` replaces each table with
``CREATE TABLE name AS SELECT * FROM name_live``, so a column added to a definition reaches the
table on the next load; it runs last in resolution (load/resolve.py), inside the load's
transaction, so a reader sees the tables and the facts of the same load. A database written
before there were stored views has a view under the public name: the first load drops it.
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


def store(conn: sqlite3.Connection) -> None:
    """Rewrite every stored view from its ``_live`` definition (in the caller's transaction)."""
    for name, indexes in STORED_VIEWS.items():
        found = conn.execute("SELECT type FROM sqlite_master WHERE name = ?", [name]).fetchone()
        if found and found[0] == "view":
            conn.execute(f"DROP VIEW [{name}]")
        conn.execute(f"DROP TABLE IF EXISTS [{name}]")
        conn.execute(f"CREATE TABLE [{name}] AS SELECT * FROM [{name}{LIVE}]")
        for columns in indexes:
            conn.execute(f"CREATE INDEX [{name}_{'_'.join(columns)}] ON [{name}] "
                         f"({', '.join(f'[{column}]' for column in columns)})")
