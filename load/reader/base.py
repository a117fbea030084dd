"""What every reader shares: the unit of work (``Source``), the refusal (``SkipFile``),
finding files, stored names, reading bytes within limits, decoding and normalizing text.

Choices (documented in the README too):
- UTF-8 first (a BOM is dropped); otherwise charset_normalizer's best guess
  (Windows-1252, Latin-1, UTF-16 ...). A file with a known binary signature, or
  whose NUL bytes are more than 1% of it (and more than 8), is skipped as binary,
  wherever the NULs are; fewer NULs are a damaged text, and each becomes a space
  (``normalize_text``: one character for one, so offsets stay exact). No stored
  text holds a NUL.
- Only regular files are read: a named pipe, socket or device is refused when it
  is opened (``_open_regular``), without blocking, whatever its name.
- Article text over ``MAX_CHARS`` characters (spaCy's default ``max_length``) is
  refused: a news article is a few thousand characters, and a text that big is
  a dump that should be split.
- Typographic quotes, dashes and odd spaces are mapped one character to one
  character (``normalize_text``), so offsets into the stored text stay exact.
"""
from __future__ import annotations

import json
import os
import re
import stat
import unicodedata
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

MAX_CHARS = 1_000_000
MAX_BYTES = 4 * MAX_CHARS  # a UTF-8 character is at most four bytes

BINARY_SIGNATURES = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x7fELF",
    b"\x1f\x8b", b"BM", b"II*\x00", b"MM\x00*", b"RIFF", b"\x00\x00\x01\x00",
)

# One character in, one character out: offsets computed on the stored text
# stay valid, and the stored text reads the same as the original.
TYPOGRAPHY = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\u200b": None, "\ufeff": None,
    "\x00": " ",  # a stray NUL (see ``decode``): SQLite's length() and C strings stop at it
})
# The same as one regex: str.translate looks every character of the text up in the table's dict
# (ten times slower than finding the few that are in it).
_TYPOGRAPHY_CHARS = re.compile("[" + "".join(re.escape(chr(c)) for c in TYPOGRAPHY) + "]")
MAX_JSON_DEPTH = 100  # nesting levels of a JSON sidecar or record; real ones have 2-4


class SkipFile(Exception):
    """The file (or record) cannot be loaded; the message is the one-line reason."""


class UnsupportedFile(ValueError):
    """A file named on the command line is of a type no reader reads."""


@dataclass(frozen=True, slots=True)
class Source:
    """One unit of work: a whole file, or one record in a file.

    ``name`` is what ``documents.path`` stores: the file's stored path, plus
    ``#LOCATOR`` for a record (``news.jsonl#12``: line 12; ``pages.json#3``: the
    third item of a JSON array; ``crawl.warc.gz#@1234``: the WARC record at byte
    1234). ``sha256`` is the hash of that unit alone, so a changed record reloads
    alone. ``path`` is the file on disk, absolute (workers open it by this path);
    ``offset`` is where the record starts in it (JSON lines, WARC). ``breaks_off``: the
    file could not be listed past this unit (a damaged stream), so its records after it are
    unknown, not gone (``--prune`` keeps them)."""

    path: str
    file: str
    sha256: str
    locator: str | None = None
    offset: int | None = None
    breaks_off: bool = False

    @property
    def name(self) -> str:
        return self.file if self.locator is None else f"{self.file}#{self.locator}"


def split_name(name: str, multi_record: Callable[[str], bool]) -> tuple[str, str | None]:
    """``documents.path`` -> (file, locator or None). A '#' belongs to the locator only
    when the part before it names a file of a multi-record format."""
    file, hash_, locator = name.rpartition("#")
    if hash_ and multi_record(file):
        return file, locator
    return name, None


def find_files(paths: list[str | Path], wanted: Callable[[Path], bool],
               not_read: Counter | None = None, ignore: Iterable[Path] = ()) -> Iterator[Path]:
    """Yield the files under the given files and folders that ``wanted`` accepts,
    sorted, each once; count the others in ``not_read`` by type. Files of a folder
    that are ``ignore`` (real paths: the database being written and its own files)
    are passed over silently.

    Symlinked folders are not followed (no loops); a symlinked file is read
    only when it resolves inside one of the given folders.
    """
    ignore = {Path(path) for path in ignore}
    ignored_names = {path.name for path in ignore}
    seen: set[Path] = set()
    for given in paths:
        root = Path(given)
        if os.path.isdir(root):  # os.path: False, never an exception, on an unreadable path
            allowed = root.resolve()
            for folder, dirs, files in os.walk(root, followlinks=False):
                dirs.sort()
                for name in sorted(files):
                    path = Path(folder) / name
                    if name in ignored_names and _resolve(path) in ignore:
                        continue
                    if not wanted(path):
                        if not_read is not None:
                            not_read[file_type(path)] += 1
                        continue
                    real = _resolve(path)
                    if os.path.islink(path) and real is not None and not real.is_relative_to(allowed):
                        continue
                    real = real or path  # a symlink loop: read_bytes skips it with a reason
                    if real not in seen:
                        seen.add(real)
                        yield path
        elif os.path.lexists(root):
            real = _resolve(root) or root
            if real not in seen:
                seen.add(real)
                yield root
        else:
            raise FileNotFoundError(f"{given}: no such file or folder")


def file_type(path: Path) -> str:
    """How the summary names a file it did not read: its extension, lower case."""
    suffixes = [s.lower() for s in path.suffixes[-2:] if 1 < len(s) <= 8]
    if len(suffixes) == 2 and suffixes[-1] != ".gz":
        suffixes = suffixes[-1:]
    return "".join(suffixes) or "(no extension)"


