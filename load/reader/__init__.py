"""Files -> sources -> Articles: one reader per input format, chosen here and only here.

| extension | format | reader | unit of work (``documents.path``) |
| --- | --- | --- | --- |
| ``.txt`` | txt | ``text`` | the file |
| ``.html``, ``.htm`` (``.gz`` too) | html | ``html`` | the file |
| ``.jsonl``, ``.ndjson`` (``.gz`` too) | jsonl | ``jsonlines`` | each line: ``FILE#LINE`` |
| ``.json`` (``.gz`` too) | json | ``jsonlines`` | an object: the file; an array: each item, ``FILE#N`` |
| ``.warc``, ``.warc.gz`` | warc | ``warc`` | each HTML response record: ``FILE#@OFFSET`` |

The unit of work is a *source* (``base.Source``): a whole file, or one record in a
file. Its stored path (``documents.path``) is the file's stored path (relative to
the working folder when inside it, else absolute), followed for a record by
``#`` and a locator: the 1-based line number of a JSON line, the 1-based position
of an item of a JSON array, ``@`` and the byte offset of a WARC record. Its
``sha256`` is that unit's own (the file and its sidecar; the line; the item's
canonical JSON; the record's URI, date and payload), so the pair (stored path,
sha256) says whether a unit changed, and a changed record reloads alone.
``split_name`` turns a stored path back into (file, locator); ``documents.file``
stores the file part.

A ``NAME.json`` beside ``NAME.txt`` or ``NAME.html`` (``.htm``, ``.gz``) is that
article's sidecar (it overrides the metadata, see ``text``), not an input. In a
folder, files of other types (images, PDFs, ``.docx`` ...) are counted by type as
not read; a file of an unsupported type named on the command line is an error
(``UnsupportedFile``) that lists the supported types.

Every Article leaves ``read_source`` / ``read_article`` bounded (``limits.bound_article``):
no metadata field over its limit, no NUL or lone surrogate in any stored string.
"""
from __future__ import annotations

import dataclasses
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ..records import Article
from . import html, jsonlines, text, warc
from .base import (MAX_BYTES, MAX_CHARS, SkipFile, Source, UnsupportedFile, decode, file_type, normalize_text,
                   read_bytes, stored_path)
from .base import find_files as _walk
from .base import split_name as _split_name
from .limits import FIELD_LIMITS, MAX_SIDECAR_BYTES, bound_article
from .text import file_hash, read_sidecar

__all__ = [
    "FIELD_LIMITS", "FORMATS", "MAX_BYTES", "MAX_CHARS", "MAX_SIDECAR_BYTES", "SkipFile", "Source", "UnsupportedFile", "decode", "file_hash",
    "find_files", "format_of", "normalize_text", "read_article", "read_bytes", "read_sidecar", "read_source",
    "sources", "split_name", "stored_path",
]

FORMATS = {
    ".txt": "txt", ".html": "html", ".htm": "html", ".html.gz": "html", ".htm.gz": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".warc": "warc", ".warc.gz": "warc",
    ".jsonl.gz": "jsonl", ".ndjson.gz": "jsonl", ".json.gz": "json",
}
WHOLE_FILE = {"txt", "html"}   # one file, one article (these may have a sidecar)
_BY_LENGTH = sorted(FORMATS, key=len, reverse=True)


def format_of(path: str | Path) -> str | None:
    name = str(path).lower()
    return next((FORMATS[suffix] for suffix in _BY_LENGTH if name.endswith(suffix)), None)


def is_sidecar(path: Path) -> bool:
    """``NAME.json`` with a ``NAME.txt`` / ``NAME.html`` / ... beside it."""
    if not path.name.lower().endswith(".json"):
        return False
    stem = path.name[:-5]
    return any(os.path.exists(path.with_name(stem + suffix)) for suffix, fmt in FORMATS.items() if fmt in WHOLE_FILE)


def _readable(path: Path) -> bool:
    return format_of(path) is not None and not is_sidecar(path)


def supported_types() -> str:
    return ", ".join(FORMATS)


def find_files(paths: list[str | Path], not_read: Counter | None = None, ignore=()) -> Iterator[Path]:
    """The readable files under the given files and folders, sorted, each once; the
    other files in the folders are counted by type in ``not_read`` (but for ``ignore``:
    the database being written and its own files). A file of an unsupported type named
    directly raises ``UnsupportedFile``."""
    for given in paths:
        path = Path(given)
        if not os.path.isdir(path) and os.path.lexists(path) and format_of(path) is None:
            raise UnsupportedFile(f"{given}: {file_type(path)} files are not read; "
                                  f"the readable types are {supported_types()}")
    return _walk(paths, _readable, not_read, ignore)


def split_name(name: str) -> tuple[str, str | None]:
    """A stored path -> (file, locator or None): ``news.jsonl#12`` -> (``news.jsonl``, ``12``)."""
    return _split_name(name, lambda file: format_of(file) in ("jsonl", "json", "warc"))


def sources(path: Path, ignored: Counter | None = None) -> Iterator[Source]:
    """The units of work in one file, hashed, in file order (streamed for JSON lines and
    WARC). A file that cannot be read raises SkipFile (after the units before the fault);
    records that are not articles (WARC requests, images ...) are counted in ``ignored``."""
    fmt = format_of(path)
    file = stored_path(path)
    if fmt in WHOLE_FILE:
        data = read_bytes(path, html.MAX_HTML_BYTES if fmt == "html" else MAX_BYTES)
        yield Source(os.path.abspath(path), file, file_hash(path, data))
    elif fmt == "jsonl":
        yield from jsonlines.line_sources(path, file)
    elif fmt == "json":
        yield from jsonlines.json_sources(path, file)
    elif fmt == "warc":
        yield from warc.sources(path, file, Counter() if ignored is None else ignored)
    else:
        raise SkipFile(f"{file_type(path)} files are not read; the readable types are {supported_types()}")


def read_source(source: Source) -> Article:
    """One unit of work into an Article, or SkipFile with a one-line reason."""
    return bound_article(_read_source(source))


def _read_source(source: Source) -> Article:
    fmt = format_of(source.file)
    if fmt in WHOLE_FILE:
        path = Path(source.path)
        data = read_bytes(path, html.MAX_HTML_BYTES if fmt == "html" else MAX_BYTES)
        # hash what is read now: a file rewritten since planning loads as it is, hash and text agreeing
        source = dataclasses.replace(source, sha256=file_hash(path, data))
        return (text.read if fmt == "txt" else html.read)(source, data)
    if fmt == "jsonl":
        return jsonlines.read_line(source)
    if fmt == "json":
        return jsonlines.read_json(source)
    if fmt == "warc":
        return warc.read(source)
    raise SkipFile(f"{file_type(Path(source.file))} files are not read")


def read_article(path: Path, data: bytes | None = None) -> Article:
    """A whole-file article (``.txt``, ``.html``) read directly, or SkipFile."""
    path = Path(path)
    fmt = format_of(path)
    if fmt not in WHOLE_FILE:
        raise ValueError(f"{path}: read_article reads whole-file articles; use sources() and read_source()")
    if data is None:
        data = read_bytes(path, html.MAX_HTML_BYTES if fmt == "html" else MAX_BYTES)
    source = Source(os.path.abspath(path), stored_path(path), file_hash(path, data))
    return bound_article((text.read if fmt == "txt" else html.read)(source, data))
