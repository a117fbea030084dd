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
BATCH = 500   # keys per query of get_many (SQLite allows 32,766 parameters)
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

    def _check_generation(self) -> None:
        now = time.monotonic()
        if now - self.checked > RECHECK_SECONDS:
            self.checked = now
            generation = self._current_generation()
            if generation != self.generation:
                self.cache.clear()
                self.generation = generation

    def _keep(self, cache_key, found) -> None:
        self.cache[cache_key] = found
        if len(self.cache) > CACHE_SIZE:
            self.cache.popitem(last=False)

    async def get_many(self, kind: str, keys) -> dict:
        """key -> (id, label) or None for each of ``keys``, the ones not cached read in one query
        (a list of 9 sentence ids in each of 1,000 rows was 9,000 queries, one at a time)."""
        self._check_generation()
        out, missing = {}, []
        for key in dict.fromkeys(keys):
            if (kind, key) in self.cache:
                self.cache.move_to_end((kind, key))
                out[key] = self.cache[(kind, key)]
            else:
                missing.append(key)
        lookup, shown = LOOKUPS[kind]
        table = "documents" if kind == "documents_by_path" else kind
        for start in range(0, len(missing), BATCH):
            batch = missing[start:start + BATCH]
            try:
                rows = (await self.db.execute(
                    f"select id, [{shown}], [{lookup}] from [{table}] where [{lookup}] in "
                    f"({', '.join('?' for _ in batch)})", batch)).rows
            except (sqlite3.Error, QueryInterrupted):
                rows = []
            found = {row[2]: (row[0], row[1]) for row in rows}
            for key in batch:
                out[key] = found.get(key)
                self._keep((kind, key), out[key])
        return out

    async def get(self, kind: str, key):
        self._check_generation()
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
        self._keep(cache_key, found)
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