def _resolve(path: Path) -> Path | None:
    """The real path, or None for a symlink loop (Python 3.11 raises RuntimeError, later OSError)."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return None


def stored_path(path: Path) -> str:
    """The path as stored in ``documents.path``: relative to the working
    folder when inside it (so ``seeds`` and ``./seeds`` agree), else absolute."""
    absolute = Path(os.path.abspath(path))
    try:
        name = absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        name = absolute.as_posix()
    return unicode_name(name)


def unicode_name(name: str) -> str:
    """A file name as valid Unicode: bytes that are not UTF-8 (kept by Python as lone
    surrogates, which SQLite refuses) are written ``\\xNN``."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def read_bytes(path: Path, limit: int = MAX_BYTES, advice: str = "; split it into articles") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, or SkipFile with the reason."""
    try:
        size = path.stat().st_size
        if size > limit:
            stated = f"{MAX_CHARS:,} characters" if limit == MAX_BYTES else f"{limit:,} bytes"
            raise SkipFile(f"too large: {size:,} bytes (limit {stated}){advice}")
        with open(path, "rb", opener=_open_regular) as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise SkipFile(os_reason(error)) from None
    if len(data) > limit:  # grew since stat()
        raise SkipFile(f"too large: over {limit:,} bytes{advice}")
    return data


def open_binary(path: Path | str):
    """``open(path, "rb")`` of a regular file, or SkipFile with the one-line reason."""
    try:
        return open(path, "rb", opener=_open_regular)
    except OSError as error:
        raise SkipFile(os_reason(error)) from None


NOT_REGULAR = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
               (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def _open_regular(path, flags: int) -> int:
    """The ``opener`` of every read: non-blocking, so opening a named pipe returns at once
    instead of waiting for a writer, then refused unless it is a regular file."""
    try:
        fd = os.open(path, flags | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        try:
            _refuse_special(os.stat(path).st_mode)  # a socket cannot be opened at all (ENXIO)
        except OSError:
            pass
        raise
    try:
        _refuse_special(os.fstat(fd).st_mode)
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _refuse_special(mode: int) -> None:
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in NOT_REGULAR if test(mode)), "a special file")
        raise SkipFile(f"not a regular file: {kind}; only regular files are read")


def os_reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, FileNotFoundError):
        return "vanished while loading"
    if isinstance(error, IsADirectoryError):
        return "is a folder"
    return f"cannot read: {error.strerror or error}"


def describe_error(error: BaseException, limit: int = 200) -> str:
    """``Type: message`` on one line, at most ``limit`` characters of message: a library's
    message may quote the raw bytes it choked on (a WARC header line, binary junk)."""
    from ..terminal import printable

    message = printable(error)
    if len(message) > limit:
        message = message[:limit] + "..."
    return f"{type(error).__name__}: {message}"


def gunzip(data: bytes, limit: int) -> bytes:
    """The content of a gzip file, refused past ``limit`` bytes (no decompression bomb)."""
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as error:
        raise SkipFile(f"not a valid gzip file ({error})") from None
    if len(out) > limit:
        raise SkipFile(f"too large once decompressed (limit {limit:,} bytes)")
    return out


def decode(data: bytes) -> str:
    if not data.strip():
        raise SkipFile("empty file")
    if data.startswith(BINARY_SIGNATURES) or _mostly_nul(data) and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SkipFile("binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise SkipFile("not text in any known encoding")
    text = str(best)
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t")
    if controls > max(8, len(text) // 100):
        raise SkipFile("binary file, not text")
    return text


def _mostly_nul(data: bytes) -> bool:
    """Binary by its NUL bytes: more than 1% of the bytes (and more than 8), wherever they are.
    The same rule for a NUL at byte 10 and at byte 100,000 (UTF-16 text, whose NULs are half
    its bytes, starts with a BOM and is tested before this)."""
    return data.count(b"\x00") > max(8, len(data) // 100)


def normalize_text(text: str) -> str:
    """Unicode NFC, Unix line ends, typographic quotes/dashes/spaces to ASCII."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return _TYPOGRAPHY_CHARS.sub(lambda m: TYPOGRAPHY[ord(m.group())] or "", text)


TOO_DEEP = f"invalid JSON: nested too deeply (limit {MAX_JSON_DEPTH} levels)"


def parse_json(text: str | bytes, check_depth: bool = True):
    """``json.loads`` refusing, with a one-line SkipFile, invalid JSON and nesting deeper than
    ``MAX_JSON_DEPTH`` (Python's parser recurses: 100,000 brackets are a RecursionError).
    ``check_depth=False`` leaves the depth to the caller (a ``.json`` array checks each item)."""
    try:
        value = json.loads(text)
    except RecursionError:
        raise SkipFile(TOO_DEEP) from None
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno}" if error.lineno > 1 else f"column {error.colno}"
        raise SkipFile(f"invalid JSON at {where}: {error.msg}") from None
    if check_depth and json_depth(value) > MAX_JSON_DEPTH:
        raise SkipFile(TOO_DEEP)
    return value


def json_depth(value) -> int:
    """How many arrays and objects deep ``value`` goes, without recursion (0 for a scalar)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        if depth > MAX_JSON_DEPTH:
            break
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return deepest


def check_length(text: str) -> None:
    if len(text) > MAX_CHARS:
        raise SkipFile(f"too large: {len(text):,} characters (limit {MAX_CHARS:,}); split it into articles")
