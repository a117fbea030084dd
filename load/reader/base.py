"""What every reader shares: the unit of work (``Source``), the refusal (``SkipFile``),
finding files, stored names, reading bytes within limits, decoding and normalizing text.

Choices (documented in the README too):
- UTF-8 first (a BOM is dropped); otherwise charset_normalizer's best guess
  (Windows-1252, Latin-1, UTF-16 ...). Files with NUL bytes or a known binary
  signature are skipped as binary.
- Article text over ``MAX_CHARS`` characters (spaCy's default ``max_length``) is
  refused: a news article is a few thousand characters, and a text that big is
  a dump that should be split.
- Typographic quotes, dashes and odd spaces are mapped one character to one
  character (``normalize_text``), so offsets into the stored text stay exact.
"""
from __future__ import annotations

import os
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
})


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
    ``offset`` is where the record starts in it (JSON lines, WARC)."""

    path: str
    file: str
    sha256: str
    locator: str | None = None
    offset: int | None = None

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
        if root.is_dir():
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
                    if path.is_symlink() and real is not None and not real.is_relative_to(allowed):
                        continue
                    real = real or path  # a symlink loop: read_bytes skips it with a reason
                    if real not in seen:
                        seen.add(real)
                        yield path
        elif root.exists() or root.is_symlink():
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
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            stated = f"{MAX_CHARS:,} characters" if limit == MAX_BYTES else f"{limit:,} bytes"
            raise SkipFile(f"too large: {size:,} bytes (limit {stated}); split it into articles")
        with open(path, "rb") as handle:
            return handle.read(limit + 1)
    except OSError as error:
        raise SkipFile(os_reason(error)) from None


def open_binary(path: Path | str):
    """``open(path, "rb")``, or SkipFile with the one-line reason."""
    try:
        return open(path, "rb")
    except OSError as error:
        raise SkipFile(os_reason(error)) from None


def os_reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, FileNotFoundError):
        return "vanished while loading"
    if isinstance(error, IsADirectoryError):
        return "is a folder"
    return f"cannot read: {error.strerror or error}"


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
    if data.startswith(BINARY_SIGNATURES) or b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
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


def normalize_text(text: str) -> str:
    """Unicode NFC, Unix line ends, typographic quotes/dashes/spaces to ASCII."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(TYPOGRAPHY)


def check_length(text: str) -> None:
    if len(text) > MAX_CHARS:
        raise SkipFile(f"too large: {len(text):,} characters (limit {MAX_CHARS:,}); split it into articles")
