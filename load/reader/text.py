"""Plain text (``.txt``): the project's own cleaning and metadata reading.

The file is decoded (``base.decode``), normalized, cleaned of site furniture by
line shape (``load.cleaning``) and its metadata read from the text
(``load.article_meta``). A sidecar ``NAME.json`` beside the file overrides what
the text suggests (url, outlet, title, author, published); its bytes are part of
the document's hash, so editing it reloads the article.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..cleaning import clean_lines
from ..records import Article
from .base import SkipFile, Source, check_length, decode, normalize_text, read_bytes


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
    sidecar = sidecar_of(path)
    if sidecar.exists():
        try:
            digest.update(b"\0sidecar\0" + sidecar.read_bytes())
        except OSError as error:
            raise SkipFile(f"sidecar {sidecar.name}: cannot read ({error.strerror})") from None
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
