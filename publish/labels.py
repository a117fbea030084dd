"""Labels for the keys a view or canned query shows: the sentence for a sentence id, the headline
for a document id or path, the name for a person id.

Datasette labels a table's foreign keys itself (one batched query per page); a view or a canned
query has no foreign keys, so :mod:`publish.cells` asks here, one key at a time. Each answer is
kept (a bounded cache per database), so a page seen once costs nothing the next time; the cache
is dropped when the database file changes (a new load), whether it is served immutable or not.
"""
from __future__ import annotations

import os
import sqlite3
import time
import weakref
from collections import OrderedDict

from datasette.database import QueryInterrupted

# referenced table -> (column looked up, column shown). The shown columns are the tables'
# label_column in metadata.yml.
LOOKUPS = {
    "sentences": ("id", "text"),
    "documents": ("id", "label"),
    "documents_by_path": ("path", "label"),
    "people": ("id", "name"),
    "article_people": ("id", "name"),
    "meetings": ("id", "participants"),
    "meeting_reports": ("id", "text"),
    "incidents": ("id", "place"),
}
CACHE_SIZE = 20_000
RECHECK_SECONDS = 1.0   # how often to look whether the file changed (a stat per lookup costs more than the lookup)


class Labels:
    """One database's labels: ``await labels.get(kind, key)`` -> (id, label) or None."""

    def __init__(self, db):
        self.db = db
        self.cache: OrderedDict = OrderedDict()
        self.generation = None
        self.checked = float("-inf")

    def _current_generation(self):
        if not self.db.path:
            return None
        out = []
        for suffix in ("", "-wal"):
            try:
                stat = os.stat(self.db.path + suffix)
            except OSError:
                out.append(None)
            else:
                out.append((stat.st_ino, stat.st_mtime_ns, stat.st_size))
        return tuple(out)

    async def get(self, kind: str, key):
        now = time.monotonic()
        if now - self.checked > RECHECK_SECONDS:
            self.checked = now
            generation = self._current_generation()
            if generation != self.generation:
                self.cache.clear()
                self.generation = generation
        cache_key = (kind, key)
        if cache_key in self.cache:
            self.cache.move_to_end(cache_key)
            return self.cache[cache_key]
        lookup, shown = LOOKUPS[kind]
        table = "documents" if kind == "documents_by_path" else kind
        try:
            row = (await self.db.execute(
                f"select id, [{shown}] from [{table}] where [{lookup}] = ?", [key])).first()
        except (sqlite3.Error, QueryInterrupted):  # an older layout or a busy database: show the plain value
            row = None
        found = (row[0], row[1]) if row else None
        self.cache[cache_key] = found
        if len(self.cache) > CACHE_SIZE:
            self.cache.popitem(last=False)
        return found


_REGISTRY: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def labels_for(datasette, database: str) -> Labels:
    """The Labels of ``database`` (one per Datasette and database)."""
    registry = _REGISTRY.setdefault(datasette, {})
    db = datasette.get_database(database)
    labels = registry.get(database)
    if labels is None or labels.db is not db:
        labels = registry[database] = Labels(db)
    return labels
