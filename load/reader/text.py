"""Plain text (``.txt``): the project's own cleaning and metadata reading.

The file is decoded (``base.decode``), normalized, cleaned of site furniture by
line shape (``load.cleaning``) and its metadata read from the text
(``load.article_meta``). A sidecar ``NAME.json`` beside the file overrides what
the text suggests (url, outlet, title, author, published); its bytes are part of
the document's hash, so editing it reloads the article. A sidecar is read like an
input: a regular file of at most ``limits.MAX_SIDECAR_BYTES``, JSON nested at most
``base.MAX_JSON_DEPTH`` deep, each field within ``limits.FIELD_LIMITS``; otherwise the
article is skipped with a reason naming the sidecar.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..cleaning import clean_lines
from ..records import Article
from .base import SkipFile, Source, check_length, decode, normalize_text, parse_json, read_bytes
from .limits import MAX_SIDECAR_BYTES, check_given

SIDECAR_FIELDS = ("title", "outlet", "author", "url", "published")


def sidecar_of(path: Path) -> Path:
    """``NAME.json`` beside ``NAME.txt`` (``NAME.html``, ``NAME.html.gz``)."""
    name = path.name
    for suffix in (".gz", ".txt", ".html", ".htm"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return path.with_name(name + ".json")


def read_sidecar(path: Path) -> dict:
    """The sidecar's fields, {} when there is none; SkipFile when it is not a JSON object."""
    sidecar = sidecar_of(path)
    if not os.path.exists(sidecar):
        return {}
    data = _sidecar_bytes(sidecar)
    where = f"sidecar {sidecar.name}"
    try:
        parsed = parse_json(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise SkipFile(f"{where}: invalid JSON (not UTF-8)") from None
    except SkipFile as reason:
        raise SkipFile(f"{where}: {reason}") from None
    if not isinstance(parsed, dict):
        raise SkipFile(f"{where}: expected a JSON object")
    for name in SIDECAR_FIELDS:
        if parsed.get(name) is not None:
            check_given("published_raw" if name == "published" else name, name, parsed[name], where)
    return parsed


def _sidecar_bytes(sidecar: Path) -> bytes:
    try:
        return read_bytes(sidecar, MAX_SIDECAR_BYTES, advice="")
    except SkipFile as reason:
        raise SkipFile(f"sidecar {sidecar.name}: {reason}") from None


def file_hash(path: Path, data: bytes | None = None) -> str:
    """sha256 of the article and its sidecar: a change to either reloads it."""
    digest = hashlib.sha256(read_bytes(path) if data is None else data)
    sidecar = sidecar_of(path)
    if os.path.exists(sidecar):
        digest.update(b"\0sidecar\0" + _sidecar_bytes(sidecar))
    return digest.hexdigest()


def read(source: Source, data: bytes) -> Article:
    """One ``.txt`` file into an Article, or raise SkipFile."""
    from ..article_meta import apply_sidecar, read_metadata

    path = Path(source.path)
    raw = normalize_text(decode(data))
    check_length(raw)
    sidecar = read_sidecar(path)
    cleaned = clean_lines(raw)
    if not cleaned.text.strip():
        raise SkipFile("no article text after removing site furniture")
    article = Article(path=source.name, sha256=source.sha256, text=cleaned.text, file=source.file, format="txt")
    read_metadata(article, cleaned)
    apply_sidecar(article, sidecar, sidecar_of(path).name)
    if sidecar.get("url"):
        article.url_source = "sidecar"
    if not any(c.isalpha() for c in article.text):
        raise SkipFile("no words in the text")
    return article
