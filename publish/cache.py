"""A response cache in front of the site (the plugin's ``asgi_wrapper`` hook).

Why: a page's Python work (rendering 100 rows of cells, the facets, the templates) runs on
Datasette's one event-loop thread, whatever ``num_sql_threads`` is, and costs 30-300 ms at
20,000 documents. Twenty clients asking for the same page at once then wait for each other:
seconds each. The database a page reads changes only when a load commits, so an answer computed
once is the answer to every later identical request until then. Datasette's own advice for immutable data is a
caching proxy in front (its ``Cache-Control`` headers, ``datasette-hashed-urls``); this is that
proxy in process, so ``newsfacts serve`` alone holds up under traffic.

- Identical requests arriving together are computed once (the first computes, the others
  wait for its answer): twenty clients on a new page cost one page.
- Cached: GET requests without cookies or credentials, answered 200 without ``Set-Cookie`` or
  ``Cache-Control: private``/``no-store``, at most a quarter of the cache long (a CSV
  export of a whole table or view too); the key is the host, path and query string.
  Not cached: ``_trace`` pages and Datasette's introspection pages (``/-/threads``,
  ``/-/actor`` ...); only ``/-/static*``, ``/-/search`` and ``/-/dashboards`` are. A longer
  answer streams on as it is written; requests waiting for it start their own as soon as it
  passes that size.
- Least recently used answers are dropped past ``max_bytes`` (SERVE_SETTINGS'
  ``response_cache_mb``; the environment variable ``NEWSFACTS_RESPONSE_CACHE_MB`` overrides it,
  0 turns the cache off).
- A database served mutable (``datasette serve facts.db`` without ``-i``, e.g. in WAL mode
  while a load commits in place) is part of the key through its state: SQLite's own
  ``PRAGMA data_version``, which changes whenever another connection commits, read on one
  read-only connection the cache keeps open per database, and the file's and its ``-wal``'s
  inode, size and modification time (``os.stat``). A commit makes every cached answer
  unreachable; an answer computed while the state changed is not kept. The database's files
  are never opened by anything but SQLite: closing any descriptor of a file drops every POSIX
  lock this process holds on it, SQLite's included (https://www.sqlite.org/howtocorrupt.html,
  2.2), and Datasette's readers then read stale snapshots.
"""
from __future__ import annotations

import asyncio
import os
import sqlite3
from collections import OrderedDict
from dataclasses import dataclass
from urllib.parse import parse_qsl

# The longest answer kept: a quarter of the cache (32 MB of 128), so that a whole fact view's CSV
# export (17 MB for 112,000 rows at 20,000 documents) is computed once for everyone who asks.
ENTRY_SHARE = 4
# /-/ pages whose answer depends only on the request and the served files
CACHED_SPECIAL = ("/-/static/", "/-/static-plugins/", "/-/search", "/-/dashboards")
UNCACHED_ARGUMENTS = {"_trace"}


@dataclass
class Entry:
    start: dict
    body: bytes

    @property
    def size(self) -> int:
        return len(self.body) + sum(len(k) + len(v) for k, v in self.start.get("headers", [])) + 200


def configured_bytes() -> int:
    from .serve import SERVE_SETTINGS

    text = os.environ.get("NEWSFACTS_RESPONSE_CACHE_MB")
    megabytes = float(text) if text not in (None, "") else float(SERVE_SETTINGS.get("response_cache_mb", 0))
    return int(megabytes * 1024 * 1024)


def _file_state(path: str):
    out = []
    for suffix in ("", "-wal"):
        try:
            stat = os.stat(path + suffix)
        except OSError:
            out.append(None)
        else:
            out.append((stat.st_ino, stat.st_size, stat.st_mtime_ns))
    return tuple(out)


def _header(scope, name: bytes) -> bytes | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value
    return None


def cacheable_request(scope) -> bool:
    if scope.get("type") != "http" or scope.get("method") != "GET":
        return False
    if _header(scope, b"cookie") is not None or _header(scope, b"authorization") is not None:
        return False
    path = scope.get("path", "")
    if path.startswith("/-/") and not path.startswith(CACHED_SPECIAL):
        return False
    query = scope.get("query_string", b"").decode("latin-1")
    return not any(key in UNCACHED_ARGUMENTS for key, _ in parse_qsl(query, keep_blank_values=True))


