"""Reading a record file as bytes, plain or gzip-compressed (``NAME.jsonl.gz``,
``NAME.json.gz``): the same bytes either way, so a compressed file gives the same
records, line numbers and hashes as the file it was compressed from.

- Streamed: a ``.gz`` file is decompressed as it is read (``gzip.GzipFile``), never
  whole, so memory stays flat in file size; offsets are offsets into the
  decompressed bytes (where the record is in the uncompressed file).
- Seeking on a gzip stream decompresses from the start, so a record is read through
  a handle kept open per file (``read_line_at``): the next record of the file is
  usually ahead of the last, and the handle reads forward to it; only a record
  behind it rewinds to the start. Handles are per thread (a Dask worker may run
  threads) and per process (a forked child never shares its parent's file position).
- A ``.gz`` file that does not start with the gzip signature is refused whole
  (``SkipFile``); a stream that is truncated or corrupt part-way raises one of
  ``GZIP_ERRORS`` where it breaks (``gzip_reason`` says which, in one line).
"""
from __future__ import annotations

import gzip
import os
import threading
import zlib
from collections import OrderedDict
from pathlib import Path

from .base import SkipFile, describe_error, open_binary, os_reason

GZIP_MAGIC = b"\x1f\x8b"
GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)  # truncated; corrupt deflate data; bad header or CRC
OPEN_HANDLES = 4  # per thread: the files whose records are being read, one at a time in practice


def is_gzip(path: str | Path) -> bool:
    return str(path).lower().endswith(".gz")


def gzip_reason(error: BaseException) -> str:
    """One line on why a gzip stream cannot be read on."""
    if isinstance(error, EOFError):
        return "the gzip stream ends before its end-of-stream marker (truncated or damaged)"
    return f"the gzip stream is corrupt ({describe_error(error, 120)})"


class _GzipStream(gzip.GzipFile):
    """A GzipFile that closes the file it reads when it is closed."""

    def __init__(self, raw):
        super().__init__(fileobj=raw, mode="rb")
        self.myfileobj = raw  # GzipFile.close() closes ``myfileobj``


def open_stream(path: str | Path):
    """The file's bytes as a binary stream (decompressed for ``.gz``), or SkipFile."""
    raw = open_binary(path)
    if not is_gzip(path):
        return raw
    try:
        head = raw.read(len(GZIP_MAGIC))
        raw.seek(0)
    except OSError as error:
        raw.close()
        raise SkipFile(os_reason(error)) from None
    if head and head != GZIP_MAGIC[:len(head)]:  # (an empty file reads as empty, like an empty .jsonl)
        raw.close()
        raise SkipFile("not a gzip file (no gzip signature at its start), despite its .gz name")
    return _GzipStream(raw)


def read_limited(path: str | Path, limit: int, advice: str = "; split it into articles") -> bytes:
    """All the bytes of the file (decompressed for ``.gz``), refused past ``limit`` bytes:
    a small ``.gz`` never expands into more than ``limit + 1`` bytes in memory."""
    with open_stream(path) as stream:
        try:
            data = stream.read(limit + 1)
        except GZIP_ERRORS as error:
            raise SkipFile(gzip_reason(error)) from None
        except OSError as error:
            raise SkipFile(os_reason(error)) from None
    if len(data) > limit:
        once = " once decompressed" if is_gzip(path) else ""
        raise SkipFile(f"too large{once} (limit {limit:,} bytes){advice}")
    return data


class _Handles(threading.local):
    def __init__(self):
        self.open: OrderedDict[str, tuple[tuple, int, object]] = OrderedDict()  # path -> (identity, pid, stream)


_handles = _Handles()


def _identity(path: str) -> tuple:
    """What says the file on disk is still the one a kept handle has open."""
    try:
        stat = os.stat(path)
    except OSError as error:
        raise SkipFile(os_reason(error)) from None
    return stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns


def _stream_at(path: str, offset: int):
    """A kept stream of ``path`` positioned at ``offset`` (read forward to it, or rewound)."""
    identity = _identity(path)
    kept = _handles.open.pop(path, None)
    if kept is not None and (kept[0] != identity or kept[1] != os.getpid()):
        if kept[1] == os.getpid():
            kept[2].close()
        kept = None
    if kept is None:
        kept = (identity, os.getpid(), open_stream(path))
    while len(_handles.open) >= OPEN_HANDLES:
        _, (_, pid, stream) = _handles.open.popitem(last=False)
        if pid == os.getpid():
            stream.close()
    _handles.open[path] = kept
    stream = kept[2]
    if stream.tell() != offset:
        stream.seek(offset)  # gzip: decompresses forward from here when ahead, from the start when behind
    return stream


def read_line_at(path: str, offset: int, limit: int) -> bytes:
    """The line starting at ``offset`` (at most ``limit`` bytes), through a kept handle.
    A gzip error is raised as it is (after the handle is dropped): the caller names the line."""
    try:
        stream = _stream_at(path, offset)
        return stream.readline(limit)
    except BaseException:
        close(path)
        raise


def close(path: str | None = None) -> None:
    """Close the kept handle of ``path`` (of every file, for None) in this thread."""
    for name in [path] if path is not None else list(_handles.open):
        kept = _handles.open.pop(name, None)
        if kept is not None and kept[1] == os.getpid():
            kept[2].close()
