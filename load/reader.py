"""Files -> Article: find the files, decode them, normalize, clean, read metadata.

A file that cannot become an article raises ``SkipFile`` with a one-line
reason; the loader reports it with the file's name and goes on.

Choices (documented in the README too):
- UTF-8 first (a BOM is dropped); otherwise charset_normalizer's best guess
  (Windows-1252, Latin-1, UTF-16 ...). Files with NUL bytes or a known binary
  signature are skipped as binary.
- Files over ``MAX_CHARS`` characters (spaCy's default ``max_length``) are
  refused: a news article is a few thousand characters, and a file that big is
  a dump that should be split.
- Typographic quotes, dashes and odd spaces are mapped one character to one
  character (``normalize_text``), so offsets into the stored text stay exact.
"""
from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from .cleaning import clean_lines
from .records import Article

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
    """The file cannot be loaded; the message is the one-line reason."""


def find_files(paths: list[str | Path]) -> Iterator[Path]:
    """Yield ``*.txt`` files under the given files and folders, sorted, each once.

    Symlinked folders are not followed (no loops); a symlinked file is read
    only when it resolves inside one of the given folders.
    """
    seen: set[Path] = set()
    for given in paths:
        root = Path(given)
        if root.is_dir():
            allowed = root.resolve()
            for folder, dirs, files in os.walk(root, followlinks=False):
                dirs.sort()
                for name in sorted(files):
                    if not name.lower().endswith(".txt"):
                        continue
                    path = Path(folder) / name
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


def read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SkipFile(f"too large: {size:,} bytes (limit {MAX_CHARS:,} characters); split it into articles")
        with open(path, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except PermissionError:
        raise SkipFile("permission denied") from None
    except FileNotFoundError:
        raise SkipFile("vanished while loading") from None
    except IsADirectoryError:
        raise SkipFile("is a folder") from None
    except OSError as error:
        raise SkipFile(f"cannot read: {error.strerror or error}") from None


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


def read_sidecar(path: Path) -> dict:
    """``name.json`` beside ``name.txt``: url, outlet, title, author, published."""
    sidecar = path.with_suffix(".json")
    if not sidecar.exists():
        return {}
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SkipFile(f"sidecar {sidecar.name}: invalid JSON ({error})") from None
    if not isinstance(data, dict):
        raise SkipFile(f"sidecar {sidecar.name}: expected a JSON object")
    return data


def file_hash(path: Path, data: bytes | None = None) -> str:
    """sha256 of the article and its sidecar: a change to either reloads it."""
    digest = hashlib.sha256(read_bytes(path) if data is None else data)
    sidecar = path.with_suffix(".json")
    if sidecar.exists():
        try:
            digest.update(b"\0sidecar\0" + sidecar.read_bytes())
        except OSError as error:
            raise SkipFile(f"sidecar {sidecar.name}: cannot read ({error.strerror})") from None
    return digest.hexdigest()


def read_article(path: Path, data: bytes | None = None) -> Article:
    """Read one file into an Article, or raise SkipFile."""
    from .article_meta import apply_sidecar, read_metadata

    data = read_bytes(path) if data is None else data
    sha256 = file_hash(path, data)
    raw = normalize_text(decode(data))
    if len(raw) > MAX_CHARS:
        raise SkipFile(f"too large: {len(raw):,} characters (limit {MAX_CHARS:,}); split it into articles")
    sidecar = read_sidecar(path)
    cleaned = clean_lines(raw)
    if not cleaned.text.strip():
        raise SkipFile("no article text after removing site furniture")
    article = Article(path=stored_path(path), sha256=sha256, text=cleaned.text)
    read_metadata(article, cleaned)
    apply_sidecar(article, sidecar, path.with_suffix(".json").name)
    if not any(c.isalpha() for c in article.text):
        raise SkipFile("no words in the text")
    return article