def cacheable_response(start: dict) -> bool:
    if start.get("status") != 200:
        return False
    for key, value in start.get("headers", []):
        key = key.lower()
        if key == b"set-cookie":
            return False
        if key == b"cache-control" and (b"private" in value.lower() or b"no-store" in value.lower()):
            return False
    return True


class ResponseCache:
    """ASGI middleware: ``ResponseCache(app, datasette, max_bytes)``."""

    def __init__(self, app, datasette, max_bytes: int):
        self.app = app
        self.datasette = datasette
        self.max_bytes = max_bytes
        self.entry_bytes = max_bytes // ENTRY_SHARE
        self.entries: OrderedDict = OrderedDict()
        self.bytes = 0
        self.pending: dict = {}
        self.hits = self.misses = 0
        self.watchers: dict[str, sqlite3.Connection] = {}   # path -> the connection data_version is read on

    def _data_version(self, path: str):
        watcher = self.watchers.get(path)
        try:
            if watcher is None:
                watcher = self.watchers[path] = sqlite3.connect(f"file:{path}?mode=ro", uri=True,
                                                                check_same_thread=False)
            return watcher.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:
            return None   # unreadable now: the stat state alone, and Datasette answers the error

    def state(self):
        """What the cached answers depend on besides the request: the served databases, and the
        state of each one served mutable (a commit changes it)."""
        out = []
        for name, db in self.datasette.databases.items():
            if db.is_memory or not db.path:
                continue
            out.append((name, db.path, (self._data_version(db.path), _file_state(db.path)) if db.is_mutable else None))
        return tuple(out)

    async def __call__(self, scope, receive, send):
        if not self.max_bytes or not cacheable_request(scope):
            return await self.app(scope, receive, send)
        state = self.state()
        key = (scope.get("scheme"), _header(scope, b"host"), scope.get("root_path", ""), scope["path"],
               scope.get("query_string", b""), state)
        entry = self.entries.get(key)
        if entry is not None:
            self.hits += 1
            self.entries.move_to_end(key)
            return await self._replay(entry, send)
        if key in self.pending:   # the same page is being computed: wait for its answer
            entry = await asyncio.shield(self.pending[key])
            if entry is None:     # not kept (not a 200, too long ...): answer this one apart
                return await self.app(scope, receive, send)
            self.hits += 1
            return await self._replay(entry, send)
        self.misses += 1
        return await self._compute(key, state, scope, receive, send)

    async def _replay(self, entry: Entry, send) -> None:
        await send(dict(entry.start, headers=list(entry.start.get("headers", []))))
        await send({"type": "http.response.body", "body": entry.body, "more_body": False})

    async def _compute(self, key, state, scope, receive, send) -> None:
        done = asyncio.get_running_loop().create_future()
        self.pending[key] = done
        start: dict | None = None
        chunks: list[bytes] = []
        size, complete, keep = 0, False, True

        def release(entry=None):
            if self.pending.get(key) is done:
                del self.pending[key]
            if not done.done():
                done.set_result(entry)

        async def recording_send(message):
            nonlocal start, size, complete, keep
            if message["type"] == "http.response.start":
                start = message
                keep = cacheable_response(message)
                if not keep:
                    release()
            elif message["type"] == "http.response.body" and keep:
                body = message.get("body", b"")
                size += len(body)
                if size > self.entry_bytes:
                    keep, chunks[:] = False, []
                    release()   # too long to keep: whoever waits for it starts its own now
                else:
                    chunks.append(body)
                    complete = not message.get("more_body", False)
            await send(message)

        entry = None
        try:
            await self.app(scope, receive, recording_send)
            if keep and complete and start is not None and self.state() == state:
                entry = Entry(start, b"".join(chunks))
                self._store(key, entry)
        finally:
            release(entry)   # waiters compute the page themselves when it was not kept

    def _store(self, key, entry: Entry) -> None:
        if entry.size > self.max_bytes:
            return
        self.entries[key] = entry
        self.bytes += entry.size
        while self.bytes > self.max_bytes:
            _, dropped = self.entries.popitem(last=False)
            self.bytes -= dropped.size


def wrap(datasette):
    """The ``asgi_wrapper`` hook's wrapper, or None when the cache is off."""
    max_bytes = configured_bytes()
    if max_bytes <= 0:
        return None
    return lambda app: ResponseCache(app, datasette, max_bytes)
